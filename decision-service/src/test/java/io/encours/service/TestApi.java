package io.encours.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP client of the running service, for full-stack tests. It calls as the test order-entry system
 * (API key {@code test-order-system-key}, see application-test.properties) unless told otherwise:
 * {@code api().as("auditor", "secret-auditor")}, {@code api().anonymous()}.
 */
public final class TestApi {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A response: status, headers and the body as JSON (a missing node when the body is not JSON). */
    public record Response(int status, java.net.http.HttpHeaders headers, String text) {
        public JsonNode json() {
            return text.isBlank() ? JSON.missingNode() : JSON.readTree(text);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }
    }

    public static final String ORDER_SYSTEM_KEY = "test-order-system-key";

    private final String base;
    private final String[] credentials;

    public TestApi(int port) {
        this("http://localhost:" + port, "X-API-Key", ORDER_SYSTEM_KEY);
    }

    private TestApi(String base, String... credentials) {
        this.base = base;
        this.credentials = credentials;
    }

    /** The same service, called with HTTP Basic as {@code username}. */
    public TestApi as(String username, String password) {
        String basic = java.util.Base64.getEncoder().encodeToString(
                (username + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new TestApi(base, "Authorization", "Basic " + basic);
    }

    /** The same service, called with another API key. */
    public TestApi withApiKey(String key) {
        return new TestApi(base, "X-API-Key", key);
    }

    /** The same service, called without credentials. */
    public TestApi anonymous() {
        return new TestApi(base);
    }

    /** POSTs a JSON body; {@code headers} are name, value pairs. */
    public Response post(String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return send(request, headers);
    }

    public Response get(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), headers);
    }

    public Response send(HttpRequest.Builder request, String... headers) {
        for (int i = 0; i < credentials.length; i += 2) {
            request.setHeader(credentials[i], credentials[i + 1]);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String url(String path) {
        return base + path;
    }
}
