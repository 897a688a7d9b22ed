package io.encours.rules.backtest;

import io.encours.rules.policy.Csv;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a data set in its own shape (a public bankruptcy file, an export of the ERP) into a labelled
 * back-test file, by a mapping kept as a CSV document: {@code field,value,why}, one line per request field.
 * A value is either a constant ({@code MANUFACTURING}, {@code 2026-06-15}) or, after {@code =}, a product
 * and quotient of source columns, numbers and {@code pow10(column)}, read left to right:
 * {@code = Attr2 * pow10(Attr29) * 1000 / 4.3}. A blank or non-numeric source cell, or a division by zero,
 * gives a blank (missing) value.
 */
public final class ColumnMapping {
    private final List<String> fields = new ArrayList<>();
    private final List<String> values = new ArrayList<>();

    private ColumnMapping() {
    }

    /** @throws IllegalArgumentException when a line has no field or names a field twice */
    public static ColumnMapping parse(String mappingCsv) {
        ColumnMapping m = new ColumnMapping();
        List<List<String>> rows = Csv.parse(mappingCsv);
        for (int i = 1; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            if (row.isEmpty() || row.get(0).isBlank()) {
                continue;
            }
            String field = row.get(0).strip();
            if (m.fields.contains(field)) {
                throw new IllegalArgumentException("mapping line " + (i + 1) + ": field '" + field + "' twice");
            }
            m.fields.add(field);
            m.values.add(row.size() > 1 ? row.get(1).strip() : "");
        }
        return m;
    }

    /** The labelled file (UTF-8 CSV, header first) for the source data set. */
    public byte[] apply(InputStream source) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(source, StandardCharsets.UTF_8));
        String headerLine = reader.readLine();
        if (headerLine == null) {
            throw new IllegalArgumentException("the source file is empty");
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = Csv.parse(headerLine.replace("\uFEFF", "")).get(0);
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).strip(), i);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            out.write(String.join(",", fields));
            out.write('\n');
            String text;
            while ((text = reader.readLine()) != null) {
                if (text.isBlank()) {
                    continue;
                }
                List<String> row = Csv.parse(text).get(0);
                List<String> cells = new ArrayList<>(fields.size());
                for (String value : values) {
                    cells.add(value.startsWith("=") ? formula(value.substring(1), row, columns) : value);
                }
                out.write(String.join(",", cells));
                out.write('\n');
            }
        }
        return bytes.toByteArray();
    }

    private static String formula(String expression, List<String> row, Map<String, Integer> columns) {
        BigDecimal result = null;
        char op = '*';
        for (String token : expression.split("(?=[*/])|(?<=[*/])")) {
            String t = token.strip();
            if (t.equals("*") || t.equals("/")) {
                op = t.charAt(0);
                continue;
            }
            BigDecimal v = term(t, row, columns);
            if (v == null || (op == '/' && v.signum() == 0)) {
                return "";
            }
            result = result == null ? v : op == '*' ? result.multiply(v)
                    : result.divide(v, 10, RoundingMode.HALF_EVEN);
        }
        return result == null ? "" : result.setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    private static BigDecimal term(String t, List<String> row, Map<String, Integer> columns) {
        if (t.matches("-?\\d+(\\.\\d+)?")) {
            return new BigDecimal(t);
        }
        if (t.startsWith("pow10(") && t.endsWith(")")) {
            BigDecimal exponent = term(t.substring(6, t.length() - 1).strip(), row, columns);
            return exponent == null ? null : BigDecimal.valueOf(Math.pow(10, exponent.doubleValue()));
        }
        Integer i = columns.get(t);
        if (i == null) {
            throw new IllegalArgumentException("the mapping names column '" + t + "', absent from the source file");
        }
        String cell = i < row.size() ? row.get(i).strip() : "";
        try {
            return cell.isEmpty() || cell.equals("?") ? null : new BigDecimal(cell);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
