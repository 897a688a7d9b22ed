package io.encours.service.account;

import io.encours.rules.model.InvalidFact;
import io.encours.service.web.FieldProblem;
import io.encours.service.web.Problems;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Accounts from an ERP's customer export (go-live): one account per line, the columns named by query
 * parameters ({@code customerId=Code client&internalLimit=Encours autorisé}), each field's own name when
 * not mapped; {@code currency=EUR} names no column of the file but the currency of every line. French
 * exports read as they are: {@code separator=;}, {@code decimalSeparator=,} (spaces as
 * thousands separators are ignored), {@code dateFormat=dd/MM/yyyy}, {@code charset=windows-1252}. A line
 * becomes an account, a change of its account, or nothing when the account already holds the same data:
 * importing the same file again changes nothing. Fields with no column keep the account's value (a new
 * account: none); an empty cell clears the field. A bad line is reported with its number and reason, and
 * the other lines are imported.
 */
final class AccountImport {
    /** The fields a column may fill, each with the path it sets in the account body. */
    static final Map<String, String> FIELDS = fields();
    private static final Set<String> OPTIONS = Set.of("separator", "decimalSeparator", "dateFormat", "charset",
            "reason");

    private final char separator;
    private final char decimalSeparator;
    private final DateTimeFormatter dates;
    private final String datePattern;
    private final Charset charset;
    private String defaultCurrency;
    private final String reason;
    private final Map<String, String> columns = new LinkedHashMap<>();

    /** Reads the query parameters; a bad one is a 400 naming it. */
    AccountImport(Map<String, String> parameters) {
        List<FieldProblem> problems = new ArrayList<>();
        for (String name : parameters.keySet()) {
            if (!OPTIONS.contains(name) && !FIELDS.containsKey(name)) {
                problems.add(new FieldProblem(name, "is neither an account field " + FIELDS.keySet()
                        + " nor an option " + OPTIONS));
            }
        }
        separator = oneOf(parameters.getOrDefault("separator", ","), ",;\t|", "separator", problems);
        decimalSeparator = oneOf(parameters.getOrDefault("decimalSeparator", "."), ".,", "decimalSeparator", problems);
        DateTimeFormatter format = null;
        datePattern = parameters.getOrDefault("dateFormat", "yyyy-MM-dd");
        try {
            format = DateTimeFormatter.ofPattern(datePattern
                    .replace("yyyy", "uuuu").replace("yy", "uu"), Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("dateFormat", "is not a date pattern such as dd/MM/yyyy"));
        }
        dates = format;
        Charset named = null;
        try {
            named = Charset.forName(parameters.getOrDefault("charset", "UTF-8"));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            problems.add(new FieldProblem("charset", "is not a known character set such as UTF-8 or windows-1252"));
        }
        charset = named;
        reason = parameters.getOrDefault("reason", "import");
        FIELDS.keySet().forEach(field -> columns.put(field, parameters.getOrDefault(field, field)));
        if (!problems.isEmpty()) {
            throw Problems.invalidFields(problems);
        }
    }

    /** One line of the file: its number (the header is line 1), and the body it gives or why it gives none. */
    record Line(int number, String customerId, AccountBody body, FieldProblem problem) {
    }

    /**
     * The lines of the file, each as the account body it gives on top of {@code existing} (the account of its
     * customer, when there is one).
     */
    List<Line> read(byte[] file, java.util.function.Function<String, CreditAccount> existing, JsonMapper json) {
        String text = new String(file, charset);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Csv.Row> rows = Csv.parse(text, separator);
        if (rows.isEmpty()) {
            throw Problems.invalidField("body", "is empty: a header line and one line per account are expected");
        }
        List<String> header = rows.get(0).cells().stream().map(String::trim).toList();
        Map<String, Integer> index = new LinkedHashMap<>();
        List<FieldProblem> problems = new ArrayList<>();
        columns.forEach((field, column) -> {
            int at = header.indexOf(column);
            if (at >= 0) {
                index.put(field, at);
            } else if (field.equals("currency") && !column.equals(field)) {
                defaultCurrency = column; // a file without a currency column: currency=EUR is every line's currency
            } else if (!column.equals(field)) {
                problems.add(new FieldProblem(field, "names the column '" + column + "', which the header has not: "
                        + header));
            }
        });
        if (!index.containsKey("customerId")) {
            problems.add(new FieldProblem("customerId", "no column '" + columns.get("customerId")
                    + "' in the header; name the column of the customer ids, e.g. customerId=Code client"));
        }
        if (!problems.isEmpty()) {
            throw Problems.invalidFields(problems);
        }
        List<Line> lines = new ArrayList<>();
        for (Csv.Row row : rows.subList(1, rows.size())) {
            if (row.cells().stream().allMatch(String::isBlank)) {
                continue;
            }
            lines.add(line(row, header.size(), index, existing, json));
        }
        return lines;
    }

    private Line line(Csv.Row row, int width, Map<String, Integer> index,
                      java.util.function.Function<String, CreditAccount> existing, JsonMapper json) {
        String customerId = cell(row, index.get("customerId"));
        if (row.cells().size() != width) {
            return new Line(row.line(), customerId, null, new FieldProblem("line", "has " + row.cells().size()
                    + " cells, the header " + width));
        }
        if (customerId == null) {
            return new Line(row.line(), null, null, new FieldProblem("customerId", "is empty"));
        }
        CreditAccount current = CreditAccount.IDENTIFIER.matcher(customerId).matches() ? existing.apply(customerId) : null;
        ObjectNode body = current == null ? json.createObjectNode() : json.valueToTree(AccountBody.of(current));
        body.remove("version");
        body.put("customerId", customerId);
        body.put("reason", reason);
        if (defaultCurrency != null) {
            body.put("currency", defaultCurrency);
        }
        for (Map.Entry<String, Integer> column : index.entrySet()) {
            String field = column.getKey();
            String value = cell(row, column.getValue());
            try {
                set(body, FIELDS.get(field), field, value);
            } catch (DateTimeParseException e) {
                return new Line(row.line(), customerId, null, new FieldProblem(field,
                        "'" + value + "' is not a date in the format " + datePattern));
            } catch (NumberFormatException e) {
                return new Line(row.line(), customerId, null, new FieldProblem(field, "'" + value + "' is not a number"));
            } catch (InvalidFact e) {
                return new Line(row.line(), customerId, null, new FieldProblem(field, e.reason()));
            }
        }
        dropEmpty(body, "cover");
        dropEmpty(body, "internalLimit");
        dropEmpty(body, "externalRating");
        try {
            AccountBody parsed = json.treeToValue(body, AccountBody.class);
            parsed.toAccount(customerId, 1, java.time.Instant.EPOCH, "import", current); // the invariants, here
            return new Line(row.line(), customerId, parsed, null);
        } catch (InvalidFact e) {
            return new Line(row.line(), customerId, null, new FieldProblem(columnOf(e.field()), e.reason()));
        } catch (JacksonException e) {
            return new Line(row.line(), customerId, null, new FieldProblem("line", "a value does not fit its field: "
                    + e.getOriginalMessage()));
        }
    }

    private void set(ObjectNode body, String path, String field, String value) {
        String[] parts = path.split("\\.");
        ObjectNode target = body;
        for (int i = 0; i < parts.length - 1; i++) {
            if (target.get(parts[i]) instanceof ObjectNode inner) {
                target = inner;
            } else if (value == null) {
                return;
            } else {
                target = target.putObject(parts[i]);
            }
        }
        String leaf = parts[parts.length - 1];
        if (value == null) {
            target.remove(leaf);
        } else if (isDate(field)) {
            target.put(leaf, LocalDate.parse(value, dates).toString());
        } else if (isAmount(field)) {
            target.put(leaf, amount(value));
        } else if (isWhole(field)) {
            target.put(leaf, Integer.parseInt(value));
        } else if (field.equals("status")) {
            String status = value.toUpperCase(Locale.ROOT);
            if (java.util.Arrays.stream(AccountStatus.values()).noneMatch(s -> s.name().equals(status))) {
                throw new InvalidFact(field, "'" + value + "' is none of "
                        + java.util.Arrays.toString(AccountStatus.values()));
            }
            target.put(leaf, status);
        } else {
            target.put(leaf, value);
        }
    }

    private BigDecimal amount(String value) {
        String plain = value.replace(" ", "").replace("\u00a0", "").replace("\u202f", "");
        if (decimalSeparator == ',') {
            plain = plain.replace(".", "").replace(',', '.');
        } else {
            plain = plain.replace(",", "");
        }
        return new BigDecimal(plain);
    }

    /** The column a field problem comes from, in the caller's words (the parameter naming it). */
    private static String columnOf(String path) {
        return FIELDS.entrySet().stream().filter(e -> e.getValue().equals(path)).map(Map.Entry::getKey).findFirst()
                .orElse(path);
    }

    private static void dropEmpty(ObjectNode body, String field) {
        if (body.get(field) instanceof ObjectNode inner && inner.isEmpty()) {
            body.remove(field);
        }
    }

    private static String cell(Csv.Row row, Integer at) {
        if (at == null || at >= row.cells().size()) {
            return null;
        }
        String value = row.cells().get(at).trim();
        return value.isEmpty() ? null : value;
    }

    private static boolean isDate(String field) {
        return field.endsWith("Date") || field.endsWith("From") || field.endsWith("To") || field.endsWith("On");
    }

    private static boolean isAmount(String field) {
        return field.equals("internalLimit") || field.equals("insuredAmount") || field.equals("coveragePercent");
    }

    private static boolean isWhole(String field) {
        return field.endsWith("Days") || field.equals("externalScore");
    }

    private static char oneOf(String value, String allowed, String name, List<FieldProblem> problems) {
        String v = value.equals("\\t") || value.equalsIgnoreCase("tab") ? "\t" : value;
        if (v.length() != 1 || allowed.indexOf(v.charAt(0)) < 0) {
            problems.add(new FieldProblem(name, "must be one of " + allowed.replace("\t", "\\t").chars()
                    .mapToObj(c -> "'" + (char) c + "'").toList()));
            return allowed.charAt(0);
        }
        return v.charAt(0);
    }

    private static Map<String, String> fields() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("customerId", "customerId");
        f.put("name", "name");
        f.put("country", "country");
        f.put("sector", "sector");
        f.put("legalForm", "legalForm");
        f.put("foundingDate", "foundingDate");
        f.put("currency", "currency");
        f.put("standardTermsDays", "standardTermsDays");
        f.put("status", "status.status");
        f.put("statusReason", "status.reason");
        f.put("internalLimit", "internalLimit.amount");
        f.put("limitValidFrom", "internalLimit.validFrom");
        f.put("limitValidTo", "internalLimit.validTo");
        f.put("insurer", "cover.insurer");
        f.put("insuredAmount", "cover.insuredAmount");
        f.put("coveragePercent", "cover.coveragePercent");
        f.put("coverValidFrom", "cover.validFrom");
        f.put("coverValidTo", "cover.validTo");
        f.put("maxPaymentTermDays", "cover.maxPaymentTermDays");
        f.put("notificationDelayDays", "cover.notificationDelayDays");
        f.put("externalProvider", "externalRating.provider");
        f.put("externalScore", "externalRating.score");
        f.put("externalRatedOn", "externalRating.ratedOn");
        f.put("lastReviewDate", "lastReviewDate");
        f.put("nextReviewDate", "nextReviewDate");
        f.put("openedOn", "openedOn");
        f.put("parentAccountId", "parentAccountId");
        return java.util.Collections.unmodifiableMap(f);
    }
}
