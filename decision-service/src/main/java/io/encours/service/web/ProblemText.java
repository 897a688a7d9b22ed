package io.encours.service.web;

import java.util.regex.Pattern;

/**
 * The last check on every problem's text: nothing that looks like a Java class, package or library setting
 * leaves the service ({@code io.encours.service.decision.OrderCheckBody}, {@code `java.lang.Integer`},
 * {@code StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION}). What such a name stood for is logged, not answered.
 */
final class ProblemText {
    private static final Pattern BACKTICKED_NAME = Pattern.compile("`[^`]*[.$][^`]*`");
    private static final Pattern QUALIFIED_NAME = Pattern.compile(
            "\\b(?:[a-z][a-z0-9_]*\\.){2,}[A-Z][\\w$]*(?:\\.[\\w$]+)*(?:\\(\\))?");
    private static final Pattern FEATURE_NAME = Pattern.compile(
            "\\b[A-Z]\\w*(?:Feature|Constraints|Exception|Token)\\b(?:\\.[\\w$]+(?:\\(\\))?)*");
    private static final Pattern SPACES = Pattern.compile("\\s{2,}");

    private ProblemText() {
    }

    static String clean(String text) {
        if (text == null) {
            return null;
        }
        String clean = BACKTICKED_NAME.matcher(text).replaceAll("value");
        clean = QUALIFIED_NAME.matcher(clean).replaceAll("value");
        clean = FEATURE_NAME.matcher(clean).replaceAll("");
        clean = SPACES.matcher(clean).replaceAll(" ").strip();
        if (clean.length() > 500) {
            clean = clean.substring(0, 500) + "...";
        }
        return clean;
    }

    /** Whether the text would be changed by {@link #clean}: used by tests to find leaks. */
    static boolean namesInternals(String text) {
        return text != null && (BACKTICKED_NAME.matcher(text).find() || QUALIFIED_NAME.matcher(text).find()
                || FEATURE_NAME.matcher(text).find());
    }
}
