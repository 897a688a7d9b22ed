package io.encours.service.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The ledger API over HTTP: a batch must be a JSON array within the batch size, its amounts reach the ledger as
 * exact decimals, and paging and dates are refused by name before the ledger is asked.
 */
@WebMvcTest(LedgerController.class)
@Import({io.encours.service.web.WebSlice.class, LedgerControllerTest.Settings.class})
@TestPropertySource(properties = {"encours.ledger.max-batch-size=2", "encours.ledger.max-page-size=50"})
class LedgerControllerTest {

    @TestConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties(LedgerProperties.class)
    static class Settings {
    }

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private Ledger ledger;

    @Test
    void a_batch_reaches_the_ledger_with_its_amounts_as_exact_decimals() throws Exception {
        when(ledger.record(any())).thenReturn(List.of());

        mvc.perform(post("/api/v1/ledger/events").contentType("application/json")
                        .content("[{\"eventId\":\"E-1\",\"type\":\"PAYMENT_RECEIVED\",\"amount\":1234567890123456.78,"
                                + "\"allocations\":[{\"invoiceId\":\"I-1\",\"amount\":0.1}]}]"))
                .andExpect(status().isOk());

        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<Map<String, Object>>> batch = ArgumentCaptor.forClass(List.class);
        verify(ledger).record(batch.capture());
        Map<String, Object> event = batch.getValue().get(0);
        // a double would have made it 1234567890123456.8
        assertThat((BigDecimal) event.get("amount")).isEqualByComparingTo("1234567890123456.78");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> allocations = (List<Map<String, Object>>) event.get("allocations");
        assertThat((BigDecimal) allocations.get(0).get("amount")).isEqualByComparingTo("0.1");
    }

    @Test
    void a_body_that_is_no_json_array_or_a_batch_over_the_size_is_refused_before_the_ledger_is_asked()
            throws Exception {
        for (String body : new String[] {"{\"eventId\":\"E-1\"}", "[{\"eventId\":"}) {
            mvc.perform(post("/api/v1/ledger/events").contentType("application/json").content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value("/problems/invalid-field"))
                    .andExpect(jsonPath("$.errors[0].field").value("body"));
        }
        mvc.perform(post("/api/v1/ledger/events").contentType("application/json").content("[{},{},{}]"))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.type").value("/problems/ledger-batch-too-large"))
                .andExpect(jsonPath("$.maxBatchSize").value(2));
        verifyNoInteractions(ledger);
    }

    @Test
    void the_exposure_of_a_customer_without_an_account_is_a_404_naming_it_and_a_bad_date_is_named() throws Exception {
        when(ledger.read(eq("C-404"), eq(LocalDate.parse("2026-01-10")), any())).thenReturn(Optional.empty());

        mvc.perform(get("/api/v1/accounts/C-404/exposure?asOf=2026-01-10"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("/problems/account-not-found"))
                .andExpect(jsonPath("$.customerId").value("C-404"));

        mvc.perform(get("/api/v1/accounts/C-1/exposure?asOf=10/01/2026"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("asOf"));
    }

    @Test
    void a_page_of_events_out_of_range_is_refused_by_name() throws Exception {
        for (String limit : new String[] {"0", "51", "all"}) {
            mvc.perform(get("/api/v1/accounts/C-1/ledger/events?limit=" + limit))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value("/problems/invalid-field"))
                    .andExpect(jsonPath("$.errors[0].field").value("limit"));
        }
        verifyNoInteractions(ledger);
    }
}
