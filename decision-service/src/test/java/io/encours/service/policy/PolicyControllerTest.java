package io.encours.service.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.encours.rules.policy.DefaultPolicy;
import io.encours.rules.policy.PolicyBundle;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Policy versions over HTTP: who acts (the authenticated person, X-Caller only when nobody is), how uploads
 * are read (files, a zip, exactly one part to replace a file), how files are served, and the review actions'
 * bodies. The lifecycle itself is tested on the embedded store (PolicyLifecycleTest).
 */
@WebMvcTest(PolicyController.class)
@Import(io.encours.service.web.WebSlice.class)
class PolicyControllerTest {
    private static final UsernamePasswordAuthenticationToken COMMITTEE =
            UsernamePasswordAuthenticationToken.authenticated("committee1", null, List.of());
    private static final PolicyBundle BUNDLE = DefaultPolicy.bundle();

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private PolicyLifecycle lifecycle;

    private static PolicyVersion draft(int number) {
        return PolicyVersion.draft(number, BUNDLE, "committee1", Instant.parse("2026-12-01T08:00:00Z"), "c", 1);
    }

    @BeforeEach
    void versionOneIsActive() {
        given(lifecycle.activeNumber()).willReturn(1);
    }

    @Test
    void a_review_action_is_taken_by_the_authenticated_person_whatever_x_caller_says() throws Exception {
        given(lifecycle.submit(2, "committee1", "ready")).willReturn(draft(2));

        mvc.perform(post("/api/v1/policies/2/submit").principal(COMMITTEE).header("X-Caller", "someone-else")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"ready\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.number").value(2));
        verify(lifecycle).submit(2, "committee1", "ready");
    }

    @Test
    void without_a_person_x_caller_names_who_acts_and_without_either_it_is_anonymous() throws Exception {
        given(lifecycle.approve(eq(2), anyString(), any())).willReturn(draft(2));

        mvc.perform(post("/api/v1/policies/2/approve").header("X-Caller", "  batch-job ")
                .contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"ok\"}")).andExpect(status().isOk());
        mvc.perform(post("/api/v1/policies/2/approve").header("X-Caller", " ")
                .contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"ok\"}")).andExpect(status().isOk());
        verify(lifecycle).approve(2, "batch-job", "ok");
        verify(lifecycle).approve(2, "anonymous", "ok");
    }

    @Test
    void approve_activate_and_rollback_refuse_a_blank_comment_naming_the_field() throws Exception {
        for (String path : new String[] {"/api/v1/policies/2/approve", "/api/v1/policies/2/activate", "/api/v1/policies/rollback"}) {
            for (String body : new String[] {"", "{}", "{\"comment\":\"   \"}"}) {
                var request = post(path).principal(COMMITTEE);
                if (!body.isEmpty()) {
                    request = request.contentType(MediaType.APPLICATION_JSON).content(body);
                }
                mvc.perform(request)
                        .andExpect(status().isBadRequest())
                        .andExpect(jsonPath("$.type").value("/problems/invalid-field"))
                        .andExpect(jsonPath("$.errors[0].field").value("comment"));
            }
        }
        verify(lifecycle, never()).approve(anyInt(), anyString(), any());
        verify(lifecycle, never()).activate(anyInt(), anyString(), any(), any());
        verify(lifecycle, never()).rollback(anyString(), any());
    }

    @Test
    void the_comment_of_a_rollback_is_kept_without_its_surrounding_blanks() throws Exception {
        given(lifecycle.rollback(anyString(), any())).willReturn(draft(1));

        mvc.perform(post("/api/v1/policies/rollback").principal(COMMITTEE).contentType(MediaType.APPLICATION_JSON)
                .content("{\"comment\":\"  hold rate doubled \"}")).andExpect(status().isOk());
        verify(lifecycle).rollback("committee1", "hold rate doubled");
    }

    @Test
    void a_rejection_takes_the_reason_or_else_the_comment_and_an_activation_its_date() throws Exception {
        given(lifecycle.reject(eq(2), anyString(), any())).willReturn(draft(2));
        given(lifecycle.activate(eq(2), anyString(), any(), any())).willReturn(draft(2));

        mvc.perform(post("/api/v1/policies/2/reject").principal(COMMITTEE).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"limits too high\",\"comment\":\"see notes\"}")).andExpect(status().isOk());
        mvc.perform(post("/api/v1/policies/2/reject").principal(COMMITTEE).contentType(MediaType.APPLICATION_JSON)
                .content("{\"comment\":\"see notes\"}")).andExpect(status().isOk());
        mvc.perform(post("/api/v1/policies/2/activate").principal(COMMITTEE).contentType(MediaType.APPLICATION_JSON)
                .content("{\"effectiveAt\":\"2027-01-01T00:00:00Z\",\"comment\":\"new year\"}")).andExpect(status().isOk());
        verify(lifecycle).reject(2, "committee1", "limits too high");
        verify(lifecycle).reject(2, "committee1", "see notes");
        verify(lifecycle).activate(2, "committee1", Instant.parse("2027-01-01T00:00:00Z"), "new year");
    }

    @Test
    void an_action_body_with_an_unreadable_date_is_a_400_problem() throws Exception {
        mvc.perform(post("/api/v1/policies/2/activate").principal(COMMITTEE).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"effectiveAt\":\"next monday\",\"comment\":\"go\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value(400));
        verify(lifecycle, never()).activate(anyInt(), anyString(), any(), any());
    }

    @Test
    void a_new_draft_from_the_active_version_is_answered_201_with_its_location() throws Exception {
        given(lifecycle.draftFromActive("committee1", "try lower limits")).willReturn(draft(3));

        mvc.perform(post("/api/v1/policies/drafts").principal(COMMITTEE).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"comment\":\"try lower limits\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/policies/3"))
                .andExpect(jsonPath("$.number").value(3));
    }

    @Test
    void uploaded_files_and_zips_are_read_by_their_plain_names_into_one_bundle() throws Exception {
        given(lifecycle.upload(any(), anyString(), any())).willReturn(draft(4));
        byte[] zip = zip("rules/extra.drl", "package x;");

        mvc.perform(multipart("/api/v1/policies/drafts").principal(COMMITTEE)
                        .file(new MockMultipartFile("a", "C:\\policies\\notes.txt", "text/plain", "n".getBytes(StandardCharsets.UTF_8)))
                        .file(new MockMultipartFile("b", "more.zip", "application/zip", zip))
                        .param("comment", "from files"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/policies/4"));

        ArgumentCaptor<PolicyBundle> bundle = ArgumentCaptor.forClass(PolicyBundle.class);
        verify(lifecycle).upload(bundle.capture(), eq("committee1"), eq("from files"));
        assertThat(bundle.getValue().files()).containsOnlyKeys("notes.txt", "extra.drl");
    }

    @Test
    void an_uploaded_part_without_a_file_name_is_an_upload_problem() throws Exception {
        mvc.perform(multipart("/api/v1/policies/drafts").principal(COMMITTEE)
                        .file(new MockMultipartFile("a", "", "text/plain", "n".getBytes(StandardCharsets.UTF_8))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/policy-upload-invalid"));
        verify(lifecycle, never()).upload(any(), anyString(), any());
    }

    @Test
    void a_file_is_replaced_from_a_raw_body_or_exactly_one_part() throws Exception {
        given(lifecycle.replaceFile(eq(2), anyString(), any(), anyString())).willReturn(draft(2));

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .put("/api/v1/policies/2/files/limits.drl.csv").principal(COMMITTEE)
                        .contentType(MediaType.TEXT_PLAIN).content("a,b"))
                .andExpect(status().isOk());
        verify(lifecycle).replaceFile(2, "limits.drl.csv", "a,b".getBytes(StandardCharsets.UTF_8), "committee1");

        mvc.perform(multipart(HttpMethod.PUT, "/api/v1/policies/2/files/limits.drl.csv").principal(COMMITTEE)
                        .file(new MockMultipartFile("a", "a.csv", "text/csv", new byte[] {1}))
                        .file(new MockMultipartFile("b", "b.csv", "text/csv", new byte[] {2})))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/policy-upload-invalid"));
        verify(lifecycle, never()).replaceFile(eq(2), anyString(), eq(new byte[] {1}), anyString());
    }

    @Test
    void a_file_is_served_as_an_attachment_with_the_type_of_its_extension() throws Exception {
        given(lifecycle.file(2, "limits.drl.csv")).willReturn("a,b".getBytes(StandardCharsets.UTF_8));
        given(lifecycle.file(2, "checks.drl")).willReturn("rule".getBytes(StandardCharsets.UTF_8));
        given(lifecycle.file(2, "grid.xlsx")).willReturn(new byte[] {80, 75});

        mvc.perform(get("/api/v1/policies/2/files/limits.drl.csv"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"limits.drl.csv\""));
        mvc.perform(get("/api/v1/policies/2/files/checks.drl"))
                .andExpect(content().contentTypeCompatibleWith("text/plain"));
        mvc.perform(get("/api/v1/policies/2/files/grid.xlsx"))
                .andExpect(content().contentTypeCompatibleWith(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    }

    @Test
    void a_version_is_shown_with_whether_it_is_active_and_a_number_that_is_not_one_is_refused_by_name() throws Exception {
        given(lifecycle.version(1)).willReturn(draft(1));

        mvc.perform(get("/api/v1/policies/active")).andExpect(status().isOk())
                .andExpect(jsonPath("$.number").value(1));
        mvc.perform(get("/api/v1/policies/two"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/invalid-field"))
                .andExpect(jsonPath("$.errors[0].field").value("number"));
    }

    private static byte[] zip(String name, String text) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(text.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
