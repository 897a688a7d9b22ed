package io.encours.service.ledger;

import io.encours.service.account.Csv;
import io.encours.service.web.FieldProblem;
import io.encours.service.web.Problems;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An ERP's export of invoices (open items and paid history) read into the events the API takes. The columns
 * are named by query parameters ({@code customerId=customerID&invoiceId=invoiceNumber&...}); each line gives an
 * {@code INVOICE_ISSUED} (no order: the export has none), a {@code DISPUTE_OPENED} for the whole amount on the
 * invoice date when the disputed cell says so, and a {@code PAYMENT_RECEIVED} allocated to the invoice on the
 * paid date when there is one (an empty cell: still open). Event ids are derived from the invoice id
 * ({@code import:<invoiceId>:issued}, {@code :disputed}, {@code :paid}), so importing the same file again is all
 * duplicates. A line that cannot be read is reported with its number and reason; the others are imported.
 */
final class InvoiceImport {
    static final List<String> COLUMNS = List.of("customerId", "invoiceId", "issuedOn", "dueOn", "amount", "paidOn",
            "disputed");
    private static final Set<String> REQUIRED = Set.of("customerId", "invoiceId", "issuedOn", "dueOn", "amount");
    private static final Set<String> OPTIONS = Set.of("dateFormat", "currency", "createAccounts", "separator",
            "mode", "snapshotId", "snapshotOn");
    private static final Set<String> YES = Set.of("yes", "y", "true", "1", "oui", "x");

    final DateTimeFormatter dates;
    final String currency;
    final boolean createAccounts;
    final char separator;
    final boolean snapshot;
    final String snapshotId;
    final LocalDate snapshotOn;
    private final Map<String, String> columns = new LinkedHashMap<>();

    /** Reads the query parameters; a bad one is a 400 naming it. */
    InvoiceImport(Map<String, String> parameters) {
        List<FieldProblem> problems = new ArrayList<>();
        for (String name : parameters.keySet()) {
            if (!OPTIONS.contains(name) && !COLUMNS.contains(name)) {
                problems.add(new FieldProblem(name, "is neither a column " + COLUMNS + " nor an option " + OPTIONS));
            }
        }
        for (String column : COLUMNS) {
            String header = parameters.get(column);
            if (header != null && !header.isBlank()) {
                columns.put(column, header);
            } else if (REQUIRED.contains(column)) {
                problems.add(new FieldProblem(column, "is required: the name of the file's column holding it"));
            }
        }
        DateTimeFormatter format = null;
        String pattern = parameters.getOrDefault("dateFormat", "yyyy-MM-dd");
        try {
            format = DateTimeFormatter.ofPattern(pattern.replace("y", "u")).withResolverStyle(ResolverStyle.STRICT);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("dateFormat", "is not a date pattern (e.g. M/d/yyyy): " + e.getMessage()));
        }
        dates = format;
        currency = parameters.get("currency");
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            problems.add(new FieldProblem("currency", "is required: the ISO 4217 code of the file's amounts, e.g. EUR"));
        }
        createAccounts = Boolean.parseBoolean(parameters.getOrDefault("createAccounts", "false"));
        String sep = parameters.getOrDefault("separator", ",");
        if (sep.length() != 1 || ",;\t|".indexOf(sep.charAt(0)) < 0) {
            problems.add(new FieldProblem("separator", "is one of , ; | or a tab"));
        }
        separator = sep.isEmpty() ? ',' : sep.charAt(0);
        String mode = parameters.getOrDefault("mode", "history");
        snapshot = mode.equals("snapshot");
        if (!snapshot && !mode.equals("history")) {
            problems.add(new FieldProblem("mode", "is history (the default: lines are added) or snapshot (the file "
                    + "is the complete list of open items of the customers it names)"));
        }
        snapshotId = parameters.get("snapshotId");
        LocalDate on = null;
        if (snapshot) {
            if (snapshotId == null || snapshotId.isBlank()) {
                problems.add(new FieldProblem("snapshotId", "is required in snapshot mode: the id of the ERP's snapshot"));
            }
            try {
                on = LocalDate.parse(parameters.getOrDefault("snapshotOn", ""));
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem("snapshotOn", "is required in snapshot mode, yyyy-MM-dd"));
            }
        }
        snapshotOn = on;
        if (!problems.isEmpty()) {
            throw Problems.invalidFields(problems);
        }
    }

    /** One line read: its events in wire form, or why it cannot be read. */
    record Line(int number, String customerId, String invoiceId, boolean open, List<Map<String, Object>> events,
                String field, String reason) {
        boolean readable() {
            return reason == null;
        }
    }

    List<Line> read(String text) {
        List<Csv.Row> rows = Csv.parse(text.startsWith("\uFEFF") ? text.substring(1) : text, separator);
        if (rows.isEmpty()) {
            throw Problems.invalidField("body", "is empty: a CSV file with a header line is expected");
        }
        Map<String, Integer> at = new HashMap<>();
        List<String> header = rows.get(0).cells();
        for (int i = 0; i < header.size(); i++) {
            at.put(header.get(i).trim(), i);
        }
        List<FieldProblem> missing = new ArrayList<>();
        columns.forEach((field, name) -> {
            if (!at.containsKey(name)) {
                missing.add(new FieldProblem(field, "names column '" + name + "', which the header does not have"));
            }
        });
        if (!missing.isEmpty()) {
            throw Problems.invalidFields(missing);
        }
        List<Line> lines = new ArrayList<>();
        for (Csv.Row row : rows.subList(1, rows.size())) {
            if (row.cells().size() == 1 && row.cells().get(0).isBlank()) {
                continue;
            }
            lines.add(line(row, at));
        }
        return lines;
    }

    private Line line(Csv.Row row, Map<String, Integer> at) {
        Map<String, String> cell = new HashMap<>();
        for (Map.Entry<String, String> column : columns.entrySet()) {
            int i = at.get(column.getValue());
            if (i >= row.cells().size()) {
                return bad(row, null, null, column.getKey(), "the line has " + row.cells().size() + " cells, column '"
                        + column.getValue() + "' is cell " + (i + 1));
            }
            cell.put(column.getKey(), row.cells().get(i).trim());
        }
        String customerId = cell.get("customerId");
        String invoiceId = cell.get("invoiceId");
        if (customerId.isEmpty()) {
            return bad(row, null, invoiceId, "customerId", "is empty");
        }
        if (invoiceId.isEmpty()) {
            return bad(row, customerId, null, "invoiceId", "is empty");
        }
        LocalDate issuedOn;
        LocalDate dueOn;
        LocalDate paidOn = null;
        BigDecimal amount;
        String field = "issuedOn";
        try {
            issuedOn = LocalDate.parse(cell.get("issuedOn"), dates);
            field = "dueOn";
            dueOn = LocalDate.parse(cell.get("dueOn"), dates);
            field = "paidOn";
            String paid = cell.getOrDefault("paidOn", "");
            if (!paid.isEmpty()) {
                paidOn = LocalDate.parse(paid, dates);
            }
        } catch (DateTimeParseException e) {
            return bad(row, customerId, invoiceId, field, "'" + cell.get(field) + "' is not a date in the format "
                    + "of dateFormat");
        }
        try {
            amount = new BigDecimal(cell.get("amount"));
        } catch (NumberFormatException e) {
            return bad(row, customerId, invoiceId, "amount", "'" + cell.get("amount") + "' is not an amount");
        }
        boolean disputed = YES.contains(cell.getOrDefault("disputed", "").toLowerCase(java.util.Locale.ROOT));
        List<Map<String, Object>> events = new ArrayList<>();
        Map<String, Object> issued = event("import:" + invoiceId + ":issued", "INVOICE_ISSUED", customerId, issuedOn);
        issued.put("invoiceId", invoiceId);
        issued.put("orderId", null);
        issued.put("amount", amount);
        issued.put("dueOn", dueOn.toString());
        events.add(issued);
        if (disputed) {
            Map<String, Object> dispute = event("import:" + invoiceId + ":disputed", "DISPUTE_OPENED", customerId, issuedOn);
            dispute.put("invoiceId", invoiceId);
            dispute.put("amount", amount);
            events.add(dispute);
        }
        if (paidOn != null) {
            Map<String, Object> paid = event("import:" + invoiceId + ":paid", "PAYMENT_RECEIVED", customerId, paidOn);
            paid.put("paymentId", "import:" + invoiceId);
            paid.put("amount", amount);
            paid.put("allocations", List.of(Map.of("invoiceId", invoiceId, "amount", amount)));
            events.add(paid);
        }
        return new Line(row.line(), customerId, invoiceId, paidOn == null, events, null, null);
    }

    private Map<String, Object> event(String eventId, String type, String customerId, LocalDate on) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("eventId", eventId);
        e.put("type", type);
        e.put("customerId", customerId);
        e.put("occurredOn", on.toString());
        e.put("currency", currency);
        return e;
    }

    private static Line bad(Csv.Row row, String customerId, String invoiceId, String field, String reason) {
        return new Line(row.line(), customerId, invoiceId, false, List.of(), field, reason);
    }
}
