package io.encours.rules.policy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The policy's reason codes and their messages in English and French ({@code reason-codes.csv}).
 * Messages may name figures of the decision in braces, e.g. {@code {exposureAfterOrder}}, or policy
 * parameters as {@code {param:terms.legal.maxDays}}.
 */
public final class ReasonCatalogue {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_.:]+)}");

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

    /** Fills a message's placeholders with the decision's figures and the policy's parameters. */
    static String render(String message, Map<String, Object> figures, Map<String, String> params) {
        if (message.indexOf('{') < 0) {
            return message;
        }
        Matcher m = PLACEHOLDER.matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            Object v = key.startsWith("param:") ? params.get(key.substring(6)) : figures.get(key);
            m.appendReplacement(out, Matcher.quoteReplacement(v == null ? m.group() : show(v)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String show(Object v) {
        if (v instanceof BigDecimal d) {
            return d.stripTrailingZeros().scale() <= 0 ? String.format("%,d", d.toBigInteger())
                    .replace('\u00a0', ' ') : d.setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString();
        }
        return String.valueOf(v);
    }
}
