package io.encours.service.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.encours.rules.model.DecisionType;
import io.encours.service.web.Problems;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Starting, reading, listing and cancelling simulations over HTTP; missing or out-of-range fields by name. */
@WebMvcTest(SimulationController.class)
@Import(io.encours.service.web.WebSlice.class)
class SimulationControllerTest {
    private static final UsernamePasswordAuthenticationToken MANAGER =
            UsernamePasswordAuthenticationToken.authenticated("manager", null, List.of());

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private Simulations simulations;

    private static Simulation running(String id) {
        return new Simulation(id, 2, "abc", Instant.parse("2026-08-01T00:00:00Z"), Instant.parse("2026-11-01T00:00:00Z"),
                List.of(), "manager", Instant.parse("2026-11-02T08:00:00Z"), null, Simulation.Status.RUNNING,
                new Simulation.Progress(0, 0, 10, null), null, null, null);
    }

    @Test
    void a_start_passes_version_window_types_and_the_person_and_answers_202_with_its_location() throws Exception {
        given(simulations.start(anyInt(), any(), any(), anyList(), anyString())).willReturn(running("sim-1"));

        mvc.perform(post("/api/v1/simulations").principal(MANAGER).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"version":2,"from":"2026-08-01T00:00:00Z","to":"2026-11-01T00:00:00Z",
                                 "types":["ORDER_CHECK"]}"""))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/v1/simulations/sim-1"))
                .andExpect(jsonPath("$.id").value("sim-1"))
                .andExpect(jsonPath("$.status").value("RUNNING"));
        verify(simulations).start(2, Instant.parse("2026-08-01T00:00:00Z"), Instant.parse("2026-11-01T00:00:00Z"),
                List.of(DecisionType.ORDER_CHECK), "manager");
    }

    @Test
    void without_an_end_the_window_ends_now_and_without_types_it_takes_them_all() throws Exception {
        given(simulations.start(anyInt(), any(), any(), anyList(), anyString())).willReturn(running("sim-2"));
        Instant before = Instant.now();

        mvc.perform(post("/api/v1/simulations").principal(MANAGER).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":2,\"from\":\"2026-08-01T00:00:00Z\"}"))
                .andExpect(status().isAccepted());

        ArgumentCaptor<Instant> to = ArgumentCaptor.forClass(Instant.class);
        verify(simulations).start(eq(2), eq(Instant.parse("2026-08-01T00:00:00Z")), to.capture(), eq(List.of()),
                eq("manager"));
        assertThat(to.getValue()).isAfterOrEqualTo(before.minusSeconds(1));
    }

    @Test
    void a_missing_version_or_start_is_refused_by_name_before_starting() throws Exception {
        mvc.perform(post("/api/v1/simulations").principal(MANAGER).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"from\":\"2026-08-01T00:00:00Z\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/invalid-field"))
                .andExpect(jsonPath("$.errors[0].field").value("version"));
        mvc.perform(post("/api/v1/simulations").principal(MANAGER).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":2}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"));
        verifyNoInteractions(simulations);
    }

    @Test
    void an_unreadable_instant_or_decision_type_is_a_400_problem() throws Exception {
        mvc.perform(post("/api/v1/simulations").principal(MANAGER).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":2,\"from\":\"last august\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value(400));
        mvc.perform(post("/api/v1/simulations").principal(MANAGER).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":2,\"from\":\"2026-08-01T00:00:00Z\",\"types\":[\"LOAN\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value(400));
        verifyNoInteractions(simulations);
    }

    @Test
    void the_list_takes_a_limit_of_1_to_500() throws Exception {
        given(simulations.list(50)).willReturn(List.of(running("sim-3")));

        mvc.perform(get("/api/v1/simulations")).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value("sim-3"));
        for (String limit : new String[] {"0", "501"}) {
            mvc.perform(get("/api/v1/simulations?limit=" + limit))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value("/problems/invalid-field"))
                    .andExpect(jsonPath("$.errors[0].field").value("limit"));
        }
        verify(simulations).list(50);
    }

    @Test
    void one_simulation_is_read_and_cancelled_by_id_and_the_service_problems_pass_through() throws Exception {
        given(simulations.find("sim-4")).willReturn(running("sim-4"));
        given(simulations.cancel("sim-4")).willReturn(running("sim-4"));
        given(simulations.find("nope")).willThrow(Problems.invalidField("id", "no such simulation"));

        mvc.perform(get("/api/v1/simulations/sim-4")).andExpect(status().isOk())
                .andExpect(jsonPath("$.progress.total").value(10));
        mvc.perform(post("/api/v1/simulations/sim-4/cancel").principal(MANAGER)).andExpect(status().isAccepted())
                .andExpect(jsonPath("$.id").value("sim-4"));
        mvc.perform(get("/api/v1/simulations/nope")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("id"));
    }
}
