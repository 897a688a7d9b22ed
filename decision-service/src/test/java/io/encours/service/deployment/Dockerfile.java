package io.encours.service.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Dockerfile read as its stages and instructions: enough of the syntax for the check that reproduces a build
 * stage (continuation lines, comments, {@code --flag} options, the JSON and the plain form of {@code COPY}).
 */
record Dockerfile(List<Stage> stages) {

    record Stage(String base, String name, List<Instruction> instructions) {
        boolean isCalled(String reference) {
            return reference.equals(name);
        }
    }

    /** One instruction: its keyword in upper case, its {@code --flags} and the rest of the line. */
    record Instruction(int line, String keyword, List<String> flags, String arguments) {
        String flag(String name) {
            return flags.stream().filter(f -> f.startsWith("--" + name + "="))
                    .map(f -> f.substring(name.length() + 3)).findFirst().orElse(null);
        }

        /** The words of a COPY or ADD: sources then the destination (JSON form or split on blanks). */
        List<String> words() {
            String text = arguments.strip();
            if (text.startsWith("[")) {
                List<String> words = new ArrayList<>();
                for (String part : text.substring(1, text.length() - 1).split(",")) {
                    words.add(part.strip().replaceAll("^\"|\"$", ""));
                }
                return words;
            }
            return List.of(text.split("\\s+"));
        }

        @Override
        public String toString() {
            return "line " + line + ": " + keyword + " " + String.join(" ", flags) + (flags.isEmpty() ? "" : " ")
                    + arguments;
        }
    }

    static Dockerfile read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<Stage> stages = new ArrayList<>();
        List<Instruction> current = null;
        StringBuilder logical = new StringBuilder();
        int start = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String trimmed = line.strip();
            // A comment line, also inside a continued instruction, is dropped (Docker does the same).
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && logical.isEmpty())) {
                continue;
            }
            if (logical.isEmpty()) {
                start = i + 1;
            }
            if (trimmed.endsWith("\\")) {
                logical.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            logical.append(trimmed);
            Instruction instruction = parse(start, logical.toString());
            logical.setLength(0);
            if (instruction.keyword().equals("FROM")) {
                String[] words = instruction.arguments().split("\\s+");
                String name = words.length >= 3 && words[1].equalsIgnoreCase("AS") ? words[2] : null;
                current = new ArrayList<>();
                stages.add(new Stage(words[0], name, current));
            } else if (current != null) {
                current.add(instruction);
            }
        }
        return new Dockerfile(List.copyOf(stages));
    }

    private static Instruction parse(int line, String text) {
        String[] split = text.strip().split("\\s+", 2);
        String keyword = split[0].toUpperCase(Locale.ROOT);
        String rest = split.length > 1 ? split[1].strip() : "";
        List<String> flags = new ArrayList<>();
        while (rest.startsWith("--")) {
            String[] flagAndRest = rest.split("\\s+", 2);
            flags.add(flagAndRest[0]);
            rest = flagAndRest.length > 1 ? flagAndRest[1].strip() : "";
        }
        return new Instruction(line, keyword, List.copyOf(flags), rest);
    }

    Stage last() {
        return stages.get(stages.size() - 1);
    }

    /** The stages that a later stage copies from: the build stages, as opposed to the image that runs. */
    List<Stage> buildStages() {
        return stages.stream().filter(stage -> stage.name() != null && stages.stream()
                .flatMap(other -> other.instructions().stream())
                .anyMatch(i -> i.keyword().equals("COPY") && stage.isCalled(String.valueOf(i.flag("from")))))
                .toList();
    }
}
