package io.encours.service.hold;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The order-entry system's hold endpoints over HTTP: the hold as it reads now, and the callback URL's checks. */
@WebMvcTest(OrderHoldController.class)
@Import(io.encours.service.web.WebSlice.class)
class OrderHoldControllerTest {
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final UsernamePasswordAuthenticationToken ERP =
            UsernamePasswordAuthenticationToken.authenticated("erp", null, List.of());

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private CreditHolds holds;

    @MockitoBean
    private CallbackTargets targets;

    private static CreditHold released(Instant validUntil) {
        return new CreditHold("h-1", "d-1", "SO-1", "C-1000", new BigDecimal("20000.00"), "EUR", "REVIEW", "B",
                List.of(), HoldStatus.RELEASED, NOW.minusSeconds(7200), "manager", NOW.minusSeconds(3600), "ok",
                validUntil, new BigDecimal("20000.00"));
    }

    @Test
    void the_latest_hold_of_an_order_is_read_with_its_callback() throws Exception {
        given(holds.now()).willReturn(NOW);
        given(holds.latestForOrder("SO-1")).willReturn(Optional.of(released(NOW.plusSeconds(3600))));
        given(holds.callbackOf("SO-1")).willReturn(Optional.of("https://erp.example.com/holds"));

        mvc.perform(get("/api/v1/orders/SO-1/hold"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RELEASED"))
                .andExpect(jsonPath("$.callbackUrl").value("https://erp.example.com/holds"));
    }

    @Test
    void a_release_past_its_validity_reads_as_expired() throws Exception {
        given(holds.now()).willReturn(NOW);
        given(holds.latestForOrder("SO-1")).willReturn(Optional.of(released(NOW.minusSeconds(1))));
        given(holds.callbackOf("SO-1")).willReturn(Optional.empty());

        mvc.perform(get("/api/v1/orders/SO-1/hold"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("EXPIRED"));
    }

    @Test
    void an_order_without_a_hold_is_a_404_problem() throws Exception {
        given(holds.latestForOrder("SO-9")).willReturn(Optional.empty());

        mvc.perform(get("/api/v1/orders/SO-9/hold"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("/problems/hold-not-found"));
    }

    @Test
    void a_checked_callback_url_is_registered_stripped_by_post_or_put_under_the_caller() throws Exception {
        mvc.perform(post("/api/v1/orders/SO-1/hold/callback").principal(ERP).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\":\" https://erp.example.com/holds \"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.orderId").value("SO-1"))
                .andExpect(jsonPath("$.url").value("https://erp.example.com/holds"));
        mvc.perform(put("/api/v1/orders/SO-2/hold/callback").principal(ERP).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\":\"https://erp.example.com/holds\"}"))
                .andExpect(status().isOk());

        verify(targets, times(2)).check("https://erp.example.com/holds");
        verify(holds).registerCallback("SO-1", "https://erp.example.com/holds", "erp");
        verify(holds).registerCallback("SO-2", "https://erp.example.com/holds", "erp");
    }

    @Test
    void a_missing_too_long_or_refused_url_is_refused_by_name_and_nothing_is_registered() throws Exception {
        given(targets.check("https://intranet.example.com/x"))
                .willThrow(new CallbackTargets.Refused("is not on the callback allowlist"));
        String[] bodies = {"", "{}", "{\"url\":\"  \"}",
                "{\"url\":\"https://erp.example.com/" + "x".repeat(2000) + "\"}",
                "{\"url\":\"https://intranet.example.com/x\"}"};
        for (String body : bodies) {
            mvc.perform(post("/api/v1/orders/SO-1/hold/callback").principal(ERP)
                            .contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value("/problems/invalid-field"))
                    .andExpect(jsonPath("$.errors[0].field").value("url"));
        }
        mvc.perform(post("/api/v1/orders/SO-1/hold/callback").principal(ERP).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\":\"https://intranet.example.com/x\"}"))
                .andExpect(jsonPath("$.errors[0].reason").value("is not on the callback allowlist"));
        verify(holds, never()).registerCallback(anyString(), anyString(), any());
    }
}
