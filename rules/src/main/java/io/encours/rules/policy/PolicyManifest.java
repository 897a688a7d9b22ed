package io.encours.rules.policy;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * The manifest of a policy bundle ({@code manifest.properties}): identity, effective date, currency and
 * the files that make up the policy. {@code collectTables} names the tables whose rows may overlap
 * because every matching row applies (checks that add up); the others are verified as exclusive.
 * {@code vocabulary} (optional) lists the codes requests may use for the fields whose meaning the policy
 * gives (sectors, legal forms). {@code texts} (optional) names the policy's French texts ({@link PolicyTexts}).
 */
public record PolicyManifest(
        String id,
        String version,
        LocalDate effectiveDate,
        String currency,
        String description,
        List<String> tables,
        List<String> rules,
        String parameters,
        String reasons,
        String delegation,
        String vocabulary,
        List<String> scenarios,
        List<String> collectTables) {

    /** Every file the manifest names, in a stable order. */
    public List<String> files() {
        List<String> all = new ArrayList<>(tables);
        all.addAll(rules);
        all.add(parameters);
        all.add(reasons);
        if (delegation != null) {
            all.add(delegation);
        }
        if (vocabulary != null) {
            all.add(vocabulary);
        }
        all.addAll(scenarios);
        return all;
    }

    static List<String> listedFiles(String text) {
        Properties p = load(text);
        List<String> all = new ArrayList<>();
        for (String key : List.of("tables", "rules", "parameters", "reasons", "delegation", "vocabulary", "scenarios",
                "texts")) {
            all.addAll(list(p.getProperty(key)));
        }
        return all;
    }

    /** Parses a manifest, adding every problem to {@code errors}; returns null when it is unusable. */
    static PolicyManifest parse(String text, List<PolicyError> errors) {
        String file = PolicyBundle.MANIFEST;
        if (text == null) {
            errors.add(PolicyError.inFile(file, "The policy has no manifest: add " + file
                    + " with id, version, effectiveDate, currency and the list of its files"));
            return null;
        }
        Properties p = load(text);
        int before = errors.size();
        String id = required(p, "id", errors);
        String version = required(p, "version", errors);
        String currency = required(p, "currency", errors);
        String parameters = required(p, "parameters", errors);
        String reasons = required(p, "reasons", errors);
        LocalDate effective = null;
        String date = required(p, "effectiveDate", errors);
        if (date != null) {
            try {
                effective = LocalDate.parse(date.trim());
            } catch (DateTimeParseException e) {
                errors.add(PolicyError.inFile(file, "effectiveDate '" + date + "' is not a date like 2026-01-31"));
            }
        }
        if (currency != null && !currency.trim().matches("[A-Z]{3}")) {
            errors.add(PolicyError.inFile(file, "currency '" + currency + "' is not an ISO 4217 code like EUR"));
        }
        List<String> tables = list(p.getProperty("tables"));
        List<String> rules = list(p.getProperty("rules"));
        if (tables.isEmpty() && rules.isEmpty()) {
            errors.add(PolicyError.inFile(file, "The manifest lists no decision table (tables=) and no DRL file (rules=)"));
        }
        for (String t : tables) {
            if (!(t.endsWith(".drl.xlsx") || t.endsWith(".drl.xls") || t.endsWith(".drl.csv"))) {
                errors.add(PolicyError.inFile(file, "Decision table '" + t
                        + "' must be named *.drl.xlsx, *.drl.xls or *.drl.csv"));
            }
        }
        for (String r : rules) {
            if (!r.endsWith(".drl")) {
                errors.add(PolicyError.inFile(file, "Rule file '" + r + "' must be named *.drl"));
            }
        }
        if (errors.size() > before) {
            return null;
        }
        return new PolicyManifest(id.trim(), version.trim(), effective, currency.trim(),
                p.getProperty("description", "").trim(), tables, rules, parameters.trim(), reasons.trim(),
                blankToNull(p.getProperty("delegation")), blankToNull(p.getProperty("vocabulary")),
                list(p.getProperty("scenarios")), list(p.getProperty("collect")));
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static String required(Properties p, String key, List<PolicyError> errors) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            errors.add(PolicyError.inFile(PolicyBundle.MANIFEST, "The manifest has no '" + key + "'"));
            return null;
        }
        return v;
    }

    private static List<String> list(String v) {
        if (v == null || v.isBlank()) {
            return List.of();
        }
        return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static Properties load(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            // a malformed manifest yields missing keys, reported by parse()
        }
        return p;
    }
}
