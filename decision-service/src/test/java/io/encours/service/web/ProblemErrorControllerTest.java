package io.encours.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

/** Errors raised in a servlet filter reach /error: the same problems, the exception never repeated. */
class ProblemErrorControllerTest {

    @Test
    void a_filter_exception_is_an_internal_error_problem_without_its_message() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/api/v1/decisions/D-1");
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION,
                new IllegalStateException("io.encours.service.decision.Secret failed"));

        ResponseEntity<ProblemDetail> response = new ProblemErrorController().error(request);

        assertThat(response.getStatusCode().value()).isEqualTo(500);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(response.getBody().getType()).hasToString(Problems.INTERNAL_ERROR);
        assertThat(response.getBody().getInstance()).hasToString("/api/v1/decisions/D-1");
        assertThat(response.getBody().getDetail()).doesNotContain("io.encours", "Secret");
    }

    @Test
    void a_status_sent_by_a_filter_keeps_its_status_and_gets_its_type() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 413);

        ResponseEntity<ProblemDetail> response = new ProblemErrorController().error(request);

        assertThat(response.getStatusCode().value()).isEqualTo(413);
        assertThat(response.getBody().getType()).hasToString(Problems.PAYLOAD_TOO_LARGE);
    }
}
