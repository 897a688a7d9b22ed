package io.encours.service.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.encours.rules.policy.PolicyBundle;
import io.encours.service.FullStackTest;
import io.encours.service.TestApi;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Coverage-guided fuzzing of the policy upload endpoint and the validation behind it: the default policy with
 * one file (CSV table, XLSX table, DRL, manifest) replaced by arbitrary bytes, or an arbitrary zip, is
 * uploaded as a draft and validated. Every answer is a draft, a validation result or a problem; a 500 is a
 * finding. The first byte of an input picks the file, the rest is its content.
 */
class PolicyUploadFuzzTest extends FullStackTest {
    static final String[] FILES = {"policy.zip", "order-checks.drl.csv", "scoring-grid.drl.xlsx", "credit-policy.drl",
            "manifest.properties", "reason-codes.csv"};
    private static final PolicyBundle DEFAULT = PolicyBundle.fromClasspath("policies/credit-policy-fr");
    private static final String BOUNDARY = "fuzz-boundary-7d3c1e";

    @FuzzTest(maxDuration = "30s")
    void any_uploaded_policy_file_is_stored_or_refused_with_a_problem(byte[] input) {
        FuzzChecks.allowLocalConnections();
        if (input.length == 0) {
            return;
        }
        String file = FILES[Byte.toUnsignedInt(input[0]) % FILES.length];
        byte[] content = Arrays.copyOfRange(input, 1, input.length);
        Map<String, byte[]> parts = new LinkedHashMap<>();
        if (file.endsWith(".zip")) {
            parts.put(file, content);
        } else {
            parts.putAll(DEFAULT.files());
            parts.put(file, content);
        }
        TestApi committee = api().as("committee1", "secret-committee1");

        TestApi.Response upload = committee.send(HttpRequest.newBuilder(URI.create(committee.url("/api/v1/policies/drafts")))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(parts))));

        FuzzChecks.assertHandled(upload, content, 201, 400, 413, 422);
        if (upload.status() == 201) {
            int number = upload.json().get("number").asInt();
            TestApi.Response validation = committee.get("/api/v1/policies/" + number + "/validation");
            FuzzChecks.assertHandled(validation, content, 200);
            assertThat(validation.json().has("compiles")).isTrue();
        }
    }

    private static byte[] multipart(Map<String, byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        files.forEach((name, bytes) -> {
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + name
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(bytes);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
