package io.encours.service.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Starting back-tests from a CSV body or one file part, and reading them back, over HTTP. */
@WebMvcTest(BacktestController.class)
@Import(io.encours.service.web.WebSlice.class)
class BacktestControllerTest {
    private static final UsernamePasswordAuthenticationToken MANAGER =
            UsernamePasswordAuthenticationToken.authenticated("manager", null, List.of());
    private static final String CSV = "customerId,decidedOn,defaulted\nC-1,2026-01-05,false\n";

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private Backtests backtests;

    private static BacktestJob running(String id) {
        return new BacktestJob(id, 2, "abc", "outcomes.csv", "2026-12-01", "manager",
                Instant.parse("2026-12-01T08:00:00Z"), null, BacktestJob.Status.RUNNING,
                new BacktestJob.Progress(0, 0, 1), null, null);
    }

    @Test
    void a_csv_body_is_handed_over_with_version_date_and_person_and_answered_202_with_its_location() throws Exception {
        given(backtests.start(anyInt(), any(), any(), any(), anyString())).willReturn(running("bt-1"));

        mvc.perform(post("/api/v1/backtests?version=2&asOf=2026-12-01").principal(MANAGER)
                        .contentType("text/csv").content(CSV))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/v1/backtests/bt-1"))
                .andExpect(jsonPath("$.status").value("RUNNING"));

        ArgumentCaptor<byte[]> file = ArgumentCaptor.forClass(byte[].class);
        verify(backtests).start(eq(2), file.capture(), isNull(), eq(LocalDate.parse("2026-12-01")), eq("manager"));
        assertThat(new String(file.getValue(), StandardCharsets.UTF_8)).isEqualTo(CSV);
    }

    @Test
    void one_file_part_is_handed_over_with_its_name() throws Exception {
        given(backtests.start(anyInt(), any(), any(), any(), anyString())).willReturn(running("bt-2"));

        mvc.perform(multipart("/api/v1/backtests?version=2").file(new MockMultipartFile("file", "outcomes.csv",
                        "text/csv", CSV.getBytes(StandardCharsets.UTF_8))).principal(MANAGER))
                .andExpect(status().isAccepted());

        verify(backtests).start(eq(2), eq(CSV.getBytes(StandardCharsets.UTF_8)), eq("outcomes.csv"), isNull(),
                eq("manager"));
    }

    @Test
    void two_file_parts_are_a_bad_file_problem() throws Exception {
        mvc.perform(multipart("/api/v1/backtests?version=2")
                        .file(new MockMultipartFile("a", "a.csv", "text/csv", CSV.getBytes(StandardCharsets.UTF_8)))
                        .file(new MockMultipartFile("b", "b.csv", "text/csv", CSV.getBytes(StandardCharsets.UTF_8)))
                        .principal(MANAGER))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/backtest-file-invalid"));
        verifyNoInteractions(backtests);
    }

    @Test
    void a_missing_version_or_an_unreadable_date_is_refused_by_name() throws Exception {
        mvc.perform(post("/api/v1/backtests").principal(MANAGER).contentType("text/csv").content(CSV))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/invalid-field"))
                .andExpect(jsonPath("$.errors[0].field").value("version"));
        mvc.perform(post("/api/v1/backtests?version=2&asOf=yesterday").principal(MANAGER)
                        .contentType("text/csv").content(CSV))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/invalid-field"))
                .andExpect(jsonPath("$.errors[0].field").value("asOf"));
        mvc.perform(get("/api/v1/backtests/latest"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("version"));
        verifyNoInteractions(backtests);
    }

    @Test
    void a_json_body_is_an_unsupported_media_type() throws Exception {
        mvc.perform(post("/api/v1/backtests?version=2").principal(MANAGER).contentType("application/json")
                        .content("{}"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.type").value("/problems/unsupported-media-type"));
        verifyNoInteractions(backtests);
    }

    @Test
    void the_list_filters_by_version_and_takes_a_limit_of_1_to_500() throws Exception {
        given(backtests.list(2, 10)).willReturn(List.of(running("bt-3")));

        mvc.perform(get("/api/v1/backtests?version=2&limit=10")).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value("bt-3"));
        mvc.perform(get("/api/v1/backtests")).andExpect(status().isOk());
        verify(backtests).list(null, 50);
        for (String limit : new String[] {"0", "501"}) {
            mvc.perform(get("/api/v1/backtests?limit=" + limit))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("limit"));
        }
    }

    @Test
    void one_back_test_and_the_latest_of_a_version_are_read() throws Exception {
        given(backtests.find("bt-4")).willReturn(running("bt-4"));
        given(backtests.latest(2)).willReturn(running("bt-5"));

        mvc.perform(get("/api/v1/backtests/bt-4")).andExpect(status().isOk()).andExpect(jsonPath("$.id").value("bt-4"));
        mvc.perform(get("/api/v1/backtests/latest?version=2")).andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("bt-5"));
    }
}
