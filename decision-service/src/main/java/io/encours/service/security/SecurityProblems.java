package io.encours.service.security;

import io.encours.service.web.ProblemMessages;
import io.encours.service.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 as RFC 9457 problems, the same shape as every other error of the service. A 401 names the
 * accepted ways to authenticate ({@code WWW-Authenticate}) without saying which credential was wrong.
 */
final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {
    static final String UNAUTHENTICATED = "/problems/unauthenticated";
    static final String FORBIDDEN = "/problems/forbidden";
    static final String PASSWORD_CHANGE_REQUIRED = "/problems/password-change-required";
    static final String TOO_MANY_FAILED_LOGINS = "/problems/too-many-failed-logins";
    private static final Logger log = LoggerFactory.getLogger(SecurityProblems.class);

    private final JsonMapper json;
    private final boolean bearerTokens;

    SecurityProblems(JsonMapper json, boolean bearerTokens) {
        this.json = json;
        this.bearerTokens = bearerTokens;
    }

    static ProblemDetail unauthenticated() {
        return Problems.problem(HttpStatus.UNAUTHORIZED, UNAUTHENTICATED, "Authentication required",
                "Send an X-API-Key header (machine clients) or log in (HTTP Basic"
                        + " or a bearer token); the credentials sent, if any, were not accepted");
    }

    static ProblemDetail forbidden(Authentication who, String reason) {
        if (who != null && who.getAuthorities().stream()
                .anyMatch(a -> PasswordChange.REQUIRED_AUTHORITY.equals(a.getAuthority()))) {
            return Problems.problem(HttpStatus.FORBIDDEN, PASSWORD_CHANGE_REQUIRED, "Password change required",
                    "Your password was set by someone else: change it first with POST /api/v1/admin/me/password");
        }
        return Problems.problem(HttpStatus.FORBIDDEN, FORBIDDEN, "Forbidden",
                reason == null || reason.isBlank() ? "Your roles do not allow this request" : reason);
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        // The policy editor's own calls say so: a Basic challenge would make the browser open its login box.
        if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
            response.addHeader("WWW-Authenticate", "Basic realm=\"encours\"");
        }
        if (bearerTokens) {
            response.addHeader("WWW-Authenticate", "Bearer");
        }
        log.info("request rejected status=401 type={} method={} path={}", UNAUTHENTICATED, request.getMethod(),
                request.getRequestURI());
        write(response, unauthenticated(), request);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        ProblemDetail problem = forbidden(who, null);
        log.info("request rejected status=403 type={} method={} path={} caller={}", problem.getType(),
                request.getMethod(), request.getRequestURI(), who == null ? "-" : who.getName());
        write(response, problem, request);
    }

    /** 429: logins for this user or from this address are locked for a while; says when to try again. */
    void tooManyFailedLogins(HttpServletRequest request, HttpServletResponse response, LoginFailures.Lockout lockout)
            throws IOException {
        long seconds = Math.max(1, lockout.retryAfter().toSeconds() + (lockout.retryAfter().toNanosPart() > 0 ? 1 : 0));
        ProblemDetail problem = Problems.problem(HttpStatus.TOO_MANY_REQUESTS, TOO_MANY_FAILED_LOGINS,
                "Too many failed logins", "Too many failed logins " + ("user".equals(lockout.on())
                        ? "for this user" : "from this address") + ": try again in " + seconds
                        + " seconds, or ask an administrator to unlock the user");
        response.setHeader("Retry-After", Long.toString(seconds));
        log.info("request rejected status=429 type={} method={} path={} on={}", TOO_MANY_FAILED_LOGINS,
                request.getMethod(), request.getRequestURI(), lockout.on());
        write(response, problem, request);
    }

    private void write(HttpServletResponse response, ProblemDetail problem, HttpServletRequest request)
            throws IOException {
        // Written before Spring MVC: the caller's language from the header itself (English without one).
        ProblemMessages.localise(problem, request.getHeader("Accept-Language") == null ? Locale.ENGLISH
                : request.getLocale());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", request.getRequestURI());
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }
}
