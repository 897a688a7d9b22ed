package io.encours.rules.scenario;

import io.encours.rules.model.AccountStatus;
import io.encours.rules.model.CreditAccount;
import io.encours.rules.model.CreditGroup;
import io.encours.rules.model.Customer;
import io.encours.rules.model.CustomerScoreRequest;
import io.encours.rules.model.DebtorProfile;
import io.encours.rules.model.DecisionRequest;
import io.encours.rules.model.DecisionType;
import io.encours.rules.model.DunningRecord;
import io.encours.rules.model.DunningRequest;
import io.encours.rules.model.Exposure;
import io.encours.rules.model.ExternalRating;
import io.encours.rules.model.Financials;
import io.encours.rules.model.Order;
import io.encours.rules.model.OrderCheckRequest;
import io.encours.rules.model.OverdueInvoice;
import io.encours.rules.model.PaymentBehaviour;
import io.encours.rules.model.PaymentMethod;
import io.encours.rules.model.PaymentPromise;
import io.encours.rules.model.PaymentTerms;
import io.encours.rules.model.PaymentTermsRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a decision request from a scenario's facts, written as {@code name=value}. Dates are mostly given
 * relative to {@code asOf} ("reviewed 400 days ago") so scenarios do not age. {@code none} removes an
 * optional part (no rating, no financials, no insurer).
 */
final class ScenarioFacts {
    static final Set<String> KNOWN = Set.of("asOf", "customer.id", "customer.sector", "customer.legalForm",
            "customer.country", "customer.yearsInBusiness", "rating", "rating.score", "rating.provider",
            "financials", "financials.totalAssets", "financials.totalDebts", "financials.equity",
            "financials.netDebt", "financials.revenue", "financials.netIncome", "financials.operatingIncome",
            "financials.currentAssets", "financials.currentLiabilities", "financials.cash",
            "financials.interestExpense", "financials.previousRevenue", "rating.ratedMonthsAgo", "behaviour", "behaviour.incidents",
            "behaviour.averageDaysLate", "account.internalLimit", "account.insuredLimit",
            "account.insuranceExpiresInDays", "account.limitExpiresInDays", "account.insurer", "account.standardTermsDays", "account.status",
            "account.reviewedDaysAgo", "account.openedDaysAgo", "exposure.openInvoices", "exposure.overdue",
            "exposure.oldestOverdueDays", "exposure.openOrders", "exposure.disputed", "exposure.dunningLevel",
            "order.id", "order.amount", "order.currency", "order.termsDays", "order.endOfMonth",
            "order.paymentMethod", "order.purchaseOrder", "order.termsAccepted", "terms.days", "terms.endOfMonth",
            "terms.paymentMethod", "terms.orderAmount", "invoice.number", "invoice.amount", "invoice.daysPastDue",
            "invoice.disputed", "invoice.brokenPromises", "invoice.pendingPromise", "invoice.lastActionLevel",
            "invoice.lastActionDaysAgo", "debtor.profile",
            "account.coveragePercent", "invoice.issuedOn", "invoice.issuedDaysBeforeDue", "invoice.termsDays",
            "invoice.endOfMonth", "group.limit", "group.exposure", "group.parentMissing");

    private final Map<String, String> f;
    private final LocalDate asOf;

    ScenarioFacts(Map<String, String> facts) {
        this.f = facts;
        for (String key : facts.keySet()) {
            if (!KNOWN.contains(key)) {
                throw new IllegalArgumentException("unknown fact '" + key + "'");
            }
        }
        this.asOf = LocalDate.parse(get("asOf", "2026-06-15"));
    }

    DecisionRequest request(DecisionType type) {
        Customer customer = customer();
        return switch (type) {
            case CUSTOMER_SCORE -> new CustomerScoreRequest(customer, asOf);
            case ORDER_CHECK -> new OrderCheckRequest(customer, exposure(), order(), asOf, group());
            case PAYMENT_TERMS -> new PaymentTermsRequest(customer,
                    new PaymentTerms(integer("terms.days", 30), bool("terms.endOfMonth", false)),
                    decimalOrNull("terms.orderAmount"),
                    PaymentMethod.valueOf(get("terms.paymentMethod", "BANK_TRANSFER")), asOf);
            case DUNNING -> new DunningRequest(customer, invoice(),
                    isNone("debtor.profile") ? null : DebtorProfile.valueOf(get("debtor.profile", "")), asOf);
        };
    }

    private Customer customer() {
        Integer years = integerOrNull("customer.yearsInBusiness");
        ExternalRating rating = saysNone("rating") || isNone("rating.score") ? null
                : new ExternalRating(get("rating.provider", "Ellisphere"), integer("rating.score", 60),
                asOf.minusMonths(integer("rating.ratedMonthsAgo", 2)));
        Financials financials = saysNone("financials") ? null : new Financials(
                decimalOrNull("financials.totalAssets"), decimalOrNull("financials.totalDebts"),
                decimalOrNull("financials.equity"), decimalOrNull("financials.netDebt"),
                decimalOrNull("financials.revenue"), asOf.withDayOfYear(1).minusDays(1),
                decimalOrNull("financials.netIncome"), decimalOrNull("financials.operatingIncome"),
                decimalOrNull("financials.currentAssets"), decimalOrNull("financials.currentLiabilities"),
                decimalOrNull("financials.cash"), decimalOrNull("financials.interestExpense"),
                decimalOrNull("financials.previousRevenue"));
        PaymentBehaviour behaviour = saysNone("behaviour") ? null : new PaymentBehaviour(
                integer("behaviour.incidents", 0), decimalOrNull("behaviour.averageDaysLate"), null);
        BigDecimal insured = decimalOrNull("account.insuredLimit");
        Integer expiresIn = integerOrNull("account.insuranceExpiresInDays");
        Integer limitExpiresIn = integerOrNull("account.limitExpiresInDays");
        Integer reviewed = integerOrNull("account.reviewedDaysAgo");
        Integer opened = integerOrNull("account.openedDaysAgo");
        CreditAccount account = new CreditAccount(decimalOrNull("account.internalLimit"), insured,
                insured == null ? null : get("account.insurer", "Allianz Trade"),
                insured == null || expiresIn == null ? null : asOf.plusDays(expiresIn),
                integerOrNull("account.standardTermsDays"),
                AccountStatus.valueOf(get("account.status", "ACTIVE")),
                reviewed == null ? null : asOf.minusDays(reviewed),
                opened == null ? null : asOf.minusDays(opened), decimalOrNull("account.coveragePercent"),
                limitExpiresIn == null ? null : asOf.plusDays(limitExpiresIn));
        return new Customer(get("customer.id", "C-1000"), "Scenario customer", get("customer.country", "FR"),
                getOrNull("customer.sector"), getOrNull("customer.legalForm"),
                years == null ? null : asOf.minusYears(years).minusDays(1), rating, financials, behaviour, account);
    }

    private Exposure exposure() {
        return new Exposure(decimal("exposure.openInvoices"), decimal("exposure.overdue"),
                integer("exposure.oldestOverdueDays", 0), decimal("exposure.openOrders"),
                decimal("exposure.disputed"), integer("exposure.dunningLevel", 0));
    }

    private Order order() {
        return new Order(get("order.id", "SO-1"), decimal("order.amount"), get("order.currency", "EUR"),
                new PaymentTerms(integer("order.termsDays", 30), bool("order.endOfMonth", false)),
                PaymentMethod.valueOf(get("order.paymentMethod", "BANK_TRANSFER")),
                bool("order.purchaseOrder", true), bool("order.termsAccepted", true));
    }

    private OverdueInvoice invoice() {
        LocalDate due = asOf.minusDays(integer("invoice.daysPastDue", 0));
        List<PaymentPromise> promises = new ArrayList<>();
        int broken = integer("invoice.brokenPromises", 0);
        for (int i = 0; i < broken; i++) {
            promises.add(new PaymentPromise(asOf.minusDays(10L + i), decimal("invoice.amount"),
                    PaymentPromise.PromiseStatus.BROKEN));
        }
        if (bool("invoice.pendingPromise", false)) {
            promises.add(new PaymentPromise(asOf.plusDays(5), decimal("invoice.amount"),
                    PaymentPromise.PromiseStatus.PENDING));
        }
        List<DunningRecord> actions = new ArrayList<>();
        Integer lastLevel = integerOrNull("invoice.lastActionLevel");
        if (lastLevel != null) {
            actions.add(new DunningRecord(lastLevel, "PREVIOUS_STEP",
                    asOf.minusDays(integer("invoice.lastActionDaysAgo", 3))));
        }
        LocalDate issued = f.containsKey("invoice.issuedOn") ? LocalDate.parse(f.get("invoice.issuedOn"))
                : due.minusDays(integer("invoice.issuedDaysBeforeDue", 30));
        Integer termsDays = integerOrNull("invoice.termsDays");
        return new OverdueInvoice(get("invoice.number", "INV-1"), decimal("invoice.amount"), issued, due,
                bool("invoice.disputed", false), promises, actions,
                termsDays == null ? null : new PaymentTerms(termsDays, bool("invoice.endOfMonth", false)));
    }

    /** The scenario removed this optional part with {@code part=none}. */
    private boolean saysNone(String key) {
        return "none".equalsIgnoreCase(f.get(key));
    }

    /** The value is absent or {@code none}. */
    private boolean isNone(String key) {
        String v = f.get(key);
        return v == null || v.equalsIgnoreCase("none");
    }

    private String get(String key, String fallback) {
        String v = f.get(key);
        return v == null || v.isEmpty() ? fallback : v;
    }

    private String getOrNull(String key) {
        return isNone(key) ? null : f.get(key);
    }

    private BigDecimal decimal(String key) {
        BigDecimal v = decimalOrNull(key);
        return v == null ? BigDecimal.ZERO : v;
    }

    /** The customer's group when the scenario names one (group.limit, group.exposure, group.parentMissing). */
    private CreditGroup group() {
        if (bool("group.parentMissing", false)) {
            return CreditGroup.missing("GROUP");
        }
        BigDecimal limit = decimalOrNull("group.limit");
        BigDecimal exposure = decimalOrNull("group.exposure");
        return limit == null && exposure == null ? null : new CreditGroup("GROUP", limit, exposure, true);
    }

    private BigDecimal decimalOrNull(String key) {
        return isNone(key) ? null : new BigDecimal(f.get(key));
    }

    private int integer(String key, int fallback) {
        Integer v = integerOrNull(key);
        return v == null ? fallback : v;
    }

    private Integer integerOrNull(String key) {
        return isNone(key) ? null : Integer.valueOf(f.get(key));
    }

    private boolean bool(String key, boolean fallback) {
        String v = f.get(key);
        return v == null ? fallback : Boolean.parseBoolean(v.trim());
    }
}
