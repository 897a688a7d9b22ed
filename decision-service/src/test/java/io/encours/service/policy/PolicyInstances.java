package io.encours.service.policy;

import io.encours.service.EncoursApplication;
import io.encours.service.TestApi;
import io.encours.service.storage.EmbeddedMongo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two service instances on one MongoDB: the first starts the embedded store, the second connects to it
 * through {@code spring.mongodb.uri} as it would to a shared MongoDB. Policy tests change the active
 * version, so they run on these two instances rather than on the context shared by the other tests.
 */
final class PolicyInstances implements AutoCloseable {
    static final String POLL_INTERVAL = "300ms";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final ConfigurableApplicationContext first;
    final ConfigurableApplicationContext second;

    PolicyInstances(Path dataDir) {
        first = start("--encours.storage.data-dir=" + dataDir);
        String uri = first.getBean(EmbeddedMongo.class).connectionString("encours");
        second = start("--spring.mongodb.uri=" + uri);
    }

    private static ConfigurableApplicationContext start(String storage) {
        return new SpringApplicationBuilder(EncoursApplication.class).run("--server.port=0", storage,
                "--spring.profiles.active=test", "--spring.main.banner-mode=off",
                "--encours.policy.poll-interval=" + POLL_INTERVAL);
    }

    static int port(ConfigurableApplicationContext instance) {
        return ((WebServerApplicationContext) instance).getWebServer().getPort();
    }

    @Override
    public void close() {
        second.close();
        first.close();
    }

    /** Waits up to 10 s for {@code condition}; false if it never held. */
    static boolean within10Seconds(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }

    /** A person calling the policy API with HTTP Basic (the test users' password is secret-<name>). */
    record Person(String name, int port) {
        String[] headers() {
            String basic = Base64.getEncoder().encodeToString((name + ":secret-" + name).getBytes(StandardCharsets.UTF_8));
            return new String[] {"Authorization", "Basic " + basic};
        }

        TestApi.Response get(String path) {
            return api().get(path);
        }

        TestApi.Response post(String path, String json) {
            return api().post(path, json);
        }

        private TestApi api() {
            return new TestApi(port).as(name, "secret-" + name);
        }

        HttpResponse<byte[]> download(String path) {
            return send(HttpRequest.newBuilder(uri(path)).GET());
        }

        HttpResponse<byte[]> put(String path, String contentType, byte[] body) {
            return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
        }

        HttpResponse<byte[]> post(String path, String contentType, byte[] body) {
            return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        }

        /** POSTs files as multipart/form-data, each part named "files". */
        HttpResponse<byte[]> upload(String path, Map<String, byte[]> files) {
            String boundary = "policy-" + UUID.randomUUID();
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            files.forEach((name, bytes) -> {
                body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                        + name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                body.writeBytes(bytes);
                body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            });
            body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }

        private HttpResponse<byte[]> send(HttpRequest.Builder request) {
            String[] h = headers();
            for (int i = 0; i < h.length; i += 2) {
                request.setHeader(h[i], h[i + 1]);
            }
            try {
                return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
