package io.encours.rules.policy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the policy's parameters table ({@code parameters.csv}: name, value, unit, description). The unit
 * says how the value is checked: days, percent, points, amount, rate, count are numbers; date is a date;
 * text is anything.
 */
final class ParametersTable {
    private ParametersTable() {
    }

    static Map<String, String> parse(String file, String text, List<PolicyError> errors) {
        Map<String, String> values = new LinkedHashMap<>();
        if (text == null) {
            errors.add(PolicyError.inFile(file, "The parameters table is missing"));
            return values;
        }
        List<List<String>> rows = Csv.parse(text);
        if (rows.isEmpty() || rows.get(0).size() < 3 || !rows.get(0).get(0).trim().equalsIgnoreCase("name")) {
            errors.add(PolicyError.atCell(file, null, 1, "A",
                    "The first row must be the header: name,value,unit,description"));
            return values;
        }
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.isEmpty()) {
                continue;
            }
            String name = row.get(0).trim();
            String value = row.size() > 1 ? row.get(1).trim() : "";
            String unit = row.size() > 2 ? row.get(2).trim().toLowerCase() : "";
            if (!name.matches("[a-zA-Z][a-zA-Z0-9_.-]*")) {
                errors.add(PolicyError.atCell(file, null, r + 1, "A", "Parameter name '" + name
                        + "' may only use letters, digits, '.', '_' and '-'"));
                continue;
            }
            if (values.containsKey(name)) {
                errors.add(PolicyError.atCell(file, null, r + 1, "A", "Parameter " + name + " is listed twice"));
            }
            if (!value.isEmpty()) {
                switch (unit) {
                    case "text", "" -> { }
                    case "date" -> {
                        try {
                            LocalDate.parse(value);
                        } catch (DateTimeParseException e) {
                            errors.add(PolicyError.atCell(file, null, r + 1, "B", "Parameter " + name
                                    + ": '" + value + "' is not a date like 2026-01-31"));
                        }
                    }
                    default -> {
                        try {
                            new BigDecimal(value);
                        } catch (NumberFormatException e) {
                            errors.add(PolicyError.atCell(file, null, r + 1, "B", "Parameter " + name
                                    + ": '" + value + "' is not a number (unit " + unit + ")"));
                        }
                    }
                }
            }
            values.put(name, value);
        }
        return values;
    }
}
