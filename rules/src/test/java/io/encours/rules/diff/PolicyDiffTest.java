package io.encours.rules.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.encours.rules.policy.DefaultPolicy;
import io.encours.rules.policy.PolicyBundle;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;

class PolicyDiffTest {
    private final PolicyBundle base = DefaultPolicy.bundle();

    @Test
    void identicalBundlesHaveNoDifference() {
        assertThat(PolicyDiff.between(base, PolicyBundle.of(base.files()))).isEmpty();
    }

    @Test
    void anExcelCellChangeIsReportedWithItsRowColumnAndHeading() throws Exception {
        byte[] edited;
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(base.bytes("scoring-grid.drl.xlsx")));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.getSheetAt(0).getRow(10).getCell(5).setCellValue(-12);
            wb.write(out);
            edited = out.toByteArray();
        }

        assertThat(PolicyDiff.between(base, base.with("scoring-grid.drl.xlsx", edited))).singleElement()
                .satisfies(c -> {
                    assertThat(c.kind()).isEqualTo(Change.Kind.CELL);
                    assertThat(c.where()).isEqualTo("sheet scoring-grid, row 11, column F (Points)");
                    assertThat(c.before()).isEqualTo("-10");
                    assertThat(c.after()).isEqualTo("-12");
                });
    }

    @Test
    void aChangedCellNamesItsRowByTheRowsOwnConditions() throws Exception {
        byte[] edited;
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(base.bytes("scoring-grid.drl.xlsx")));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.getSheetAt(0).getRow(19).getCell(5).setCellValue(5);
            wb.write(out);
            edited = out.toByteArray();
        }

        assertThat(PolicyDiff.between(base, base.with("scoring-grid.drl.xlsx", edited))).singleElement()
                .satisfies(c -> {
                    assertThat(c.where()).isEqualTo("sheet scoring-grid, row 20, column F (Points)");
                    assertThat(c.column()).isEqualTo("Points");
                    assertThat(c.conditions()).containsExactly(new Change.Condition("Criterion", "SECTOR"),
                            new Change.Condition("Category is", "ENERGY"), new Change.Condition("Data known", "true"));
                    assertThat(c.before()).isEqualTo("3");
                    assertThat(c.after()).isEqualTo("5");
                });
    }

    @Test
    void aCsvTableCellChangeIsACellChange() {
        PolicyBundle edited = replace("order-checks.drl.csv", ",100,120,", ",100,125,");

        assertThat(PolicyDiff.between(base, edited)).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Change.Kind.CELL);
            assertThat(c.where()).isEqualTo("row 13, column C (Limit use up to (%))");
            assertThat(c.before()).isEqualTo("120");
            assertThat(c.after()).isEqualTo("125");
        });
    }

    @Test
    void parametersAndReasonsAreComparedEntryByEntry() {
        PolicyBundle edited = replace("parameters.csv", "interest.ecbRate.2026-01-01,2.15,", "interest.ecbRate.2026-01-01,2.40,");

        assertThat(PolicyDiff.between(base, edited)).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Change.Kind.PARAMETER);
            assertThat(c.where()).isEqualTo("interest.ecbRate.2026-01-01");
            assertThat(c.before()).startsWith("2.15 |");
            assertThat(c.after()).startsWith("2.40 |");
        });
    }

    @Test
    void drlChangesAreLineByLine() {
        PolicyBundle edited = replace("credit-policy.drl", "rule \"Disputed invoices are not dunned\"",
                "// disputes first\nrule \"Disputed invoices are not dunned\"");

        assertThat(PolicyDiff.between(base, edited)).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Change.Kind.LINE_ADDED);
            assertThat(c.after()).isEqualTo("// disputes first");
        });
    }

    @Test
    void addedAndRemovedFilesAreNamed() {
        PolicyBundle edited = base.without("sector-caps.drl.csv").with("notes.txt", "x".getBytes(StandardCharsets.UTF_8));

        assertThat(PolicyDiff.between(base, edited)).extracting(Change::kind)
                .containsExactlyInAnyOrder(Change.Kind.FILE_ADDED, Change.Kind.FILE_REMOVED);
    }

    private PolicyBundle replace(String file, String from, String to) {
        String text = base.text(file);
        assertThat(text).contains(from);
        return base.with(file, text.replace(from, to).getBytes(StandardCharsets.UTF_8));
    }
}
