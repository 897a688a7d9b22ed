package io.encours.service.decision;

import io.encours.rules.decision.DunningStep;
import io.encours.rules.model.PaymentPromise.PromiseStatus;
import io.encours.service.account.AccountFacts;
import io.encours.service.account.CreditAccount;
import io.encours.service.audit.AuditRecord;
import io.encours.service.ledger.PaymentBehaviour;
import io.encours.service.web.RequestContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The dunning decision for an invoice the service knows (a dunning run's), made exactly as
 * {@code POST /api/v1/decisions/dunning} makes it: the customer from its credit account and ledger behaviour
 * (the mapping of an order check by reference), the invoice from the ledger, the same body checked, evaluated
 * under the policy in force and recorded in the audit trail before it is returned. The request id makes a
 * decision asked again (a run resumed) the recorded one, never a second record.
 */
@Service
public class InvoiceDunning {
    private final DecisionService decisions;
    private final Clock clock;

    InvoiceDunning(DecisionService decisions, Clock clock) {
        this.decisions = decisions;
        this.clock = clock;
    }

    /**
     * One invoice to decide on. {@code amount} is the part chased (open and not disputed); {@code disputed} when
     * nothing else is left to chase.
     */
    public record Case(CreditAccount account, PaymentBehaviour behaviour, String invoiceId, BigDecimal amount,
                       String currency, LocalDate issuedOn, LocalDate dueOn, boolean disputed,
                       List<Promise> promises, List<Step> previousSteps, LocalDate asOf) {
    }

    /** A promise on the invoice: PENDING, KEPT or BROKEN. */
    public record Promise(LocalDate promisedFor, BigDecimal amount, PromiseStatus status) {
    }

    /** A dunning step already taken. */
    public record Step(int level, String action, LocalDate on) {
    }

    /** The recorded decision: its id, outcome, the step (null when none), the risk class and the reason codes. */
    public record Decided(String decisionId, String outcome, DunningStep step, String riskClass,
                          List<String> reasonCodes) {
    }

    /**
     * Decides and records; returns once the record is durable.
     *
     * @throws io.encours.service.web.ProblemException when the facts are refused (a field of the account or the
     *                                                  invoice) or the audit trail cannot be written
     */
    public Decided decide(Case c, String caller, String requestId) {
        CustomerInput customer = ReferenceFacts.customer(
                AccountFacts.toCustomer(c.account(), c.asOf(), ReferenceFacts.behaviour(c.behaviour())));
        InvoiceInput invoice = new InvoiceInput(c.invoiceId(), c.amount(), c.currency(), c.issuedOn(), c.dueOn(),
                c.disputed() ? Boolean.TRUE : null,
                c.promises().isEmpty() ? null : c.promises().stream()
                        .map(p -> new PaymentPromiseInput(p.promisedFor(), p.amount(), p.status())).toList(),
                c.previousSteps().isEmpty() ? null : c.previousSteps().stream()
                        .map(s -> new DunningRecordInput(s.level(), s.action(), s.on())).toList(),
                null);
        DunningBody body = new DunningBody(customer, invoice, null, c.asOf());
        RequestContext.Arrival arrival = new RequestContext.Arrival(clock.instant(), System.nanoTime());
        AuditRecord record = decisions.decide(body, new DecisionService.Call(requestId, caller, arrival)).record();
        var result = record.output();
        return new Decided(record.decisionId(), result.outcome(), result.dunningStep(), result.riskClass(),
                result.reasonCodes());
    }
}
