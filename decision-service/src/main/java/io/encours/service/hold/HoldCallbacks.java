package io.encours.service.hold;

import io.encours.service.audit.DecisionIds;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import io.encours.service.executor.Pools;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells the order-entry system that a hold was settled, by POSTing to the callback URL it registered for the
 * order: from a background thread, so that the person releasing never waits for the order system; retried
 * with exponential back-off; every attempt recorded in {@code hold_actions} with its HTTP status or error.
 * Before each attempt the URL passes the allowlist check again (the entry may have been removed, the host may
 * resolve elsewhere now) and the call goes to the address checked; a refused URL is not retried. Each call is
 * signed with the entry's secret ({@link CallbackSignature}) and carries the event's id, the same on retries.
 */
final class HoldCallbacks implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HoldCallbacks.class);

    private final HoldStore store;
    private final CallbackTargets targets;
    private final DecisionIds ids;
    private final Clock clock;
    private final HoldProperties properties;
    private final JsonMapper json;
    private final ScheduledExecutorService executor;

    HoldCallbacks(HoldStore store, CallbackTargets targets, DecisionIds ids, Clock clock, HoldProperties properties,
                  JsonMapper json, MeterRegistry meters) {
        this.store = store;
        this.targets = targets;
        this.ids = ids;
        this.clock = clock;
        this.properties = properties;
        this.json = json;
        ScheduledThreadPoolExecutor pool = Pools.scheduled("hold-callbacks", properties.callbackThreads(), meters);
        // A retry waiting for its back-off at shutdown is dropped (and logged as not delivered by its absence).
        pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.executor = pool;
    }

    /** Schedules the first call when the order has a callback URL. */
    void notify(CreditHold hold) {
        if (hold.orderId() == null) {
            return;
        }
        String eventId = ids.next();
        store.callbackOf(hold.orderId()).ifPresent(url -> schedule(hold, url, eventId, 1, Duration.ZERO));
    }

    /** The wait before attempt {@code n} (n ≥ 2): the first delay, doubled at each further attempt. */
    Duration delayBefore(int attempt) {
        return properties.callbackFirstDelay().multipliedBy(1L << Math.min(attempt - 2, 20));
    }

    private void schedule(CreditHold hold, String url, String eventId, int attempt, Duration delay) {
        try {
            executor.schedule(() -> call(hold, url, eventId, attempt), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            log.warn("hold callback not scheduled (shutting down) holdId={} attempt={}", hold.holdId(), attempt);
        }
    }

    private void call(CreditHold hold, String url, String eventId, int attempt) {
        Integer statusCode = null;
        String error = null;
        boolean refused = false;
        try {
            CallbackTargets.Checked checked = targets.check(url);
            byte[] body = json.writeValueAsBytes(payload(hold));
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/json");
            headers.put("User-Agent", "Encours");
            headers.put(CallbackSignature.EVENT_ID_HEADER, eventId);
            headers.put(CallbackSignature.HEADER,
                    CallbackSignature.header(checked.target().secret(), clock.instant().getEpochSecond(), body));
            statusCode = PinnedPost.send(checked, body, headers, properties.callbackTimeout());
            if (statusCode < 200 || statusCode >= 300) {
                error = "HTTP " + statusCode;
            }
        } catch (CallbackTargets.Refused e) {
            refused = true;
            error = "refused: url " + e.getMessage();
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        try {
            store.record(new HoldActionRecord(ids.next(), hold.holdId(), hold.decisionId(), hold.orderId(),
                    HoldAction.CALLBACK_ATTEMPT, "encours", List.of(), null, clock.instant(), null, null, null, url,
                    attempt, statusCode, error));
        } catch (RuntimeException e) {
            log.error("hold callback attempt not recorded holdId={} attempt={}", hold.holdId(), attempt, e);
        }
        if (error == null) {
            log.info("hold callback delivered holdId={} attempt={} status={}", hold.holdId(), attempt, statusCode);
        } else if (refused) {
            log.warn("hold callback refused holdId={} attempt={} error=\"{}\"", hold.holdId(), attempt, error);
        } else if (attempt < properties.callbackAttempts()) {
            log.info("hold callback failed holdId={} attempt={} error=\"{}\"; retrying", hold.holdId(), attempt, error);
            schedule(hold, url, eventId, attempt + 1, delayBefore(attempt + 1));
        } else {
            log.warn("hold callback abandoned holdId={} attempts={} error=\"{}\"", hold.holdId(), attempt, error);
        }
    }
    private static Map<String, Object> payload(CreditHold hold) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("holdId", hold.holdId());
        body.put("orderId", hold.orderId());
        body.put("status", hold.status().name());
        body.put("comment", hold.comment());
        body.put("validUntil", hold.validUntil() == null ? null : hold.validUntil().toString());
        body.put("maxAmount", hold.maxAmount());
        return body;
    }

    /**
     * Drops the calls still waiting for their back-off and lets a call in progress finish and record itself.
     * Never interrupts: an interrupt during the store's file sync closes the embedded store's file.
     */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(properties.callbackTimeout().toMillis() + 2_000, TimeUnit.MILLISECONDS)) {
                log.warn("hold callbacks still running at shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
