package io.encours.service.decision;

import static io.encours.rules.model.InvalidFact.within;

import io.encours.rules.model.CreditAccount;
import io.encours.rules.model.Customer;
import io.encours.rules.model.CustomerScoreRequest;
import io.encours.rules.model.DecisionRequest;
import io.encours.rules.model.DunningRecord;
import io.encours.rules.model.DunningRequest;
import io.encours.rules.model.Exposure;
import io.encours.rules.model.ExternalRating;
import io.encours.rules.model.Financials;
import io.encours.rules.model.InvalidFact;
import io.encours.rules.model.Order;
import io.encours.rules.model.CreditGroup;
import io.encours.rules.model.OrderCheckRequest;
import io.encours.rules.model.OverdueInvoice;
import io.encours.rules.model.PaymentBehaviour;
import io.encours.rules.model.PaymentPromise;
import io.encours.rules.model.PaymentTerms;
import io.encours.rules.model.PaymentTermsRequest;
import io.encours.service.web.FieldProblem;
import io.encours.service.web.Problems;
import java.time.LocalDate;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The one place where a request body becomes the rules' model. The bodies check the wire format (Bean
 * Validation, the policy's codes); the rules' records check the facts themselves (money not negative,
 * percentages in range, a due date not before its issue date) and refuse a broken one with an
 * {@link InvalidFact}, which this mapping names by its path in the body ({@code invoice.dueDate}).
 * Exposure figures left out of requests recorded before they were required read as 0, for replay.
 */
final class RequestFacts {
    private RequestFacts() {
    }

    /**
     * The rules' request for {@code body} on business date {@code asOf}.
     *
     * @throws InvalidFact naming the field by its path in the body when a fact breaks an invariant of the model
     */
    static DecisionRequest of(DecisionBody body, LocalDate asOf) {
        if (body instanceof OrderCheckBody b) {
            if (b.customer() == null) {
                // A check by reference is evaluated once filled from the account and ledger (DecisionService)
                throw new InvalidFact("customer", "is required, or customerId alone for an order check by reference");
            }
            return new OrderCheckRequest(within("customer", () -> customer(b.customer())),
                    b.exposure() == null ? null : within("exposure", () -> exposure(b.exposure())),
                    within("order", () -> order(b.order())), asOf, group(b.ledgerPosition()));
        }
        if (body instanceof CustomerScoreBody b) {
            return new CustomerScoreRequest(within("customer", () -> customer(b.customer())), asOf);
        }
        if (body instanceof PaymentTermsBody b) {
            return new PaymentTermsRequest(within("customer", () -> customer(b.customer())),
                    within("requestedTerms", () -> terms(b.requestedTerms())), b.orderAmount(), b.paymentMethod(),
                    asOf);
        }
        DunningBody b = (DunningBody) body;
        return new DunningRequest(within("customer", () -> customer(b.customer())),
                within("invoice", () -> invoice(b.invoice())), b.declaredProfile(), asOf);
    }

    /** The group read for an order check by reference (recorded in its ledger position); null outside a group. */
    private static CreditGroup group(LedgerPositionInput position) {
        if (position == null || position.group() == null) {
            return null;
        }
        LedgerPositionInput.GroupInput g = position.group();
        // a customer left out of its group (another currency) has no group limit: never more generous
        return new CreditGroup(g.parentAccountId(), g.excludedBecause() == null ? g.limit() : BigDecimal.ZERO,
                g.exposure(), g.parentFound());
    }

    /**
     * The rules' request for a body checked on the wire: a fact the model refuses joins the {@code problems}
     * already found, as the field at {@code prefix} + its path ({@code invoice.dueDate}), and any problem is
     * answered as {@code /problems/invalid-field}. The only place a model invariant becomes a field problem.
     *
     * @throws io.encours.service.web.ProblemException naming every invalid field
     */
    static DecisionRequest checked(DecisionBody body, LocalDate asOf, List<FieldProblem> problems, String prefix) {
        DecisionRequest request = null;
        try {
            request = of(body, asOf);
        } catch (InvalidFact e) {
            String field = prefix + e.field();
            if (problems.stream().noneMatch(p -> p.field().equals(field))) {
                problems.add(new FieldProblem(field, e.reason()));
            }
        }
        if (!problems.isEmpty()) {
            throw Problems.invalidFields(problems);
        }
        return request;
    }

    static Customer customer(CustomerInput c) {
        if (c == null) {
            return null;
        }
        return new Customer(c.id(), c.name(), c.country(), c.sector(), c.legalForm(), c.foundingDate(),
                within("externalRating", () -> rating(c.externalRating())),
                within("financials", () -> financials(c.financials())),
                within("paymentBehaviour", () -> behaviour(c.paymentBehaviour())),
                within("creditAccount", () -> account(c.creditAccount())));
    }

    static CreditAccount account(CreditAccountInput a) {
        return a == null ? null : new CreditAccount(a.internalLimit(), a.insuredLimit(), a.insurer(),
                a.insuranceExpiry(), a.standardTermsDays(), a.status(), a.lastReviewDate(), a.openedOn(),
                a.coveragePercent(), a.limitExpiry());
    }

    static Exposure exposure(ExposureInput e) {
        return new Exposure(e.openInvoices(), e.overdueAmount(), orZero(e.oldestOverdueDays()), e.openOrders(),
                e.disputedAmount(), orZero(e.highestDunningLevel()));
    }

    static Order order(OrderInput o) {
        return o == null ? null : new Order(o.id(), o.amount(), o.currency(),
                within("requestedTerms", () -> terms(o.requestedTerms())), o.paymentMethod(),
                InvalidFact.required(o.purchaseOrderPresent(), "purchaseOrderPresent"),
                InvalidFact.required(o.termsAndConditionsAccepted(), "termsAndConditionsAccepted"));
    }

    static OverdueInvoice invoice(InvoiceInput i) {
        return i == null ? null : new OverdueInvoice(i.number(), i.amount(), i.issuedOn(), i.dueDate(),
                Boolean.TRUE.equals(i.disputed()), each("promises", i.promises(), RequestFacts::promise),
                each("previousActions", i.previousActions(), RequestFacts::action),
                within("terms", () -> terms(i.terms())));
    }

    static PaymentTerms terms(TermsInput t) {
        return t == null ? null : new PaymentTerms(InvalidFact.required(t.days(), "days"), Boolean.TRUE.equals(t.endOfMonth()));
    }

    private static ExternalRating rating(ExternalRatingInput r) {
        return r == null ? null : new ExternalRating(r.provider(), InvalidFact.required(r.score(), "score"), r.ratedOn());
    }

    private static Financials financials(FinancialsInput f) {
        return f == null ? null : new Financials(f.totalAssets(), f.totalDebts(), f.equity(), f.netFinancialDebt(),
                f.revenue(), f.fiscalYearEnd(), f.netIncome(), f.operatingIncome(), f.currentAssets(),
                f.currentLiabilities(), f.cash(), f.interestExpense(), f.previousRevenue());
    }

    private static PaymentBehaviour behaviour(PaymentBehaviourInput b) {
        return b == null ? null : new PaymentBehaviour(
                InvalidFact.required(b.incidentsLast12Months(), "incidentsLast12Months"), b.averageDaysLate(),
                b.dso());
    }

    private static PaymentPromise promise(PaymentPromiseInput p) {
        return new PaymentPromise(p.promisedFor(), p.amount(), p.status());
    }

    private static DunningRecord action(DunningRecordInput d) {
        return new DunningRecord(InvalidFact.required(d.level(), "level"), d.action(), d.on());
    }

    private static <I, T> List<T> each(String field, List<I> inputs, Function<I, T> map) {
        if (inputs == null) {
            return null;
        }
        List<T> facts = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            I input = inputs.get(i);
            String path = field + "[" + i + "]";
            if (input == null) {
                throw new InvalidFact(path, "is required");
            }
            facts.add(within(path, () -> map.apply(input)));
        }
        return facts;
    }

    private static int orZero(Integer n) {
        return n == null ? 0 : n;
    }
}
