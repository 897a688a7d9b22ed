package io.encours.service.retention;

import static org.assertj.core.api.Assertions.assertThat;

import io.encours.rules.decision.DecisionResult;
import io.encours.rules.decision.PolicyStamp;
import io.encours.rules.decision.RuleRef;
import io.encours.rules.model.DecisionType;
import io.encours.rules.model.PaymentTerms;
import io.encours.service.TestApi;
import io.encours.service.audit.AuditChain;
import io.encours.service.audit.AuditRecord;
import io.encours.service.audit.AuditRecords;
import io.encours.service.audit.AuditTrail;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Archive, offline verification and prune on a store of its own (pruning deletes records other full-stack tests
 * would look for). Decisions of March and April 2015 are past the ten-year retention, January 2020's are not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "encours.storage.data-dir=target/test-data/retention-${random.uuid}",
        "encours.retention.archive-directory=${encours.storage.data-dir}/archives"})
class RetentionTest {
    private static final Path VERIFIER = Path.of("..", "docs", "tools", "ArchiveVerify.java");

    @LocalServerPort
    int port;

    @Autowired
    AuditTrail trail;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    RetentionProperties retention;

    @TempDir
    Path copies;

    private TestApi admin() {
        return new TestApi(port).as("admin", "secret-admin");
    }

    private TestApi auditor() {
        return new TestApi(port).as("auditor", "secret-auditor");
    }

    private List<AuditRecord> decisions(String firstAt, int count) {
        List<AuditRecord> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            AuditRecord r = decision(Instant.parse(firstAt).plusSeconds(60L * i), i % 2 == 0 ? "APPROVE" : "BLOCK");
            trail.record(r);
            records.add(r);
        }
        return records;
    }

    private static AuditRecord decision(Instant at, String outcome) {
        String id = UUID.randomUUID().toString();
        List<RuleRef> rules = List.of(new RuleRef("Order within policy", "credit-policy.drl", null, 0));
        DecisionResult result = new DecisionResult(DecisionType.ORDER_CHECK, outcome, 80, "B", null, null, null, null,
                null, null, new PaymentTerms(45, false), new PaymentTerms(30, false), null, null, List.of(), List.of(),
                null, List.of(), List.of(), rules);
        String input = "{\"customer\":{\"id\":\"C-RET\"},\"order\":{\"note\":\"caf\u00e9 \\\"quoted\\\"\\nline\"}}";
        return AuditRecords.anOrderCheck().withId(id).withOutcome(outcome).withPayloadHash("hash-" + id)
                .byCaller("erp").receivedAt(at).asOf(LocalDate.ofInstant(at, java.time.ZoneOffset.UTC))
                .forCustomer("C-RET").forOrder("SO-" + id.substring(0, 8)).withAmount(new BigDecimal("1250.50"))
                .underPolicy(new PolicyStamp("credit-policy-fr", "2015.1", "c741b9ab")).withInput(input)
                .withResult(result).build();
    }

    private JsonNode archive(String period) {
        TestApi.Response answer = admin().post("/api/v1/admin/audit-archives?period=" + period, "");
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json();
    }

    private TestApi.Response prune(String period) {
        return admin().post("/api/v1/admin/audit-archives/" + period + "/prune", "");
    }

    private JsonNode verifyWholeChain() {
        TestApi.Response answer = auditor().get("/api/v1/audit/verify");
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json();
    }

    private Document stored(AuditRecord r) {
        return mongo.findById(r.decisionId(), Document.class, "decisions");
    }

    /** Downloads the archive as an auditor, with the manifest the service wrote next to it. */
    private Path[] download(String period) throws Exception {
        HttpResponse<byte[]> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/audit/archives/" + period))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "auditor:secret-auditor".getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/gzip");
        assertThat(answer.headers().firstValue("Archive-SHA256"))
                .hasValue(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(answer.body())));
        Path file = Files.write(copies.resolve("decisions-" + period + ".jsonl.gz"), answer.body());
        Path manifest = Files.copy(retention.archiveDirectory().resolve("decisions-" + period + ".manifest.json"),
                copies.resolve("decisions-" + period + ".manifest.json"));
        return new Path[] {file, manifest};
    }

    private record Run(int exit, String output) {
    }

    /** The documented offline check: {@code java docs/tools/ArchiveVerify.java <archive> [<manifest>]}. */
    private static Run verifyOffline(Path... files) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), VERIFIER.toString()));
        for (Path f : files) {
            command.add(f.toString());
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), output);
    }

    private static List<String> lines(Path gz) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    private static Path gzip(Path target, List<String> lines) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return Files.write(target, bytes.toByteArray());
    }

    @Test
    void archived_months_past_retention_are_pruned_and_the_chain_verifies_from_its_anchor() throws Exception {
        List<AuditRecord> march2015 = decisions("2015-03-10T09:00:00Z", 5);
        List<AuditRecord> april2015 = decisions("2015-04-20T09:00:00Z", 4);
        List<AuditRecord> january2020 = decisions("2020-01-15T09:00:00Z", 3);

        // A month still open, or within the closing margin, is not archived.
        TestApi.Response open = admin().post("/api/v1/admin/audit-archives?period=2099-01", "");
        assertThat(open.status()).isEqualTo(409);
        assertThat(open.json().get("type").asString()).isEqualTo("/problems/period-not-closed");
        assertThat(auditor().post("/api/v1/admin/audit-archives?period=2015-03", "").status()).isEqualTo(403);

        // The archive of March 2015: the chain's first five records, anchored on the genesis hash.
        JsonNode march = archive("2015-03");
        assertThat(march.get("records").asLong()).isEqualTo(5);
        assertThat(march.get("firstSeq").asLong()).isEqualTo(1);
        assertThat(march.get("lastSeq").asLong()).isEqualTo(5);
        assertThat(march.get("anchorHash").asString()).isEqualTo(AuditChain.GENESIS);
        assertThat(march.get("lastHash").asString()).isEqualTo(stored(march2015.get(4)).getString(AuditChain.HASH));
        assertThat(march.get("verifiedAt").isNull()).isFalse();
        assertThat(admin().post("/api/v1/admin/audit-archives?period=2015-03", "").json().get("type").asString())
                .isEqualTo("/problems/period-archived");

        // Each line is the record as the JSON Lines export writes it.
        Path[] downloaded = download("2015-03");
        List<String> lines = lines(downloaded[0]);
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).isEqualTo(AuditChain.canonicalJson(stored(march2015.get(0))));

        // Verified offline, with and without its manifest.
        Run offline = verifyOffline(downloaded[0], downloaded[1]);
        assertThat(offline.exit()).as(offline.output()).isZero();
        assertThat(offline.output()).startsWith("OK 5 records, chainSeq 1..5");
        assertThat(verifyOffline(downloaded[0]).exit()).isZero();

        // A changed line fails: against the manifest's SHA-256, and on its own through the record's hash.
        List<String> tampered = new ArrayList<>(lines);
        tampered.set(2, tampered.get(2).replace("\"outcome\":\"APPROVE\"", "\"outcome\":\"BLOCK\""));
        assertThat(tampered.get(2)).isNotEqualTo(lines.get(2));
        Path forged = gzip(copies.resolve("forged.jsonl.gz"), tampered);
        Run withManifest = verifyOffline(forged, downloaded[1]);
        assertThat(withManifest.exit()).isEqualTo(1);
        assertThat(withManifest.output()).startsWith("FAILED the file's SHA-256");
        Run alone = verifyOffline(forged, copies.resolve("no-such.manifest.json"));
        assertThat(alone.exit()).isEqualTo(1);
        assertThat(alone.output()).startsWith("FAILED line 3: record 3").contains("altered");
        List<String> gap = new ArrayList<>(lines);
        gap.remove(1);
        Run missing = verifyOffline(gzip(copies.resolve("gap.jsonl.gz"), gap), copies.resolve("no-such.manifest.json"));
        assertThat(missing.output()).startsWith("FAILED line 2: chainSeq 3 where 2 was expected");

        // No prune of a month not archived; none within the retention period.
        TestApi.Response unarchived = prune("2015-04");
        assertThat(unarchived.status()).isEqualTo(409);
        assertThat(unarchived.json().get("type").asString()).isEqualTo("/problems/period-not-archived");
        JsonNode april = archive("2015-04");
        assertThat(april.get("firstSeq").asLong()).isEqualTo(6);
        assertThat(april.get("anchorHash").asString()).isEqualTo(march.get("lastHash").asString());
        JsonNode january = archive("2020-01");
        assertThat(january.get("records").asLong()).isEqualTo(3);
        TestApi.Response recent = prune("2020-01");
        assertThat(recent.status()).isEqualTo(409);
        assertThat(recent.json().get("type").asString()).isEqualTo("/problems/within-retention");
        assertThat(stored(january2020.get(0))).isNotNull();

        // March 2015 pruned: its records are gone, the chain verifies from April's first record.
        TestApi.Response pruned = prune("2015-03");
        assertThat(pruned.status()).as(pruned.text()).isEqualTo(200);
        assertThat(pruned.json().get("deleted").asLong()).isEqualTo(5);
        assertThat(march2015).allSatisfy(r -> assertThat(stored(r)).isNull());
        JsonNode report = verifyWholeChain();
        assertThat(report.get("valid").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.get("firstSeq").asLong()).isEqualTo(6);
        assertThat(report.get("anchorSeq").asLong()).isEqualTo(6);
        assertThat(report.get("anchorHash").asString()).isEqualTo(march.get("lastHash").asString());
        assertThat(report.get("checked").asLong()).isEqualTo(7);
        // Pruning it again finishes a prune cut short; here nothing is left to delete.
        TestApi.Response again = prune("2015-03");
        assertThat(again.status()).as(again.text()).isEqualTo(200);
        assertThat(again.json().get("deleted").asLong()).isZero();
        assertThat(verifyWholeChain().get("valid").asBoolean()).isTrue();
        JsonNode listed = auditor().get("/api/v1/audit/archives").json();
        assertThat(listed.get("retention").get("decisions").asString()).isEqualTo("P10Y");
        assertThat(listed.get("anchor").get("firstSeq").asLong()).isEqualTo(6);
        assertThat(listed.get("archives")).hasSize(3);
        assertThat(listed.get("archives").get(0).get("prunedAt").isNull()).isFalse();

        // A decision made after the prune links to the chain's head as before.
        String body = new String(getClass().getResourceAsStream("/openapi/examples/requests/orderCheck.json")
                .readAllBytes(), StandardCharsets.UTF_8);
        TestApi.Response decided = new TestApi(port).post("/api/v1/decisions/order-check", body);
        assertThat(decided.status()).as(decided.text()).isEqualTo(200);
        Document latest = mongo.findById(decided.json().get("decisionId").asString(), Document.class, "decisions");
        assertThat(latest.getLong(AuditChain.SEQ)).isEqualTo(13);
        assertThat(latest.getString(AuditChain.PREV_HASH)).isEqualTo(stored(january2020.get(2)).getString(AuditChain.HASH));
        JsonNode after = verifyWholeChain();
        assertThat(after.get("valid").asBoolean()).as(after.toString()).isTrue();
        assertThat(after.get("checked").asLong()).isEqualTo(8);
        assertThat(after.get("lastSeq").asLong()).isEqualTo(13);

        // An archive changed on disk is not trusted for a prune: nothing is deleted.
        Path aprilFile = retention.archiveDirectory().resolve("decisions-2015-04.jsonl.gz");
        List<String> aprilLines = new ArrayList<>(lines(aprilFile));
        aprilLines.remove(3);
        gzip(aprilFile, aprilLines);
        TestApi.Response distrusted = prune("2015-04");
        assertThat(distrusted.status()).isEqualTo(409);
        assertThat(distrusted.json().get("type").asString()).isEqualTo("/problems/archive-invalid");
        assertThat(april2015).allSatisfy(r -> assertThat(stored(r)).isNotNull());
    }
}
