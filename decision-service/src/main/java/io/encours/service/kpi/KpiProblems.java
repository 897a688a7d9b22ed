package io.encours.service.kpi;

import io.encours.service.web.ProblemException;
import io.encours.service.web.Problems;
import java.util.Collection;

/**
 * The problems of the KPI API: every refusal is about one query parameter (a date that is not one, a scope
 * naming no account, a page too large), answered as the common invalid-field problem naming that parameter.
 */
final class KpiProblems {
    private KpiProblems() {
    }

    static ProblemException invalid(String parameter, String reason) {
        return Problems.invalidField(parameter, reason);
    }

    static ProblemException noSuchAccount(String parameter, String customerId) {
        return Problems.invalidField(parameter, "no credit account " + customerId);
    }

    /** Amounts in two currencies are never added: the scope must name one. */
    static ProblemException mixedCurrencies(Collection<String> currencies) {
        return Problems.invalidField("currency", "the scope holds accounts in " + String.join(", ", currencies)
                + "; amounts in different currencies are not added: name one");
    }
}
