package io.encours.service.kpi;

import io.encours.service.account.AccountStatus;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The query parameters of the KPI endpoints as sent (text), read here so that each refusal names its parameter.
 * Scope: {@code customerId}, {@code group}, {@code sector}, {@code riskClass}, {@code country}, {@code insurer},
 * {@code status}, {@code currency}.
 */
record KpiQuery(String asOf, String periodFrom, String from, String to, String step, String top, String page,
                String size, String sort, String format, String customerId, String group, String sector,
                String riskClass, String country, String insurer, String status, String currency) {
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}");

    KpiScope scope() {
        return new KpiScope(text("customerId", customerId, ID, "an account id"), text("group", group, ID, "an account id"),
                text("sector", sector, CODE, "a sector code such as CONSTRUCTION"),
                text("riskClass", riskClass, CODE, "a risk class such as B"),
                text("country", country, COUNTRY, "an ISO 3166 alpha-2 code such as FR"),
                blankToNull("insurer", insurer), accountStatus(), text("currency", currency, CURRENCY, "an ISO 4217 code such as EUR"));
    }

    private AccountStatus accountStatus() {
        if (status == null) {
            return null;
        }
        try {
            return AccountStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw KpiProblems.invalid("status", "must be one of " + Arrays.toString(AccountStatus.values()));
        }
    }

    static LocalDate date(String parameter, String value, LocalDate otherwise) {
        if (value == null) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw KpiProblems.invalid(parameter, "must be a date yyyy-MM-dd, not " + quoted(value));
        }
    }

    static int number(String parameter, String value, int otherwise, int min, int max) {
        if (value == null) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw KpiProblems.invalid(parameter, "must be a whole number between " + min + " and " + max);
    }

    /** csv (default) or xlsx. */
    String exportFormat() {
        String f = format == null ? "csv" : format.toLowerCase(Locale.ROOT);
        if (!f.equals("csv") && !f.equals("xlsx")) {
            throw KpiProblems.invalid("format", "must be csv or xlsx");
        }
        return f;
    }

    private static String text(String parameter, String value, Pattern pattern, String what) {
        if (value == null) {
            return null;
        }
        if (!pattern.matcher(value).matches()) {
            throw KpiProblems.invalid(parameter, "must be " + what + ", not " + quoted(value));
        }
        return value;
    }

    private static String blankToNull(String parameter, String value) {
        if (value != null && (value.isBlank() || value.length() > 100)) {
            throw KpiProblems.invalid(parameter, "must be 1 to 100 characters");
        }
        return value;
    }

    private static String quoted(String value) {
        return "\"" + (value.length() > 40 ? value.substring(0, 40) + "..." : value) + "\"";
    }
}
