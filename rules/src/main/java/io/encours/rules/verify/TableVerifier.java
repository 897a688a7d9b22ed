package io.encours.rules.verify;

import io.encours.rules.verify.DecisionTableModel.Column;
import io.encours.rules.verify.DecisionTableModel.Operator;
import io.encours.rules.verify.DecisionTableModel.Row;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Verifies one decision table. Every table is checked for rows that can never apply and duplicate rows.
 * A table whose rows are meant to be exclusive (the default; a table listed under {@code collect=} in the
 * manifest is not) is also checked for overlapping rows with different results and for gaps: within each
 * group of rows sharing the value of the table's first text condition (the scoring grid's criterion, the
 * terms table's risk class), every combination of the bands and values the group uses must be covered.
 * A blank cell means "any value", as in Drools.
 */
public final class TableVerifier {
    private static final int MAX_COMBINATIONS = 50_000;
    private static final int MAX_GAPS_PER_TABLE = 25;

    /** A constraint of one row on one field: an interval of numbers, or one text/boolean value. */
    private record Constraint(BigDecimal lo, boolean loIncl, BigDecimal hi, boolean hiIncl, String value) {
        static final Constraint ANY = new Constraint(null, false, null, false, null);

        boolean empty() {
            if (lo == null || hi == null) {
                return false;
            }
            int c = lo.compareTo(hi);
            return c > 0 || (c == 0 && !(loIncl && hiIncl));
        }

        Constraint and(Constraint o) {
            if (value != null || o.value != null) {
                if (value != null && o.value != null && !value.equals(o.value)) {
                    return new Constraint(BigDecimal.ONE, false, BigDecimal.ZERO, false, null);
                }
                return value != null ? this : o;
            }
            BigDecimal nlo = lo;
            boolean nloIncl = loIncl;
            if (o.lo != null && (lo == null || o.lo.compareTo(lo) > 0 || (o.lo.compareTo(lo) == 0 && !o.loIncl))) {
                nlo = o.lo;
                nloIncl = o.loIncl;
            }
            BigDecimal nhi = hi;
            boolean nhiIncl = hiIncl;
            if (o.hi != null && (hi == null || o.hi.compareTo(hi) < 0 || (o.hi.compareTo(hi) == 0 && !o.hiIncl))) {
                nhi = o.hi;
                nhiIncl = o.hiIncl;
            }
            return new Constraint(nlo, nloIncl, nhi, nhiIncl, null);
        }

        boolean contains(Object v) {
            if (value != null) {
                return value.equals(v);
            }
            if (!(v instanceof BigDecimal d)) {
                return lo == null && hi == null;
            }
            if (lo != null && (d.compareTo(lo) < 0 || (d.compareTo(lo) == 0 && !loIncl))) {
                return false;
            }
            return hi == null || d.compareTo(hi) < 0 || (d.compareTo(hi) == 0 && hiIncl);
        }
    }

    private TableVerifier() {
    }

    public static List<Finding> verify(DecisionTableModel table, boolean rowsMayOverlap) {
        List<Finding> findings = new ArrayList<>();
        List<Map<String, Constraint>> boxes = new ArrayList<>();
        for (Row row : table.rows()) {
            boxes.add(box(table, row, findings));
        }
        for (int i = 0; i < table.rows().size(); i++) {
            for (int j = i + 1; j < table.rows().size(); j++) {
                Map<String, Constraint> a = boxes.get(i);
                Map<String, Constraint> b = boxes.get(j);
                if (a == null || b == null) {
                    continue;
                }
                boolean sameResult = result(table, table.rows().get(i)).equals(result(table, table.rows().get(j)));
                if (a.equals(b) && sameResult) {
                    findings.add(finding(Finding.Kind.DUPLICATE, table, List.of(i, j),
                            "the two rows have the same conditions and the same result"));
                } else if (!rowsMayOverlap && !sameResult && intersect(a, b)) {
                    findings.add(finding(Finding.Kind.OVERLAP, table, List.of(i, j),
                            "both rows apply when " + describeIntersection(table, a, b)
                                    + ", with different results (" + result(table, table.rows().get(i)) + " vs "
                                    + result(table, table.rows().get(j)) + ")"));
                }
            }
        }
        if (!rowsMayOverlap) {
            findings.addAll(gaps(table, boxes));
        }
        return findings;
    }

    private static Map<String, Constraint> box(DecisionTableModel table, Row row, List<Finding> findings) {
        Map<String, Constraint> box = new LinkedHashMap<>();
        for (Column c : table.conditions()) {
            String v = row.cell(c);
            if (v.isEmpty() || c.field() == null) {
                continue;
            }
            Constraint k = constraint(c, v);
            if (k == null) {
                continue;
            }
            Constraint merged = box.getOrDefault(c.field(), Constraint.ANY).and(k);
            if (merged.empty()) {
                findings.add(new Finding(Finding.Kind.UNREACHABLE, table.file(), table.name(),
                        List.of(row.sheetRow()), "the row can never apply: its conditions on " + shortName(c.field())
                        + " contradict each other (column " + c.letter() + " '" + c.label() + "' = " + v + ")"));
                return null;
            }
            box.put(c.field(), merged);
        }
        return box;
    }

    private static Constraint constraint(Column c, String v) {
        if (c.textual() || v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return c.operator() == Operator.EQUALS ? new Constraint(null, false, null, false,
                    c.textual() ? v : v.toLowerCase()) : null;
        }
        BigDecimal d;
        try {
            d = new BigDecimal(v.replace(" ", ""));
        } catch (NumberFormatException e) {
            return null;
        }
        return switch (c.operator()) {
            case EQUALS -> new Constraint(d, true, d, true, null);
            case AT_LEAST -> new Constraint(d, true, null, false, null);
            case ABOVE -> new Constraint(d, false, null, false, null);
            case BELOW -> new Constraint(null, false, d, false, null);
            case AT_MOST -> new Constraint(null, false, d, true, null);
        };
    }

    private static boolean intersect(Map<String, Constraint> a, Map<String, Constraint> b) {
        for (Map.Entry<String, Constraint> e : a.entrySet()) {
            Constraint other = b.get(e.getKey());
            if (other != null && e.getValue().and(other).empty()) {
                return false;
            }
        }
        return true;
    }

    private static String describeIntersection(DecisionTableModel table, Map<String, Constraint> a,
                                               Map<String, Constraint> b) {
        Map<String, Constraint> both = new LinkedHashMap<>(a);
        b.forEach((f, k) -> both.merge(f, k, Constraint::and));
        List<String> parts = new ArrayList<>();
        both.forEach((f, k) -> parts.add(describe(f, k)));
        return parts.isEmpty() ? "always" : String.join(", ", parts);
    }

    private static List<Finding> gaps(DecisionTableModel table, List<Map<String, Constraint>> boxes) {
        List<Finding> gaps = new ArrayList<>();
        Column groupColumn = table.conditions().stream().filter(Column::textual).findFirst().orElse(null);
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        List<Integer> anyGroup = new ArrayList<>();
        for (int i = 0; i < table.rows().size(); i++) {
            if (boxes.get(i) == null) {
                continue;
            }
            String key = groupColumn == null ? "" : table.rows().get(i).cell(groupColumn);
            if (key.isEmpty() && groupColumn != null) {
                anyGroup.add(i);
            } else {
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            }
        }
        if (groups.isEmpty() && !anyGroup.isEmpty()) {
            groups.put("", new ArrayList<>());
        }
        for (Map.Entry<String, List<Integer>> group : groups.entrySet()) {
            List<Integer> members = new ArrayList<>(group.getValue());
            members.addAll(anyGroup);
            Map<String, List<Object>> points = new LinkedHashMap<>();
            for (int i : members) {
                for (Map.Entry<String, Constraint> e : boxes.get(i).entrySet()) {
                    if (groupColumn != null && e.getKey().equals(groupColumn.field())) {
                        continue;
                    }
                    points.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
                }
            }
            for (String field : points.keySet()) {
                points.put(field, representatives(field, members, boxes));
            }
            long combinations = points.values().stream().mapToLong(List::size).reduce(1, (x, y) -> x * y);
            if (combinations > MAX_COMBINATIONS) {
                continue;
            }
            // numeric fields last, so runs of uncovered neighbouring regions can be merged into one range
            List<String> fields = new ArrayList<>(points.keySet());
            fields.sort((x, y) -> Boolean.compare(numeric(points.get(x)), numeric(points.get(y))));
            List<int[]> uncovered = new ArrayList<>();
            int[] index = new int[fields.size()];
            enumerate(fields, 0, points, index, c -> {
                boolean covered = members.stream().anyMatch(i -> boxes.get(i).entrySet().stream().allMatch(
                        e -> (groupColumn != null && e.getKey().equals(groupColumn.field()))
                                || e.getValue().contains(c.get(e.getKey()))));
                if (!covered) {
                    uncovered.add(index.clone());
                }
            });
            for (int k = 0; k < uncovered.size() && gaps.size() < MAX_GAPS_PER_TABLE; k++) {
                int[] from = uncovered.get(k);
                int last = fields.size() - 1;
                while (k + 1 < uncovered.size() && last >= 0 && numeric(points.get(fields.get(last)))
                        && samePrefix(uncovered.get(k + 1), from, last)
                        && uncovered.get(k + 1)[last] == uncovered.get(k)[last] + 1) {
                    k++;
                }
                int[] to = uncovered.get(k);
                List<String> parts = new ArrayList<>();
                if (groupColumn != null && !group.getKey().isEmpty()) {
                    parts.add(groupColumn.label() + " = " + group.getKey());
                }
                for (int f = 0; f < fields.size(); f++) {
                    List<Object> reps = points.get(fields.get(f));
                    parts.add(numeric(reps) ? describeRange(fields.get(f), reps, from[f], to[f])
                            : shortName(fields.get(f)) + " = " + reps.get(from[f]));
                }
                gaps.add(new Finding(Finding.Kind.GAP, table.file(), table.name(),
                        members.stream().map(i -> table.rows().get(i).sheetRow()).sorted().toList(),
                        "no row covers " + String.join(", ", parts)));
            }
        }
        return gaps;
    }

    private static boolean numeric(List<Object> reps) {
        return !reps.isEmpty() && reps.get(0) instanceof BigDecimal;
    }

    private static boolean samePrefix(int[] a, int[] b, int length) {
        for (int i = 0; i < length; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Numeric representatives are [below all, b1, between b1 and b2, b2, ..., bn, above all]: odd positions
     * are bounds, even ones the regions between them.
     */
    private static String describeRange(String field, List<Object> reps, int from, int to) {
        List<String> parts = new ArrayList<>();
        if (from > 0) {
            BigDecimal b = (BigDecimal) reps.get(from % 2 == 1 ? from : from - 1);
            parts.add((from % 2 == 1 ? ">= " : "> ") + b.stripTrailingZeros().toPlainString());
        }
        if (to < reps.size() - 1) {
            BigDecimal b = (BigDecimal) reps.get(to % 2 == 1 ? to : to + 1);
            parts.add((to % 2 == 1 ? "<= " : "< ") + b.stripTrailingZeros().toPlainString());
        }
        return shortName(field) + (parts.isEmpty() ? " any value" : " " + String.join(" and ", parts));
    }

    /** One value per distinct region of a field: each bound, between bounds, below and above them all. */
    private static List<Object> representatives(String field, List<Integer> members,
                                                List<Map<String, Constraint>> boxes) {
        TreeSet<BigDecimal> bounds = new TreeSet<>();
        Set<Object> values = new LinkedHashSet<>();
        for (int i : members) {
            Constraint k = boxes.get(i).get(field);
            if (k == null) {
                continue;
            }
            if (k.value() != null) {
                values.add(k.value());
                if (k.value().equals("true") || k.value().equals("false")) {
                    values.add("true");
                    values.add("false");
                }
            }
            if (k.lo() != null) {
                bounds.add(k.lo());
            }
            if (k.hi() != null) {
                bounds.add(k.hi());
            }
        }
        List<Object> reps = new ArrayList<>(values);
        if (!bounds.isEmpty()) {
            reps.add(bounds.first().subtract(BigDecimal.ONE));
            BigDecimal previous = null;
            for (BigDecimal b : bounds) {
                if (previous != null) {
                    reps.add(previous.add(b).divide(BigDecimal.valueOf(2)));
                }
                reps.add(b);
                previous = b;
            }
            reps.add(bounds.last().add(BigDecimal.ONE));
        }
        return reps;
    }

    private interface ComboVisitor {
        void visit(Map<String, Object> combo);
    }

    private static void enumerate(List<String> fields, int i, Map<String, List<Object>> points, int[] index,
                                  ComboVisitor visitor) {
        enumerate(fields, i, points, index, new LinkedHashMap<>(), visitor);
    }

    private static void enumerate(List<String> fields, int i, Map<String, List<Object>> points, int[] index,
                                  Map<String, Object> combo, ComboVisitor visitor) {
        if (i == fields.size()) {
            visitor.visit(combo);
            return;
        }
        List<Object> values = points.get(fields.get(i));
        for (int k = 0; k < values.size(); k++) {
            index[i] = k;
            combo.put(fields.get(i), values.get(k));
            enumerate(fields, i + 1, points, index, combo, visitor);
        }
        combo.remove(fields.get(i));
    }

    private static String describe(String field, Constraint k) {
        String name = shortName(field);
        if (k.value() != null) {
            return name + " = " + k.value();
        }
        List<String> parts = new ArrayList<>();
        if (k.lo() != null) {
            parts.add((k.loIncl() ? ">= " : "> ") + k.lo().stripTrailingZeros().toPlainString());
        }
        if (k.hi() != null) {
            parts.add((k.hiIncl() ? "<= " : "< ") + k.hi().stripTrailingZeros().toPlainString());
        }
        return name + " " + String.join(" and ", parts);
    }

    private static String result(DecisionTableModel table, Row row) {
        List<String> values = new ArrayList<>();
        for (Column c : table.actions()) {
            values.add(row.cell(c));
        }
        return String.join(" | ", values);
    }

    private static Finding finding(Finding.Kind kind, DecisionTableModel table, List<Integer> indexes,
                                   String message) {
        return new Finding(kind, table.file(), table.name(),
                indexes.stream().map(i -> table.rows().get(i).sheetRow()).toList(), message);
    }

    static String shortName(String field) {
        return field.substring(field.indexOf('.') + 1);
    }
}
