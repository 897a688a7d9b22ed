package io.encours.service.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.BugDetectors;
import io.encours.service.TestApi;
import java.util.regex.Pattern;

/** What every answer to a fuzzed request must be: no 500, and any error a problem that names no class. */
final class FuzzChecks {
    private static final Pattern INTERNAL_NAME = Pattern.compile(
            "\\b(?:io\\.encours|java\\.|tools\\.jackson|org\\.(?:drools|kie|apache|springframework))\\.?|Exception\\b|Feature\\.");

    private FuzzChecks() {
    }

    /**
     * The test calls the service over the loopback interface and the service its embedded store: not the
     * server-side request forgery Jazzer's detector looks for. Any other destination still is one.
     */
    static void allowLocalConnections() {
        BugDetectors.allowNetworkConnections((host, port) -> "localhost".equals(host) || "127.0.0.1".equals(host)
                || "::1".equals(host) || "0:0:0:0:0:0:0:1".equals(host));
    }

    /**
     * {@code sent} is the request's own bytes: a name that the caller sent itself and that the problem repeats
     * (a rejected value) is not a leak; one it did not send is.
     */
    static void assertHandled(TestApi.Response response, byte[] sent, int... allowed) {
        assertThat(response.status()).as(response.text()).isLessThan(500);
        if (allowed.length > 0) {
            assertThat(allowed).as(response.text()).contains(response.status());
        }
        if (response.status() >= 400) {
            assertThat(response.contentType()).as(response.text()).startsWith("application/problem+json");
            String request = new String(sent, java.nio.charset.StandardCharsets.UTF_8)
                    + new String(sent, java.nio.charset.StandardCharsets.ISO_8859_1);
            java.util.regex.Matcher internal = INTERNAL_NAME.matcher(response.text());
            while (internal.find()) {
                assertThat(request).as("%s names %s", response.text(), internal.group()).contains(internal.group());
            }
        }
    }
}
