package io.encours.service.web;

import java.math.BigDecimal;
import java.net.URI;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.ProblemDetail;

/**
 * The texts of problems in the caller's language. A problem (or an entry of its {@code errors}) carries a stable
 * {@code code} and its {@code params}; the bundles {@code messages.properties} (English) and
 * {@code messages_fr.properties} (French) hold {@code <code>.title}, {@code <code>.detail} (a problem) or
 * {@code <code>} and {@code <code>.location} (an entry), with {@code {name}} placeholders filled from the
 * params. Every type has a {@code <slug>.title} ({@code /problems/hold-not-open} has {@code hold-not-open.title}),
 * so even a problem without a code gets a French title; its detail then stays the service's English. {@code ProblemMessagesTest} fails on a type or a code without both texts.
 */
public final class ProblemMessages {
    public static final String BUNDLE = "messages";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_.]+)}");

    private ProblemMessages() {
    }

    /** Gives the problem a code and the params its texts name; the texts themselves are set on the way out. */
    public static ProblemDetail coded(ProblemDetail problem, String code, Map<String, ?> params) {
        problem.setProperty("code", code);
        problem.setProperty("params", new LinkedHashMap<>(params));
        return problem;
    }

    /** An {@code errors} entry with a code and params; its {@code message} (and {@code location}) are set on the way out. */
    public static Map<String, Object> entry(Map<String, Object> entry, String code, Map<String, ?> params) {
        entry.put("code", code);
        entry.put("params", new LinkedHashMap<>(params));
        entry.put("message", render(Locale.ENGLISH, code, params));
        String location = text(Locale.ENGLISH, code + ".location");
        if (location != null) {
            entry.put("location", fill(Locale.ENGLISH, location, params));
        }
        return entry;
    }

    /** Sets the problem's title, detail and coded entries' texts in this language (English when none matches). */
    public static void localise(ProblemDetail problem, Locale locale) {
        if (problem == null) {
            return;
        }
        Map<String, Object> properties = problem.getProperties() == null ? Map.of() : problem.getProperties();
        String slug = slug(problem.getType());
        if (properties.get("code") instanceof String code) {
            Map<?, ?> params = properties.get("params") instanceof Map<?, ?> p ? p : Map.of();
            String title = text(locale, code + ".title");
            problem.setTitle(title != null ? fill(locale, title, params) : titleOf(locale, slug, problem.getTitle()));
            String detail = text(locale, code + ".detail");
            if (detail != null) {
                problem.setDetail(fill(locale, detail, params));
            }
        } else if (supported(locale) != Locale.ROOT) {
            // Without a code the English title is the factory's own, often finer than the type's: kept in English.
            problem.setTitle(titleOf(locale, slug, problem.getTitle()));
        }
        if (properties.get("errors") instanceof List<?> errors) {
            List<Object> out = new ArrayList<>();
            for (Object error : errors) {
                if (error instanceof Map<?, ?> map && map.get("code") instanceof String code) {
                    Map<Object, Object> copy = new LinkedHashMap<>(map);
                    Map<?, ?> params = map.get("params") instanceof Map<?, ?> p ? p : Map.of();
                    copy.put("message", render(locale, code, params));
                    String location = text(locale, code + ".location");
                    if (location != null) {
                        copy.put("location", fill(locale, location, params));
                    }
                    out.add(copy);
                } else {
                    out.add(error);
                }
            }
            problem.setProperty("errors", out);
        }
    }

    /** The text of a code in this language with its params filled in; the code itself when no bundle has it. */
    public static String render(Locale locale, String code, Map<?, ?> params) {
        String text = text(locale, code);
        return text == null ? code : fill(locale, text, params);
    }

    /** The bundle's text for a key in this language, or null. */
    public static String text(Locale locale, String key) {
        try {
            ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, supported(locale),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            return bundle.containsKey(key) ? bundle.getString(key) : null;
        } catch (MissingResourceException e) {
            return null;
        }
    }

    /** French for French, English for anything else. */
    public static Locale supported(Locale locale) {
        return locale != null && "fr".equals(locale.getLanguage()) ? Locale.FRENCH : Locale.ROOT;
    }

    static String slug(URI type) {
        String t = String.valueOf(type);
        return t.startsWith("/problems/") ? t.substring("/problems/".length()) : t;
    }

    private static String titleOf(Locale locale, String slug, String fallback) {
        String title = text(locale, slug + ".title");
        return title == null ? fallback : title;
    }

    /**
     * Fills {@code {name}} with the param's value: amounts ({@code BigDecimal}) in the language's digits
     * ({@code 40 000} in French, {@code 40,000} in English), lists joined by commas, a coded value (a map with
     * {@code code} and {@code params}) by its own text, lists of them joined by semicolons, and a word the bundle
     * names {@code <param>.<value>} ({@code what.outcome}, {@code status.RELEASED}) by that text.
     */
    static String fill(Locale locale, String text, Map<?, ?> params) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            Object value = params.get(name);
            String shown = value == null && !params.containsKey(name) ? m.group() : show(locale, name, value);
            m.appendReplacement(out, Matcher.quoteReplacement(shown));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String show(Locale locale, String name, Object value) {
        if (value instanceof BigDecimal) {
            NumberFormat format = NumberFormat.getNumberInstance(supported(locale) == Locale.ROOT ? Locale.ENGLISH
                    : Locale.FRENCH);
            format.setMaximumFractionDigits(2);
            return format.format(value).replace('\u202f', ' ').replace('\u00a0', ' ');
        }
        if (value instanceof Map<?, ?> coded && coded.get("code") instanceof String code) {
            return render(locale, code, coded.get("params") instanceof Map<?, ?> p ? p : Map.of());
        }
        if (value instanceof List<?> list) {
            boolean coded = list.stream().anyMatch(v -> v instanceof Map<?, ?>);
            return String.join(coded ? "; " : ", ", list.stream().map(v -> show(locale, name, v)).toList());
        }
        if (value instanceof String word) {
            String label = text(locale, name + "." + word);
            return label == null ? word : label;
        }
        return String.valueOf(value);
    }
}
