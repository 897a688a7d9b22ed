package io.encours.service.auditor;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.encours.service.FullStackTest;
import io.encours.service.storage.EmbeddedMongo;
import io.encours.service.storage.WriteDurability;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An export of 100,000 decisions, read line by line over HTTP as the service writes it.
 *
 * <p>The response is sent in chunks (no Content-Length: the service never had the whole body) while the
 * test reads it as a stream. The heap is measured apart: the embedded store itself keeps the result of a
 * query in memory (mongo-java-server's cursors are in-memory lists), so in this JVM the figure would be the
 * store's, not the export's. So the export code also runs in a JVM of its own, with a heap smaller than the
 * export, reading from this test's store over the MongoDB protocol as it would from a real MongoDB.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditExportTest extends FullStackTest {
    private static final int RECORDS = 100_000;
    private static final int SMALL_HEAP_MB = 32;

    @Autowired
    EmbeddedMongo embeddedMongo;

    @Autowired
    WriteDurability durability;

    /**
     * The other full-stack tests share this store: the bulk goes again, and both the insert and the delete
     * are made durable here, not in the next decision's group commit.
     */
    @AfterAll
    void removeTheBulk() {
        mongo.getCollection("decisions").deleteMany(Filters.eq("customerId", "EXPORT-100K"));
        durability.makeAcknowledgedWritesDurable();
    }

    @BeforeAll
    void insertAHundredThousandRecords() {
        MongoCollection<Document> decisions = mongo.getCollection("decisions");
        Instant start = Instant.parse("2032-01-01T00:00:00Z");
        String input = "{\"customer\":{\"id\":\"EXPORT-100K\"},\"order\":{\"id\":\"SO-X\",\"lines\":\""
                + "x".repeat(100) + "\"}}";
        List<Document> batch = new ArrayList<>(10_000);
        for (int i = 0; i < RECORDS; i++) {
            String id = String.format("export-%06d", i);
            batch.add(new Document("_id", id).append("schema", 1).append("type", "ORDER_CHECK")
                    .append("requestId", "req-" + id).append("caller", "bulk")
                    .append("receivedAt", Date.from(start.plusMillis(i))).append("customerId", "EXPORT-100K")
                    .append("orderId", "SO-" + i).append("outcome", i % 3 == 0 ? "REVIEW" : "APPROVE")
                    .append("amount", new Decimal128(new java.math.BigDecimal(i + ".50"))).append("currency", "EUR")
                    .append("reasonCodes", List.of("CODE_" + i % 7)).append("firedRules", List.of("Rule " + i % 5))
                    .append("policy", new Document("id", "credit-policy-fr").append("version", "2026.1"))
                    .append("input", input).append("output", "{\"outcome\":\"APPROVE\"}"));
            if (batch.size() == 10_000) {
                decisions.insertMany(batch);
                batch.clear();
            }
        }
        durability.makeAcknowledgedWritesDurable();
    }

    @Test
    void a_hundred_thousand_records_export_within_a_heap_smaller_than_the_export() throws Exception {
        Process export = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + SMALL_HEAP_MB + "m", "-cp", System.getProperty("java.class.path"),
                ExportInSmallHeap.class.getName(), embeddedMongo.connectionString(mongo.getDb().getName()),
                "EXPORT-100K").redirectErrorStream(true).start();
        String output = new String(export.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(export.waitFor(5, TimeUnit.MINUTES)).isTrue();

        assertThat(export.exitValue()).as(output).isZero();
        Matcher result = Pattern.compile("lines=(\\d+) bytes=(\\d+) maxHeap=(\\d+)").matcher(output);
        assertThat(result.find()).as(output).isTrue();
        assertThat(Long.parseLong(result.group(1))).isEqualTo(RECORDS);
        long maxHeap = Long.parseLong(result.group(3));
        assertThat(maxHeap).isLessThanOrEqualTo(SMALL_HEAP_MB * 1024L * 1024L);
        assertThat(Long.parseLong(result.group(2))).as("bytes exported, more than the whole heap")
                .isGreaterThan(maxHeap);
    }

    @Test
    void a_hundred_thousand_records_export_as_a_stream() throws Exception {
        // All of them as JSON Lines, a thousand of them as CSV.
        for (String format : List.of("jsonl", "csv")) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(api().url(
                            "/api/v1/audit/decisions/export." + format + "?customer=EXPORT-100K"
                            + (format.equals("csv") ? "&maxAmount=999.50" : ""))))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            "auditor:secret-auditor".getBytes(StandardCharsets.UTF_8)))
                    .timeout(Duration.ofMinutes(2)).GET().build();
            HttpResponse<InputStream> response = HttpClient.newHttpClient()
                    .send(request, HttpResponse.BodyHandlers.ofInputStream());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Length")).as(format).isEmpty();
            assertThat(response.headers().firstValue("Transfer-Encoding")).as(format).contains("chunked");
            long lines = 0;
            long bytes = 0;
            String first = null;
            String last = null;
            try (BufferedReader body = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = body.readLine()) != null) {
                    if (first == null) {
                        first = line;
                    }
                    last = line;
                    lines++;
                    bytes += line.length() + 1;
                }
            }
            if (format.equals("jsonl")) {
                assertThat(lines).isEqualTo(RECORDS);
                assertThat(first).contains("\"_id\":\"export-000000\"");
                assertThat(last).contains("\"_id\":\"export-099999\"").contains("\"amount\":\"99999.50\"");
                assertThat(bytes).as("bytes exported").isGreaterThan(30_000_000L);
            } else {
                assertThat(lines).isEqualTo(1000 + 1);
                assertThat(first).startsWith("decisionId,");
                assertThat(last).isEqualTo("export-000999,,2032-01-01T00:00:00.999Z,ORDER_CHECK,REVIEW,EXPORT-100K,"
                        + "SO-999,req-export-000999,bulk,999.50,EUR,,,credit-policy-fr,2026.1,,CODE_5,Rule 4,,,");
            }
        }
    }
}
