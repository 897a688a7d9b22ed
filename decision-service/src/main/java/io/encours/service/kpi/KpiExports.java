package io.encours.service.kpi;

import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The files handed to the committee: the aged balance by customer and the monthly series, as CSV (UTF-8, comma,
 * a header row, amounts with a decimal point) or XLSX (numbers as numbers). Both are written straight to the
 * response: the XLSX through POI's streaming workbook, which keeps 100 rows in memory and the rest in a
 * temporary file, whatever the number of customers.
 */
final class KpiExports {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private KpiExports() {
    }

    static void customers(List<CustomerFigures> rows, List<String> agedKeys, String format, String name,
                          HttpServletResponse response) throws IOException {
        List<String> header = new ArrayList<>(List.of("customerId", "currency", "openInvoices", "receivables", "overdue",
                "overdueRatio"));
        agedKeys.forEach(k -> header.add("aged " + k));
        header.addAll(List.of("oldestOverdueDays", "disputed"));
        write(format, name, header, response, sink -> {
            for (CustomerFigures c : rows) {
                List<Object> line = new ArrayList<>(List.of(c.customerId(), c.currency(), c.openInvoices(),
                        c.receivables(), c.overdue()));
                line.add(c.overdueRatio());
                agedKeys.forEach(k -> line.add(c.aged().get(k)));
                line.add(c.oldestOverdueDays());
                line.add(c.disputed());
                sink.row(line);
            }
        });
    }

    static void series(KpiReports.Series series, List<String> agedKeys, String format, String name,
                       HttpServletResponse response) throws IOException {
        List<String> header = new ArrayList<>(List.of("asOf", "currency", "openInvoices", "receivables", "overdue",
                "overdueRatio"));
        agedKeys.forEach(k -> header.add("aged " + k));
        header.addAll(List.of("creditSales", "dsoWindowDays", "dsoSimple", "dsoCountback", "averageBalanceDso",
                "bestPossibleDso", "averageDaysDelinquent", "cei", "averageDaysLate", "disputedShare",
                "promisesKeptRate"));
        write(format, name, header, response, sink -> {
            for (ReceivablesKpis p : series.points()) {
                List<Object> line = new ArrayList<>(List.of(p.asOf().toString(), String.valueOf(p.currency()),
                        p.openInvoices(), p.receivables(), p.overdue()));
                line.add(p.overdueRatio());
                agedKeys.forEach(k -> line.add(p.aged().get(k)));
                line.addAll(java.util.Arrays.asList(p.creditSales(), p.dsoWindowDays(), p.dsoSimple(), p.dsoCountback(),
                        p.averageBalanceDso(), p.bestPossibleDso(), p.averageDaysDelinquent(), p.cei(),
                        p.averageDaysLate(), p.disputedShare(), p.promisesKeptRate()));
                sink.row(line);
            }
        });
    }

    interface Sink {
        void row(List<Object> cells) throws IOException;
    }

    interface Rows {
        void writeTo(Sink sink) throws IOException;
    }

    private static void write(String format, String name, List<String> header, HttpServletResponse response,
                              Rows rows) throws IOException {
        if (format.equals("xlsx")) {
            response.setContentType(XLSX);
            response.setHeader("Content-Disposition", "attachment; filename=\"" + name + ".xlsx\"");
            try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
                SXSSFSheet sheet = workbook.createSheet(name);
                CellStyle money = workbook.createCellStyle();
                money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
                int[] next = {0};
                Sink sink = cells -> {
                    Row row = sheet.createRow(next[0]++);
                    for (int i = 0; i < cells.size(); i++) {
                        Object v = cells.get(i);
                        Cell cell = row.createCell(i);
                        if (v instanceof BigDecimal d) {
                            cell.setCellValue(d.doubleValue());
                            if (d.scale() == 2) {
                                cell.setCellStyle(money);
                            }
                        } else if (v instanceof Number n) {
                            cell.setCellValue(n.doubleValue());
                        } else if (v != null) {
                            cell.setCellValue(v.toString());
                        }
                    }
                };
                sink.row(new ArrayList<>(header));
                rows.writeTo(sink);
                workbook.write(response.getOutputStream());
                workbook.dispose();
            }
            return;
        }
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + ".csv\"");
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
                64 * 1024);
        Sink sink = cells -> {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    line.append(',');
                }
                Object v = cells.get(i);
                line.append(csv(v == null ? "" : v instanceof BigDecimal d ? d.toPlainString() : v.toString()));
            }
            out.write(line.append("\r\n").toString());
        };
        sink.row(new ArrayList<>(header));
        rows.writeTo(sink);
        out.flush();
    }

    private static String csv(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
