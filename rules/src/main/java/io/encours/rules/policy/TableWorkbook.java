package io.encours.rules.policy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes a decision table as an Excel workbook, the form credit teams edit. A cell ending in
 * {@code ...} starts (or continues) a horizontal merge, as in Drools' CSV convention, so one pattern can
 * span several condition columns. Numbers become numeric cells.
 */
public final class TableWorkbook {
    private TableWorkbook() {
    }

    public static byte[] toXlsx(String sheetName, List<List<String>> rows) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(sheetName);
            CellStyle header = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            header.setFont(bold);
            int maxCols = 0;
            for (int r = 0; r < rows.size(); r++) {
                List<String> cells = rows.get(r);
                Row row = sheet.createRow(r);
                boolean headerRow = !cells.isEmpty() && isHeaderMarker(cells.get(0));
                int mergeStart = -1;
                for (int c = 0; c < cells.size(); c++) {
                    String v = cells.get(c) == null ? "" : cells.get(c);
                    boolean merged = v.endsWith("...");
                    if (merged) {
                        v = v.substring(0, v.length() - 3);
                        if (mergeStart < 0) {
                            mergeStart = c;
                        }
                    } else if (mergeStart >= 0) {
                        merge(sheet, r, mergeStart, c - 1);
                        mergeStart = -1;
                    }
                    if (v.isEmpty()) {
                        if (merged) {
                            // Drools reads a merged range only through existing cells
                            row.createCell(c).setCellValue("");
                        }
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    BigDecimal number = number(v);
                    if (number != null && !headerRow) {
                        cell.setCellValue(number.doubleValue());
                    } else {
                        cell.setCellValue(v);
                    }
                    if (headerRow) {
                        cell.setCellStyle(header);
                    }
                }
                if (mergeStart >= 0) {
                    merge(sheet, r, mergeStart, cells.size() - 1);
                }
                maxCols = Math.max(maxCols, cells.size());
            }
            for (int c = 0; c < maxCols; c++) {
                sheet.setColumnWidth(c, 22 * 256);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void merge(Sheet sheet, int row, int from, int to) {
        if (to > from) {
            sheet.addMergedRegion(new CellRangeAddress(row, row, from, to));
        }
    }

    private static boolean isHeaderMarker(String v) {
        return v != null && (v.startsWith("RuleTable") || v.equals("CONDITION") || v.equals("RuleSet"));
    }

    private static BigDecimal number(String v) {
        if (!v.matches("-?\\d+(\\.\\d+)?")) {
            return null;
        }
        return new BigDecimal(v);
    }
}
