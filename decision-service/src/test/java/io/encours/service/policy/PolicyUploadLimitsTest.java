package io.encours.service.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.encours.service.web.ProblemException;
import io.encours.service.web.Problems;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * A policy upload is a few small tables: anything far beyond is refused with 413 before it is stored or
 * parsed, and a broken zip is a 400, never a 500 (findings of the upload fuzzing, issue 12).
 */
class PolicyUploadLimitsTest {

    @Test
    void more_than_100_files_are_too_large() {
        Map<String, byte[]> files = new HashMap<>();
        for (int i = 0; i <= PolicyUploadLimits.MAX_FILES; i++) {
            files.put("f" + i + ".txt", new byte[1]);
        }
        assertTooLarge(() -> PolicyUploadLimits.check(files), "101 files");
    }

    @Test
    void a_file_over_4_mb_is_too_large() {
        assertTooLarge(() -> PolicyUploadLimits.check(Map.of("big.drl", new byte[PolicyUploadLimits.MAX_FILE_BYTES + 1])),
                "'big.drl' is larger than 4 MB");
    }

    @Test
    void a_table_over_10000_rows_or_500_columns_is_too_large() {
        byte[] rows = "a,b\n".repeat(PolicyUploadLimits.MAX_ROWS + 1).getBytes(StandardCharsets.UTF_8);
        byte[] columns = "x,".repeat(PolicyUploadLimits.MAX_COLUMNS + 1).getBytes(StandardCharsets.UTF_8);

        assertTooLarge(() -> PolicyUploadLimits.check(Map.of("rows.drl.csv", rows)), "10001 rows");
        assertTooLarge(() -> PolicyUploadLimits.check(Map.of("columns.csv", columns)), "columns");
    }

    @Test
    void a_zip_that_unpacks_beyond_32_mb_is_too_large_and_is_not_unpacked_further() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < 9; i++) {
                zip.putNextEntry(new ZipEntry("zeros-" + i + ".txt"));
                zip.write(new byte[PolicyUploadLimits.MAX_FILE_BYTES]);
                zip.closeEntry();
            }
        }
        assertThat(out.size()).isLessThan(1024 * 1024);

        assertTooLarge(() -> PolicyUploadLimits.unzip(out.toByteArray()), "32 MB");
    }

    @Test
    void a_zip_entry_over_4_mb_is_too_large() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("zeros.drl"));
            zip.write(new byte[PolicyUploadLimits.MAX_FILE_BYTES + 1]);
            zip.closeEntry();
        }
        assertTooLarge(() -> PolicyUploadLimits.unzip(out.toByteArray()), "'zeros.drl' is larger than 4 MB");
    }

    @Test
    void a_truncated_zip_is_an_invalid_upload() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("credit-policy.drl"));
            zip.write("rule \"x\" when then end\n".repeat(2000).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        byte[] truncated = java.util.Arrays.copyOf(out.toByteArray(), out.size() / 2);

        assertInvalid(() -> PolicyUploadLimits.unzip(truncated));
    }

    @Test
    void a_zip_entry_name_that_is_not_utf8_is_an_invalid_upload() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.ISO_8859_1)) {
            zip.putNextEntry(new ZipEntry("r\u00e8gles.drl"));
            zip.write("x".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertInvalid(() -> PolicyUploadLimits.unzip(out.toByteArray()));
    }

    private static void assertTooLarge(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String detail) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProblemException.class, p -> {
            assertThat(p.problem().getStatus()).isEqualTo(413);
            assertThat(p.problem().getType()).hasToString(Problems.POLICY_UPLOAD_TOO_LARGE);
            assertThat(p.problem().getDetail()).contains(detail);
        });
    }

    private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProblemException.class, p -> {
            assertThat(p.problem().getStatus()).isEqualTo(400);
            assertThat(p.problem().getType()).hasToString("/problems/policy-upload-invalid");
        });
    }
}
