package io.encours.service.hold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.encours.rules.policy.DefaultPolicy;
import io.encours.service.audit.AuditTrail;
import io.encours.service.policy.ActivePolicy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Credit staff's hold endpoints over HTTP: list filters and sorting, the mandatory comment, and the person and
 * roles handed to the release or rejection. The policy in force is the real default policy (its delegation
 * table names the roles that carry authority).
 */
@WebMvcTest(HoldController.class)
@Import({io.encours.service.web.WebSlice.class, HoldControllerTest.DefaultPolicyInForce.class})
class HoldControllerTest {
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final UsernamePasswordAuthenticationToken MANAGER =
            UsernamePasswordAuthenticationToken.authenticated("manager", null, List.of());

    @TestConfiguration(proxyBeanMethods = false)
    static class DefaultPolicyInForce {
        @Bean
        ActivePolicy activePolicy() {
            return new ActivePolicy(DefaultPolicy.compile(), Clock.systemUTC());
        }
    }

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private CreditHolds holds;

    @MockitoBean
    private AuditTrail auditTrail;

    private static CreditHold hold(HoldStatus status) {
        return new CreditHold("h-1", "d-1", "SO-1", "C-1000", new BigDecimal("20000.00"), "EUR", "REVIEW", "B",
                List.of("LIMIT_EXCEEDED"), status, NOW.minusSeconds(3600), null, null, null, null, null);
    }

    @BeforeEach
    void now() {
        given(holds.now()).willReturn(NOW);
    }

    @Test
    void the_list_passes_filters_sort_and_page_to_the_search() throws Exception {
        given(holds.search(any())).willReturn(new CreditHolds.Page(1, 5, 6, List.of(hold(HoldStatus.OPEN))));

        mvc.perform(get("/api/v1/holds?status=OPEN&customerId=C-1000&outcome=REVIEW&minAmount=100.50"
                        + "&maxAmount=50000&sort=amount&direction=desc&page=1&size=5"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(6))
                .andExpect(jsonPath("$.holds[0].holdId").value("h-1"));

        ArgumentCaptor<CreditHolds.Search> search = ArgumentCaptor.forClass(CreditHolds.Search.class);
        verify(holds).search(search.capture());
        assertThat(search.getValue()).isEqualTo(new CreditHolds.Search(HoldStatus.OPEN, "C-1000", "REVIEW",
                new BigDecimal("100.50"), new BigDecimal("50000"), "amount", true, 1, 5));
    }

    @Test
    void an_unknown_sort_direction_status_amount_or_page_size_is_refused_by_name() throws Exception {
        String[][] cases = {{"sort=customer", "sort"}, {"direction=up", "direction"}, {"status=PENDING", "status"},
                {"minAmount=lots", "minAmount"}, {"size=101", "size"}, {"page=-1", "page"}};
        for (String[] c : cases) {
            mvc.perform(get("/api/v1/holds?" + c[0]))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value("/problems/invalid-field"))
                    .andExpect(jsonPath("$.errors[0].field").value(c[1]));
        }
        verify(holds, never()).search(any());
    }

    @Test
    void a_release_hands_over_the_person_the_roles_that_carry_authority_and_the_stripped_comment() throws Exception {
        given(holds.release(eq("h-1"), any(), anyString())).willReturn(hold(HoldStatus.RELEASED));

        mvc.perform(post("/api/v1/holds/h-1/release").principal(MANAGER)
                        .with(request -> {
                            request.addUserRole("CREDIT_MANAGER");
                            request.addUserRole("AUDITOR");
                            return request;
                        })
                        .contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"  guarantee received  \"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RELEASED"));

        verify(holds).release("h-1", new CreditHolds.Person("manager", List.of("CREDIT_MANAGER")), "guarantee received");
    }

    @Test
    void a_release_or_rejection_without_a_comment_or_with_a_too_long_one_is_refused_by_name() throws Exception {
        for (String body : new String[] {"", "{}", "{\"comment\":\"   \"}", "{\"comment\":\"" + "x".repeat(2001) + "\"}"}) {
            for (String action : new String[] {"release", "reject"}) {
                mvc.perform(post("/api/v1/holds/h-1/" + action).principal(MANAGER)
                                .contentType(MediaType.APPLICATION_JSON).content(body))
                        .andExpect(status().isBadRequest())
                        .andExpect(jsonPath("$.type").value("/problems/invalid-field"))
                        .andExpect(jsonPath("$.errors[0].field").value("comment"));
            }
        }
        verify(holds, never()).release(any(), any(), any());
        verify(holds, never()).reject(any(), any(), any());
    }

    @Test
    void a_rejection_is_handed_over_as_such() throws Exception {
        given(holds.reject(eq("h-1"), any(), anyString())).willReturn(hold(HoldStatus.REJECTED));

        mvc.perform(post("/api/v1/holds/h-1/reject").principal(MANAGER)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"no guarantee\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REJECTED"));
        verify(holds).reject("h-1", new CreditHolds.Person("manager", List.of()), "no guarantee");
    }

    @Test
    void one_hold_is_shown_with_its_actions_and_an_unknown_one_is_a_404_problem() throws Exception {
        given(holds.find("h-1")).willReturn(Optional.of(hold(HoldStatus.OPEN)));
        given(holds.actionsOf("h-1")).willReturn(List.of());
        given(auditTrail.find("d-1")).willReturn(Optional.empty());
        given(holds.find("nope")).willReturn(Optional.empty());

        mvc.perform(get("/api/v1/holds/h-1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.hold.holdId").value("h-1"))
                .andExpect(jsonPath("$.actions").isEmpty())
                .andExpect(jsonPath("$.authority.limit").value(0))
                .andExpect(jsonPath("$.authority.allowed").value(false));
        mvc.perform(get("/api/v1/holds/nope"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("/problems/hold-not-found"));
    }
}
