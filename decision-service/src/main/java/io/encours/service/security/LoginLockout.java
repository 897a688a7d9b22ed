package io.encours.service.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In front of the password check: a username or an address locked by {@link LoginFailures} gets 429 with
 * {@code Retry-After} before any password is looked at; a password login answered 401 counts as a failure.
 * The address is the connection's (a proxy in front must not be trusted to name it).
 */
class LoginLockout extends OncePerRequestFilter {
    private static final Logger log = LoggerFactory.getLogger(LoginLockout.class);

    private final LoginFailures failures;
    private final SecurityProblems problems;

    LoginLockout(LoginFailures failures, SecurityProblems problems) {
        this.failures = failures;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String username = basicUsername(request.getHeader("Authorization"));
        if (username == null) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        Optional<LoginFailures.Lockout> lockout;
        try {
            lockout = failures.lockout(username, address);
        } catch (DataAccessException | com.mongodb.MongoException e) {
            // The accounts are in the same store: the password check fails closed on its own.
            lockout = Optional.empty();
        }
        if (lockout.isPresent()) {
            problems.tooManyFailedLogins(request, response, lockout.get());
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            try {
                failures.recordFailure(username, address);
            } catch (DataAccessException | com.mongodb.MongoException e) {
                log.warn("failed login not counted user={} address={}: {}", username, address, e.getMessage());
            }
        }
    }

    /** The username of an HTTP Basic header; null when there is none or it cannot be read. */
    static String basicUsername(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
