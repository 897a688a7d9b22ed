package io.encours.service.storage;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Chooses how the embedded store reads a query: a range of one ordered index, or every document. The
 * query's conditions on single fields (equality, {@code $gt}/{@code $gte}/{@code $lt}/{@code $lte},
 * {@code $in} as the span of its values, an {@code $or} whose branches all bound one field as the span of
 * their bounds, inside {@code $and} too) are turned into a range over each index's leading fields: equal
 * values first, then a range. The range read is always a superset of the answer: every document read is
 * still matched against the whole query. The plan reading the fewest entries wins, counted exactly from the
 * index (two lookups); an index whose order is the sort's, with a limit, counts only what the limit needs.
 * The rule of MongoDB's planner, in short, without its trial runs.
 */
final class QueryPlanner {
    private static final String ID = "_id";
    private static final Set<String> RANGE_OPERATORS = Set.of("$eq", "$gt", "$gte", "$lt", "$lte", "$in");

    /** Fewer entries to read first; on a tie, a plan that covers the query, then one in the sort's order. */
    private static final Comparator<Plan> BETTER = Comparator.comparingLong(Plan::cost)
            .thenComparing(Plan::covers, Comparator.reverseOrder())
            .thenComparing(Plan::ordered, Comparator.reverseOrder());

    private QueryPlanner() {
    }

    /**
     * A range of one index, read forwards or backwards. {@code ordered}: in the order the sort asks for;
     * {@code covers}: the range is exactly the query (a count needs no document); {@code entries}: how many
     * entries the range holds; {@code cost}: how many the planner expects to read.
     */
    record Plan(OrderedIndex index, KeyRange range, boolean reverse, boolean ordered, boolean covers, long entries,
                long cost) {

        /** A plan that bets on the sort's order with a filter left to apply: it may read far more than it costs. */
        boolean gambles() {
            return ordered && !covers && entries > cost;
        }
    }

    /**
     * The plan to run; {@code fallback} (or null), the best plan that reads a known number of entries, to switch to
     * when {@code best} {@link Plan#gambles() gambles} and has read that many without finishing.
     */
    record Choice(Plan best, Plan fallback) {
    }

    /** The conditions of a query on its fields, and whether they are the whole query. */
    private record Shape(Map<String, Condition> conditions, boolean exact) {
    }

    /** One field's condition: equal to {@code low} when {@code equal}, else a range (bounds as in KeyRange). */
    private record Condition(boolean equal, Object low, boolean lowInclusive, Object high, boolean highInclusive) {
        static Condition equalTo(Object value) {
            return new Condition(true, value, true, value, true);
        }

        static Condition between(Object low, boolean lowInclusive, Object high, boolean highInclusive) {
            return new Condition(false, low, lowInclusive, high, highInclusive);
        }

        Condition and(Condition other) {
            if (equal) {
                return this;
            }
            if (other.equal) {
                return other;
            }
            int lows = SecondaryKeyType.compareValues(low, other.low);
            int highs = SecondaryKeyType.compareValues(high, other.high);
            return between(lows > 0 || (lows == 0 && !lowInclusive) ? low : other.low,
                    lows > 0 ? lowInclusive : lows < 0 ? other.lowInclusive : lowInclusive && other.lowInclusive,
                    highs < 0 || (highs == 0 && !highInclusive) ? high : other.high,
                    highs < 0 ? highInclusive : highs > 0 ? other.highInclusive : highInclusive && other.highInclusive);
        }

        /** The smallest condition holding both: a superset of their union. */
        Condition span(Condition other) {
            int lows = SecondaryKeyType.compareValues(low, other.low);
            int highs = SecondaryKeyType.compareValues(high, other.high);
            return between(lows <= 0 ? low : other.low,
                    lows < 0 ? lowInclusive : lows > 0 ? other.lowInclusive : lowInclusive || other.lowInclusive,
                    highs >= 0 ? high : other.high,
                    highs > 0 ? highInclusive : highs < 0 ? other.highInclusive : highInclusive || other.highInclusive);
        }

        boolean excludesNull() {
            return equal ? low != null
                    : low != KeyRange.OPEN_LOW && (low != null || !lowInclusive);
        }
    }

    /**
     * The best plan over {@code indexes}, or null when reading every document ({@code documents} of them) is
     * as good. {@code limit} 0: no limit.
     */
    static Choice plan(Document query, Document orderBy, int skip, int limit, List<? extends OrderedIndex> indexes,
                       long documents) {
        Shape shape = shape(query);
        List<Map.Entry<String, Integer>> sort = sortFields(orderBy, shape);
        Plan best = null;
        Plan surest = null;
        for (OrderedIndex index : indexes) {
            Plan plan = planFor(index, index.sparse(), shape, sort, skip, limit);
            if (plan == null) {
                continue;
            }
            if (best == null || BETTER.compare(plan, best) < 0) {
                best = plan;
            }
            if (!plan.gambles() && (surest == null || plan.cost() < surest.cost())) {
                surest = plan;
            }
        }
        if (best == null) {
            return null;
        }
        long scan = sort.isEmpty() && limit > 0 && shape.conditions().isEmpty() ? skip + (long) limit : documents;
        if (!(best.cost() < scan || (best.cost() == scan && best.ordered() && !sort.isEmpty()))) {
            return null;
        }
        return new Choice(best, best.gambles() && surest != null && surest != best && surest.cost() < best.entries()
                ? surest : null);
    }

    private static Plan planFor(OrderedIndex index, boolean sparse, Shape shape, List<Map.Entry<String, Integer>> sort,
                                int skip, int limit) {
        List<String> fields = index.fields();
        Map<String, Condition> conditions = shape.conditions();
        Condition first = conditions.get(fields.get(0));
        if (sparse && (first == null || !first.excludesNull())) {
            // A sparse index lacks the documents without the field, which such a query may want.
            return null;
        }
        List<Object> equal = new ArrayList<>();
        int e = 0;
        while (e < fields.size() && conditions.get(fields.get(e)) != null && conditions.get(fields.get(e)).equal()) {
            equal.add(conditions.get(fields.get(e)).low());
            e++;
        }
        KeyRange range = KeyRange.equalTo(equal);
        Condition next = e < fields.size() ? conditions.get(fields.get(e)) : null;
        if (next != null) {
            range = new KeyRange(equal, next.low(), next.lowInclusive(), next.high(), next.highInclusive());
        }
        int used = range.constrainedFields();
        // Which way round the index must be read for the sort, or null when its order is not the sort's.
        Boolean reverse = orderedBy(fields, e, sort, index instanceof EmbeddedUniqueIndex);
        boolean ordered = reverse != null;
        boolean residual = !shape.exact() || conditions.size() != used;
        long count = index.count(range);
        long cost;
        if (ordered && limit > 0) {
            long wanted = skip + (long) limit;
            cost = Math.min(count, residual ? wanted * 4 : wanted);
        } else {
            cost = count;
        }
        if (used == 0 && !ordered) {
            return null;
        }
        return new Plan(index, range, ordered && reverse, ordered, !residual, count, cost);
    }

    /**
     * TRUE/FALSE: reading the index backwards/forwards gives the sort's order; null: it does not. The sort
     * fields must be the index's fields after its {@code equal} leading ones, all in one direction, and a
     * trailing {@code _id} (the tie-breaker) is the order of entries within one key, once the index's fields
     * are all in the sort (or the index is unique).
     */
    private static Boolean orderedBy(List<String> fields, int equal, List<Map.Entry<String, Integer>> sort,
                                     boolean unique) {
        if (sort.isEmpty()) {
            return Boolean.FALSE;
        }
        int direction = sort.get(0).getValue();
        for (Map.Entry<String, Integer> s : sort) {
            if (s.getValue() != direction) {
                return null;
            }
        }
        int i = equal;
        for (int k = 0; k < sort.size(); k++) {
            String field = sort.get(k).getKey();
            if (i < fields.size() && fields.get(i).equals(field)) {
                i++;
            } else if (field.equals(ID) && k == sort.size() - 1 && (i == fields.size() || unique)) {
                // The position: the order of the entries of one key.
            } else {
                return null;
            }
        }
        return direction < 0;
    }

    /** The sort's fields and directions, without those the query fixes to one value. */
    private static List<Map.Entry<String, Integer>> sortFields(Document orderBy, Shape shape) {
        List<Map.Entry<String, Integer>> sort = new ArrayList<>();
        if (orderBy == null) {
            return sort;
        }
        for (Map.Entry<String, Object> e : orderBy.entrySet()) {
            Condition condition = shape.conditions().get(e.getKey());
            if (condition != null && condition.equal()) {
                continue;
            }
            int direction = e.getValue() instanceof Number n && n.doubleValue() < 0 ? -1 : 1;
            if (!(e.getValue() instanceof Number)) {
                // {$natural: ...}, {$meta: ...}: not an index order.
                return List.of(Map.entry("$unordered", 0));
            }
            sort.add(Map.entry(e.getKey(), direction));
        }
        return sort;
    }

    private static Shape shape(Document query) {
        Map<String, Condition> conditions = new LinkedHashMap<>();
        boolean exact = query == null || collect(query, conditions);
        return new Shape(conditions, exact);
    }

    /** Adds the query's conditions; false when some part of it is not expressed by them. */
    private static boolean collect(Document query, Map<String, Condition> conditions) {
        boolean exact = true;
        for (Map.Entry<String, Object> e : query.entrySet()) {
            String field = e.getKey();
            Object value = e.getValue();
            if (field.equals("$and") && value instanceof Collection<?> parts) {
                for (Object part : parts) {
                    exact &= part instanceof Document d && collect(d, conditions);
                }
            } else if (field.equals("$or") && value instanceof Collection<?> branches) {
                spanOfBranches(branches).forEach((f, c) -> conditions.merge(f, c, Condition::and));
                exact = false;
            } else if (field.startsWith("$")) {
                exact = false;
            } else {
                Condition condition = condition(value);
                if (condition == null) {
                    exact = false;
                } else {
                    conditions.merge(field, condition, Condition::and);
                    // An $in of several values is read as the span between them: more than it asks for.
                    exact &= !(value instanceof Document d && d.get("$in") instanceof Collection<?> in && in.size() > 1);
                }
            }
        }
        return exact;
    }

    /** The fields every branch bounds, each with the span of the branches' conditions. */
    private static Map<String, Condition> spanOfBranches(Collection<?> branches) {
        Map<String, Condition> span = null;
        for (Object branch : branches) {
            if (!(branch instanceof Document d)) {
                return Map.of();
            }
            Map<String, Condition> own = new LinkedHashMap<>();
            collect(d, own);
            if (span == null) {
                span = own;
            } else {
                Map<String, Condition> both = new LinkedHashMap<>();
                for (Map.Entry<String, Condition> c : span.entrySet()) {
                    Condition other = own.get(c.getKey());
                    if (other != null) {
                        both.put(c.getKey(), c.getValue().span(other));
                    }
                }
                span = both;
            }
        }
        return span == null ? Map.of() : span;
    }

    /** A field's condition as a range, or null when it is something else (regex, $exists, $ne, arrays...). */
    private static Condition condition(Object value) {
        if (value instanceof Document operators) {
            if (operators.isEmpty() || !RANGE_OPERATORS.containsAll(operators.keySet())) {
                return null;
            }
            Condition condition = null;
            for (Map.Entry<String, Object> o : operators.entrySet()) {
                Condition one = operator(o.getKey(), o.getValue());
                if (one == null) {
                    return null;
                }
                condition = condition == null ? one : condition.and(one);
            }
            return condition;
        }
        return indexable(value) ? Condition.equalTo(normalized(value)) : null;
    }

    private static Condition operator(String operator, Object value) {
        if (operator.equals("$in")) {
            if (!(value instanceof Collection<?> values) || values.isEmpty()) {
                return null;
            }
            Condition span = null;
            for (Object v : values) {
                if (!indexable(v)) {
                    return null;
                }
                Condition one = Condition.equalTo(normalized(v));
                span = span == null ? one : span.span(one);
            }
            return values.size() == 1 ? span : Condition.between(span.low(), true, span.high(), true);
        }
        if (!indexable(value) || value == null || Missing.isNullOrMissing(value)) {
            // Comparisons with null have rules of their own (and $eq: null matches missing fields).
            return operator.equals("$eq") && Missing.isNullOrMissing(value) ? Condition.equalTo(null) : null;
        }
        Object v = normalized(value);
        return switch (operator) {
            case "$eq" -> Condition.equalTo(v);
            case "$gt" -> Condition.between(v, false, KeyRange.OPEN_HIGH, true);
            case "$gte" -> Condition.between(v, true, KeyRange.OPEN_HIGH, true);
            case "$lt" -> Condition.between(KeyRange.OPEN_LOW, true, v, false);
            case "$lte" -> Condition.between(KeyRange.OPEN_LOW, true, v, true);
            default -> null;
        };
    }

    /** A value an index entry can equal: not a document, an array or a pattern. */
    private static boolean indexable(Object value) {
        return !(value instanceof Document) && !(value instanceof Collection<?>) && !(value instanceof Pattern)
                && !(value != null && value.getClass().getSimpleName().equals("BsonRegularExpression"))
                && !(value instanceof Object[]);
    }

    private static Object normalized(Object value) {
        return Missing.isNullOrMissing(value) ? null : new KeyValue(value).normalized().get(0);
    }
}
