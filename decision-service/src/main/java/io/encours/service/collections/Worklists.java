package io.encours.service.collections;

import io.encours.service.ledger.DunningStepsSent;
import io.encours.service.web.Problems;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The worklist as people work it: read by day, assignee and state; a line marked DONE, SKIPPED (with a reason)
 * or FAILED (with a reason) by who did it. DONE writes a {@code DUNNING_STEP_SENT} event per invoice into the
 * ledger first, with event ids derived from the line's day, level and invoice, so that marking it again (a
 * retry after a timeout, two people at once) writes nothing twice; the ledger refusing one makes the line
 * FAILED with the ledger's reason. A pre-due reminder (level 0) writes no event (the ledger counts dunning
 * levels from 1): the DONE line itself is the trace the next run reads.
 */
@Service
class Worklists {
    private static final Logger log = LoggerFactory.getLogger(Worklists.class);
    private static final int MAX_EVENT_ID = 100;

    private final CollectionsStore store;
    private final DunningStepsSent ledger;
    private final CollectionsProperties properties;
    private final Clock clock;

    Worklists(CollectionsStore store, DunningStepsSent ledger, CollectionsProperties properties, Clock clock) {
        this.store = store;
        this.ledger = ledger;
        this.properties = properties;
        this.clock = clock;
    }

    /** Which lines: of a day, and when given of one collector, one customer, in one state. */
    record Filter(LocalDate date, String assignee, String customerId, LineState state) {
    }

    List<WorklistLine> list(Filter filter, Integer size) {
        int limit = size == null ? properties.maxPageSize() : size;
        if (limit < 1 || limit > properties.maxPageSize()) {
            throw Problems.invalidField("size", "must be between 1 and " + properties.maxPageSize());
        }
        return store.worklist(filter, limit);
    }

    WorklistLine line(String lineId) {
        return store.line(lineId).orElseThrow(() -> CollectionsProblems.lineNotFound(lineId));
    }

    /** Moves the line to {@code next}, by {@code by}; DONE writes its steps into the ledger first. */
    WorklistLine mark(String lineId, LineState next, String reason, String by) {
        if (next == null) {
            throw Problems.invalidField("state", "is required: DONE, SKIPPED or FAILED");
        }
        if (next == LineState.TO_DO) {
            throw Problems.invalidField("state", "must be DONE, SKIPPED or FAILED; a line is TO_DO only as a run makes it");
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (next != LineState.DONE && why == null) {
            throw Problems.invalidField("reason", "is required when a line is " + next);
        }
        if (why != null && why.length() > 500) {
            throw Problems.invalidField("reason", "must be at most 500 characters");
        }
        WorklistLine line = line(lineId);
        if (!line.state().mayBecome(next)) {
            throw CollectionsProblems.lineState(lineId, line.state(), next);
        }
        WorklistLine changed;
        if (next == LineState.DONE && line.level() > 0) {
            List<DunningStepsSent.Recorded> recorded = ledger.record(line.invoices().stream()
                    .map(i -> new DunningStepsSent.Step(eventId(line, i.invoiceId()), line.customerId(), line.currency(),
                            i.invoiceId(), line.level(), line.date()))
                    .toList());
            List<String> refused = recorded.stream().filter(r -> !r.written())
                    .map(r -> r.eventId() + ": " + r.problems()).toList();
            changed = refused.isEmpty() ? line.withState(LineState.DONE, why, by, clock.instant())
                    : line.withState(LineState.FAILED, "the ledger refused " + String.join("; ", refused), by,
                    clock.instant());
        } else {
            changed = line.withState(next, why, by, clock.instant());
        }
        if (!store.replace(changed, false)) {
            // Someone else worked it in between: answer what it is now.
            WorklistLine now = line(lineId);
            throw CollectionsProblems.lineState(lineId, now.state(), next);
        }
        store.durable();
        log.info("worklist line marked lineId={} state={} invoices={}", lineId, changed.state(), line.invoices().size());
        return changed;
    }

    /** {@code dunning:<day>:<level>:<invoiceId>}, or its SHA-256 when longer than an event id may be. */
    static String eventId(WorklistLine line, String invoiceId) {
        String id = "dunning:" + line.date() + ":" + line.level() + ":" + invoiceId;
        if (id.length() <= MAX_EVENT_ID) {
            return id;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return "dunning:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
