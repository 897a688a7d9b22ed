package io.encours.service.replay;

import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.encours.rules.policy.DefaultPolicy;
import io.encours.service.JsonRequest;
import io.encours.service.decision.DecisionProperties;
import io.encours.service.web.Problems;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Trying a request against a version over HTTP, with the real default policy compiled: the body is checked as
 * the decision endpoint checks it, each invalid field named under {@code request.}, before and after the
 * version is known (its currency and vocabulary).
 */
@WebMvcTest(PolicyTrialController.class)
@Import({io.encours.service.web.WebSlice.class, PolicyTrialControllerTest.DecisionSettings.class})
class PolicyTrialControllerTest {
    @TestConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties(DecisionProperties.class)
    static class DecisionSettings {
    }

    private static final String PATH = "/api/v1/policies/2/evaluate";

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private CompiledVersions versions;

    @BeforeEach
    void theDefaultPolicyAsVersionTwo() {
        given(versions.byNumber(2)).willReturn(new CompiledVersion(2, "v2", "hash-2", DefaultPolicy.compile()));
    }

    private static String trial(String type, JsonRequest request) {
        return "{\"type\":\"" + type + "\",\"request\":" + request.body() + "}";
    }

    @Test
    void a_valid_request_is_evaluated_by_the_version_asked_for() throws Exception {
        mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON).content(trial("ORDER_CHECK", JsonRequest.orderCheck())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").exists())
                .andExpect(jsonPath("$.policyVersion").exists());
        verify(versions).byNumber(2);
    }

    @Test
    void a_wire_format_error_is_named_under_request_before_the_version_is_looked_up() throws Exception {
        mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON)
                        .content(trial("ORDER_CHECK", JsonRequest.orderCheck().with("order.amount", -5))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/invalid-field"))
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.contains("request.order.amount")));
        mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON).content("{\"request\":" + JsonRequest.orderCheck().body() + "}"))
                .andExpect(status().isBadRequest());
        verify(versions, never()).byNumber(anyInt());
    }

    @Test
    void a_currency_the_version_does_not_use_is_named_under_request() throws Exception {
        mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON)
                        .content(trial("ORDER_CHECK", JsonRequest.orderCheck().with("order.currency", "USD"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/invalid-field"))
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.contains("request.order.currency")));
    }

    @Test
    void a_body_of_another_type_is_refused() throws Exception {
        mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON).content(trial("ORDER_CHECK", JsonRequest.dunning())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value(400));
    }

    @Test
    void the_version_lookup_problems_reach_the_caller() throws Exception {
        given(versions.byNumber(9)).willThrow(Problems.invalidField("number", "no such version"));

        mvc.perform(post("/api/v1/policies/9/evaluate").contentType(MediaType.APPLICATION_JSON)
                        .content(trial("ORDER_CHECK", JsonRequest.orderCheck())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("number"));
    }
}
