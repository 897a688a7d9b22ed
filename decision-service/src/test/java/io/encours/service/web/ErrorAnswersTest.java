package io.encours.service.web;

import static io.encours.service.JsonRequest.orderCheck;
import static org.assertj.core.api.Assertions.assertThat;

import io.encours.service.FullStackTest;
import io.encours.service.TestApi;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error is problem+json with a stable type, including those Tomcat answers before Spring MVC sees the
 * request, and no answer names an internal class or a library setting (issue 12, "Errors and information").
 */
class ErrorAnswersTest extends FullStackTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ORDER_CHECK = "/api/v1/decisions/order-check";

    @LocalServerPort
    private int port;

    @Test
    void an_idempotency_key_with_a_control_character_is_a_bad_request_problem() {
        String body = orderCheck().body();
        RawHttp.Answer answer = RawHttp.send(port, "POST " + ORDER_CHECK + " HTTP/1.1\r\nHost: localhost\r\n"
                + "X-API-Key: " + TestApi.ORDER_SYSTEM_KEY + "\r\nIdempotency-Key: order-\u0001-17\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n"
                + "Connection: close\r\n\r\n" + body);

        assertProblem(answer, 400, Problems.BAD_REQUEST);
    }

    @Test
    void an_encoded_slash_in_a_path_is_a_bad_request_problem() {
        RawHttp.Answer answer = RawHttp.send(port, "GET /api/v1/decisions/D-1%2F..%2Fadmin HTTP/1.1\r\n"
                + "Host: localhost\r\nX-API-Key: " + TestApi.ORDER_SYSTEM_KEY + "\r\nConnection: close\r\n\r\n");

        assertProblem(answer, 400, Problems.BAD_REQUEST);
    }

    @Test
    void a_malformed_request_line_is_a_bad_request_problem() {
        RawHttp.Answer answer = RawHttp.send(port, "GET /api/v1/decisions/{id}|<x> HTTP/1.1\r\n"
                + "Host: localhost\r\nConnection: close\r\n\r\n");

        assertProblem(answer, 400, Problems.BAD_REQUEST);
    }

    @Test
    void trace_is_a_method_not_allowed_problem() {
        RawHttp.Answer answer = RawHttp.send(port, "TRACE / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertProblem(answer, 405, Problems.METHOD_NOT_ALLOWED);
    }

    @Test
    void an_unknown_path_is_a_not_found_problem() {
        RawHttp.Answer answer = RawHttp.send(port, "GET /assets/no-such-file.js HTTP/1.1\r\nHost: localhost\r\n"
                + "Accept: text/html\r\nConnection: close\r\n\r\n");

        assertProblem(answer, 404, Problems.NOT_FOUND);
    }

    @Test
    void a_method_the_path_does_not_take_is_a_method_not_allowed_problem() {
        TestApi.Response response = api().as("committee1", "secret-committee1").send(HttpRequest.newBuilder(
                URI.create(api().url("/api/v1/policies/drafts"))).method("PATCH", HttpRequest.BodyPublishers.noBody()));

        assertProblem(response, 405, Problems.METHOD_NOT_ALLOWED);
    }

    @Test
    void a_body_in_another_content_type_is_an_unsupported_media_type_problem() {
        TestApi.Response response = api().send(HttpRequest.newBuilder(URI.create(api().url(ORDER_CHECK)))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(orderCheck().body())));

        assertProblem(response, 415, Problems.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    void asking_for_html_is_a_not_acceptable_problem_in_json() {
        TestApi.Response response = api().post(ORDER_CHECK, orderCheck().body(), "Accept", "text/html");

        assertProblem(response, 406, Problems.NOT_ACCEPTABLE);
    }

    @Test
    void malformed_json_is_told_by_position_without_library_settings() {
        TestApi.Response response = api().post(ORDER_CHECK, "{\"customer\": {\"id\": \"C-1000\"");

        JsonNode problem = assertProblem(response, 400, Problems.MALFORMED_JSON);
        assertThat(problem.get("detail").asString()).startsWith("The request body is not valid JSON")
                .doesNotContain("Feature", "Source", "REDACTED", "start marker");
        assertThat(problem.get("line").asInt()).isEqualTo(1);
    }

    @Test
    void a_body_of_the_wrong_json_type_names_the_expected_type_not_the_class() {
        TestApi.Response whole = api().post(ORDER_CHECK, "[1, 2]");
        TestApi.Response field = api().post(ORDER_CHECK, orderCheck().withJson("customer", "\"C-1000\"").body());

        JsonNode wholeProblem = assertProblem(whole, 400, Problems.INVALID_FIELD);
        assertThat(wholeProblem.get("errors").get(0).get("field").asString()).isEqualTo("body");
        assertThat(wholeProblem.get("errors").get(0).get("reason").asString()).isEqualTo("a JSON object expected");
        JsonNode fieldProblem = assertProblem(field, 400, Problems.INVALID_FIELD);
        assertThat(fieldProblem.get("errors").get(0).get("field").asString()).isEqualTo("customer");
    }

    @Test
    void an_empty_body_is_a_malformed_json_problem() {
        TestApi.Response response = api().post(ORDER_CHECK, "");

        assertProblem(response, 400, Problems.MALFORMED_JSON);
    }

    @Test
    void json_nested_beyond_the_limit_is_refused_without_naming_the_setting() {
        TestApi.Response response = api().post(ORDER_CHECK, "[".repeat(3000) + "]".repeat(3000));

        JsonNode problem = assertProblem(response, 400, null);
        assertThat(problem.get("detail").asString()).doesNotContain("Constraints", "getMax");
    }

    @Test
    void a_policy_upload_over_its_limits_is_a_policy_upload_too_large_problem() {
        String boundary = "limits-boundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"long.drl.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + "a,b\n".repeat(10_001) + "\r\n--" + boundary + "--\r\n";

        TestApi.Response response = api().as("committee1", "secret-committee1").send(HttpRequest.newBuilder(
                        URI.create(api().url("/api/v1/policies/drafts")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)));

        JsonNode problem = assertProblem(response, 413, Problems.POLICY_UPLOAD_TOO_LARGE);
        assertThat(problem.get("detail").asString()).contains("10001 rows", "10000");
    }

    private static JsonNode assertProblem(RawHttp.Answer answer, int status, String type) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).as(answer.body()).startsWith("application/problem+json");
        return assertProblemBody(answer.body(), status, type);
    }

    private static JsonNode assertProblem(TestApi.Response response, int status, String type) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.contentType()).as(response.text()).startsWith("application/problem+json");
        return assertProblemBody(response.text(), status, type);
    }

    private static JsonNode assertProblemBody(String body, int status, String type) {
        assertThat(body).doesNotContain("<html", "Apache Tomcat", "io.encours", "java.", "tools.jackson", "Exception");
        assertThat(ProblemText.namesInternals(body)).as(body).isFalse();
        JsonNode problem = JSON.readTree(body);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        if (type != null) {
            assertThat(problem.get("type").asString()).isEqualTo(type);
        }
        assertThat(problem.get("title").asString()).isNotBlank();
        return problem;
    }
}
