package io.encours.service.hold;

import static io.encours.service.hold.HeldDecisions.aDecision;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.encours.service.FullStackTest;
import io.encours.service.audit.AuditRecord;
import io.encours.service.audit.AuditTrail;
import io.encours.service.audit.DecisionIds;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/** Callbacks given up after their attempts, back-off delays, and a hold settled by exactly one person. */
class HoldCallbacksTest extends FullStackTest {

    @Autowired
    private HoldStore store;

    @Autowired
    private CreditHolds holds;

    @Autowired
    private AuditTrail auditTrail;

    @Test
    void the_back_off_doubles_from_the_first_delay() {
        HoldCallbacks callbacks = callbacks(5, Duration.ofSeconds(1));
        try {
            assertThat(List.of(2, 3, 4, 5)).map(callbacks::delayBefore).containsExactly(Duration.ofSeconds(1),
                    Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8));
        } finally {
            callbacks.close();
        }
    }

    @Test
    void a_callback_that_never_succeeds_is_given_up_after_its_attempts_each_recorded() throws Exception {
        HttpServer down = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        down.createContext("/", exchange -> {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        down.start();
        HoldCallbacks callbacks = callbacks(3, Duration.ofMillis(10));
        try {
            String orderId = "SO-" + UUID.randomUUID();
            store.registerCallback(orderId, "http://127.0.0.1:" + down.getAddress().getPort() + "/", "erp",
                    java.time.Instant.now());
            CreditHold hold = held(orderId);

            callbacks.notify(hold);

            List<HoldActionRecord> attempts = attempts(hold.holdId(), 3);
            assertThat(attempts).extracting(HoldActionRecord::attempt).containsExactly(1, 2, 3);
            assertThat(attempts).extracting(HoldActionRecord::statusCode).containsOnly(500);
            // No fourth attempt once the last one is recorded: the executor has nothing left to run.
            callbacks.close();
            assertThat(store.actionsOf(hold.holdId())).hasSize(3);
        } finally {
            callbacks.close();
            down.stop(0);
        }
    }

    @Test
    void an_unreachable_callback_records_the_error() throws Exception {
        HoldCallbacks callbacks = callbacks(1, Duration.ofMillis(10));
        try {
            String orderId = "SO-" + UUID.randomUUID();
            // Port 9 (discard) on the loopback: nothing listens there on a build machine.
            store.registerCallback(orderId, "http://127.0.0.1:9/holds", "erp", java.time.Instant.now());
            CreditHold hold = held(orderId);

            callbacks.notify(hold);

            HoldActionRecord attempt = attempts(hold.holdId(), 1).get(0);
            assertThat(attempt.statusCode()).isNull();
            assertThat(attempt.error()).isNotBlank();
        } finally {
            callbacks.close();
        }
    }

    @Test
    void two_people_releasing_at_once_settle_the_hold_once() throws Exception {
        CreditHold hold = held("SO-" + UUID.randomUUID());
        CreditHolds.Person manager = new CreditHolds.Person("manager", List.of("CREDIT_MANAGER"));
        CreditHolds.Person committee = new CreditHolds.Person("committee1", List.of("CREDIT_COMMITTEE"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<CreditHold>> results = pool.invokeAll(List.<Callable<CreditHold>>of(
                    () -> holds.release(hold.holdId(), manager, "first"),
                    () -> holds.release(hold.holdId(), committee, "second")));
            int succeeded = 0;
            for (Future<CreditHold> result : results) {
                try {
                    result.get();
                    succeeded++;
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(org.springframework.web.ErrorResponseException.class);
                }
            }
            assertThat(succeeded).isEqualTo(1);
            assertThat(store.actionsOf(hold.holdId())).extracting(HoldActionRecord::action)
                    .containsExactly(HoldAction.RELEASE);
        } finally {
            pool.shutdownNow();
        }
    }

    private CreditHold held(String orderId) {
        AuditRecord record = aDecision().forOrder(orderId).inReview().of("500.00").build();
        auditTrail.record(record);
        holds.openFor(record);
        return store.latestForOrder(orderId).orElseThrow();
    }

    private List<HoldActionRecord> attempts(String holdId, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<HoldActionRecord> found = store.actionsOf(holdId);
        while (found.size() < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
            found = store.actionsOf(holdId);
        }
        return found.stream().filter(a -> a.action() == HoldAction.CALLBACK_ATTEMPT)
                .sorted(java.util.Comparator.comparing(HoldActionRecord::attempt)).toList();
    }

    private HoldCallbacks callbacks(int attempts, Duration firstDelay) {
        return new HoldCallbacks(store, new DecisionIds(Clock.systemUTC()), Clock.systemUTC(),
                new HoldProperties(attempts, firstDelay, Duration.ofSeconds(2)), JsonMapper.builder().build());
    }
}
