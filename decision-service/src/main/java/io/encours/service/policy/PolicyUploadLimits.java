package io.encours.service.policy;

import io.encours.rules.policy.Csv;
import io.encours.service.web.ProblemException;
import io.encours.service.web.Problems;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.springframework.http.HttpStatus;

/**
 * What a policy upload may hold, checked before anything is stored or compiled: a policy is a few small
 * tables, so anything far beyond that is refused with 413 {@code /problems/policy-upload-too-large}
 * rather than parsed (a zip that unpacks to gigabytes, a table of a million rows).
 */
final class PolicyUploadLimits {
    static final int MAX_FILE_BYTES = 4 * 1024 * 1024;
    static final int MAX_FILES = 100;
    static final long MAX_TOTAL_BYTES = 32L * 1024 * 1024;
    static final int MAX_ROWS = 10_000;
    static final int MAX_COLUMNS = 500;

    private PolicyUploadLimits() {
    }

    /** Checks every file of an upload, its count, sizes and, for tables, rows and columns. */
    static void check(Map<String, byte[]> files) {
        if (files.size() > MAX_FILES) {
            throw tooLarge("The upload holds " + files.size() + " files; at most " + MAX_FILES + " are accepted");
        }
        long total = 0;
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            checkFileSize(file.getKey(), file.getValue().length);
            total += file.getValue().length;
            if (total > MAX_TOTAL_BYTES) {
                throw tooLarge("The upload holds more than " + MAX_TOTAL_BYTES / (1024 * 1024) + " MB of files");
            }
            checkTable(file.getKey(), file.getValue());
        }
    }

    static void checkFileSize(String name, long bytes) {
        if (bytes > MAX_FILE_BYTES) {
            throw tooLarge("'" + name + "' is larger than " + MAX_FILE_BYTES / (1024 * 1024) + " MB");
        }
    }

    private static void checkTable(String name, byte[] bytes) {
        String lower = name.toLowerCase();
        if (lower.endsWith(".csv")) {
            List<List<String>> rows = Csv.parse(new String(bytes, StandardCharsets.UTF_8));
            checkShape(name, rows.size(), rows.stream().mapToInt(List::size).max().orElse(0));
        } else if (lower.endsWith(".xlsx") || lower.endsWith(".xls")) {
            try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
                for (Sheet sheet : workbook) {
                    int columns = 0;
                    for (Row row : sheet) {
                        columns = Math.max(columns, row.getLastCellNum());
                    }
                    checkShape(name, sheet.getLastRowNum() + 1, columns);
                }
            } catch (IOException | RuntimeException e) {
                // Not a readable workbook: the compiler says so, naming the file, when the draft is validated
                if (e instanceof ProblemException problem) {
                    throw problem;
                }
            }
        }
    }

    private static void checkShape(String name, int rows, int columns) {
        if (rows > MAX_ROWS) {
            throw tooLarge("'" + name + "' has " + rows + " rows; at most " + MAX_ROWS + " are accepted");
        }
        if (columns > MAX_COLUMNS) {
            throw tooLarge("'" + name + "' has " + columns + " columns; at most " + MAX_COLUMNS + " are accepted");
        }
    }

    /**
     * The files of a zip by plain name; folders inside it and hidden or editor files are ignored. Read as a
     * stream with the limits applied while unpacking; a broken zip (truncated, bad entry names) is a 400.
     */
    static Map<String, byte[]> unzip(byte[] zip) {
        Map<String, byte[]> files = new TreeMap<>();
        long total = 0;
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (++entries > MAX_FILES * 2) {
                    throw tooLarge("The zip holds more than " + MAX_FILES * 2 + " entries");
                }
                String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
                if (!entry.isDirectory() && !name.isEmpty() && !name.startsWith(".") && !name.startsWith("~$")
                        && !entry.getName().startsWith("__MACOSX")) {
                    byte[] bytes = readAtMost(in, name);
                    total += bytes.length;
                    if (total > MAX_TOTAL_BYTES) {
                        throw tooLarge("The zip unpacks to more than " + MAX_TOTAL_BYTES / (1024 * 1024) + " MB");
                    }
                    files.put(name, bytes);
                    if (files.size() > MAX_FILES) {
                        throw tooLarge("The zip holds more than " + MAX_FILES + " files");
                    }
                }
            }
        } catch (ZipException e) {
            throw PolicyProblems.badUpload("The upload is not a valid zip");
        } catch (IOException | IllegalArgumentException e) {
            // Truncated data (EOFException) or an entry name that is not UTF-8 (IllegalArgumentException)
            throw PolicyProblems.badUpload("The upload is not a valid zip: it is truncated or an entry name is not UTF-8");
        }
        if (files.isEmpty()) {
            throw PolicyProblems.badUpload("The zip holds no policy file");
        }
        return files;
    }

    private static byte[] readAtMost(InputStream in, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            out.write(buffer, 0, n);
            checkFileSize(name, out.size());
        }
        return out.toByteArray();
    }

    private static ProblemException tooLarge(String detail) {
        return PolicyProblems.of(HttpStatus.PAYLOAD_TOO_LARGE, Problems.POLICY_UPLOAD_TOO_LARGE,
                "Policy upload too large", detail);
    }
}
