package io.encours.service.decision;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.encours.service.audit.AuditRecord;
import io.encours.service.audit.AuditRecords;
import io.encours.service.audit.DecisionSummary;
import io.encours.service.audit.Integrity;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** A customer's decision history over HTTP: paging passed through, out-of-range paging refused by name. */
@WebMvcTest(CustomerDecisionsController.class)
@Import(io.encours.service.web.WebSlice.class)
class CustomerDecisionsControllerTest {
    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private DecisionService decisions;

    private final AuditRecord recorded = AuditRecords.anOrderCheck().withRequestId("k-1").build();

    @Test
    void the_history_passes_page_and_size_and_refuses_them_out_of_range() throws Exception {
        DecisionSummary line = new DecisionSummary(recorded.decisionId(), recorded.type(), recorded.outcome(),
                recorded.receivedAt(), recorded.requestId(), recorded.orderId(), recorded.amount(), "EUR", recorded.policy(),
                Integrity.WHOLE);
        given(decisions.history("C-1000", 2, 5)).willReturn(new DecisionPage("C-1000", 2, 5, 11, List.of(line)));

        mvc.perform(get("/api/v1/customers/C-1000/decisions?page=2&size=5"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(11))
                .andExpect(jsonPath("$.decisions[0].outcome").value("REVIEW"));
        mvc.perform(get("/api/v1/customers/C-1000/decisions?size=500"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        verify(decisions, never()).history("C-1000", 0, 500);
    }

    @Test
    void the_page_defaults_to_the_first_twenty() throws Exception {
        given(decisions.history("C-1000", 0, 20)).willReturn(new DecisionPage("C-1000", 0, 20, 0, List.of()));

        mvc.perform(get("/api/v1/customers/C-1000/decisions"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(0));
        verify(decisions).history("C-1000", 0, 20);
    }

    @Test
    void a_negative_page_a_zero_size_or_a_page_that_is_not_a_number_is_refused_by_name() throws Exception {
        mvc.perform(get("/api/v1/customers/C-1000/decisions?page=-1"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/invalid-field"))
                .andExpect(jsonPath("$.errors[0].field").value("page"));
        mvc.perform(get("/api/v1/customers/C-1000/decisions?size=0"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        mvc.perform(get("/api/v1/customers/C-1000/decisions?page=two"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/invalid-field"))
                .andExpect(jsonPath("$.errors[0].field").value("page"));
        verifyNoInteractions(decisions);
    }
}
