package io.encours.service.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.encours.rules.decision.DecisionResult;
import io.encours.rules.decision.PolicyStamp;
import io.encours.rules.model.DecisionType;
import io.encours.service.FullStackTest;
import io.encours.service.TestApi;
import io.encours.service.audit.AuditRecords;
import io.encours.service.audit.AuditTrail;
import io.encours.service.audit.DecisionIds;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Decision counts per business day (Europe/Paris in tests). Other tests record decisions today too, so each
 * assertion is on what this test's own decisions add.
 */
class DecisionStatisticsTest extends FullStackTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Autowired
    AuditTrail trail;

    private TestApi analyst() {
        return api().as("analyst", "secret-analyst");
    }

    @Test
    void decisions_are_counted_per_business_day_outcome_and_type() {
        LocalDate today = LocalDate.now(PARIS);
        JsonNode before = analyst().get("/api/v1/stats/decisions?days=7").json();

        record(today.atTime(LocalTime.NOON).atZone(PARIS).toInstant().minusSeconds(1), DecisionType.ORDER_CHECK, "BLOCK");
        record(Instant.now().minusSeconds(1), DecisionType.CUSTOMER_SCORE, "CREDIT_GRANTED");
        record(Instant.now().minusSeconds(1), DecisionType.ORDER_CHECK, "BLOCK");
        // 23:30 UTC is already the next day in Paris.
        LocalDate fiveDaysAgo = today.minusDays(5);
        record(fiveDaysAgo.atTime(23, 30).toInstant(ZoneOffset.UTC), DecisionType.DUNNING, "DUN");
        record(today.minusDays(20).atTime(LocalTime.NOON).atZone(PARIS).toInstant(), DecisionType.DUNNING, "DUN");
        JsonNode after = analyst().get("/api/v1/stats/decisions?days=7").json();

        assertThat(after.get("from").asString()).isEqualTo(today.minusDays(6).toString());
        assertThat(after.get("to").asString()).isEqualTo(today.toString());
        assertThat(after.get("timeZone").asString()).isEqualTo("Europe/Paris");
        assertThat(added(before, after, "byOutcome")).isEqualTo(Map.of("BLOCK", 2L, "CREDIT_GRANTED", 1L));
        assertThat(added(before, after, "byType")).isEqualTo(Map.of("ORDER_CHECK", 2L, "CUSTOMER_SCORE", 1L));
        Map<String, Long> daily = addedDaily(before, after);
        assertThat(daily).isEqualTo(Map.of(today + " BLOCK", 2L, today + " CREDIT_GRANTED", 1L,
                fiveDaysAgo.plusDays(1) + " DUN", 1L));
        List<String> days = after.get("daily").findValuesAsString("day");
        assertThat(days).isSorted();
    }

    @Test
    void the_number_of_days_is_checked() {
        TestApi.Response tooMany = analyst().get("/api/v1/stats/decisions?days=400");
        TestApi.Response orderSystem = api().get("/api/v1/stats/decisions");

        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().get("errors").findValuesAsString("field")).containsExactly("days");
        assertThat(orderSystem.status()).isEqualTo(403);
        assertThat(api().as("auditor", "secret-auditor").get("/api/v1/stats/decisions").status()).isEqualTo(200);
    }

    private static Map<String, Long> added(JsonNode before, JsonNode after, String field) {
        Map<String, Long> added = new HashMap<>();
        after.get("today").get(field).properties().forEach(e -> {
            JsonNode old = before.get("today").get(field).get(e.getKey());
            long delta = e.getValue().asLong() - (old == null ? 0 : old.asLong());
            if (delta != 0) {
                added.put(e.getKey(), delta);
            }
        });
        return added;
    }

    private static Map<String, Long> addedDaily(JsonNode before, JsonNode after) {
        Map<String, Long> added = new HashMap<>();
        after.get("daily").forEach(d -> added.merge(d.get("day").asString() + " " + d.get("outcome").asString(),
                d.get("count").asLong(), Long::sum));
        before.get("daily").forEach(d -> added.merge(d.get("day").asString() + " " + d.get("outcome").asString(),
                -d.get("count").asLong(), Long::sum));
        added.values().removeIf(v -> v == 0);
        return added;
    }

    private void record(Instant at, DecisionType type, String outcome) {
        String id = new DecisionIds(Clock.fixed(at, ZoneOffset.UTC)).next();
        DecisionResult output = new DecisionResult(type, outcome, null, null, null, null, null, null, null, null,
                null, null, null, null, List.of(), List.of(), null, List.of(), List.of(), List.of());
        trail.record(AuditRecords.anOrderCheck().withId(id).withRequestId("stats-" + id).ofType(type, outcome)
                .withPayloadHash("hash-" + id).byCaller("erp").receivedAt(at).forCustomer("STATS-1").forOrder(null)
                .withAmount(null).underPolicy(new PolicyStamp("credit-policy-fr", "2026.1", "h")).withInput("{}")
                .withResult(output).timed(1000, 2000).build());
    }
}
