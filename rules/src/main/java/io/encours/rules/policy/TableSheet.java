package io.encours.rules.policy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/** The cells of one sheet of a decision table file as text, rows and columns 0-based. */
public record TableSheet(String file, String sheet, List<List<String>> rows) {

    /** Reads every sheet of an XLSX/XLS file, or the single sheet of a CSV file. */
    public static List<TableSheet> read(String file, byte[] bytes) throws IOException {
        if (file.endsWith(".csv")) {
            return List.of(new TableSheet(file, null, Csv.parse(new String(bytes, StandardCharsets.UTF_8))));
        }
        List<TableSheet> sheets = new ArrayList<>();
        DataFormatter formatter = new DataFormatter();
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            for (Sheet sheet : wb) {
                List<List<String>> rows = new ArrayList<>();
                for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                    Row row = sheet.getRow(r);
                    List<String> cells = new ArrayList<>();
                    if (row != null) {
                        for (int c = 0; c < row.getLastCellNum(); c++) {
                            Cell cell = row.getCell(c);
                            cells.add(cell == null ? "" : formatter.formatCellValue(cell));
                        }
                    }
                    rows.add(cells);
                }
                sheets.add(new TableSheet(file, sheet.getSheetName(), rows));
            }
        }
        return sheets;
    }

    public String cell(int row, int col) {
        if (row < 0 || row >= rows.size()) {
            return "";
        }
        List<String> r = rows.get(row);
        return col < r.size() && r.get(col) != null ? r.get(col).trim() : "";
    }

    /** The index of the first non-blank cell of a row (0-based), or -1 for a blank row. */
    public int firstNonBlankColumn(int row) {
        if (row < 0 || row >= rows.size()) {
            return -1;
        }
        List<String> r = rows.get(row);
        for (int c = 0; c < r.size(); c++) {
            if (r.get(c) != null && !r.get(c).isBlank()) {
                return c;
            }
        }
        return -1;
    }

    /** Spreadsheet column letters for a 0-based index: 0 is A, 26 is AA. */
    public static String columnLetter(int col) {
        StringBuilder s = new StringBuilder();
        int c = col + 1;
        while (c > 0) {
            int rem = (c - 1) % 26;
            s.insert(0, (char) ('A' + rem));
            c = (c - 1) / 26;
        }
        return s.toString();
    }
}
