package io.encours.service.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The patterns of a {@code .dockerignore} as BuildKit applies them: Go's filepath.Match plus {@code **}, paths
 * relative to the build context, the last matching line wins ({@code !} lines take a path back), and a path is
 * left out when it or one of its parent folders matches.
 */
record DockerIgnore(List<Rule> rules) {

    record Rule(Pattern pattern, boolean exclude) {
    }

    static DockerIgnore read(Path file) throws IOException {
        List<Rule> rules = new ArrayList<>();
        if (!Files.exists(file)) {
            return new DockerIgnore(List.of());
        }
        for (String line : Files.readAllLines(file)) {
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            boolean exclude = !text.startsWith("!");
            String pattern = (exclude ? text : text.substring(1)).strip();
            pattern = pattern.replaceAll("^/+", "").replaceAll("/+$", "");
            rules.add(new Rule(Pattern.compile(toRegex(pattern)), exclude));
        }
        return new DockerIgnore(List.copyOf(rules));
    }

    private static String toRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                boolean slash = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                regex.append(slash ? "(.*/)?" : ".*");
                i += slash ? 2 : 1;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }

    /** Whether BuildKit leaves this path (relative to the context, with {@code /}) out of the context. */
    boolean excludes(String relative) {
        boolean excluded = false;
        for (Rule rule : rules) {
            if (matchesItselfOrAParent(rule.pattern(), relative)) {
                excluded = rule.exclude();
            }
        }
        return excluded;
    }

    private static boolean matchesItselfOrAParent(Pattern pattern, String relative) {
        String path = relative;
        while (true) {
            if (pattern.matcher(path).matches()) {
                return true;
            }
            int slash = path.lastIndexOf('/');
            if (slash < 0) {
                return false;
            }
            path = path.substring(0, slash);
        }
    }
}
