package io.encours.rules.cli;

import io.encours.rules.backtest.Backtest;
import io.encours.rules.backtest.BacktestProgress;
import io.encours.rules.backtest.BacktestReport;
import io.encours.rules.backtest.ColumnMapping;
import io.encours.rules.policy.CompilationResult;
import io.encours.rules.policy.Csv;
import io.encours.rules.policy.PolicyBundle;
import io.encours.rules.policy.PolicyCompiler;
import io.encours.rules.policy.PolicyError;
import io.encours.rules.policy.TableWorkbook;
import io.encours.rules.scenario.ScenarioRunner;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The command-line policy tool, for credit teams' own CI:
 * <pre>
 *   java -jar encours-rules.jar validate DIR     compile the bundle, print every error, exit 1 on any
 *   java -jar encours-rules.jar test DIR         run the bundle's scenarios, end with "N passed, N failed"
 *   java -jar encours-rules.jar drl FILE         print the DRL Drools generates from a decision table
 *   java -jar encours-rules.jar xlsx CSV OUT     turn a CSV decision table into an Excel workbook
 *   java -jar encours-rules.jar backtest DIR FILE [--mapping MAPPING.csv] [--as-of YYYY-MM-DD]
 *                                                score a labelled file with the bundle, end with
 *                                                "AUC 0.xxx, Gini 0.xxx, KS 0.xxx, N rows"
 * </pre>
 */
public final class PolicyTool {
    private final PrintStream out;
    private final PrintStream err;

    PolicyTool(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        // No SLF4J provider ships with the tool (the rules jar's class path must not bring one into the
        // service): Drools' own log lines are dropped and the tool prints its own located errors.
        System.exit(new PolicyTool(System.out, System.err).run(args));
    }

    int run(String... args) {
        if (args.length < 2) {
            return usage();
        }
        try {
            return switch (args[0]) {
                case "validate" -> validate(Path.of(args[1]));
                case "test" -> test(Path.of(args[1]));
                case "drl" -> drl(Path.of(args[1]));
                case "xlsx" -> args.length < 3 ? usage() : xlsx(Path.of(args[1]), Path.of(args[2]));
                case "backtest" -> args.length < 3 ? usage() : backtest(args);
                default -> usage();
            };
        } catch (IOException | RuntimeException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
    }

    private int validate(Path dir) {
        CompilationResult result = compile(dir);
        if (result == null) {
            return 1;
        }
        if (!result.succeeded()) {
            for (PolicyError e : result.errors()) {
                out.println(e);
            }
            out.println(result.errors().size() + " error(s): the policy is not valid");
            return 1;
        }
        var stamp = result.policy().stamp();
        out.println("OK " + stamp.id() + " " + stamp.version() + " (" + result.policy().rules().size()
                + " rules, sha256 " + stamp.contentHash() + ")");
        return 0;
    }

    private int test(Path dir) {
        CompilationResult result = compile(dir);
        if (result == null) {
            return 1;
        }
        if (!result.succeeded()) {
            result.errors().forEach(out::println);
            out.println("0 passed, 1 failed: the policy does not compile");
            return 1;
        }
        ScenarioRunner.Report report = new ScenarioRunner().runBundled(result.policy());
        for (ScenarioRunner.ScenarioResult r : report.results()) {
            if (!r.passed()) {
                out.println("FAIL " + r.scenario().id() + " (line " + r.scenario().line() + ") "
                        + r.scenario().description());
                r.failures().forEach(f -> out.println("     " + f));
            }
        }
        out.println(report.summary());
        return report.failed() == 0 ? 0 : 1;
    }

    private int drl(Path table) throws IOException {
        out.println(PolicyCompiler.generatedDrl(table.getFileName().toString(), Files.readAllBytes(table)));
        return 0;
    }

    private int xlsx(Path csv, Path target) throws IOException {
        String name = csv.getFileName().toString().replaceAll("\\..*$", "");
        Files.write(target, TableWorkbook.toXlsx(name, Csv.parse(Files.readString(csv))));
        out.println("wrote " + target);
        return 0;
    }

    private int backtest(String... args) throws IOException {
        Path mapping = null;
        LocalDate asOf = LocalDate.now();
        for (int i = 3; i < args.length; i++) {
            switch (args[i]) {
                case "--mapping" -> mapping = Path.of(args[++i]);
                case "--as-of" -> asOf = LocalDate.parse(args[++i]);
                default -> {
                    return usage();
                }
            }
        }
        CompilationResult result = compile(Path.of(args[1]));
        if (result == null) {
            return 1;
        }
        if (!result.succeeded()) {
            result.errors().forEach(out::println);
            out.println("the policy does not compile");
            return 1;
        }
        BacktestReport report;
        try (InputStream file = Files.newInputStream(Path.of(args[2]))) {
            InputStream labelled = mapping == null ? file
                    : new ByteArrayInputStream(ColumnMapping.parse(Files.readString(mapping)).apply(file));
            report = Backtest.run(result.policy(), labelled, asOf, BacktestProgress.NONE);
        }
        for (BacktestReport.RejectedRow r : report.rejected().subList(0, Math.min(10, report.rejected().size()))) {
            out.println("rejected line " + r.line() + ": " + r.reason());
        }
        if (report.rowsRejected() > 0) {
            out.println(report.rowsRejected() + " row(s) rejected");
        }
        out.println("class  companies  defaults  default rate  mean score");
        for (BacktestReport.ClassRate c : report.classes()) {
            out.println(String.format(Locale.ROOT, "%-5s  %9d  %8d  %11.2f%%  %10.1f", c.riskClass(), c.count(),
                    c.defaults(), 100 * c.defaultRate(), c.meanScore()));
        }
        out.println(report.classesMonotone() ? "default rates fall strictly from each class to the next safer one"
                : "default rates are NOT strictly monotone across the classes");
        out.println("grid row  criterion  points  companies  default rate");
        for (BacktestReport.GridRowRate g : report.gridRows()) {
            out.println(String.format(Locale.ROOT, "%8d  %-18s %6d  %9d  %11.2f%%", g.row(), g.criterion(),
                    g.points(), g.count(), 100 * g.defaultRate()));
        }
        if (!report.distribution().isEmpty()) {
            out.println(report.distribution().size() + " distinct scores from " + report.distribution().get(0).score()
                    + " to " + report.distribution().get(report.distribution().size() - 1).score()
                    + (report.ksScore() == null ? "" : "; KS reached at score " + report.ksScore()));
        }
        out.println(report.summaryLine());
        return 0;
    }

    private CompilationResult compile(Path dir) {
        if (!Files.isDirectory(dir)) {
            err.println("error: " + dir + " is not a folder");
            return null;
        }
        return new PolicyCompiler().compile(PolicyBundle.fromDirectory(dir));
    }

    private int usage() {
        err.println("""
                usage: java -jar encours-rules.jar COMMAND ARG
                  validate DIR     compile the policy bundle in DIR and print every error with its location
                  test DIR         run the scenarios of the bundle in DIR
                  drl TABLE        print the DRL generated from a decision table (.drl.xlsx / .drl.csv)
                  xlsx CSV OUT     write a CSV decision table as an Excel workbook
                  backtest DIR FILE [--mapping MAPPING.csv] [--as-of YYYY-MM-DD]
                                   score the labelled FILE (request fields by JSON path + outcome) with the
                                   bundle in DIR; print AUC, Gini, KS, default rate per class and grid row""");
        return 2;
    }
}
