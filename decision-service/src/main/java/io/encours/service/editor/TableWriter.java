package io.encours.service.editor;

import io.encours.rules.policy.Csv;
import io.encours.service.editor.PolicyTable.Column;
import io.encours.service.editor.PolicyTable.ValueType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Writes a table's edited rows back into its file, in the file's own format: a CSV keeps every line
 * outside the table's data rows; an XLSX keeps its sheets, styles, widths and merged headings, the rows
 * below the table moving up or down as rows are removed or added.
 */
final class TableWriter {
    private TableWriter() {
    }

    /** The file with the table's data rows replaced; {@link EditorProblems} when the table is not there. */
    static byte[] write(String file, byte[] bytes, TableEdit edit) {
        PolicyTable table = TableReader.read(file, bytes).stream()
                .filter(t -> t.table().equals(edit.table()) && (edit.sheet() == null || edit.sheet().equals(t.sheet())))
                .findFirst().orElseThrow(() -> EditorProblems.noSuchTable(file, edit.table()));
        for (int i = 0; i < edit.rows().size(); i++) {
            if (edit.rows().get(i).size() > table.columns().size()) {
                throw EditorProblems.tooManyCells(table, i, edit.rows().get(i).size());
            }
        }
        return file.toLowerCase().endsWith(".csv") ? csv(bytes, table, edit) : workbook(bytes, table, edit);
    }

    private static byte[] csv(byte[] bytes, PolicyTable table, TableEdit edit) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        int width = table.columns().stream().mapToInt(Column::index).max().orElse(0) + 1;
        List<String> data = new ArrayList<>();
        for (List<String> cells : edit.rows()) {
            List<String> line = new ArrayList<>(Collections.nCopies(width, ""));
            for (int i = 0; i < cells.size(); i++) {
                line.set(table.columns().get(i).index(), Csv.quote(clean(cells.get(i))));
            }
            data.add(String.join(",", line));
        }
        // One line per row unless a quoted cell spans lines: then every row is written anew.
        List<String> lines = new ArrayList<>(text.lines().toList());
        if (lines.size() != Csv.parse(text).size()) {
            lines = Csv.parse(text).stream().map(r -> String.join(",", r.stream().map(Csv::quote).toList()))
                    .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        }
        List<String> old = lines.subList(table.firstRow() - 1, table.firstRow() - 1 + table.rows().size());
        old.clear();
        old.addAll(data);
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] workbook(byte[] bytes, PolicyTable table, TableEdit edit) {
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(bytes));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = table.sheet() == null ? wb.getSheetAt(0) : wb.getSheet(table.sheet());
            int first = table.firstRow() - 1;
            int before = table.rows().size();
            int after = edit.rows().size();
            List<CellStyle> styles = styles(sheet, first, table.columns());
            int below = first + before;
            if (after != before && below <= sheet.getLastRowNum()) {
                for (int r = first + after; r < below; r++) {
                    Optional.ofNullable(sheet.getRow(r)).ifPresent(sheet::removeRow);
                }
                sheet.shiftRows(below, sheet.getLastRowNum(), after - before);
            } else if (after < before) {
                for (int r = first + after; r < below; r++) {
                    Optional.ofNullable(sheet.getRow(r)).ifPresent(sheet::removeRow);
                }
            }
            for (int i = 0; i < after; i++) {
                int at = first + i;
                org.apache.poi.ss.usermodel.Row row = Optional.ofNullable(sheet.getRow(at))
                        .orElseGet(() -> sheet.createRow(at));
                List<String> cells = edit.rows().get(i);
                for (int c = 0; c < table.columns().size(); c++) {
                    Column column = table.columns().get(c);
                    Cell cell = Optional.ofNullable(row.getCell(column.index())).orElseGet(() -> row.createCell(column.index()));
                    if (styles.get(c) != null) {
                        cell.setCellStyle(styles.get(c));
                    }
                    set(cell, c < cells.size() ? clean(cells.get(c)) : "", column.type());
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The style of each column's first data cell, so added rows look like the others. */
    private static List<CellStyle> styles(Sheet sheet, int first, List<Column> columns) {
        org.apache.poi.ss.usermodel.Row template = sheet.getRow(first);
        List<CellStyle> styles = new ArrayList<>();
        for (Column column : columns) {
            Cell cell = template == null ? null : template.getCell(column.index());
            styles.add(cell == null ? null : cell.getCellStyle());
        }
        return styles;
    }

    private static void set(Cell cell, String value, ValueType type) {
        if (value.isEmpty()) {
            cell.setBlank();
            return;
        }
        if (type == ValueType.NUMBER && number(value) != null) {
            cell.setCellValue(number(value).doubleValue());
        } else if (type == ValueType.BOOLEAN && cell.getCellType() == CellType.BOOLEAN
                && (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false"))) {
            cell.setCellValue(Boolean.parseBoolean(value.toLowerCase()));
        } else {
            cell.setCellValue(value);
        }
    }

    private static BigDecimal number(String v) {
        try {
            return new BigDecimal(v.replace(" ", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String clean(String v) {
        return v == null ? "" : v.strip();
    }
}
