package io.encours.service.editor;

import static org.assertj.core.api.Assertions.assertThat;

import io.encours.service.TestApi;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the editor's browser scripts ({@code policy-editor/e2e/<name>.e2e.mjs}, helpers in
 * {@code e2e/lib.mjs}) in a headless Chromium ({@link HeadlessChromium} says which) against a service on a port,
 * and returns its step log once it has ended with exit code 0. Screenshots go under target/e2e-screenshots
 * ({@code -Dencours.e2e.screenshots=<repository>/docs/screenshots} refreshes the ones the docs show).
 */
final class BrowserScript {
    static final Path EDITOR = Path.of("..", "policy-editor").toAbsolutePath().normalize();
    /** target/ by default, so that a build leaves the tree clean; docs/screenshots when refreshing the docs. */
    static final Path SCREENSHOTS = Path.of(System.getProperty("encours.e2e.screenshots",
            Path.of("target", "e2e-screenshots").toString())).toAbsolutePath().normalize();

    private BrowserScript() {
    }

    static List<String> run(String script, int port) throws IOException, InterruptedException {
        assertThat(EDITOR.resolve("node_modules/playwright-core"))
                .as("playwright-core is installed by the policy-editor module's npm ci: build with -am").exists();
        HeadlessChromium chromium = HeadlessChromium.find(EDITOR);
        System.out.println("[" + script + "] browser: " + chromium);
        ProcessBuilder builder = new ProcessBuilder("node", "e2e/" + script + ".e2e.mjs").directory(EDITOR.toFile())
                .redirectErrorStream(true);
        builder.environment().put("BASE_URL", "http://localhost:" + port);
        builder.environment().put("ORDER_SYSTEM_KEY", TestApi.ORDER_SYSTEM_KEY);
        Files.createDirectories(SCREENSHOTS);
        builder.environment().put("SCREENSHOT_DIR", SCREENSHOTS.toString());
        builder.environment().put("CHROMIUM", chromium.executable().toString());
        builder.environment().putAll(chromium.environment());
        Process process = builder.start();
        List<String> log = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                System.out.println("[" + script + "] " + line);
                log.add(line);
            }
        }
        boolean ended = process.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly();
        }
        assertThat(ended).as("the browser script %s ended within 5 minutes", script).isTrue();
        assertThat(process.exitValue()).as("exit code of %s; its log:%n%s", script, String.join("\n", log)).isZero();
        assertThat(log).noneMatch(l -> l.startsWith("FAILED")).noneMatch(l -> l.contains(": PENDING"))
                .contains("E2E DONE: every step ran");
        return log;
    }
}
