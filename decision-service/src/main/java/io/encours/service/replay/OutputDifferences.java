package io.encours.service.replay;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The differences between two decision results, field by field, as JSON paths: {@code outcome},
 * {@code reasons[1].messageFr}, {@code dunningStep.lateInterest}. Numbers are compared by value
 * ({@code 100} and {@code 100.00} are the same amount); a field missing on one side is compared as null; a list
 * is compared element by element, so an extra reason shows as its own difference.
 */
final class OutputDifferences {

    /** One field whose recorded and replayed values differ (null when the field is absent on that side). */
    record Difference(String field, JsonNode recorded, JsonNode replayed) {
    }

    private OutputDifferences() {
    }

    static List<Difference> between(JsonNode recorded, JsonNode replayed) {
        List<Difference> differences = new ArrayList<>();
        compare("", recorded, replayed, differences);
        return differences;
    }

    private static void compare(String path, JsonNode a, JsonNode b, List<Difference> out) {
        boolean aNull = a == null || a.isNull() || a.isMissingNode();
        boolean bNull = b == null || b.isNull() || b.isMissingNode();
        if (aNull || bNull) {
            if (aNull != bNull) {
                out.add(new Difference(path, aNull ? null : a, bNull ? null : b));
            }
        } else if (a.isObject() && b.isObject()) {
            Set<String> names = new LinkedHashSet<>(a.propertyNames());
            names.addAll(b.propertyNames());
            for (String name : names) {
                compare(path.isEmpty() ? name : path + "." + name, a.get(name), b.get(name), out);
            }
        } else if (a.isArray() && b.isArray()) {
            for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                compare(path + "[" + i + "]", a.get(i), b.get(i), out);
            }
        } else if (a.isNumber() && b.isNumber()) {
            if (a.decimalValue().compareTo(b.decimalValue()) != 0) {
                out.add(new Difference(path, a, b));
            }
        } else if (!a.equals(b)) {
            out.add(new Difference(path, a, b));
        }
    }
}
