package io.encours.service.auditor;

import static io.encours.service.auditor.AuditorFixtures.decision;
import static org.assertj.core.api.Assertions.assertThat;

import io.encours.service.FullStackTest;
import io.encours.service.TestApi;
import io.encours.service.audit.AuditRecord;
import io.encours.service.audit.AuditTrail;
import io.encours.service.audit.DecisionIds;
import io.encours.service.hold.CreditHolds;
import io.encours.service.storage.EmbeddedMongo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Issue 20: every read of the trail the service serves runs on an index of the embedded store, so what it reads
 * stays near what it returns however long the trail grows. With 3,000 decisions recorded over the last day and a
 * half (60 customers, four outcomes, holds for the blocked and reviewed orders), each call below is measured with
 * the documents the embedded server examined ({@link EmbeddedMongo#documentsExamined}); before issue 20 each of
 * them examined the whole trail (3,000 and more).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryBoundsTest extends FullStackTest {
    private static final int DECISIONS = 3000;
    private static final int CUSTOMERS = 60;
    private static final String[] OUTCOMES = {"APPROVE", "APPROVE", "BLOCK", "REVIEW"};
    /** What a query may read beyond what it returns: the look-ahead of a page, a few ties. */
    private static final int BOUND = 10;

    @Autowired
    AuditTrail trail;
    @Autowired
    CreditHolds holds;
    @Autowired
    EmbeddedMongo server;

    private Instant first;
    private Instant last;

    @BeforeAll
    void recordDecisions() throws Exception {
        // From 36 hours ago until now, one every ~43 s: yesterday and today both hold decisions.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        first = now.minus(Duration.ofHours(36));
        long step = Duration.ofHours(36).toMillis() / DECISIONS;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < DECISIONS; i++) {
                Instant at = first.plusMillis(i * step);
                last = at;
                int n = i;
                writes.add(pool.submit(() -> {
                    AuditorFixtures.Decision d = decision().customer(customer(n % CUSTOMERS)).order("QB-O-" + n)
                            .outcome(OUTCOMES[n % OUTCOMES.length]).reasons("QB_REASON").at(at).amount("1500.00");
                    d.decisionId = new DecisionIds(Clock.fixed(at, ZoneOffset.UTC)).next();
                    AuditRecord record = d.build();
                    trail.record(record);
                    holds.openFor(record);
                }));
            }
            for (Future<?> w : writes) {
                w.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static String customer(int i) {
        return "QB-C-" + i;
    }

    private TestApi auditor() {
        return api().as("auditor", "secret-auditor");
    }

    /** Runs the call and returns {examined, returned} for the collection. */
    private long[] measure(String collection, String path, TestApi as, ToLongFunction<JsonNode> returned) {
        String database = mongo.getDb().getName();
        long before = server.documentsExamined(database, collection);
        TestApi.Response response = as.get(path);
        long examined = server.documentsExamined(database, collection) - before;
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return new long[] {examined, returned.applyAsLong(response.json())};
    }

    private static long items(JsonNode page) {
        return page.get("items").size();
    }

    private void assertBounded(long[] measured, String what) {
        assertThat(measured[1]).as(what + ": returned").isPositive();
        assertThat(measured[0]).as(what + ": examined " + measured[0] + " for " + measured[1] + " returned")
                .isLessThanOrEqualTo(measured[1] + BOUND);
    }

    @Test
    void a_customers_history_reads_its_page_and_the_next_one_only() {
        long[] page = measure("decisions", "/api/v1/audit/decisions?size=20&customer=" + customer(7), auditor(),
                QueryBoundsTest::items);
        assertBounded(page, "customer history");
        JsonNode firstPage = auditor().get("/api/v1/audit/decisions?size=20&customer=" + customer(7)).json();
        String cursor = firstPage.get("nextCursor").asString();
        long[] next = measure("decisions", "/api/v1/audit/decisions?size=20&customer=" + customer(7) + "&cursor="
                + cursor, auditor(), QueryBoundsTest::items);
        assertBounded(next, "customer history, page 2");
        assertThat(next[1]).isEqualTo(20);
    }

    @Test
    void a_search_by_outcome_and_time_reads_its_page_only() {
        String window = "&from=" + first.plus(Duration.ofHours(2)) + "&to=" + first.plus(Duration.ofHours(30));
        assertBounded(measure("decisions", "/api/v1/audit/decisions?size=50&outcome=BLOCK" + window, auditor(),
                QueryBoundsTest::items), "outcome and time");
        assertBounded(measure("decisions", "/api/v1/audit/decisions?size=50&sort=receivedAt" + window, auditor(),
                QueryBoundsTest::items), "time, oldest first");
        assertBounded(measure("decisions", "/api/v1/audit/decisions?size=50" + window, auditor(),
                QueryBoundsTest::items), "time, newest first");
    }

    @Test
    void an_export_of_a_window_reads_the_records_it_writes() {
        String window = "from=" + first.plus(Duration.ofHours(5)) + "&to=" + first.plus(Duration.ofHours(6));
        String database = mongo.getDb().getName();
        long before = server.documentsExamined(database, "decisions");
        TestApi.Response csv = auditor().get("/api/v1/audit/decisions/export.csv?outcome=APPROVE&" + window);
        long examined = server.documentsExamined(database, "decisions") - before;
        assertThat(csv.status()).isEqualTo(200);
        long rows = csv.text().lines().count() - 1;
        assertThat(rows).isPositive();
        assertThat(examined).as("examined " + examined + " for " + rows + " rows").isLessThanOrEqualTo(rows + BOUND);
    }

    @Test
    void the_statistics_of_today_read_todays_decisions_only() {
        long[] stats = measure("decisions", "/api/v1/stats/decisions?days=1", auditor(), json -> {
            long counted = 0;
            for (JsonNode day : json.get("daily")) {
                counted += day.get("count").asLong();
            }
            return counted;
        });
        assertBounded(stats, "statistics of one day");
        assertThat(stats[1]).isLessThan(DECISIONS);
    }

    @Test
    void the_chain_check_of_a_few_hours_reads_each_record_of_them_twice_at_most() {
        String window = "from=" + first.plus(Duration.ofHours(10)) + "&to=" + first.plus(Duration.ofHours(12));
        long[] verify = measure("decisions", "/api/v1/audit/verify?" + window, auditor(),
                json -> json.get("checked").asLong());
        assertThat(verify[1]).isPositive();
        assertThat(verify[0]).as("examined " + verify[0] + " to check " + verify[1])
                .isLessThanOrEqualTo(2 * verify[1] + BOUND);
    }

    @Test
    void the_hold_lists_read_their_page_only() {
        // Customer 3's orders are all reviewed (3 % 4): some of its holds are released, which writes hold actions.
        TestApi analyst = api().as("analyst", "secret-analyst");
        for (JsonNode hold : analyst.get("/api/v1/holds?status=OPEN&customerId=" + customer(3) + "&size=12").json()
                .get("holds")) {
            TestApi.Response released = analyst.post("/api/v1/holds/" + hold.get("holdId").asString() + "/release",
                    "{\"comment\":\"paid in advance\"}");
            assertThat(released.status()).as(released.text()).isEqualTo(200);
        }
        assertBounded(measure("credit_holds", "/api/v1/holds?status=OPEN&size=20&sort=openedAt&direction=desc",
                api().as("analyst", "secret-analyst"), json -> json.get("holds").size()), "open holds");
        assertBounded(measure("credit_holds", "/api/v1/holds?customerId=" + customer(2) + "&size=10",
                api().as("analyst", "secret-analyst"), json -> json.get("holds").size()), "a customer's holds");
        assertBounded(measure("credit_holds", "/api/v1/audit/holds?size=30", auditor(), QueryBoundsTest::items),
                "audit search of holds");
        assertBounded(measure("hold_actions", "/api/v1/audit/hold-actions?size=30", auditor(),
                QueryBoundsTest::items), "audit search of hold actions");
    }

    @Test
    void a_decision_read_by_id_reads_one_record() {
        String id = auditor().get("/api/v1/audit/decisions?size=1&customer=" + customer(3)).json()
                .get("items").get(0).get("decisionId").asString();
        long[] read = measure("decisions", "/api/v1/decisions/" + id, api().withApiKey(TestApi.ORDER_SYSTEM_KEY),
                json -> 1);
        assertThat(read[0]).isEqualTo(1);
    }
}
