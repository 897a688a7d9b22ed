package io.encours.service.audit;

import static io.encours.service.JsonRequest.orderCheck;
import static org.assertj.core.api.Assertions.assertThat;

import io.encours.service.EncoursApplication;
import io.encours.service.TestApi;
import io.encours.service.storage.EmbeddedMongo;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Issue 12, outage: the store stops under load (in-process) and comes back. Meanwhile decisions are refused with
 * a 503 problem, health is DOWN; afterwards the service records decisions again by itself. Every decision
 * answered is in the store, once; a caller that retries a refused decision with its Idempotency-Key gets one
 * decision, never two.
 */
class StoreOutageTest {

    @TempDir
    Path dataDir;

    @Test
    void decisions_are_refused_during_an_outage_and_none_is_lost_or_duplicated_after_it() throws Exception {
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(EncoursApplication.class)
                .run("--server.port=0", "--encours.storage.data-dir=" + dataDir, "--spring.main.banner-mode=off",
                        "--encours.audit.write-timeout=10s", "--encours.audit.retry-interval=200ms")) {
            TestApi api = new TestApi(((WebServerApplicationContext) service).getWebServer().getPort());
            EmbeddedMongo store = service.getBean(EmbeddedMongo.class);
            MeterRegistry meters = service.getBean(MeterRegistry.class);
            Map<String, String> answered = new HashMap<>();

            for (int i = 0; i < 10; i++) {
                decideUntilAnswered(api, "before-" + i, answered);
            }
            // A caller keeps deciding throughout, retrying each refused decision with the same key.
            AtomicBoolean going = new AtomicBoolean(true);
            ExecutorService load = Executors.newSingleThreadExecutor();
            Future<Map<String, String>> underLoad = load.submit(() -> {
                Map<String, String> theirs = new HashMap<>();
                for (int i = 0; going.get(); i++) {
                    decideUntilAnswered(api, "load-" + i, theirs);
                }
                return theirs;
            });

            store.stop();
            List<TestApi.Response> during = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                during.add(api.post(orderCheck().path(), orderCheck().body(), "Idempotency-Key", "during-" + i));
            }
            // Anonymous: logging in needs the store; the public answer carries the status.
            TestApi.Response health = api.anonymous().get("/actuator/health");
            String auditDuringOutage = service.getBean(AuditHealthIndicator.class).health().getStatus().getCode();
            double gaugeDuringOutage = meters.get("encours.audit.store.available").gauge().value();

            store.restart();
            for (int i = 0; i < 10; i++) {
                decideUntilAnswered(api, "during-" + i, answered);
            }
            for (int i = 0; i < 10; i++) {
                decideUntilAnswered(api, "after-" + i, answered);
            }
            going.set(false);
            answered.putAll(underLoad.get());
            load.shutdown();

            assertThat(during).allSatisfy(response -> {
                assertThat(response.status()).isEqualTo(503);
                assertThat(response.contentType()).startsWith("application/problem+json");
                assertThat(response.json().get("type").asString()).isEqualTo("/problems/audit-unavailable");
                assertThat(response.json().has("decisionId")).isFalse();
            });
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.json().get("status").asString()).isEqualTo("DOWN");
            assertThat(auditDuringOutage).isEqualTo("DOWN");
            assertThat(gaugeDuringOutage).isZero();
            assertThat(meters.get("encours.audit.store.available").gauge().value()).isEqualTo(1.0);
            assertThat(api.anonymous().get("/actuator/health").json().get("status").asString()).isEqualTo("UP");

            MongoTemplate mongo = service.getBean(MongoTemplate.class);
            Map<String, List<String>> stored = new HashMap<>();
            try (var records = new AuditReadStore(mongo).wholeRecords(
                    io.encours.service.audit.DecisionCriteria.any(), io.encours.service.audit.DecisionOrder.RECEIVED_AT_ASC)) {
                records.forEachRemaining(d -> stored.computeIfAbsent(d.getString("requestId"), k -> new ArrayList<>())
                        .add(d.getString("_id")));
            }
            // Every answered decision is stored, exactly once, under the id it was answered with.
            assertThat(answered).isNotEmpty().allSatisfy((key, decisionId) ->
                    assertThat(stored.get(key)).as(key).containsExactly(decisionId));
            assertThat(stored.keySet()).containsExactlyInAnyOrderElementsOf(answered.keySet());
            // The chain has no gap or broken link across the outage.
            TestApi.Response chain = api.as("auditor", "secret-auditor").get("/api/v1/audit/verify");
            assertThat(chain.json().get("valid").asBoolean()).as(chain.text()).isTrue();
            assertThat(chain.json().get("checked").asLong()).isEqualTo(stored.size());
        }
    }

    /** Sends the decision until it is answered (a 503 is retried with the same key), and notes its id. */
    private static void decideUntilAnswered(TestApi api, String key, Map<String, String> answered)
            throws InterruptedException {
        for (int attempt = 0; attempt < 600; attempt++) {
            TestApi.Response response = api.post(orderCheck().path(), orderCheck().body(), "Idempotency-Key", key);
            if (response.status() == 200) {
                answered.put(key, response.json().get("decisionId").asString());
                return;
            }
            assertThat(response.status()).as(response.text()).isEqualTo(503);
            Thread.sleep(100);
        }
        throw new AssertionError("decision " + key + " never answered");
    }
}
