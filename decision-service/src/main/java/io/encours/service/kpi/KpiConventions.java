package io.encours.service.kpi;

import java.util.ArrayList;
import java.util.List;

/**
 * The conventions the KPIs are computed with (docs/kpis.md): the upper limits of the aged balance's buckets in
 * days (30, 60, 90: day 30 past due is in 1-30, day 31 in 31-60, over 90 in 90+) and the DSO window N in days.
 * An invoice due on the date is current; the next day it is 1 day past due.
 */
record KpiConventions(List<Integer> agedLimits, int dsoWindowDays) {
    static final KpiConventions DEFAULT = new KpiConventions(List.of(30, 60, 90), 90);

    KpiConventions {
        agedLimits = List.copyOf(agedLimits);
        if (agedLimits.isEmpty()) {
            throw new IllegalArgumentException("the aged balance needs at least one bucket limit");
        }
        for (int i = 0; i < agedLimits.size(); i++) {
            if (agedLimits.get(i) < 1 || (i > 0 && agedLimits.get(i) <= agedLimits.get(i - 1))) {
                throw new IllegalArgumentException("bucket limits must be positive and increasing: " + agedLimits);
            }
        }
        if (dsoWindowDays < 1 || dsoWindowDays > 3660) {
            throw new IllegalArgumentException("the DSO window must be between 1 and 3660 days");
        }
    }

    /** Keys of the days-past-due view: current, 1-30, 31-60, 61-90, 90+. */
    List<String> pastDueKeys() {
        List<String> keys = new ArrayList<>();
        keys.add("current");
        int from = 1;
        for (int limit : agedLimits) {
            keys.add(from + "-" + limit);
            from = limit + 1;
        }
        keys.add(agedLimits.get(agedLimits.size() - 1) + "+");
        return keys;
    }

    /** Keys of the days-since-invoice-date view: 0-30, 31-60, 61-90, 90+. */
    List<String> invoiceAgeKeys() {
        List<String> keys = new ArrayList<>();
        int from = 0;
        for (int limit : agedLimits) {
            keys.add(from + "-" + limit);
            from = limit + 1;
        }
        keys.add(agedLimits.get(agedLimits.size() - 1) + "+");
        return keys;
    }

    /** Index in {@link #pastDueKeys()} of an invoice {@code daysPastDue} past due (0 or less: current). */
    int pastDueBucket(int daysPastDue) {
        if (daysPastDue <= 0) {
            return 0;
        }
        for (int j = 0; j < agedLimits.size(); j++) {
            if (daysPastDue <= agedLimits.get(j)) {
                return j + 1;
            }
        }
        return agedLimits.size() + 1;
    }

    /** Index in {@link #invoiceAgeKeys()} of an invoice issued {@code age} days ago. */
    int invoiceAgeBucket(int age) {
        for (int j = 0; j < agedLimits.size(); j++) {
            if (age <= agedLimits.get(j)) {
                return j;
            }
        }
        return agedLimits.size();
    }
}
