package io.encours.service.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.encours.service.storage.EmbeddedMongo;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Kills a process writing audit records on the embedded store with SIGKILL in the middle of its writes,
 * then opens the store again: every record the writer had reported durable is there.
 */
class AuditWriterCrashTest {
    private static final int DURABLE_BEFORE_KILL = 300;

    @TempDir
    Path dataDir;

    @Test
    void every_record_reported_durable_survives_a_sigkill() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashingWriter.class.getName(), dataDir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<String> reportedDurable = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (reportedDurable.size() < DURABLE_BEFORE_KILL && (line = out.readLine()) != null) {
                if (line.startsWith("DURABLE ")) {
                    reportedDurable.add(line.substring("DURABLE ".length()));
                }
            }
            // SIGKILL: no shutdown hook, no close of the store; writes are in flight. (Sent with kill(1):
            // Process.destroyForcibly would also close our end of the child's output.)
            new ProcessBuilder("kill", "-KILL", Long.toString(child.pid())).start().waitFor();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            // Lines printed between our last read and the kill were reported durable too.
            while ((line = out.readLine()) != null) {
                if (line.startsWith("DURABLE ")) {
                    reportedDurable.add(line.substring("DURABLE ".length()));
                }
            }
        }
        assertThat(child.exitValue()).isEqualTo(137);
        assertThat(reportedDurable).hasSizeGreaterThanOrEqualTo(DURABLE_BEFORE_KILL);

        Set<String> stored = new HashSet<>();
        try (EmbeddedMongo server = EmbeddedMongo.start(dataDir);
             MongoClient client = MongoClients.create(server.connectionString("encours"))) {
            try (var records = new AuditReadStore(new MongoTemplate(client, "encours"))
                    .wholeRecords(DecisionCriteria.any(), DecisionOrder.RECEIVED_AT_ASC)) {
                records.forEachRemaining(d -> stored.add(d.getString("_id")));
            }
        }
        assertThat(stored).containsAll(reportedDurable);
    }
}
