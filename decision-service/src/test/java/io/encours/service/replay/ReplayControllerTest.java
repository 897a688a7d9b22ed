package io.encours.service.replay;

import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.encours.service.web.Problems;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.BDDMockito.given;

/** Replay and what-if over HTTP: the decision id and version are passed on; a version is required and numeric. */
@WebMvcTest(ReplayController.class)
@Import(io.encours.service.web.WebSlice.class)
class ReplayControllerTest {
    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private Replays replays;

    @Test
    void a_replay_and_a_what_if_name_the_decision_and_the_version() throws Exception {
        mvc.perform(get("/api/v1/audit/decisions/d-1/replay")).andExpect(status().isOk());
        mvc.perform(get("/api/v1/audit/decisions/d-1/what-if?version=3")).andExpect(status().isOk());
        verify(replays).replay("d-1");
        verify(replays).whatIf("d-1", 3);
    }

    @Test
    void a_what_if_without_a_version_or_with_one_that_is_not_a_number_is_a_400_problem() throws Exception {
        mvc.perform(get("/api/v1/audit/decisions/d-1/what-if"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value(400));
        mvc.perform(get("/api/v1/audit/decisions/d-1/what-if?version=draft"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/invalid-field"))
                .andExpect(jsonPath("$.errors[0].field").value("version"));
        verifyNoInteractions(replays);
    }

    @Test
    void an_unknown_decision_is_the_decision_not_found_problem() throws Exception {
        given(replays.replay("nope")).willThrow(Problems.decisionNotFound("nope"));

        mvc.perform(get("/api/v1/audit/decisions/nope/replay"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("/problems/decision-not-found"));
    }
}
