package io.encours.service.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A benchmark baseline, not a feature: it parses a JSON body and answers a tiny JSON object through the
 * same web stack (filters, JSON, size limit) as the decision endpoints, but evaluates nothing and records
 * nothing. The throughput of a decision endpoint divided by this one's is the share of the web stack's own
 * limit that decisions reach.
 */
@RestController
@Tag(name = "Benchmark baseline")
class NoopController {
    private static final Map<String, Object> OK = Map.of("ok", true);

    @PostMapping(path = "/api/v1/noop", produces = "application/json")
    @Operation(summary = "No-op JSON endpoint (benchmark baseline)",
            description = "Reads any JSON body and answers {\"ok\":true}. Records nothing; for load-test comparisons only.")
    Map<String, Object> noop(@RequestBody Map<String, Object> body) {
        return OK;
    }
}
