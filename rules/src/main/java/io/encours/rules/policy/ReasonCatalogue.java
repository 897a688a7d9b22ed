package io.encours.rules.policy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The policy's reason codes and their messages in English and French ({@code reason-codes.csv}).
 * Messages may name figures of the decision in braces, e.g. {@code {exposureAfterOrder}}, or policy
 * parameters as {@code {param:terms.legal.maxDays}}.
 */
public final class ReasonCatalogue {
    /** One entry of the catalogue. */
    public record Entry(String code, String messageEn, String messageFr) {
    }

    private final Map<String, Entry> entries;

    private ReasonCatalogue(Map<String, Entry> entries) {
        this.entries = Map.copyOf(entries);
    }

    static ReasonCatalogue parse(String file, String text, List<PolicyError> errors) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        if (text == null) {
            errors.add(PolicyError.inFile(file, "The reason-code catalogue is missing"));
            return new ReasonCatalogue(entries);
        }
        List<List<String>> rows = Csv.parse(text);
        if (rows.isEmpty() || rows.get(0).size() < 3 || !rows.get(0).get(0).trim().equalsIgnoreCase("code")) {
            errors.add(PolicyError.atCell(file, null, 1, "A",
                    "The first row must be the header: code,message_en,message_fr"));
            return new ReasonCatalogue(entries);
        }
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.isEmpty()) {
                continue;
            }
            String code = row.get(0).trim();
            if (!code.matches("[A-Z][A-Z0-9_]*")) {
                errors.add(PolicyError.atCell(file, null, r + 1, "A",
                        "Reason code '" + code + "' must be upper case letters, digits and _"));
                continue;
            }
            if (row.size() < 3 || row.get(1).isBlank() || row.get(2).isBlank()) {
                errors.add(PolicyError.atCell(file, null, r + 1, row.size() < 2 ? "B" : "C",
                        "Reason " + code + " needs a message in English and in French"));
                continue;
            }
            if (entries.put(code, new Entry(code, row.get(1).trim(), row.get(2).trim())) != null) {
                errors.add(PolicyError.atCell(file, null, r + 1, "A", "Reason code " + code + " is listed twice"));
            }
        }
        return new ReasonCatalogue(entries);
    }

    public boolean contains(String code) {
        return entries.containsKey(code);
    }

    public Entry entry(String code) {
        return entries.get(code);
    }

    public List<Entry> entries() {
        return new ArrayList<>(entries.values());
    }

    /** Fills a message's placeholders with the decision's figures and the policy's parameters, in English. */
    static String render(String message, Map<String, Object> figures, Map<String, String> params) {
        return render(message, figures, params, false);
    }

    /**
     * Fills a message's placeholders; in French, numbers are written the French way: thousands grouped with
     * a no-break space and a decimal comma (10 000,50 EUR), in English 10,000.50.
     */
    static String render(String message, Map<String, Object> figures, Map<String, String> params, boolean french) {
        int open = message.indexOf('{');
        if (open < 0) {
            return message;
        }
        // a plain scan: this runs for every reason of every decision, in two languages
        StringBuilder out = new StringBuilder(message.length() + 32);
        int from = 0;
        while (open >= 0) {
            int close = message.indexOf('}', open);
            if (close < 0) {
                break;
            }
            String key = message.substring(open + 1, close);
            Object v = key.startsWith("param:") ? number(params.get(key.substring(6))) : figures.get(key);
            out.append(message, from, open);
            if (v == null) {
                out.append(message, open, close + 1);
            } else {
                out.append(french ? showFrench(v) : show(v));
            }
            from = close + 1;
            open = message.indexOf('{', from);
        }
        return out.append(message, from, message.length()).toString();
    }

    /** 1234567 as 1,234,567. */
    private static String grouped(String digits) {
        return grouped(digits, ',');
    }

    /** A parameter's value as a number when it is one, so that it is written the way of the language. */
    private static Object number(String value) {
        if (value == null || !value.matches("-?\\d+(\\.\\d+)?")) {
            return value;
        }
        return new BigDecimal(value);
    }

    /** 1234567.5 as 1 234 567,50 (no-break spaces); whole numbers without decimals. */
    private static String showFrench(Object v) {
        if (v instanceof BigDecimal d) {
            if (d.stripTrailingZeros().scale() <= 0) {
                return grouped(d.toBigInteger().toString(), '\u00A0');
            }
            String plain = d.setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString();
            int dot = plain.indexOf('.');
            return grouped(plain.substring(0, dot), '\u00A0') + ',' + plain.substring(dot + 1);
        }
        if (v instanceof Double || v instanceof Float) {
            return showFrench(BigDecimal.valueOf(((Number) v).doubleValue()));
        }
        return String.valueOf(v);
    }

    private static String grouped(String digits, char separator) {
        int sign = digits.startsWith("-") ? 1 : 0;
        int len = digits.length() - sign;
        if (len <= 3) {
            return digits;
        }
        StringBuilder out = new StringBuilder(digits.length() + len / 3);
        out.append(digits, 0, sign);
        int first = len % 3 == 0 ? 3 : len % 3;
        out.append(digits, sign, sign + first);
        for (int i = sign + first; i < digits.length(); i += 3) {
            out.append(separator).append(digits, i, i + 3);
        }
        return out.toString();
    }

    private static String show(Object v) {
        if (v instanceof BigDecimal d) {
            return d.stripTrailingZeros().scale() <= 0 ? grouped(d.toBigInteger().toString())
                    : d.setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString();
        }
        return String.valueOf(v);
    }
}
