package io.encours.service.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What the service knows about a request before reading its body: when it arrived (the start of a
 * decision's total duration), its request id and its caller. Puts the request id in the logging context
 * so every log line of the request carries it, and clears the context afterwards.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestContext extends OncePerRequestFilter {
    /** The caller's request id: the same id and payload return the recorded decision. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** Who calls, until callers authenticate: an application name such as "erp-sales". */
    public static final String CALLER = "X-Caller";
    public static final String ANONYMOUS = "anonymous";
    /** Logging-context keys. */
    public static final String MDC_REQUEST_ID = "requestId";
    public static final String MDC_DECISION_ID = "decisionId";
    /** What a request id or caller name must look like, for error messages. */
    public static final String TOKEN_RULE = "must be 1 to 128 letters, digits or . _ : - starting with a letter or digit";

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    private static final String ARRIVAL = RequestContext.class.getName() + ".arrival";

    /** When a request arrived, by the wall clock (recorded) and by the monotonic clock (durations). */
    public record Arrival(Instant at, long nanos) {
    }

    private final Clock clock;

    public RequestContext(Clock clock) {
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // Milliseconds: the precision of a BSON date, so the answer and the record show the same instant.
        request.setAttribute(ARRIVAL, new Arrival(clock.instant().truncatedTo(ChronoUnit.MILLIS), System.nanoTime()));
        String requestId = request.getHeader(IDEMPOTENCY_KEY);
        if (requestId != null && isToken(requestId)) {
            MDC.put(MDC_REQUEST_ID, requestId);
        }
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_REQUEST_ID);
            MDC.remove(MDC_DECISION_ID);
        }
    }

    public static Arrival arrival(HttpServletRequest request) {
        Object arrival = request.getAttribute(ARRIVAL);
        return arrival instanceof Arrival a ? a : new Arrival(Instant.now(), System.nanoTime());
    }

    /** Request ids and caller names: 1 to 128 letters, digits or {@code . _ : -}, safe to log and store. */
    public static boolean isToken(String value) {
        return TOKEN.matcher(value).matches();
    }
}
