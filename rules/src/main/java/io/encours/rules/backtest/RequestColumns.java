package io.encours.rules.backtest;

import io.encours.rules.model.AccountStatus;
import io.encours.rules.model.CreditAccount;
import io.encours.rules.model.Customer;
import io.encours.rules.model.CustomerScoreRequest;
import io.encours.rules.model.ExternalRating;
import io.encours.rules.model.Financials;
import io.encours.rules.model.PaymentBehaviour;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The columns of a labelled file, named by their JSON path in the customer-score request, turned into a
 * request. A blank cell is a missing value; an optional part (rating, financials, payment behaviour) with
 * every cell blank is absent, as in the API.
 */
final class RequestColumns {
    static final String OUTCOME = "outcome";
    private static final String F = "customer.financials.";
    static final Set<String> FIELDS = Set.of("asOf", "customer.id", "customer.name", "customer.country",
            "customer.sector", "customer.legalForm", "customer.foundingDate",
            "customer.externalRating.provider", "customer.externalRating.score", "customer.externalRating.ratedOn",
            F + "totalAssets", F + "totalDebts", F + "equity", F + "netFinancialDebt", F + "revenue",
            F + "fiscalYearEnd", F + "netIncome", F + "operatingIncome", F + "currentAssets",
            F + "currentLiabilities", F + "cash", F + "interestExpense", F + "previousRevenue",
            "customer.paymentBehaviour.incidentsLast12Months", "customer.paymentBehaviour.averageDaysLate",
            "customer.paymentBehaviour.dso");

    private final Map<String, Integer> index = new HashMap<>();
    private final LocalDate defaultAsOf;

    /** @throws IllegalArgumentException naming a column that is no request field, or a missing outcome */
    RequestColumns(List<String> header, LocalDate defaultAsOf) {
        this.defaultAsOf = defaultAsOf;
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            if (name.isEmpty()) {
                continue;
            }
            if (!FIELDS.contains(name) && !OUTCOME.equals(name)) {
                throw new IllegalArgumentException("column '" + name + "' is not a customer-score request field "
                        + "(expected a JSON path such as customer.financials.totalAssets, or outcome)");
            }
            if (index.put(name, i) != null) {
                throw new IllegalArgumentException("column '" + name + "' appears twice");
            }
        }
        if (!index.containsKey(OUTCOME)) {
            throw new IllegalArgumentException("no 'outcome' column (1 = defaulted, 0 = not)");
        }
    }

    int width() {
        return index.values().stream().mapToInt(i -> i + 1).max().orElse(0);
    }

    /** 1 or 0. @throws IllegalArgumentException otherwise */
    int outcome(List<String> row) {
        String v = cell(row, OUTCOME);
        if ("1".equals(v)) {
            return 1;
        }
        if ("0".equals(v)) {
            return 0;
        }
        throw new IllegalArgumentException("outcome '" + (v == null ? "" : v) + "' is not 0 or 1");
    }

    /** @throws IllegalArgumentException naming the column of a value that does not parse or is out of range */
    CustomerScoreRequest request(List<String> row, long line) {
        LocalDate asOf = date(row, "asOf");
        ExternalRating rating = null;
        if (any(row, "customer.externalRating.")) {
            Integer score = integer(row, "customer.externalRating.score");
            if (score == null) {
                throw new IllegalArgumentException("customer.externalRating.score is blank but the rating is not");
            }
            rating = new ExternalRating(orElse(cell(row, "customer.externalRating.provider"), "unknown"), score,
                    date(row, "customer.externalRating.ratedOn"));
        }
        Financials financials = !any(row, F) ? null : new Financials(decimal(row, F + "totalAssets"),
                decimal(row, F + "totalDebts"), decimal(row, F + "equity"), decimal(row, F + "netFinancialDebt"),
                decimal(row, F + "revenue"), date(row, F + "fiscalYearEnd"), decimal(row, F + "netIncome"),
                decimal(row, F + "operatingIncome"), decimal(row, F + "currentAssets"),
                decimal(row, F + "currentLiabilities"), decimal(row, F + "cash"), decimal(row, F + "interestExpense"),
                decimal(row, F + "previousRevenue"));
        PaymentBehaviour behaviour = null;
        if (any(row, "customer.paymentBehaviour.")) {
            Integer incidents = integer(row, "customer.paymentBehaviour.incidentsLast12Months");
            behaviour = new PaymentBehaviour(incidents == null ? 0 : incidents,
                    decimal(row, "customer.paymentBehaviour.averageDaysLate"),
                    decimal(row, "customer.paymentBehaviour.dso"));
        }
        // Scoring reads nothing of the account; the request needs one all the same.
        CreditAccount account = new CreditAccount(null, null, null, null, null, AccountStatus.ACTIVE, null, null);
        Customer customer = new Customer(orElse(cell(row, "customer.id"), "line-" + line), cell(row, "customer.name"),
                orElse(cell(row, "customer.country"), "FR"), cell(row, "customer.sector"),
                cell(row, "customer.legalForm"), date(row, "customer.foundingDate"), rating, financials, behaviour,
                account);
        return new CustomerScoreRequest(customer, asOf == null ? defaultAsOf : asOf);
    }

    private boolean any(List<String> row, String prefix) {
        for (Map.Entry<String, Integer> e : index.entrySet()) {
            if (e.getKey().startsWith(prefix) && cell(row, e.getKey()) != null) {
                return true;
            }
        }
        return false;
    }

    private String cell(List<String> row, String name) {
        Integer i = index.get(name);
        if (i == null || i >= row.size()) {
            return null;
        }
        String v = row.get(i).strip();
        return v.isEmpty() ? null : v;
    }

    private static String orElse(String v, String fallback) {
        return v == null ? fallback : v;
    }

    private BigDecimal decimal(List<String> row, String name) {
        String v = cell(row, name);
        try {
            return v == null ? null : new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " '" + v + "' is not a number");
        }
    }

    private Integer integer(List<String> row, String name) {
        String v = cell(row, name);
        try {
            return v == null ? null : Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " '" + v + "' is not a whole number");
        }
    }

    private LocalDate date(List<String> row, String name) {
        String v = cell(row, name);
        try {
            return v == null ? null : LocalDate.parse(v);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(name + " '" + v + "' is not a date (YYYY-MM-DD)");
        }
    }
}
