package io.encours.service.ledger;

import io.encours.service.ledger.ApplyResult.Outcome;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Records dunning steps sent as {@code DUNNING_STEP_SENT} events through the ledger's own intake (the same
 * checks, idempotency and commit as the ERP's events): an event id already recorded with the same content is a
 * duplicate and changes nothing, so the sender may retry.
 */
@Component
public class DunningStepsSent {
    private final Ledger ledger;

    DunningStepsSent(Ledger ledger) {
        this.ledger = ledger;
    }

    /** A step sent for one invoice, under the event id the sender derives from what it sent. */
    public record Step(String eventId, String customerId, String currency, String invoiceId, int level, LocalDate on) {
    }

    /** What became of one step: ACCEPTED, DUPLICATE or REJECTED, and why when rejected. */
    public record Recorded(String eventId, Outcome outcome, String problems) {
        public boolean written() {
            return outcome != Outcome.REJECTED;
        }
    }

    /** Records the steps, durable before this returns. */
    public List<Recorded> record(List<Step> steps) {
        List<Map<String, Object>> batch = new ArrayList<>(steps.size());
        for (Step s : steps) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("eventId", s.eventId());
            e.put("type", "DUNNING_STEP_SENT");
            e.put("customerId", s.customerId());
            e.put("occurredOn", s.on().toString());
            e.put("currency", s.currency());
            e.put("invoiceId", s.invoiceId());
            e.put("level", s.level());
            batch.add(e);
        }
        return ledger.record(batch).stream().map(o -> new Recorded(o.eventId(), o.outcome(),
                o.problems().stream().map(p -> p.field() + ": " + p.reason()).collect(Collectors.joining("; "))))
                .toList();
    }
}
