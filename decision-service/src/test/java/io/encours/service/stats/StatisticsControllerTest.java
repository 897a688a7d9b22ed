package io.encours.service.stats;

import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The overview's counts over HTTP: the number of days is passed on, or refused by name out of 1..366. */
@WebMvcTest(StatisticsController.class)
@Import(io.encours.service.web.WebSlice.class)
class StatisticsControllerTest {
    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private DecisionStatistics statistics;

    @Test
    void the_last_thirty_days_unless_told_otherwise() throws Exception {
        mvc.perform(get("/api/v1/stats/decisions")).andExpect(status().isOk());
        verify(statistics).lastDays(30);

        mvc.perform(get("/api/v1/stats/decisions?days=366")).andExpect(status().isOk());
        verify(statistics).lastDays(366);
    }

    @Test
    void days_out_of_range_or_not_a_number_are_refused_by_name_before_counting() throws Exception {
        for (String days : new String[] {"0", "367", "-5", "a-month"}) {
            mvc.perform(get("/api/v1/stats/decisions?days=" + days))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value("/problems/invalid-field"))
                    .andExpect(jsonPath("$.errors[0].field").value("days"));
        }
        verifyNoInteractions(statistics);
    }
}
