package io.encours.service.hold;

import static io.encours.service.JsonRequest.orderCheck;
import static io.encours.service.hold.HeldDecisions.aDecision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.encours.service.EncoursApplication;
import io.encours.service.TestApi;
import io.encours.service.storage.EmbeddedMongo;
import io.encours.service.web.ProblemException;
import io.encours.service.web.Problems;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 17: a store that fails outside the audit trail is {@code /problems/storage-unavailable}, never "audit
 * trail unavailable": the hold of a recorded decision that cannot be written, a hold that cannot be read. A
 * decision that cannot be recorded in the same outage stays {@code /problems/audit-unavailable}.
 */
class StorageUnavailableTest {

    @TempDir
    Path dataDir;

    @Test
    void a_store_failure_outside_the_audit_trail_is_storage_unavailable_not_audit_unavailable() {
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(EncoursApplication.class)
                .run("--server.port=0", "--encours.storage.data-dir=" + dataDir, "--spring.main.banner-mode=off",
                        "--encours.audit.write-timeout=5s")) {
            TestApi orderSystem = new TestApi(((WebServerApplicationContext) service).getWebServer().getPort());
            // The order system's key is known to the instance before the outage: the request itself meets it.
            assertThat(orderSystem.post(orderCheck().path(), orderCheck().body(), "Idempotency-Key", "before-1")
                    .status()).isEqualTo(200);
            service.getBean(EmbeddedMongo.class).close();

            ProblemException holdNotWritten = catchThrowableOfType(ProblemException.class,
                    () -> service.getBean(CreditHolds.class).openFor(aDecision().blocked().of("40000.00").build()));
            TestApi.Response holdNotRead = orderSystem.get("/api/v1/orders/ORD-1/hold");
            TestApi.Response decision = orderSystem.post(orderCheck().path(), orderCheck().body(),
                    "Idempotency-Key", "during-1");

            assertThat(holdNotWritten.status()).isEqualTo(503);
            assertThat(holdNotWritten.type()).isEqualTo(Problems.STORAGE_UNAVAILABLE);
            assertThat(holdNotWritten.problem().getDetail()).contains("credit hold", "same Idempotency-Key");
            assertThat(holdNotRead.status()).as(holdNotRead.text()).isEqualTo(503);
            assertThat(holdNotRead.contentType()).startsWith("application/problem+json");
            assertThat(holdNotRead.json().get("type").asString()).isEqualTo(Problems.STORAGE_UNAVAILABLE);
            assertThat(holdNotRead.json().get("instance").asString()).isEqualTo("/api/v1/orders/ORD-1/hold");
            assertThat(holdNotRead.text()).doesNotContainIgnoringCase("audit").doesNotContain("Mongo");
            assertThat(decision.status()).isEqualTo(503);
            assertThat(decision.json().get("type").asString()).isEqualTo(Problems.AUDIT_UNAVAILABLE);
        }
    }
}
