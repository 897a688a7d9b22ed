package io.encours.service.decision;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Decision settings.
 *
 * @param asOfYearsBack how far back a request's {@code asOf} may go: a decision "as of" a date further back
 *                      than any recorded history is a typing error (0001-01-01), not a question
 * @param asOfDaysAhead how far ahead a request's {@code asOf} may go: an order system may ask about next
 *                      month's shipments, never about 9999-12-31
 */
@ConfigurationProperties("encours.decision")
public record DecisionProperties(
        @DefaultValue("10") int asOfYearsBack,
        @DefaultValue("31") int asOfDaysAhead) {

    public DecisionProperties {
        if (asOfYearsBack < 0) {
            throw new IllegalArgumentException("encours.decision.as-of-years-back must not be negative");
        }
        if (asOfDaysAhead < 0) {
            throw new IllegalArgumentException("encours.decision.as-of-days-ahead must not be negative");
        }
    }

    /** Why this {@code asOf} is refused on the given business day; empty when it is within the window. */
    public Optional<String> asOfProblem(LocalDate asOf, LocalDate today) {
        if (asOf == null) {
            return Optional.empty();
        }
        LocalDate earliest = today.minusYears(asOfYearsBack);
        LocalDate latest = today.plusDays(asOfDaysAhead);
        if (asOf.isBefore(earliest) || asOf.isAfter(latest)) {
            return Optional.of("must be between " + earliest + " and " + latest + " (at most " + asOfYearsBack
                    + " years back and " + asOfDaysAhead + " days ahead)");
        }
        return Optional.empty();
    }
}
