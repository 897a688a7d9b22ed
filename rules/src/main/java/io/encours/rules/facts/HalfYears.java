package io.encours.rules.facts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The days of a payment delay split by calendar half-year (1 January - 30 June, 1 July - 31 December): the
 * legal late-payment rate of a half-year is the ECB rate in force on its first day (Code de commerce L441-10),
 * so interest over a delay that spans half-years is worked out part by part.
 */
public final class HalfYears {
    /** {@code days} days of delay falling in the half-year that starts on {@code start}. */
    public record Part(LocalDate start, int days) {
    }

    private HalfYears() {
    }

    /** The days after {@code dueDate}, up to and including {@code dueDate + daysLate}, by half-year; oldest first. */
    public static List<Part> of(LocalDate dueDate, int daysLate) {
        List<Part> parts = new ArrayList<>(2);
        LocalDate day = dueDate.plusDays(1);
        LocalDate last = dueDate.plusDays(daysLate);
        while (!day.isAfter(last)) {
            LocalDate start = LocalDate.of(day.getYear(), day.getMonthValue() <= 6 ? 1 : 7, 1);
            LocalDate end = start.plusMonths(6).minusDays(1);
            LocalDate to = end.isBefore(last) ? end : last;
            parts.add(new Part(start, (int) java.time.temporal.ChronoUnit.DAYS.between(day, to) + 1));
            day = to.plusDays(1);
        }
        return parts;
    }
}
