package io.encours.rules.policy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/** The default bundle with one planted mistake each, as a credit manager might make them. */
public final class BrokenBundles {
    private BrokenBundles() {
    }

    public static PolicyBundle textInNumericCell() {
        // scoring grid, row 12 (HOSPITALITY), column F (Points)
        return withXlsxCell(DefaultPolicy.bundle(), "scoring-grid.drl.xlsx", 12, 'F', "ten");
    }

    public static PolicyBundle unknownFactField() {
        return replace(DefaultPolicy.bundle(), "order-checks.drl.csv", "limitUsePercent > $param",
                "limitUsagePercent > $param");
    }

    public static PolicyBundle drlSyntaxError() {
        return replace(DefaultPolicy.bundle(), "credit-policy.drl",
                "    insert(new CustomerScore(decision.getScore()));",
                "    insert(new CustomerScore(decision.getScore());");
    }

    public static PolicyBundle missingTable() {
        return DefaultPolicy.bundle().without("risk-classes.drl.xlsx");
    }

    public static PolicyBundle unknownReasonCode() {
        return replace(DefaultPolicy.bundle(), "order-checks.drl.csv", "REVIEW,MISSING_PURCHASE_ORDER",
                "REVIEW,MISSING_PO");
    }

    static PolicyBundle replace(PolicyBundle bundle, String file, String from, String to) {
        String text = bundle.text(file);
        if (!text.contains(from)) {
            throw new IllegalStateException(file + " no longer contains " + from);
        }
        return bundle.with(file, text.replace(from, to).getBytes(StandardCharsets.UTF_8));
    }

    static PolicyBundle withXlsxCell(PolicyBundle bundle, String file, int row, char column, String value) {
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(bundle.bytes(file)));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.getSheetAt(0).getRow(row - 1).getCell(column - 'A').setCellValue(value);
            wb.write(out);
            return bundle.with(file, out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
