package io.encours.rules.policy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.template.parser.DecisionTableParseException;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;

/**
 * Compiles a {@link PolicyBundle} into a {@link CompiledPolicy}, or reports every problem with its file and
 * row or line. Decision tables are first checked cell by cell, then turned into DRL with Drools'
 * spreadsheet compiler, so that Drools errors in generated code can be traced back to the table row.
 * Thread-safe and stateless; compiling never touches a policy already in use.
 */
public final class PolicyCompiler {
    private static final Pattern REASON_CALL = Pattern.compile(
            "decision\\.(?:reason|decide)\\((?:\"[^\"]*\"\\s*,\\s*)?\"([^\"]*)\"\\s*,");
    private static final Pattern DRL_LINE = Pattern.compile("\\[(\\d+),\\d+]|line (\\d+)");
    private static final Pattern UNKNOWN_FIELD = Pattern.compile(
            "unable to resolve method using strict-mode: (?:[\\w.]+\\.)?(\\w+)\\.(\\w+)\\(\\)");
    private static final Pattern CELL_REF = Pattern.compile("\\b([A-Z]{1,3})(\\d+)\\b");

    /** Compiles the bundle; the result holds either the policy or the errors, never a partial policy. */
    public CompilationResult compile(PolicyBundle bundle) {
        List<PolicyError> errors = new ArrayList<>();
        PolicyManifest manifest = PolicyManifest.parse(bundle.text(PolicyBundle.MANIFEST), errors);
        if (manifest == null) {
            return new CompilationResult(null, errors);
        }
        for (String f : manifest.files()) {
            if (!bundle.has(f)) {
                errors.add(PolicyError.inFile(f, "The manifest lists '" + f + "' but the policy has no such file"));
            }
        }
        Map<String, String> parameters = ParametersTable.parse(manifest.parameters(),
                bundle.text(manifest.parameters()), errors);
        ReasonCatalogue reasons = ReasonCatalogue.parse(manifest.reasons(), bundle.text(manifest.reasons()), errors);
        DelegationTable delegation = manifest.delegation() == null ? DelegationTable.none()
                : DelegationTable.parse(manifest.delegation(), bundle.text(manifest.delegation()), errors);
        Vocabulary vocabulary = manifest.vocabulary() == null ? Vocabulary.none()
                : Vocabulary.parse(manifest.vocabulary(), bundle.text(manifest.vocabulary()), errors);

        Map<String, String> drlBySource = new LinkedHashMap<>();
        for (String table : manifest.tables()) {
            if (bundle.has(table)) {
                String drl = tableToDrl(table, bundle.bytes(table), errors);
                if (drl != null) {
                    drlBySource.put(table, drl);
                }
            }
        }
        for (String rules : manifest.rules()) {
            if (bundle.has(rules)) {
                drlBySource.put(rules, bundle.text(rules));
            }
        }
        checkReasonCodes(drlBySource, manifest, reasons, errors);
        if (!errors.isEmpty()) {
            return new CompilationResult(null, errors);
        }

        KieBase kieBase = build(drlBySource, manifest, errors);
        if (kieBase == null || !errors.isEmpty()) {
            return new CompilationResult(null, errors);
        }
        RuleIndex index = new RuleIndex();
        drlBySource.forEach((file, drl) -> {
            if (manifest.tables().contains(file)) {
                index.addTable(file, drl);
            } else {
                index.addDrl(file, drl);
            }
        });
        return new CompilationResult(new CompiledPolicy(manifest, bundle, bundle.contentHash(), kieBase,
                parameters, reasons, delegation, vocabulary, index, drlBySource), List.of());
    }

    /** The DRL Drools generates from a decision table file, for people who want to see it. */
    public static String generatedDrl(String file, byte[] bytes) {
        List<PolicyError> errors = new ArrayList<>();
        String drl = new PolicyCompiler().tableToDrl(file, bytes, errors);
        if (drl == null) {
            throw new PolicyCompilationException(errors);
        }
        return drl;
    }

    private String tableToDrl(String file, byte[] bytes, List<PolicyError> errors) {
        List<TableSheet> sheets;
        try {
            sheets = TableSheet.read(file, bytes);
        } catch (IOException | RuntimeException e) {
            errors.add(PolicyError.inFile(file, "Cannot be read as a spreadsheet: " + e.getMessage()));
            return null;
        }
        int before = errors.size();
        for (TableSheet sheet : sheets) {
            errors.addAll(TableChecker.check(sheet));
        }
        if (errors.size() > before) {
            return null;
        }
        try {
            InputType type = file.endsWith(".csv") ? InputType.CSV : InputType.XLS;
            return new SpreadsheetCompiler().compile(new ByteArrayInputStream(bytes), type);
        } catch (DecisionTableParseException e) {
            errors.add(cellError(file, e.getMessage()));
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() instanceof DecisionTableParseException ? e.getCause() : e;
            errors.add(cellError(file, String.valueOf(cause.getMessage())));
        }
        return null;
    }

    private static PolicyError cellError(String file, String message) {
        Matcher m = CELL_REF.matcher(message == null ? "" : message);
        if (m.find()) {
            return PolicyError.atCell(file, null, Integer.parseInt(m.group(2)), m.group(1), message);
        }
        return PolicyError.inFile(file, message);
    }

    private static void checkReasonCodes(Map<String, String> drlBySource, PolicyManifest manifest,
                                         ReasonCatalogue reasons, List<PolicyError> errors) {
        drlBySource.forEach((file, drl) -> {
            Matcher m = REASON_CALL.matcher(drl);
            while (m.find()) {
                String code = m.group(1);
                if (!reasons.contains(code)) {
                    int line = lineOf(drl, m.start());
                    String msg = "Reason code " + code + " is not in " + manifest.reasons()
                            + ": add it with its English and French messages";
                    errors.add(manifest.tables().contains(file) ? tableError(file, drl, line, msg)
                            : PolicyError.atLine(file, line, msg));
                }
            }
        });
    }

    private KieBase build(Map<String, String> drlBySource, PolicyManifest manifest, List<PolicyError> errors) {
        KieServices ks = KieServices.Factory.get();
        ReleaseId releaseId = ks.newReleaseId("io.encours.policy", safe(manifest.id()),
                safe(manifest.version()) + "-" + System.nanoTime());
        KieFileSystem kfs = ks.newKieFileSystem().generateAndWritePomXML(releaseId);
        Map<String, String> fileByPath = new LinkedHashMap<>();
        int i = 0;
        for (Map.Entry<String, String> e : drlBySource.entrySet()) {
            String path = "src/main/resources/io/encours/policy/r" + (i++) + ".drl";
            fileByPath.put(path, e.getKey());
            kfs.write(path, e.getValue().getBytes(StandardCharsets.UTF_8));
        }
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
            String file = fileByPath.get(m.getPath());
            if (file == null && m.getPath() != null) {
                file = fileByPath.entrySet().stream().filter(en -> m.getPath().endsWith(en.getKey())
                        || en.getKey().endsWith(m.getPath())).map(Map.Entry::getValue).findFirst().orElse(null);
            }
            int line = m.getLine();
            if (line <= 0) {
                Matcher lm = DRL_LINE.matcher(m.getText());
                if (lm.find()) {
                    line = Integer.parseInt(lm.group(1) != null ? lm.group(1) : lm.group(2));
                }
            }
            String text = explain(m.getText());
            if (file != null && manifest.tables().contains(file)) {
                errors.add(tableError(file, drlBySource.get(file), line, text));
            } else if (file != null) {
                String rule = line > 0 ? RuleIndex.ruleAtLine(drlBySource.get(file), line) : null;
                if (rule != null && !text.contains(rule)) {
                    // errors in a rule's Java consequence are reported at the rule's first line
                    text = "in rule \"" + rule + "\": " + text;
                }
                errors.add(line > 0 ? PolicyError.atLine(file, line, text) : PolicyError.inFile(file, text));
            } else {
                errors.add(PolicyError.inFile(null, text));
            }
        }
        if (!errors.isEmpty()) {
            ks.getRepository().removeKieModule(releaseId);
            return null;
        }
        KieContainer container = ks.newKieContainer(releaseId);
        KieBase kieBase = container.getKieBase();
        // Without this every rebuild stays in the KieRepository and memory grows with each upload.
        ks.getRepository().removeKieModule(releaseId);
        return kieBase;
    }

    /** Locates an error in the DRL generated from a table at the table row its rule came from. */
    private static PolicyError tableError(String file, String drl, int line, String message) {
        String rule = line > 0 ? RuleIndex.ruleAtLine(drl, line) : null;
        if (rule != null) {
            Matcher t = Pattern.compile("(.+)_(\\d+)").matcher(rule);
            if (t.matches()) {
                return new PolicyError(file, null, Integer.parseInt(t.group(2)), null, null,
                        "table " + t.group(1) + ": " + message);
            }
        }
        return PolicyError.inFile(file, message + (rule == null ? "" : " (rule " + rule + ")"));
    }

    /** Keeps the useful first lines of a Drools message and drops generated-code noise. */
    private static String explain(String text) {
        String t = text == null ? "" : text.strip();
        Matcher unknown = UNKNOWN_FIELD.matcher(t);
        if (unknown.find()) {
            return "'" + unknown.group(2) + "' is not a field of " + unknown.group(1)
                    + ": check the column's condition cell (" + t.lines().findFirst().orElse("")
                    .replaceAll("\\s*\\[Error:.*", "") + ")";
        }
        String[] lines = t.split("\\R");
        StringBuilder out = new StringBuilder();
        for (String l : lines) {
            if (l.isBlank() || l.startsWith("\tat ") || out.length() > 400) {
                continue;
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(l.strip());
        }
        return out.toString();
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9_.-]", "_");
    }
}
