package io.encours.service.hold;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The callback allowlist over HTTP: a secret is shown once, on creation; the change log's limit is checked. */
@WebMvcTest(CallbackTargetController.class)
@Import(io.encours.service.web.WebSlice.class)
class CallbackTargetControllerTest {
    private static final UsernamePasswordAuthenticationToken ADMIN =
            UsernamePasswordAuthenticationToken.authenticated("admin", null, List.of());
    private static final String SECRET = "s".repeat(40);

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private CallbackTargets targets;

    private static CallbackTarget target() {
        return new CallbackTarget("t-1", "https", "erp.example.com", 443, false, SECRET, "admin",
                Instant.parse("2026-12-01T08:00:00Z"));
    }

    @Test
    void the_list_never_shows_a_secret() throws Exception {
        given(targets.all()).willReturn(List.of(target()));

        mvc.perform(get("/api/v1/admin/callback-targets"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].host").value("erp.example.com"))
                .andExpect(jsonPath("$[0].secret").doesNotExist());
    }

    @Test
    void an_added_origin_is_handed_over_under_the_administrator_and_answered_201_with_its_secret_once() throws Exception {
        given(targets.add(any(), any())).willReturn(target());

        mvc.perform(post("/api/v1/admin/callback-targets").principal(ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"scheme\":\"https\",\"host\":\"erp.example.com\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/admin/callback-targets/t-1"))
                .andExpect(jsonPath("$.secret").value(SECRET));
        verify(targets).add(new CallbackTargets.NewTarget("https", "erp.example.com", null, null, null), "admin");
    }

    @Test
    void an_origin_in_another_format_than_json_or_with_an_unknown_field_is_refused() throws Exception {
        mvc.perform(post("/api/v1/admin/callback-targets").principal(ADMIN).contentType(MediaType.TEXT_PLAIN)
                        .content("https://erp.example.com"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.type").value("/problems/unsupported-media-type"));
        mvc.perform(post("/api/v1/admin/callback-targets").principal(ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"scheme\":\"https\",\"host\":\"erp.example.com\",\"port\":\"four\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value(400));
        verify(targets, never()).add(any(), any());
    }

    @Test
    void a_removal_is_handed_over_under_the_administrator_and_answers_without_the_secret() throws Exception {
        given(targets.remove("t-1", "admin")).willReturn(target());

        mvc.perform(delete("/api/v1/admin/callback-targets/t-1").principal(ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("t-1"))
                .andExpect(jsonPath("$.secret").doesNotExist());
    }

    @Test
    void the_change_log_takes_a_limit_of_1_to_1000() throws Exception {
        given(targets.changes(100)).willReturn(List.of());

        mvc.perform(get("/api/v1/audit/callback-target-changes")).andExpect(status().isOk());
        verify(targets).changes(100);
        for (String limit : new String[] {"0", "1001"}) {
            mvc.perform(get("/api/v1/audit/callback-target-changes?limit=" + limit))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value("/problems/invalid-field"))
                    .andExpect(jsonPath("$.errors[0].field").value("limit"));
        }
        verify(targets, never()).changes(0);
        verify(targets, never()).changes(1001);
    }
}
