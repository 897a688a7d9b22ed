package io.encours.service.collections;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.encours.service.collections.DunningRun.RunState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The collections API over HTTP: a run starts as the caller on the date asked (today when left out) and is found
 * at its Location; the worklist's day, assignee and state reach the service; a date, state or asOf that cannot
 * be read is refused by name before the service is asked.
 */
@WebMvcTest(CollectionsController.class)
@Import(io.encours.service.web.WebSlice.class)
class CollectionsControllerTest {
    private static final UsernamePasswordAuthenticationToken ANALYST =
            new UsernamePasswordAuthenticationToken("analyst", "n/a", List.of());
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private DunningRuns runs;

    @MockitoBean
    private Worklists worklists;

    private static DunningRun running(LocalDate asOf) {
        return new DunningRun("run-1", asOf, RunState.RUNNING, "analyst", Instant.parse("2026-12-03T05:00:00Z"), null,
                3, 40, 12, new java.util.TreeMap<>(Map.of("DUN", 10L, "WAIT", 2L)), 2, 0, 0, 0, List.of(), null, "2026.1");
    }

    @Test
    void a_run_starts_as_the_caller_on_the_date_asked_and_is_found_at_its_location() throws Exception {
        when(runs.today()).thenReturn(TODAY);
        when(runs.start(TODAY.minusDays(1), "analyst")).thenReturn(running(TODAY.minusDays(1)));

        mvc.perform(post("/api/v1/collections/runs").principal(ANALYST).contentType("application/json")
                        .content("{\"asOf\": \"2026-12-02\"}"))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/v1/collections/runs/run-1"))
                .andExpect(jsonPath("$.run.state").value("RUNNING"))
                .andExpect(jsonPath("$.run.invoicesEvaluated").value(12))
                .andExpect(jsonPath("$.run.outcomes[0].outcome").value("DUN"));
        verify(runs).start(TODAY.minusDays(1), "analyst");
    }

    @Test
    void a_run_without_a_body_is_today_s() throws Exception {
        when(runs.start(null, "analyst")).thenReturn(running(TODAY));

        mvc.perform(post("/api/v1/collections/runs").principal(ANALYST)).andExpect(status().isAccepted());
        verify(runs).start(null, "analyst");
    }

    @Test
    void a_run_date_too_far_or_unreadable_is_refused_by_name() throws Exception {
        when(runs.today()).thenReturn(TODAY);
        for (String body : new String[] {"{\"asOf\": \"2025-01-01\"}", "{\"asOf\": \"2027-01-10\"}", "{\"asOf\": \"3 dec\"}"}) {
            mvc.perform(post("/api/v1/collections/runs").principal(ANALYST).contentType("application/json").content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("asOf"));
        }
        verify(runs, org.mockito.Mockito.never()).start(any(), any());
    }

    @Test
    void a_run_in_progress_is_answered_with_its_id() throws Exception {
        when(runs.start(null, "analyst")).thenThrow(CollectionsProblems.runInProgress("run-0"));

        mvc.perform(post("/api/v1/collections/runs").principal(ANALYST))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/dunning-run-in-progress"))
                .andExpect(jsonPath("$.runId").value("run-0"));
    }

    @Test
    void an_unknown_run_is_a_404_problem() throws Exception {
        when(runs.find("nope")).thenReturn(Optional.empty());

        mvc.perform(get("/api/v1/collections/runs/nope"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("/problems/dunning-run-not-found"));
    }

    @Test
    void the_worklist_filters_reach_the_service_and_the_day_defaults_to_today() throws Exception {
        when(runs.today()).thenReturn(TODAY);
        when(worklists.list(any(), any())).thenReturn(List.of());

        mvc.perform(get("/api/v1/collections/worklist?date=2026-12-01&assignee=j.martin&customerId=C-1&state=FAILED&size=5"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.date").value("2026-12-01"));
        verify(worklists).list(new Worklists.Filter(LocalDate.of(2026, 12, 1), "j.martin", "C-1", LineState.FAILED), 5);

        mvc.perform(get("/api/v1/collections/worklist")).andExpect(status().isOk())
                .andExpect(jsonPath("$.date").value("2026-12-03"));
        verify(worklists).list(new Worklists.Filter(TODAY, null, null, null), null);
    }

    @Test
    void a_worklist_date_or_state_that_cannot_be_read_is_refused_by_name() throws Exception {
        mvc.perform(get("/api/v1/collections/worklist?date=03/12/2026"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("date"));
        mvc.perform(get("/api/v1/collections/worklist?state=SENT"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("state"));
        verifyNoInteractions(worklists);
    }

    @Test
    void a_mark_reaches_the_service_as_the_caller_and_an_unknown_state_is_refused_by_name() throws Exception {
        mvc.perform(post("/api/v1/collections/worklist/abc/state").principal(ANALYST).contentType("application/json")
                        .content("{\"state\": \"SKIPPED\", \"reason\": \"customer paid by phone\"}"))
                .andExpect(status().isOk());
        verify(worklists).mark("abc", LineState.SKIPPED, "customer paid by phone", "analyst");

        mvc.perform(post("/api/v1/collections/worklist/abc/state").principal(ANALYST).contentType("application/json")
                        .content("{\"state\": \"SENT\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("state"));
        verify(worklists, org.mockito.Mockito.never()).mark(eq("abc"), eq(null), any(), any());
    }
}
