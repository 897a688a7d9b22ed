package io.encours.rules.policy;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The policy's own texts in another language than the English its files are written in: parameter descriptions,
 * units and decision-table column headings, from the file the manifest names {@code texts} (a CSV of
 * {@code kind,key,fr}: {@code parameter,score.base,...}, {@code unit,days,jours}, {@code heading,Sector,Secteur}).
 * Policy content, versioned with the policy; a text the file lacks stays in English.
 */
public final class PolicyTexts {
    /** The texts of a policy without a texts file, or asked in English: every text as the policy writes it. */
    public static final PolicyTexts ENGLISH = new PolicyTexts(Map.of());

    private final Map<String, String> texts;

    private PolicyTexts(Map<String, String> texts) {
        this.texts = texts;
    }

    /** The bundle's texts in a language ({@code fr}); {@link #ENGLISH} for any other, or when it has none. */
    public static PolicyTexts of(PolicyBundle bundle, String language) {
        if (!"fr".equals(language) || !bundle.has(PolicyBundle.MANIFEST)) {
            return ENGLISH;
        }
        Properties manifest = new Properties();
        try {
            manifest.load(new StringReader(bundle.text(PolicyBundle.MANIFEST)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String file = manifest.getProperty("texts", "").trim();
        if (file.isEmpty() || !bundle.has(file)) {
            return ENGLISH;
        }
        Map<String, String> texts = new HashMap<>();
        List<List<String>> rows = Csv.parse(bundle.text(file));
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() >= 3 && !row.get(2).isBlank()) {
                texts.put(row.get(0).trim() + "|" + row.get(1).trim(), row.get(2).trim());
            }
        }
        return new PolicyTexts(texts);
    }

    /** A parameter's description in this language, or {@code english}. */
    public String parameter(String name, String english) {
        return texts.getOrDefault("parameter|" + name, english);
    }

    /** A parameter's unit ({@code days}) in this language, or itself. */
    public String unit(String unit) {
        return unit == null ? null : texts.getOrDefault("unit|" + unit, unit);
    }

    /** A decision table's column heading in this language, or itself. */
    public String heading(String heading) {
        return heading == null ? null : texts.getOrDefault("heading|" + heading.trim(), heading);
    }

    /** Whether the file has a text of this kind and key (for the checks that every text is there). */
    public boolean has(String kind, String key) {
        return texts.containsKey(kind + "|" + key);
    }
}
