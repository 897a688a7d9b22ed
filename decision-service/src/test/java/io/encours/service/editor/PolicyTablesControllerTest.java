package io.encours.service.editor;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.encours.service.web.Problems;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The editor's grids over HTTP: version number, file name (dots included) and the grid handed over as sent. */
@WebMvcTest(PolicyTablesController.class)
@Import(io.encours.service.web.WebSlice.class)
class PolicyTablesControllerTest {
    private static final UsernamePasswordAuthenticationToken COMMITTEE =
            UsernamePasswordAuthenticationToken.authenticated("committee1", null, List.of());

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private PolicyTables tables;

    @Test
    void a_table_edit_names_the_file_with_its_extension_and_the_person() throws Exception {
        given(tables.editTable(anyInt(), anyString(), any(), anyString())).willReturn(List.of());

        mvc.perform(put("/api/v1/policies/3/tables/order-checks.drl.csv").principal(COMMITTEE)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"sheet\":\"OrderChecks\",\"table\":\"Limits\",\"rows\":[[\"A\",\"1\"],null]}"))
                .andExpect(status().isOk());
        verify(tables).editTable(3, "order-checks.drl.csv",
                new TableEdit("OrderChecks", "Limits", List.of(List.of("A", "1"), List.of())), "committee1");
    }

    @Test
    void parameters_are_handed_over_in_order_under_the_person() throws Exception {
        mvc.perform(put("/api/v1/policies/3/parameters").principal(COMMITTEE).contentType(MediaType.APPLICATION_JSON)
                        .content("[{\"name\":\"legal.max-days\",\"value\":\"60\",\"unit\":\"days\",\"description\":\"cap\"}]"))
                .andExpect(status().isOk());
        verify(tables).editParameters(3, List.of(new PolicyTables.Parameter("legal.max-days", "60", "days", "cap")),
                "committee1");
    }

    @Test
    void a_version_that_is_not_a_number_or_a_body_that_is_not_a_grid_is_refused() throws Exception {
        mvc.perform(get("/api/v1/policies/latest/tables"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/invalid-field"))
                .andExpect(jsonPath("$.errors[0].field").value("number"));
        mvc.perform(put("/api/v1/policies/3/tables/order-checks.drl.csv").principal(COMMITTEE)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"rows\":\"A,1\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value(400));
        mvc.perform(put("/api/v1/policies/3/parameters").principal(COMMITTEE).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"legal.max-days\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/invalid-field"));
        mvc.perform(put("/api/v1/policies/3/parameters").principal(COMMITTEE).contentType(MediaType.APPLICATION_JSON)
                        .content("[{\"name\":\"legal.max-days\","))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/malformed-json"));
        verifyNoInteractions(tables);
    }

    @Test
    void the_service_problems_reach_the_caller_as_they_are() throws Exception {
        given(tables.of(eq(9), any())).willThrow(Problems.invalidField("number", "no such version"));

        mvc.perform(get("/api/v1/policies/9/tables"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].reason").value("no such version"));
    }
}
