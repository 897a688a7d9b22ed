package io.encours.service.hold;

import static io.encours.service.hold.HeldDecisions.aDecision;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.encours.service.FullStackTest;
import io.encours.service.audit.AuditRecord;
import io.encours.service.audit.AuditTrail;
import io.encours.service.audit.DecisionIds;
import io.encours.service.storage.WriteDurability;
import io.encours.service.web.ProblemException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
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

/**
 * Callbacks given up after their attempts, back-off delays, a hold settled by exactly one person, and the
 * allowlist checked again at each call: a host that rebinds to the loopback is refused, a call goes to the
 * address checked, and each call is signed.
 */
class HoldCallbacksTest extends FullStackTest {

    @Autowired
    private HoldStore store;

    @Autowired
    private CallbackTargets targets;

    @Autowired
    private WriteDurability durability;

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
        allowLoopback(down.getAddress().getPort());
        HoldCallbacks callbacks = callbacks(3, Duration.ofMillis(10));
        try {
            String orderId = "SO-" + UUID.randomUUID();
            store.registerCallback(orderId, "http://127.0.0.1:" + down.getAddress().getPort() + "/", "erp",
                    Instant.now());
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
            allowLoopback(9);
            store.registerCallback(orderId, "http://127.0.0.1:9/holds", "erp", Instant.now());
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
                    assertThat(e.getCause()).isInstanceOf(ProblemException.class);
                }
            }
            assertThat(succeeded).isEqualTo(1);
            assertThat(store.actionsOf(hold.holdId())).extracting(HoldActionRecord::action)
                    .containsExactly(HoldAction.RELEASE);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The DNS rebinding: the host resolved to a public address at registration, to 127.0.0.1 when called. */
    @Test
    void a_host_that_rebinds_to_the_loopback_after_registration_is_refused_at_send_and_not_retried() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer internal = server(received, new CopyOnWriteArrayList<>(), 204);
        int port = internal.getAddress().getPort();
        AtomicReference<String> dns = new AtomicReference<>("203.0.113.10");
        CallbackTargets rebinding = targetsResolving(host -> List.of(InetAddress.getByName(dns.get())));
        rebinding.add(new CallbackTargets.NewTarget("http", "erp.rebinding.test", port, false, null), "admin");
        HoldCallbacks callbacks = callbacks(rebinding, 3, Duration.ZERO);
        try {
            String orderId = "SO-" + UUID.randomUUID();
            String url = "http://erp.rebinding.test:" + port + "/holds";
            // Registration: the host resolves to a public address, so the URL passes.
            assertThat(rebinding.check(url).address().getHostAddress()).isEqualTo("203.0.113.10");
            store.registerCallback(orderId, url, "erp", Instant.now());
            CreditHold hold = held(orderId);

            dns.set("127.0.0.1");
            callbacks.notify(hold);

            HoldActionRecord attempt = attempts(hold.holdId(), 1).get(0);
            assertThat(attempt.statusCode()).isNull();
            assertThat(attempt.error()).startsWith("refused:").contains("127.0.0.1", "loopback");
            // A refusal is final: with no back-off, a retry would have run before the executor ends.
            callbacks.close();
            assertThat(attempts(hold.holdId(), 1)).hasSize(1);
            assertThat(received).isEmpty();
        } finally {
            callbacks.close();
            internal.stop(0);
        }
    }

    @Test
    void the_call_goes_to_the_address_checked_under_the_host_name_and_is_signed_with_the_entry_secret()
            throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        List<Map<String, String>> headers = new CopyOnWriteArrayList<>();
        HttpServer orderSystem = server(received, headers, 204);
        int port = orderSystem.getAddress().getPort();
        AtomicInteger lookups = new AtomicInteger();
        // No DNS server knows this name: only the test's resolver does, so a second lookup by anyone else fails.
        CallbackTargets pinned = targetsResolving(host -> {
            lookups.incrementAndGet();
            return List.of(InetAddress.getByName("127.0.0.1"));
        });
        String secret = "a-secret-shared-with-the-order-system-0123456789";
        pinned.add(new CallbackTargets.NewTarget("http", "erp.pinned.test", port, true, secret), "admin");
        HoldCallbacks callbacks = callbacks(pinned, 1, Duration.ZERO);
        try {
            String orderId = "SO-" + UUID.randomUUID();
            store.registerCallback(orderId, "http://erp.pinned.test:" + port + "/holds?system=sales", "erp",
                    Instant.now());
            CreditHold hold = held(orderId);
            long before = Instant.now().getEpochSecond();

            callbacks.notify(hold);

            HoldActionRecord attempt = attempts(hold.holdId(), 1).get(0);
            assertThat(attempt.statusCode()).isEqualTo(204);
            assertThat(attempt.error()).isNull();
            assertThat(lookups).hasValue(1);
            assertThat(received).hasSize(1);
            Map<String, String> call = headers.get(0);
            assertThat(call).containsEntry("host", "erp.pinned.test:" + port)
                    .containsEntry("path", "/holds?system=sales").containsEntry("method", "POST");
            assertThat(call.get("encours-event-id")).isNotBlank();
            Signatures.assertSigned(call.get("encours-signature"), secret, received.get(0), before);
            assertThat(received.get(0)).contains("\"holdId\":\"" + hold.holdId() + "\"");
        } finally {
            callbacks.close();
            orderSystem.stop(0);
        }
    }

    @Test
    void a_url_whose_entry_was_removed_after_registration_is_refused_at_send() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer orderSystem = server(received, new CopyOnWriteArrayList<>(), 204);
        int port = orderSystem.getAddress().getPort();
        CallbackTarget entry = targets.add(new CallbackTargets.NewTarget("http", "127.0.0.1", port, true, null), "admin");
        HoldCallbacks callbacks = callbacks(1, Duration.ZERO);
        try {
            String orderId = "SO-" + UUID.randomUUID();
            store.registerCallback(orderId, "http://127.0.0.1:" + port + "/holds", "erp", Instant.now());
            CreditHold hold = held(orderId);
            targets.remove(entry.id(), "admin");

            callbacks.notify(hold);

            assertThat(attempts(hold.holdId(), 1).get(0).error()).startsWith("refused:")
                    .contains("not an allowed callback target");
            assertThat(received).isEmpty();
        } finally {
            callbacks.close();
            orderSystem.stop(0);
        }
    }

    /** A local order system answering {@code status}, keeping each body and the request line and headers. */
    private static HttpServer server(List<String> bodies, List<Map<String, String>> headers, int status)
            throws java.io.IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            Map<String, String> seen = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> seen.put(name.toLowerCase(), values.get(0)));
            seen.put("method", exchange.getRequestMethod());
            seen.put("path", exchange.getRequestURI().toString());
            headers.add(seen);
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    private void allowLoopback(int port) {
        if (targets.all().stream().noneMatch(t -> t.host().equals("127.0.0.1") && t.port() == port)) {
            targets.add(new CallbackTargets.NewTarget("http", "127.0.0.1", port, true, null), "test");
        }
    }

    private CallbackTargets targetsResolving(HostResolver resolver) {
        return new CallbackTargets(new CallbackTargetStore(mongo, durability, true), resolver,
                new DecisionIds(Clock.systemUTC()), Clock.systemUTC());
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
        return callbacks(targets, attempts, firstDelay);
    }

    private HoldCallbacks callbacks(CallbackTargets allowlist, int attempts, Duration firstDelay) {
        return new HoldCallbacks(store, allowlist, new DecisionIds(Clock.systemUTC()), Clock.systemUTC(),
                new HoldProperties(attempts, firstDelay, Duration.ofSeconds(2), List.of(), 1, true), JsonMapper.builder().build(),
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    }
}
