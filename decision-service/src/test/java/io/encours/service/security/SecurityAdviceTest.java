package io.encours.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** A refusal raised inside a feature (not by the URL map) is the same problem as the filter chain's. */
class SecurityAdviceTest {
    private final SecurityAdvice advice = new SecurityAdvice();
    private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/policies/3/approve");

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void an_access_denied_exception_from_a_service_is_a_403_problem_with_its_reason() {
        signIn("committee1", "ROLE_CREDIT_COMMITTEE");

        ResponseEntity<ProblemDetail> response = advice.forbidden(
                new AccessDeniedException("You wrote version 3: another member must approve it"), request);

        assertThat(response.getStatusCode().value()).isEqualTo(403);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().getType()).hasToString("/problems/forbidden");
        assertThat(response.getBody().getDetail()).isEqualTo("You wrote version 3: another member must approve it");
        assertThat(response.getBody().getInstance()).hasToString("/api/v1/policies/3/approve");
    }

    @Test
    void a_person_who_must_change_their_password_is_told_so() {
        signIn("a.martin", PasswordChange.REQUIRED_AUTHORITY);

        ResponseEntity<ProblemDetail> response = advice.forbidden(new AccessDeniedException("Access Denied"), request);

        assertThat(response.getBody().getType()).hasToString("/problems/password-change-required");
    }

    @Test
    void an_authentication_exception_is_a_401_problem() {
        ResponseEntity<ProblemDetail> response = advice.unauthenticated(new BadCredentialsException("bad"), request);

        assertThat(response.getStatusCode().value()).isEqualTo(401);
        assertThat(response.getBody().getType()).hasToString("/problems/unauthenticated");
    }

    private static void signIn(String name, String authority) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                name, null, List.of(new SimpleGrantedAuthority(authority))));
    }
}
