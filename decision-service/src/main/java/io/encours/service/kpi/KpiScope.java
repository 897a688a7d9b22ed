package io.encours.service.kpi;

import io.encours.service.account.AccountStatus;
import io.encours.service.account.CreditAccount;

/**
 * Which customers a KPI covers: one account, a group (the parent account and the accounts that roll up into
 * it), the accounts of a segment (every filter given must match), or, with nothing given, the whole book; and
 * the currency when the scope holds several.
 */
record KpiScope(String customerId, String group, String sector, String riskClass, String country, String insurer,
                AccountStatus status, String currency) {
    static final KpiScope WHOLE_BOOK = new KpiScope(null, null, null, null, null, null, null, null);

    boolean selectsAccounts() {
        return customerId != null || group != null || sector != null || riskClass != null || country != null
                || insurer != null || status != null;
    }

    /** Whether the account matches the segment filters (not the account or the group: those are looked up). */
    boolean matchesSegment(CreditAccount a) {
        return (sector == null || sector.equals(a.sector()))
                && (riskClass == null || (a.assessment() != null && riskClass.equals(a.assessment().riskClass())))
                && (country == null || country.equals(a.country()))
                && (insurer == null || (a.cover() != null && insurer.equals(a.cover().insurer())))
                && (status == null || (a.status() != null && status == a.status().status()));
    }
}
