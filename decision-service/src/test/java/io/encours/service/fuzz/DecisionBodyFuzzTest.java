package io.encours.service.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.encours.service.FullStackTest;
import io.encours.service.TestApi;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Arrays;

/**
 * Coverage-guided fuzzing of the four decision endpoints through the running service: any body (bytes, not
 * necessarily JSON or UTF-8) must be decided or refused with a problem; a 500 or a non-problem error is a
 * finding. The first byte of an input picks the endpoint, the rest is the body. The normal build replays
 * the saved inputs under {@code src/test/resources/io/encours/service/fuzz/DecisionBodyFuzzTestInputs/};
 * {@code bench/fuzz.sh} fuzzes.
 */
class DecisionBodyFuzzTest extends FullStackTest {
    static final String[] ENDPOINTS = {"order-check", "customer-score", "payment-terms", "dunning"};

    @FuzzTest(maxDuration = "30s")
    void any_decision_body_is_decided_or_refused_with_a_problem(byte[] input) {
        FuzzChecks.allowLocalConnections();
        if (input.length == 0) {
            return;
        }
        String endpoint = ENDPOINTS[Byte.toUnsignedInt(input[0]) % ENDPOINTS.length];
        byte[] body = Arrays.copyOfRange(input, 1, input.length);
        TestApi api = api();

        TestApi.Response response = api.send(HttpRequest.newBuilder(URI.create(api.url("/api/v1/decisions/" + endpoint)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));

        FuzzChecks.assertHandled(response, body, 200, 400, 409, 413, 422);
    }
}
