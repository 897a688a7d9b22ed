package io.encours.service.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The accounts API over HTTP: filters and versions are read from the request and passed on, or refused by name
 * before the accounts are touched; an import larger than the limit is refused before it is read.
 */
@WebMvcTest(AccountController.class)
@Import({io.encours.service.web.WebSlice.class, AccountControllerTest.Settings.class})
@TestPropertySource(properties = {"encours.accounts.max-import-size=64B", "encours.accounts.max-page-size=100"})
class AccountControllerTest {
    private static final Principal ANALYST = () -> "ana";

    @TestConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AccountProperties.class)
    static class Settings {
    }

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private CreditAccounts accounts;

    @Test
    void the_list_passes_every_filter_and_the_page_on() throws Exception {
        when(accounts.list(any(), any(), anyInt())).thenReturn(new CreditAccounts.Page(List.of(), "C-9"));

        mvc.perform(get("/api/v1/accounts?status=BLOCKED&riskClass=C&sector=CONSTRUCTION&country=FR&insurer=Allianz"
                        + "&parentAccountId=G-1&reviewDueBefore=2027-01-01&after=C-1&limit=20"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.next").value("C-9"));

        verify(accounts).list(new CreditAccounts.Search(AccountStatus.BLOCKED, "C", "CONSTRUCTION", "FR", "Allianz",
                "G-1", LocalDate.parse("2027-01-01")), "C-1", 20);
    }

    @Test
    void a_page_size_out_of_range_an_unknown_status_or_a_bad_date_is_refused_by_name() throws Exception {
        for (String query : new String[] {"limit=0", "limit=101", "limit=many"}) {
            mvc.perform(get("/api/v1/accounts?" + query))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value("/problems/invalid-field"))
                    .andExpect(jsonPath("$.errors[0].field").value("limit"));
        }
        mvc.perform(get("/api/v1/accounts?status=FROZEN"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        mvc.perform(get("/api/v1/accounts?reviewDueBefore=01/01/2027"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reviewDueBefore"));
        verifyNoInteractions(accounts);
    }

    @Test
    void an_unknown_customer_is_a_404_naming_it() throws Exception {
        when(accounts.get("C-404")).thenThrow(AccountProblems.notFound("C-404"));

        mvc.perform(get("/api/v1/accounts/C-404"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("/problems/account-not-found"))
                .andExpect(jsonPath("$.customerId").value("C-404"));
    }

    @Test
    void the_version_of_a_change_is_read_from_if_match_and_a_malformed_one_is_refused() throws Exception {
        String body = "{\"customerId\":\"C-1\",\"sector\":\"RETAIL\",\"legalForm\":\"SAS\",\"currency\":\"EUR\"}";

        mvc.perform(put("/api/v1/accounts/C-1").principal(ANALYST).header("If-Match", "\"three\"")
                        .contentType("application/json").content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/invalid-field"))
                .andExpect(jsonPath("$.errors[0].field").value("If-Match"));
        verifyNoInteractions(accounts);

        mvc.perform(put("/api/v1/accounts/C-1").principal(ANALYST).header("If-Match", "W/\"3\"")
                .contentType("application/json").content(body));
        verify(accounts).replace(eq("C-1"), eq(3L), any(AccountBody.class), eq("ana"));
    }

    @Test
    void a_merge_patch_reaches_the_accounts_with_its_decimals_exact() throws Exception {
        mvc.perform(patch("/api/v1/accounts/C-1").principal(ANALYST).header("If-Match", "\"2\"")
                .contentType("application/merge-patch+json")
                .content("{\"internalLimit\":{\"amount\":12345678901234567.89},\"standardTermsDays\":45,\"cover\":null}"));

        org.mockito.ArgumentCaptor<tools.jackson.databind.JsonNode> patch =
                org.mockito.ArgumentCaptor.forClass(tools.jackson.databind.JsonNode.class);
        verify(accounts).patch(eq("C-1"), eq(2L), patch.capture(), eq("ana"));
        assertThat(patch.getValue().get("internalLimit").get("amount").decimalValue())
                .isEqualTo(new java.math.BigDecimal("12345678901234567.89"));
        assertThat(patch.getValue().get("standardTermsDays").isInt()).isTrue();
        assertThat(patch.getValue().get("cover").isNull()).isTrue();
    }

    @Test
    void a_merge_patch_with_a_field_twice_is_refused_before_the_accounts_are_asked() throws Exception {
        mvc.perform(patch("/api/v1/accounts/C-1").principal(ANALYST).contentType("application/merge-patch+json")
                        .content("{\"sector\":\"RETAIL\",\"sector\":\"IT\"}"))
                .andExpect(status().isBadRequest());
        verifyNoInteractions(accounts);
    }

    @Test
    void an_import_larger_than_the_limit_is_refused_before_it_is_read() throws Exception {
        mvc.perform(post("/api/v1/accounts/imports?customerId=Code").principal(ANALYST).contentType("text/csv")
                        .content("Code;Name\n" + "C-1;A very long customer name that makes the file too large\n"))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.containsString("problem+json")));
        verifyNoInteractions(accounts);
    }
}
