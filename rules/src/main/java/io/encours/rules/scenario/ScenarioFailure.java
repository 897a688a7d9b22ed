package io.encours.rules.scenario;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One failure of a scenario read back as a kind and its values, so that a caller can say it in another language
 * than the English line {@link ScenarioRunner} writes. Kept next to the runner that writes those lines.
 *
 * @param kind   {@code mismatch} (a result field: {@code what}, {@code expected}, {@code actual}),
 *               {@code reason-absent} and {@code reason-expected} ({@code reason}, {@code reasons}),
 *               {@code cannot-evaluate} ({@code cause}), or {@code other} ({@code text}, the line as written)
 * @param params the values the line names
 */
public record ScenarioFailure(String kind, Map<String, String> params) {
    private static final Pattern MISMATCH = Pattern.compile("(?s)([^:]+): expected (.*), got (.*)");
    private static final Pattern ABSENT = Pattern.compile("(?s)reason (\\S+) should be absent, reasons were \\[(.*)]");
    private static final Pattern EXPECTED = Pattern.compile("(?s)reason (\\S+) expected, reasons were \\[(.*)]");
    private static final String CANNOT_EVALUATE = "cannot evaluate: ";

    /** Reads one line of {@link ScenarioRunner.ScenarioResult#failures()}. */
    public static ScenarioFailure read(String line) {
        Matcher m;
        if ((m = ABSENT.matcher(line)).matches()) {
            return new ScenarioFailure("reason-absent", Map.of("reason", m.group(1), "reasons", m.group(2)));
        }
        if ((m = EXPECTED.matcher(line)).matches()) {
            return new ScenarioFailure("reason-expected", Map.of("reason", m.group(1), "reasons", m.group(2)));
        }
        if (line.startsWith(CANNOT_EVALUATE)) {
            return new ScenarioFailure("cannot-evaluate", Map.of("cause", line.substring(CANNOT_EVALUATE.length())));
        }
        if ((m = MISMATCH.matcher(line)).matches()) {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("what", m.group(1));
            params.put("expected", m.group(2));
            params.put("actual", m.group(3));
            return new ScenarioFailure("mismatch", params);
        }
        return new ScenarioFailure("other", Map.of("text", line));
    }
}
