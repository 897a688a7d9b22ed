package io.encours.service.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.encours.service.JsonRequest;
import io.encours.service.audit.AuditRecord;
import io.encours.service.audit.AuditRecords;
import io.encours.service.audit.CheckedRecord;
import io.encours.service.audit.Integrity;
import io.encours.service.web.Problems;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The HTTP edge of decisions on its own: mapping of bodies and headers to the service, answers in the
 * caller's language, and problems for everything refused before the service is asked.
 */
@WebMvcTest(DecisionController.class)
@Import(io.encours.service.web.WebSlice.class)
class DecisionControllerTest {
    private static final String ORDER_CHECK = "/api/v1/decisions/order-check";

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private DecisionService decisions;

    private final AuditRecord recorded = AuditRecords.anOrderCheck().withRequestId("k-1").build();

    @Test
    void an_order_check_is_parsed_handed_over_and_answered_in_french() throws Exception {
        given(decisions.decide(any(), any())).willReturn(new DecisionService.Decided(recorded, false));

        mvc.perform(post(ORDER_CHECK).contentType(MediaType.APPLICATION_JSON).content(JsonRequest.orderCheck().body())
                        .header("Idempotency-Key", "k-1").header("X-Caller", "erp-sales").header("Accept-Language", "fr"))
                .andExpect(status().isOk())
                .andExpect(header().string("Location", "/api/v1/decisions/" + recorded.decisionId()))
                .andExpect(header().string("Content-Language", "fr"))
                .andExpect(header().doesNotExist("Idempotent-Replayed"))
                .andExpect(jsonPath("$.outcome").value("REVIEW"))
                .andExpect(jsonPath("$.reasons[0].message").value("Limite dépassée de 10001.00 EUR."))
                .andExpect(jsonPath("$.reasons[0].source.table").value("OrderChecks"))
                .andExpect(jsonPath("$.uninsuredShare").value(10001.00))
                .andExpect(jsonPath("$.dunningStep").doesNotExist());

        ArgumentCaptor<DecisionBody> body = ArgumentCaptor.forClass(DecisionBody.class);
        ArgumentCaptor<DecisionService.Call> call = ArgumentCaptor.forClass(DecisionService.Call.class);
        verify(decisions).decide(body.capture(), call.capture());
        assertThat(body.getValue()).isInstanceOf(OrderCheckBody.class);
        assertThat(body.getValue().amount()).isEqualByComparingTo("20000.00");
        assertThat(body.getValue().customer().creditAccount().insurer()).isEqualTo("Allianz Trade");
        assertThat(call.getValue().requestId()).isEqualTo("k-1");
        assertThat(call.getValue().caller()).isEqualTo("erp-sales");
        assertThat(call.getValue().arrival().at()).isNotNull();
    }

    @Test
    void without_headers_the_caller_is_anonymous_and_the_service_picks_the_request_id() throws Exception {
        given(decisions.decide(any(), any())).willReturn(new DecisionService.Decided(recorded, false));

        mvc.perform(post(ORDER_CHECK).contentType(MediaType.APPLICATION_JSON).content(JsonRequest.orderCheck().body()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Language", "en"));

        ArgumentCaptor<DecisionService.Call> call = ArgumentCaptor.forClass(DecisionService.Call.class);
        verify(decisions).decide(any(), call.capture());
        assertThat(call.getValue().requestId()).isNull();
        assertThat(call.getValue().caller()).isEqualTo("anonymous");
    }

    @Test
    void a_replay_says_so() throws Exception {
        given(decisions.decide(any(), any())).willReturn(new DecisionService.Decided(recorded, true));

        mvc.perform(post(ORDER_CHECK).contentType(MediaType.APPLICATION_JSON).content(JsonRequest.orderCheck().body())
                        .header("Idempotency-Key", "k-1"))
                .andExpect(status().isOk())
                .andExpect(header().string("Idempotent-Replayed", "true"));
    }

    @Test
    void a_caller_name_that_is_not_a_token_is_refused_before_deciding() throws Exception {
        mvc.perform(post(ORDER_CHECK).contentType(MediaType.APPLICATION_JSON).content(JsonRequest.orderCheck().body())
                        .header("X-Caller", "erp sales\r\nforged: log line"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("X-Caller"));
        verifyNoInteractions(decisions);
    }

    @Test
    void every_invalid_field_is_listed_in_order() throws Exception {
        String body = JsonRequest.orderCheck().with("order.currency", "eur").with("order.amount", -1)
                .with("customer.externalRating.score", 150).body();

        mvc.perform(post(ORDER_CHECK).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(Problems.INVALID_FIELD))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains(
                        "customer.externalRating.score", "order.amount", "order.currency")));
        verifyNoInteractions(decisions);
    }

    @Test
    void a_declared_content_length_over_the_limit_is_refused_unread() throws Exception {
        mvc.perform(post(ORDER_CHECK).contentType(MediaType.APPLICATION_JSON)
                        .content("x".repeat(70_000)))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.type").value(Problems.PAYLOAD_TOO_LARGE));
        verifyNoInteractions(decisions);
    }

    @Test
    void an_audit_failure_is_a_503_problem_without_a_decision() throws Exception {
        given(decisions.decide(any(), any())).willThrow(Problems.auditUnavailable(new IllegalStateException("disk")));

        mvc.perform(post(ORDER_CHECK).contentType(MediaType.APPLICATION_JSON).content(JsonRequest.orderCheck().body()))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.type").value(Problems.AUDIT_UNAVAILABLE))
                .andExpect(jsonPath("$.outcome").doesNotExist());
    }

    @Test
    void an_unexpected_error_is_a_500_problem_that_gives_nothing_away() throws Exception {
        given(decisions.decide(any(), any())).willThrow(new IllegalStateException("secret internals"));

        mvc.perform(post(ORDER_CHECK).contentType(MediaType.APPLICATION_JSON).content(JsonRequest.orderCheck().body()))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.type").value(Problems.INTERNAL_ERROR))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("secret"))));
    }

    @Test
    void a_recorded_decision_is_read_by_id() throws Exception {
        given(decisions.find(recorded.decisionId())).willReturn(Optional.of(new CheckedRecord(recorded, Integrity.WHOLE)));

        mvc.perform(get("/api/v1/decisions/" + recorded.decisionId()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decisionId").value(recorded.decisionId()))
                .andExpect(jsonPath("$.reasons[0].message").value("Over the limit by 10001.00 EUR."));
    }

    @Test
    void an_unknown_decision_is_a_404_problem() throws Exception {
        given(decisions.find("nope")).willReturn(Optional.empty());

        mvc.perform(get("/api/v1/decisions/nope"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value(Problems.DECISION_NOT_FOUND));
    }

    @Test
    void the_wrong_method_is_a_405_problem() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/decisions/x"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(jsonPath("$.type").value(Problems.METHOD_NOT_ALLOWED));
    }
}
