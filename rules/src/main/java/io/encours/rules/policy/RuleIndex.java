package io.encours.rules.policy;

import io.encours.rules.decision.RuleRef;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps the name of every rule in a policy back to where a person wrote it: a table row (rule names
 * generated from tables end in {@code _<row>}) or a DRL file.
 */
final class RuleIndex {
    private static final Pattern RULE = Pattern.compile("^[ \\t]*rule\\s+\"([^\"]+)\"", Pattern.MULTILINE);
    private static final Pattern TABLE_RULE = Pattern.compile("(.+)_(\\d+)");

    private final Map<String, RuleRef> refs = new HashMap<>();

    void addTable(String file, String drl) {
        Matcher m = RULE.matcher(drl);
        while (m.find()) {
            String name = m.group(1);
            Matcher t = TABLE_RULE.matcher(name);
            refs.put(name, t.matches() ? new RuleRef(name, file, t.group(1), Integer.parseInt(t.group(2)))
                    : new RuleRef(name, file, null, 0));
        }
    }

    void addDrl(String file, String drl) {
        Matcher m = RULE.matcher(drl);
        while (m.find()) {
            refs.put(m.group(1), new RuleRef(m.group(1), file, null, 0));
        }
    }

    RuleRef ref(String ruleName) {
        RuleRef r = refs.get(ruleName);
        return r != null ? r : new RuleRef(ruleName, null, null, 0);
    }

    Map<String, RuleRef> all() {
        return Map.copyOf(refs);
    }

    /** The name of the rule whose text contains the given 1-based line of {@code drl}, or null. */
    static String ruleAtLine(String drl, int line) {
        Matcher m = RULE.matcher(drl);
        String found = null;
        while (m.find()) {
            int ruleLine = 1 + (int) drl.substring(0, m.start()).chars().filter(c -> c == '\n').count();
            if (ruleLine <= line) {
                found = m.group(1);
            } else {
                break;
            }
        }
        return found;
    }
}
