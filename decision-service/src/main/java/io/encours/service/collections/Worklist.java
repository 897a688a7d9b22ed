package io.encours.service.collections;

import io.encours.rules.decision.DunningStep;
import io.encours.service.collections.WorklistLine.LineInvoice;
import io.encours.service.collections.WorklistLine.Transition;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns one customer's evaluated invoices into that day's worklist lines, given the lines the customer already
 * has that day (an earlier run). Plain Java: the rules of grouping and of idempotency, tested without a store.
 *
 * <ul>
 *   <li>The invoices whose decision is a step (DUN or ESCALATE) are grouped by step (level, action, channel):
 *       one line per group.</li>
 *   <li>An invoice already on a line of that day at that step that was worked (DONE, SKIPPED, FAILED) is left
 *       there: a second run the same day changes nothing that was done.</li>
 *   <li>A line still TO_DO is brought up to date (an invoice paid since leaves it, a new one joins it); one with
 *       no invoice left is removed. Nothing is written when it is unchanged.</li>
 *   <li>Invoices that reach a step whose line of the day was already worked get a line of their own (next
 *       sequence number).</li>
 * </ul>
 */
final class Worklist {
    static final Set<String> STEP_OUTCOMES = Set.of("DUN", "ESCALATE");
    private static final List<String> PRIORITIES = List.of("LOW", "MEDIUM", "HIGH");

    private Worklist() {
    }

    /** One invoice as the run evaluated it. {@code step} is null when the decision is not a step. */
    record Evaluated(String invoiceId, LocalDate issuedOn, LocalDate dueOn, BigDecimal openAmount,
                     BigDecimal disputedAmount, BigDecimal chased, String outcome, DunningStep step, String riskClass,
                     String decisionId) {
        boolean isStep() {
            return step != null && STEP_OUTCOMES.contains(outcome);
        }
    }

    /** Who the lines are for, and which run makes them when. */
    record Customer(String customerId, String name, String assignee, String currency) {
    }

    /** What to write: new lines, TO_DO lines brought up to date, TO_DO lines with nothing left. */
    record Plan(List<WorklistLine> inserts, List<WorklistLine> updates, List<WorklistLine> removals) {
        boolean isEmpty() {
            return inserts.isEmpty() && updates.isEmpty() && removals.isEmpty();
        }
    }

    private record StepKey(int level, String action, String channel) {
        static StepKey of(WorklistLine l) {
            return new StepKey(l.level(), l.action(), l.channel());
        }
    }

    static Plan plan(LocalDate date, Customer customer, String runId, Instant now, DunningTerms terms,
                     List<Evaluated> evaluated, List<WorklistLine> existing) {
        Map<StepKey, List<Evaluated>> groups = new LinkedHashMap<>();
        evaluated.stream().filter(Evaluated::isStep)
                .sorted(Comparator.comparing((Evaluated e) -> e.step().level()).thenComparing(Evaluated::dueOn)
                        .thenComparing(Evaluated::invoiceId))
                .forEach(e -> groups.computeIfAbsent(new StepKey(e.step().level(), e.step().action(),
                        e.step().channel()), k -> new ArrayList<>()).add(e));
        List<WorklistLine> inserts = new ArrayList<>();
        List<WorklistLine> updates = new ArrayList<>();
        List<WorklistLine> removals = new ArrayList<>();
        Set<StepKey> kept = new java.util.HashSet<>();
        for (Map.Entry<StepKey, List<Evaluated>> group : groups.entrySet()) {
            StepKey key = group.getKey();
            List<WorklistLine> sameStep = existing.stream().filter(l -> StepKey.of(l).equals(key)).toList();
            List<Evaluated> open = group.getValue().stream()
                    .filter(e -> sameStep.stream().noneMatch(l -> l.state() != LineState.TO_DO && l.holds(e.invoiceId())))
                    .toList();
            if (open.isEmpty()) {
                continue;
            }
            kept.add(key);
            WorklistLine todo = sameStep.stream().filter(l -> l.state() == LineState.TO_DO).findFirst().orElse(null);
            if (todo != null) {
                WorklistLine fresh = line(todo.id(), todo.sequence(), date, customer, runId, todo.createdAt(), terms,
                        key, open, todo.history(), todo.version() + 1);
                if (!sameContent(todo, fresh)) {
                    updates.add(fresh);
                }
            } else {
                int sequence = sameStep.stream().mapToInt(WorklistLine::sequence).max().orElse(0) + 1;
                String id = lineId(date, customer.customerId(), key, sequence);
                inserts.add(line(id, sequence, date, customer, runId, now, terms, key, open,
                        List.of(new Transition(LineState.TO_DO, null, "run " + runId, now)), 1));
            }
        }
        existing.stream().filter(l -> l.state() == LineState.TO_DO && !kept.contains(StepKey.of(l)))
                .forEach(removals::add);
        return new Plan(inserts, updates, removals);
    }

    private static WorklistLine line(String id, int sequence, LocalDate date, Customer customer, String runId,
                                     Instant createdAt, DunningTerms terms, StepKey key, List<Evaluated> invoices,
                                     List<Transition> history, long version) {
        BigDecimal amount = BigDecimal.ZERO;
        BigDecimal interest = BigDecimal.ZERO;
        BigDecimal indemnity = BigDecimal.ZERO;
        String label = null;
        List<LineInvoice> lines = new ArrayList<>();
        for (Evaluated e : invoices) {
            DunningStep s = e.step();
            BigDecimal lateInterest = s.lateInterest() == null ? BigDecimal.ZERO : s.lateInterest();
            BigDecimal recovery = s.recoveryIndemnity() == null ? BigDecimal.ZERO : s.recoveryIndemnity();
            amount = amount.add(e.chased());
            interest = interest.add(lateInterest);
            indemnity = indemnity.add(recovery);
            label = higher(label, s.priority());
            lines.add(new LineInvoice(e.invoiceId(), e.issuedOn(), e.dueOn(), ChronoUnit.DAYS.between(e.dueOn(), date),
                    e.openAmount(), e.disputedAmount(), e.chased(), s.lateInterestRatePercent(), lateInterest, recovery,
                    s.nextStepOn(), e.outcome(), e.decisionId()));
        }
        String riskClass = invoices.get(0).riskClass();
        return new WorklistLine(id, date, customer.customerId(), customer.name(), sequence, key.level(), key.action(),
                key.channel(), label, terms.priority(riskClass, amount), riskClass, customer.assignee(),
                customer.currency(), lines, amount, interest, indemnity, LineState.TO_DO, null, runId, createdAt,
                history, version);
    }

    /** Same invoices, amounts and charges: a run that finds nothing new writes nothing. */
    private static boolean sameContent(WorklistLine a, WorklistLine b) {
        return a.invoices().stream().map(Worklist::content).toList()
                .equals(b.invoices().stream().map(Worklist::content).toList())
                && a.priority().compareTo(b.priority()) == 0 && java.util.Objects.equals(a.assignee(), b.assignee());
    }

    private static String content(LineInvoice i) {
        return i.invoiceId() + "|" + i.amount().stripTrailingZeros() + "|" + i.lateInterest().stripTrailingZeros()
                + "|" + i.recoveryIndemnity().stripTrailingZeros() + "|" + i.daysPastDue();
    }

    private static String higher(String a, String b) {
        if (a == null) {
            return b;
        }
        return PRIORITIES.indexOf(b) > PRIORITIES.indexOf(a) ? b : a;
    }

    /** 20 hex characters of a SHA-256 of the day, the customer, the step and the sequence: URL-safe and stable. */
    private static String lineId(LocalDate date, String customerId, StepKey key, int sequence) {
        String text = date + "\n" + customerId + "\n" + key.level() + "\n" + key.action() + "\n" + key.channel() + "\n"
                + sequence;
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
