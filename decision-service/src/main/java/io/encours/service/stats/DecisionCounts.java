package io.encours.service.stats;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Decisions counted per day of the business time zone.
 *
 * @param from  the first day counted
 * @param to    the last day counted: today
 * @param today today's decisions by outcome and by decision type
 * @param daily each day's decisions by outcome, oldest day first; days and outcomes without decisions are left out
 */
record DecisionCounts(ZoneId timeZone, LocalDate from, LocalDate to, Today today, List<Day> daily) {

    record Today(Map<String, Long> byOutcome, Map<String, Long> byType) {
    }

    record Day(LocalDate day, String outcome, long count) {
    }
}
