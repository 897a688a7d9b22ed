package io.encours.rules.policy;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The codes a request may use where the policy gives them their meaning ({@code vocabulary.csv}): the
 * sectors and legal forms the scoring grid knows, each under the request field that carries it
 * ({@code customer.sector}, {@code customer.legalForm}). A code outside the list would match no row of
 * the grid and score as if it were neutral, so the service refuses it. A field the vocabulary does not
 * list is not restricted by the policy.
 */
public final class Vocabulary {
    private final Map<String, Set<String>> allowed;
    private final Map<String, List<String>> order;

    private Vocabulary(Map<String, Set<String>> allowed) {
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        allowed.forEach((field, codes) -> copy.put(field, Set.copyOf(codes)));
        this.allowed = Map.copyOf(copy);
        Map<String, List<String>> ordered = new LinkedHashMap<>();
        allowed.forEach((field, codes) -> ordered.put(field, List.copyOf(codes)));
        this.order = ordered;
    }

    public static Vocabulary none() {
        return new Vocabulary(Map.of());
    }

    static Vocabulary parse(String file, String text, List<PolicyError> errors) {
        if (text == null) {
            errors.add(PolicyError.inFile(file, "The vocabulary is missing"));
            return none();
        }
        List<List<String>> rows = Csv.parse(text);
        if (rows.isEmpty() || !rows.get(0).get(0).trim().equalsIgnoreCase("field")) {
            errors.add(PolicyError.atCell(file, null, 1, "A", "The first row must be the header: field,code,description"));
            return none();
        }
        Map<String, Set<String>> allowed = new LinkedHashMap<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.isEmpty() || row.get(0).isBlank()) {
                continue;
            }
            String code = row.size() > 1 ? row.get(1).trim() : "";
            if (code.isEmpty()) {
                errors.add(PolicyError.atCell(file, null, r + 1, "B", "The code is missing"));
                continue;
            }
            if (!allowed.computeIfAbsent(row.get(0).trim(), f -> new LinkedHashSet<>()).add(code)) {
                errors.add(PolicyError.atCell(file, null, r + 1, "B", "'" + code + "' is listed twice"));
            }
        }
        return new Vocabulary(allowed);
    }

    /** Whether the policy lists the codes of this request field. */
    public boolean restricts(String field) {
        return allowed.containsKey(field);
    }

    /** Whether this code may be sent in this field: always true for a field the vocabulary does not list. */
    public boolean allows(String field, String code) {
        Set<String> codes = allowed.get(field);
        return codes == null || codes.contains(code);
    }

    /** The codes of a field in the policy's order; empty when the field is not restricted. */
    public List<String> codes(String field) {
        return order.getOrDefault(field, List.of());
    }

    /** The restricted fields and their codes, in the policy's order. */
    public Map<String, List<String>> fields() {
        return java.util.Collections.unmodifiableMap(order);
    }
}
