package io.encours.service.editor;

import io.encours.rules.policy.Csv;
import io.encours.rules.policy.PolicyBundle;
import io.encours.rules.policy.PolicyCompiler;
import io.encours.rules.policy.PolicyError;
import io.encours.rules.policy.PolicyTexts;
import io.encours.service.editor.PolicyTable.Column;
import io.encours.service.editor.PolicyTable.Row;
import io.encours.service.editor.PolicyTable.ValueType;
import io.encours.service.policy.PolicyLifecycle;
import io.encours.service.policy.PolicyStatus;
import io.encours.service.policy.PolicyVersion;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.Properties;
import org.springframework.stereotype.Service;

/**
 * A version's decision tables, parameters and DRL files as the editor shows them, and edits written back
 * through the policy lifecycle (drafts only). An edit is compiled with the rest of the version before it is
 * saved: one that does not compile is refused with each error on its row and column, and nothing changes.
 */
@Service
class PolicyTables {
    static final String PARAMETERS_TABLE = "Parameters";
    private static final List<String> PARAMETER_HEADERS = List.of("name", "value", "unit", "description");

    /**
     * Everything the editor shows of a version; {@code texts} are the policy's own texts in the request's language
     * where the policy has them ({@link PolicyTexts}): {@code headings} (column heading as written to its text),
     * {@code parameters} (name to description) and {@code units}; empty in English, the language the files are in.
     */
    record Contents(int version, PolicyStatus status, List<PolicyTable> tables, PolicyTable parameters,
                    List<RuleFile> rules, Map<String, Map<String, String>> texts) {
    }

    /** A DRL file and its text. */
    record RuleFile(String file, String text) {
    }

    /** One named value of the parameters table. */
    record Parameter(String name, String value, String unit, String description) {
    }

    private final PolicyLifecycle lifecycle;
    private final PolicyCompiler compiler = new PolicyCompiler();

    PolicyTables(PolicyLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    Contents of(int number, Locale locale) {
        PolicyVersion version = lifecycle.version(number);
        PolicyBundle bundle = version.bundle();
        List<PolicyTable> tables = new ArrayList<>();
        List<RuleFile> rules = new ArrayList<>();
        for (String file : bundle.files().keySet()) {
            if (TableReader.isTable(file)) {
                tables.addAll(TableReader.read(file, bundle.bytes(file)));
            } else if (file.toLowerCase().endsWith(".drl")) {
                rules.add(new RuleFile(file, bundle.text(file)));
            }
        }
        String parameters = parametersFile(bundle);
        PolicyTable parameterTable = bundle.has(parameters) ? parameters(parameters, bundle.text(parameters)) : null;
        return new Contents(number, version.status(), tables, parameterTable, rules,
                texts(PolicyTexts.of(bundle, locale.getLanguage()), tables, parameterTable));
    }

    private static Map<String, Map<String, String>> texts(PolicyTexts texts, List<PolicyTable> tables,
            PolicyTable parameters) {
        Map<String, String> headings = new TreeMap<>();
        Map<String, String> descriptions = new TreeMap<>();
        Map<String, String> units = new TreeMap<>();
        if (texts != PolicyTexts.ENGLISH) {
            tables.forEach(t -> t.columns().forEach(c -> {
                if (c.header() != null && texts.has("heading", c.header().trim())) {
                    headings.put(c.header(), texts.heading(c.header()));
                }
            }));
            if (parameters != null) {
                parameters.rows().forEach(r -> {
                    String name = r.cells().get(0);
                    if (texts.has("parameter", name)) {
                        descriptions.put(name, texts.parameter(name, null));
                    }
                    String unit = r.cells().size() > 2 ? r.cells().get(2) : "";
                    if (texts.has("unit", unit)) {
                        units.put(unit, texts.unit(unit));
                    }
                });
            }
        }
        return Map.of("headings", headings, "parameters", descriptions, "units", units);
    }

    /** Replaces one table's rows and saves the file; the file's tables as they now are. */
    List<PolicyTable> editTable(int number, String file, TableEdit edit, String by) {
        if (!TableReader.isTable(file)) {
            throw EditorProblems.notATable(file);
        }
        byte[] edited = TableWriter.write(file, lifecycle.file(number, file), edit);
        PolicyTable table = TableReader.read(file, edited).stream()
                .filter(t -> t.table().equals(edit.table())).findFirst().orElse(null);
        save(number, file, edited, table, by);
        return TableReader.read(file, edited);
    }

    /** Replaces the parameters table and saves it; the table as it now is. */
    PolicyTable editParameters(int number, List<Parameter> parameters, String by) {
        PolicyBundle bundle = lifecycle.version(number).bundle();
        String file = parametersFile(bundle);
        StringBuilder csv = new StringBuilder(String.join(",", PARAMETER_HEADERS)).append('\n');
        for (int i = 0; i < parameters.size(); i++) {
            Parameter p = parameters.get(i);
            if (p == null || p.name() == null || p.name().isBlank()) {
                throw EditorProblems.badParameter(i, "name", "Parameter " + (i + 1) + " has no name");
            }
            csv.append(String.join(",", Arrays.asList(p.name(), p.value(), p.unit(), p.description()).stream()
                    .map(v -> Csv.quote(v == null ? "" : v.strip())).toList())).append('\n');
        }
        byte[] edited = csv.toString().getBytes(StandardCharsets.UTF_8);
        PolicyTable table = parameters(file, csv.toString());
        save(number, file, edited, table, by);
        return table;
    }

    private void save(int number, String file, byte[] edited, PolicyTable table, String by) {
        PolicyVersion version = lifecycle.version(number);
        if (version.status() == PolicyStatus.DRAFT) {
            List<PolicyError> errors = compiler.compile(version.bundle().with(file, edited)).errors().stream()
                    .filter(e -> file.equals(e.file())).toList();
            if (!errors.isEmpty()) {
                throw EditorProblems.doesNotCompile(file, errors, table);
            }
        }
        lifecycle.replaceFile(number, file, edited, by); // refuses anything but a draft
    }

    /** The parameters CSV as a table of four text columns, its rows numbered from 2 (row 1 is the header). */
    static PolicyTable parameters(String file, String text) {
        List<List<String>> lines = Csv.parse(text);
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < PARAMETER_HEADERS.size(); c++) {
            columns.add(new Column(c, String.valueOf((char) ('A' + c)), "PARAMETER", PARAMETER_HEADERS.get(c),
                    ValueType.TEXT, null, null));
        }
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r < lines.size(); r++) {
            List<String> line = lines.get(r);
            if (line.isEmpty()) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < PARAMETER_HEADERS.size(); c++) {
                cells.add(c < line.size() ? line.get(c).strip() : "");
            }
            rows.add(new Row(r + 1, cells));
        }
        return new PolicyTable(file, null, PARAMETERS_TABLE, null, 2, columns, rows);
    }

    private static String parametersFile(PolicyBundle bundle) {
        Properties manifest = new Properties();
        String text = bundle.text(PolicyBundle.MANIFEST);
        if (text != null) {
            try {
                manifest.load(new StringReader(text));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return manifest.getProperty("parameters", "parameters.csv").strip();
    }
}
