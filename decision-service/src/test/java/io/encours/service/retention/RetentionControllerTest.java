package io.encours.service.retention;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Archiving, pruning and downloading over HTTP: kinds and months are read and refused by name. */
@WebMvcTest(RetentionController.class)
@Import(io.encours.service.web.WebSlice.class)
class RetentionControllerTest {
    private static final UsernamePasswordAuthenticationToken ADMIN =
            UsernamePasswordAuthenticationToken.authenticated("admin", null, List.of());

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private AuditArchives archives;

    @MockitoBean
    private RecordArchives records;

    @TempDir
    Path dir;

    private static RecordArchives.Manifest manifest() {
        return new RecordArchives.Manifest("holds", "2026-06", "holds-2026-06.jsonl.gz", 3, "ab12",
                Instant.parse("2026-07-02T08:00:00Z"), "admin", null, null);
    }

    @Test
    void a_month_of_records_is_archived_and_pruned_by_kind_and_month_under_the_administrator() throws Exception {
        given(records.archive(RecordKind.HOLDS, YearMonth.of(2026, 6), "admin")).willReturn(manifest());
        given(records.prune(RecordKind.HOLD_ACTIONS, YearMonth.of(2026, 6), "admin")).willReturn(manifest());

        mvc.perform(post("/api/v1/admin/record-archives/holds?period=2026-06").principal(ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.records").value(3));
        mvc.perform(post("/api/v1/admin/record-archives/hold-actions/2026-06/prune").principal(ADMIN))
                .andExpect(status().isOk());
        verify(records).prune(RecordKind.HOLD_ACTIONS, YearMonth.of(2026, 6), "admin");
    }

    @Test
    void an_unknown_kind_or_a_period_that_is_not_a_month_is_refused_by_name() throws Exception {
        mvc.perform(post("/api/v1/admin/record-archives/invoices?period=2026-06").principal(ADMIN))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/invalid-field"))
                .andExpect(jsonPath("$.errors[0].field").value("kind"));
        for (String period : new String[] {"2026-13", "june", "2026-06-01"}) {
            mvc.perform(post("/api/v1/admin/audit-archives?period=" + period).principal(ADMIN))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("period"));
            mvc.perform(get("/api/v1/audit/record-archives/holds/" + period))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("period"));
        }
        mvc.perform(post("/api/v1/admin/audit-archives").principal(ADMIN))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value(400));
        verifyNoInteractions(archives);
        verify(records, never()).archive(any(), any(), anyString());
    }

    @Test
    void a_month_of_decisions_is_archived_and_pruned_under_the_administrator() throws Exception {
        mvc.perform(post("/api/v1/admin/audit-archives?period=2026-06").principal(ADMIN)).andExpect(status().isOk());
        mvc.perform(post("/api/v1/admin/audit-archives/2026-05/prune").principal(ADMIN)).andExpect(status().isOk());
        verify(archives).archive(YearMonth.of(2026, 6), "admin");
        verify(archives).prune(YearMonth.of(2026, 5), "admin");
    }

    @Test
    void an_archive_is_downloaded_as_gzip_with_its_digest_and_a_month_not_archived_is_a_404_problem() throws Exception {
        Path file = Files.write(dir.resolve("holds-2026-06.jsonl.gz"), new byte[] {31, -117, 8, 0});
        given(records.archive(RecordKind.HOLDS, YearMonth.of(2026, 6))).willReturn(Optional.of(manifest()));
        given(records.fileOf(manifest())).willReturn(file);
        given(records.archive(RecordKind.HOLDS, YearMonth.of(2026, 5))).willReturn(Optional.empty());
        given(archives.archive(YearMonth.of(2026, 5))).willReturn(Optional.empty());

        mvc.perform(get("/api/v1/audit/record-archives/holds/2026-06"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/gzip"))
                .andExpect(header().string("Archive-SHA256", "ab12"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"holds-2026-06.jsonl.gz\""))
                .andExpect(content().bytes(new byte[] {31, -117, 8, 0}));
        mvc.perform(get("/api/v1/audit/record-archives/holds/2026-05"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("/problems/period-not-archived"));
        mvc.perform(get("/api/v1/audit/archives/2026-05"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("/problems/period-not-archived"));
    }
}
