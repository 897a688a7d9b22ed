package io.encours.rules.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.encours.rules.policy.CompiledPolicy;
import io.encours.rules.policy.DefaultPolicy;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The default grid back-tested on the UCI Polish companies bankruptcy data (first year, 7,027 companies,
 * status five years later), mapped to request fields by {@code backtest/polish-1year-mapping.csv}.
 * <p>
 * By default the test runs on an excerpt kept in the repository (the first 60 and the last 20 companies of
 * the file, CC BY 4.0, Tomczak 2016) and checks the mapping reads every row. With the full file,
 * {@code -Dencours.backtest.polish=/path/to/polish_1year.csv}, it checks the targets the grid was designed
 * for: AUC at least 0.72 and default rates falling strictly from class E to class A.
 */
class PolishBacktestTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 15);

    @Test
    void theDefaultGridRanksPolishCompaniesByTheirFailureFiveYearsLater() throws IOException {
        CompiledPolicy policy = DefaultPolicy.compile();
        String full = System.getProperty("encours.backtest.polish");
        ColumnMapping mapping;
        try (InputStream m = getClass().getResourceAsStream("/backtest/polish-1year-mapping.csv")) {
            mapping = ColumnMapping.parse(new String(m.readAllBytes(), StandardCharsets.UTF_8));
        }
        byte[] labelled;
        try (InputStream source = full == null ? getClass().getResourceAsStream("/backtest/polish-1year-sample.csv")
                : Files.newInputStream(Path.of(full))) {
            labelled = mapping.apply(source);
        }

        BacktestReport report = Backtest.run(policy, new ByteArrayInputStream(labelled), AS_OF, BacktestProgress.NONE);

        assertThat(report.rowsRejected()).isZero();
        if (full == null) {
            assertThat(report.rowsUsed()).isEqualTo(80);
            assertThat(report.defaults()).isEqualTo(20);
            assertThat(report.auc()).isGreaterThan(0.5);
        } else {
            assertThat(report.rowsUsed()).isEqualTo(7027);
            assertThat(report.defaults()).isEqualTo(271);
            assertThat(report.auc()).isGreaterThanOrEqualTo(0.72);
            assertThat(report.classes()).extracting(BacktestReport.ClassRate::riskClass)
                    .containsExactly("A", "B", "C", "D", "E");
            assertThat(report.classesMonotone()).isTrue();
        }
    }
}
