package io.encours.service.auditor;

import io.encours.service.web.Problems;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Query parameters of the audit searches read as values; an unreadable one is a problem naming it. */
final class QueryValues {
    private QueryValues() {
    }

    static BigDecimal amount(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw Problems.invalidField(name, "must be a decimal number, e.g. 2500.50");
        }
    }

    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw Problems.invalidField(name, "must be an ISO-8601 instant, e.g. 2026-06-15T00:00:00Z");
        }
    }
}
