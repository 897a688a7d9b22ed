package io.encours.rules.policy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Delegated credit authority ({@code delegation.csv}): the largest held order each role may release.
 * A blank amount means no limit; a role that is not listed has no authority.
 */
public final class DelegationTable {
    private final Map<String, Optional<BigDecimal>> limits;

    private DelegationTable(Map<String, Optional<BigDecimal>> limits) {
        this.limits = Map.copyOf(limits);
    }

    public static DelegationTable none() {
        return new DelegationTable(Map.of());
    }

    static DelegationTable parse(String file, String text, List<PolicyError> errors) {
        Map<String, Optional<BigDecimal>> limits = new LinkedHashMap<>();
        if (text == null) {
            errors.add(PolicyError.inFile(file, "The delegation table is missing"));
            return none();
        }
        List<List<String>> rows = Csv.parse(text);
        if (rows.isEmpty() || !rows.get(0).get(0).trim().equalsIgnoreCase("role")) {
            errors.add(PolicyError.atCell(file, null, 1, "A",
                    "The first row must be the header: role,releases holds up to (EUR),description"));
            return none();
        }
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.isEmpty()) {
                continue;
            }
            String role = row.get(0).trim();
            String amount = row.size() > 1 ? row.get(1).trim() : "";
            try {
                limits.put(role, amount.isEmpty() ? Optional.empty() : Optional.of(new BigDecimal(amount)));
            } catch (NumberFormatException e) {
                errors.add(PolicyError.atCell(file, null, r + 1, "B", "'" + amount + "' is not an amount"));
            }
        }
        return new DelegationTable(limits);
    }

    /** May this role release a hold of this amount? */
    public boolean allows(String role, BigDecimal amount) {
        Optional<BigDecimal> limit = limits.get(role);
        return limit != null && (limit.isEmpty() || amount.compareTo(limit.get()) <= 0);
    }

    /** The role's limit: empty when unlimited; null when the role has no authority. */
    public Optional<BigDecimal> limitOf(String role) {
        return limits.get(role);
    }

    public Map<String, Optional<BigDecimal>> limits() {
        return limits;
    }
}
