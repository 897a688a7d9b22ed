package io.encours.rules.scenario;

import io.encours.rules.model.DecisionType;
import io.encours.rules.policy.Csv;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a scenarios file. Columns: id, decision, description, given, outcome, reasons, score, class,
 * limit, terms, action, approval, also. A first row whose decision is {@code BASE} gives the facts every
 * scenario starts from; each scenario's {@code given} overrides some of them
 * ({@code customer.sector=CONSTRUCTION; order.amount=25000}).
 */
public final class ScenarioFile {
    static final List<String> COLUMNS = List.of("id", "decision", "description", "given", "outcome", "reasons",
            "score", "class", "limit", "terms", "action", "approval", "also");

    private final Map<String, String> base;
    private final List<Scenario> scenarios;

    private ScenarioFile(Map<String, String> base, List<Scenario> scenarios) {
        this.base = base;
        this.scenarios = scenarios;
    }

    public Map<String, String> base() {
        return base;
    }

    public List<Scenario> scenarios() {
        return scenarios;
    }

    /** Parses the file; throws {@link IllegalArgumentException} naming the line of any malformed row. */
    public static ScenarioFile parse(String text) {
        List<List<String>> rows = Csv.parse(text);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("line 1: the scenarios file is empty");
        }
        List<String> header = rows.get(0).stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        Map<String, Integer> col = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            col.put(header.get(i), i);
        }
        for (String required : List.of("id", "decision", "given", "outcome")) {
            if (!col.containsKey(required)) {
                throw new IllegalArgumentException("line 1: the header has no '" + required + "' column; expected "
                        + String.join(",", COLUMNS));
            }
        }
        Map<String, String> base = new LinkedHashMap<>();
        List<Scenario> scenarios = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.isEmpty() || row.stream().allMatch(String::isBlank) || row.get(0).startsWith("#")) {
                continue;
            }
            int line = r + 1;
            String decision = cell(row, col, "decision");
            Map<String, String> given = assignments(cell(row, col, "given"), line);
            if (decision.equalsIgnoreCase("BASE")) {
                base.putAll(given);
                continue;
            }
            DecisionType type;
            try {
                type = DecisionType.valueOf(decision.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + line + ": unknown decision '" + decision
                        + "'; use BASE, CUSTOMER_SCORE, ORDER_CHECK, PAYMENT_TERMS or DUNNING");
            }
            scenarios.add(new Scenario(line, cell(row, col, "id"), type, cell(row, col, "description"), given,
                    cell(row, col, "outcome"), cell(row, col, "reasons"), cell(row, col, "score"),
                    cell(row, col, "class"), cell(row, col, "limit"), cell(row, col, "terms"),
                    cell(row, col, "action"), cell(row, col, "approval"),
                    assignments(cell(row, col, "also"), line)));
        }
        return new ScenarioFile(base, scenarios);
    }

    private static String cell(List<String> row, Map<String, Integer> col, String name) {
        Integer i = col.get(name);
        return i == null || i >= row.size() ? "" : row.get(i).trim();
    }

    static Map<String, String> assignments(String text, int line) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String part : text.split(";")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("line " + line + ": '" + p + "' should read name=value");
            }
            out.put(p.substring(0, eq).trim(), p.substring(eq + 1).trim());
        }
        return out;
    }
}
