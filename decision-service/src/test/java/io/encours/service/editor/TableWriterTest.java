package io.encours.service.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.encours.rules.policy.DefaultPolicy;
import io.encours.rules.policy.PolicyBundle;
import io.encours.rules.policy.PolicyCompiler;
import io.encours.service.editor.PolicyTable.ValueType;
import io.encours.service.web.ProblemException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;

/** Decision tables read as typed grids and written back in their own format, on the default policy's files. */
class TableWriterTest {
    private static final PolicyBundle POLICY = DefaultPolicy.bundle();
    private static final String SCORING = "scoring-grid.drl.xlsx";
    private static final String ORDER_CHECKS = "order-checks.drl.csv";

    @Test
    void order_check_columns_are_headed_in_words_and_typed_from_their_template() {
        PolicyTable checks = only(ORDER_CHECKS, POLICY.bytes(ORDER_CHECKS));

        assertThat(checks.table()).isEqualTo("OrderChecks");
        assertThat(checks.notes()).startsWith("Order credit checks.");
        assertThat(header(checks, "Account status").type()).isEqualTo(ValueType.TEXT);
        assertThat(header(checks, "Limit use above (%)").type()).isEqualTo(ValueType.NUMBER);
        assertThat(header(checks, "Credit-insured customer").type()).isEqualTo(ValueType.BOOLEAN);
        assertThat(header(checks, "Outcome").kind()).isEqualTo("ACTION");
        assertThat(checks.rows().get(0).sourceRow()).isEqualTo(checks.firstRow());
        assertThat(checks.rows().get(0).cells()).startsWith("BLOCKED").endsWith("BLOCK", "ACCOUNT_BLOCKED");
    }

    @Test
    void a_changed_csv_cell_lands_in_its_row_and_the_rest_of_the_file_is_kept() {
        PolicyTable checks = only(ORDER_CHECKS, POLICY.bytes(ORDER_CHECKS));
        List<List<String>> rows = cells(checks);
        int limitAbove = checks.columns().indexOf(header(checks, "Limit use above (%)"));
        rows.get(2).set(limitAbove, "90");

        byte[] edited = TableWriter.write(ORDER_CHECKS, POLICY.bytes(ORDER_CHECKS), new TableEdit(null, "OrderChecks", rows));

        PolicyTable after = only(ORDER_CHECKS, edited);
        assertThat(after.rows().get(2).cells().get(limitAbove)).isEqualTo("90");
        assertThat(after.rows()).hasSameSizeAs(checks.rows());
        assertThat(after.rows().get(3)).isEqualTo(checks.rows().get(3));
        assertThat(linesBefore(edited, checks.firstRow())).isEqualTo(linesBefore(POLICY.bytes(ORDER_CHECKS), checks.firstRow()));
        assertThat(new PolicyCompiler().compile(POLICY.with(ORDER_CHECKS, edited)).errors()).isEmpty();
    }

    @Test
    void an_xlsx_cell_change_keeps_the_workbooks_layout_and_compiles() throws IOException {
        PolicyTable grid = only(SCORING, POLICY.bytes(SCORING));
        List<List<String>> rows = cells(grid);
        int points = rows.get(0).size() - 1;
        rows.get(0).set(points, "17");

        byte[] edited = TableWriter.write(SCORING, POLICY.bytes(SCORING), new TableEdit(grid.sheet(), grid.table(), rows));

        PolicyTable after = only(SCORING, edited);
        assertThat(after.rows().get(0).cells().get(points)).isEqualTo("17");
        assertThat(after.rows().subList(1, after.rows().size())).isEqualTo(grid.rows().subList(1, grid.rows().size()));
        assertThat(after.columns()).isEqualTo(grid.columns());
        assertThat(mergedRegions(edited)).isEqualTo(mergedRegions(POLICY.bytes(SCORING)));
        assertThat(new PolicyCompiler().compile(POLICY.with(SCORING, edited)).errors()).isEmpty();
    }

    @Test
    void rows_added_and_removed_are_numbered_as_in_the_file() {
        PolicyTable grid = only(SCORING, POLICY.bytes(SCORING));
        List<List<String>> rows = cells(grid);
        rows.remove(0);
        rows.add(new ArrayList<>(rows.get(rows.size() - 1)));
        rows.add(new ArrayList<>(rows.get(rows.size() - 1)));

        PolicyTable after = only(SCORING, TableWriter.write(SCORING, POLICY.bytes(SCORING),
                new TableEdit(null, grid.table(), rows)));

        assertThat(after.rows()).hasSize(grid.rows().size() + 1);
        assertThat(after.rows().get(0).cells()).isEqualTo(grid.rows().get(1).cells());
        for (int i = 0; i < after.rows().size(); i++) {
            assertThat(after.rows().get(i).sourceRow()).isEqualTo(grid.firstRow() + i);
        }
    }

    @Test
    void rows_added_to_the_first_of_two_tables_in_a_sheet_move_the_second_one_down_intact() {
        List<List<String>> sheet = new ArrayList<>();
        for (String name : List.of("FirstCaps", "SecondCaps")) {
            sheet.add(List.of("RuleTable " + name));
            sheet.add(List.of("CONDITION", "ACTION"));
            sheet.add(List.of("TermsFacts", ""));
            sheet.add(List.of("sector == \"$param\"", "insert(new SectorCap($param));"));
            sheet.add(List.of("Sector", "Maximum days from invoice"));
            sheet.add(List.of("TRANSPORT", "30"));
            sheet.add(List.of(""));
        }
        byte[] xlsx = io.encours.rules.policy.TableWorkbook.toXlsx("caps", sheet);
        List<List<String>> rows = new ArrayList<>(List.of(List.of("TRANSPORT", "30"), List.of("WINE", "45"),
                List.of("SPIRITS", "40")));

        byte[] edited = TableWriter.write("caps.drl.xlsx", xlsx, new TableEdit("caps", "FirstCaps", rows));

        List<PolicyTable> tables = TableReader.read("caps.drl.xlsx", edited);
        assertThat(tables).extracting(PolicyTable::table).containsExactly("FirstCaps", "SecondCaps");
        assertThat(tables.get(0).rows()).extracting(PolicyTable.Row::cells).containsExactlyElementsOf(rows);
        assertThat(tables.get(1).firstRow()).isEqualTo(TableReader.read("caps.drl.xlsx", xlsx).get(1).firstRow() + 2);
        assertThat(tables.get(1).rows()).extracting(PolicyTable.Row::cells).containsExactly(List.of("TRANSPORT", "30"));
    }

    @Test
    void an_edit_of_a_table_the_file_does_not_have_is_refused() {
        assertThatThrownBy(() -> TableWriter.write(ORDER_CHECKS, POLICY.bytes(ORDER_CHECKS),
                new TableEdit(null, "NoSuchTable", List.of())))
                .isInstanceOf(ProblemException.class).hasMessageContaining("NoSuchTable");
    }

    @Test
    void the_parameters_table_is_read_with_its_file_rows() {
        PolicyTable parameters = PolicyTables.parameters("parameters.csv", POLICY.text("parameters.csv"));

        assertThat(parameters.rows().get(0).sourceRow()).isEqualTo(2);
        assertThat(parameters.rows().get(0).cells()).startsWith("score.base", "50", "points");
    }

    private static PolicyTable only(String file, byte[] bytes) {
        List<PolicyTable> tables = TableReader.read(file, bytes);
        assertThat(tables).hasSize(1);
        return tables.get(0);
    }

    private static PolicyTable.Column header(PolicyTable table, String header) {
        return table.columns().stream().filter(c -> c.header().equals(header)).findFirst().orElseThrow();
    }

    private static List<List<String>> cells(PolicyTable table) {
        List<List<String>> rows = new ArrayList<>();
        table.rows().forEach(r -> rows.add(new ArrayList<>(r.cells())));
        return rows;
    }

    private static List<String> linesBefore(byte[] csv, int row) {
        return new String(csv, StandardCharsets.UTF_8).lines().limit(row - 1).toList();
    }

    private static int mergedRegions(byte[] xlsx) throws IOException {
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            return wb.getSheetAt(0).getNumMergedRegions();
        }
    }
}
