package io.encours.service.decision;

import io.encours.rules.model.Customer;
import io.encours.service.account.AccountFacts;
import io.encours.service.account.CreditAccount;
import io.encours.service.account.CreditAccounts;
import io.encours.service.ledger.CreditPositions;
import io.encours.service.ledger.CreditPositions.CreditPosition;
import io.encours.service.ledger.Exposure;
import io.encours.service.ledger.ExposureCategory;
import io.encours.service.ledger.GroupExposure;
import io.encours.service.ledger.PaymentBehaviour;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The facts of an order check by reference: the customer from its credit account ({@link AccountFacts}, which
 * treats a limit or a cover out of its validity as such), its exposure and payment behaviour from its ledger
 * position on the decision's date. The result is the same body a full payload would be, so that it is
 * evaluated, recorded and replayed the same way.
 */
@Component
class ReferenceFacts {
    private final CreditAccounts accounts;
    private final ObjectProvider<CreditPositions> positions;

    ReferenceFacts(CreditAccounts accounts, ObjectProvider<CreditPositions> positions) {
        this.accounts = accounts;
        this.positions = positions;
    }

    /** The customer's account and ledger position as read now, or a 404 problem naming an unknown customer. */
    Read read(String customerId, LocalDate asOf) {
        CreditAccount account = accounts.find(customerId).orElseThrow(() -> OrderCheckProblems.customerNotFound(customerId));
        CreditPosition position = positions().positionOf(account, asOf)
                .orElseThrow(() -> OrderCheckProblems.customerNotFound(customerId));
        return new Read(account, position, group(account, asOf));
    }

    /**
     * The customer's group when its account has a parent, as the order check decides on it: a parent that cannot
     * be found, or a customer in another currency than its parent (whose amounts are never added to the group's),
     * counts as a group with no limit, so the policy's group row decides (fail closed).
     */
    private LedgerPositionInput.GroupInput group(CreditAccount account, LocalDate asOf) {
        String parentId = account.parentAccountId();
        if (parentId == null) {
            return null;
        }
        Optional<GroupExposure> read = positions().groupOf(parentId, asOf);
        if (read.isEmpty()) {
            return new LedgerPositionInput.GroupInput(parentId, false, BigDecimal.ZERO, BigDecimal.ZERO, List.of(),
                    "the parent account does not exist");
        }
        GroupExposure group = read.get();
        List<String> members = group.members().stream().map(GroupExposure.Member::customerId).toList();
        if (group.excludes(account.customerId())) {
            return new LedgerPositionInput.GroupInput(parentId, true, BigDecimal.ZERO, group.total(), members,
                    "the customer's currency " + account.currency() + " is not the group's " + group.currency());
        }
        return new LedgerPositionInput.GroupInput(parentId, true,
                group.limit() == null ? BigDecimal.ZERO : group.limit(), group.total(), members, null);
    }

    CreditPositions positions() {
        CreditPositions available = positions.getIfAvailable();
        if (available == null) {
            throw OrderCheckProblems.ledgerUnavailable();
        }
        return available;
    }

    /** One reading of a customer's account and ledger position. */
    record Read(CreditAccount account, CreditPosition position, LedgerPositionInput.GroupInput group) {

        /** The order check with the facts of this reading filled in. */
        OrderCheckBody fill(OrderCheckBody byReference, LocalDate asOf) {
            Exposure exposure = position.exposure();
            PaymentBehaviour behaviour = position.behaviour();
            Customer customer = AccountFacts.toCustomer(account, asOf, behaviour(behaviour));
            Map<String, BigDecimal> categories = new LinkedHashMap<>();
            exposure.amounts().forEach((category, amount) -> categories.put(category.name(), amount));
            LedgerPositionInput read = new LedgerPositionInput(account.version(), position.version(), categories,
                    exposure.total(), 1, null, group);
            return byReference.filled(customer(customer), exposure(exposure, behaviour), read);
        }
    }

    /**
     * The ledger's exposure in the rules' two figures, so that their total is the ledger's total counted against
     * the limit: open invoices (not due and overdue), and open orders with what the ledger counts beside them
     * (approved not booked, shipped not invoiced) net of unallocated cash.
     */
    static ExposureInput exposure(Exposure exposure, PaymentBehaviour behaviour) {
        BigDecimal openInvoices = exposure.amount(ExposureCategory.OPEN_INVOICES_NOT_DUE)
                .add(exposure.amount(ExposureCategory.OVERDUE));
        BigDecimal openOrders = exposure.total().subtract(openInvoices);
        return new ExposureInput(openInvoices, exposure.amount(ExposureCategory.OVERDUE),
                (int) Math.min(Integer.MAX_VALUE, behaviour.oldestOverdueDays()), openOrders,
                exposure.amount(ExposureCategory.DISPUTED), behaviour.highestDunningLevel());
    }

    /** Days late unknown (no payment in 12 months) stays unknown: the policy scores it as missing data. */
    static io.encours.rules.model.PaymentBehaviour behaviour(PaymentBehaviour behaviour) {
        return new io.encours.rules.model.PaymentBehaviour(behaviour.paymentIncidents12m(),
                behaviour.averageDaysLate12m(), null);
    }

    static CustomerInput customer(Customer c) {
        io.encours.rules.model.CreditAccount a = c.creditAccount();
        return new CustomerInput(c.id(), c.name(), c.country(), c.sector(), c.legalForm(), c.foundingDate(),
                c.externalRating() == null ? null : new ExternalRatingInput(c.externalRating().provider(),
                        c.externalRating().score(), c.externalRating().ratedOn()),
                c.financials() == null ? null : financials(c.financials()),
                c.paymentBehaviour() == null ? null : new PaymentBehaviourInput(
                        c.paymentBehaviour().incidentsLast12Months(), c.paymentBehaviour().averageDaysLate(),
                        c.paymentBehaviour().dso()),
                new CreditAccountInput(a.internalLimit(), a.insuredLimit(), a.insurer(), a.insuranceExpiry(),
                        a.standardTermsDays(), a.status(), a.lastReviewDate(), a.openedOn(), a.coveragePercent(),
                        a.limitExpiry()));
    }

    private static FinancialsInput financials(io.encours.rules.model.Financials f) {
        return new FinancialsInput(f.totalAssets(), f.totalDebts(), f.equity(), f.netFinancialDebt(), f.revenue(),
                f.fiscalYearEnd(), f.netIncome(), f.operatingIncome(), f.currentAssets(), f.currentLiabilities(),
                f.cash(), f.interestExpense(), f.previousRevenue());
    }
}
