package io.encours.service.editor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The browser for the editor's browser test, chosen in this order:
 * <ol>
 * <li>the one named by {@code -Dencours.e2e.chromium=<path>} or the {@code CHROMIUM} environment variable;</li>
 * <li>Debian's {@code /usr/bin/chromium};</li>
 * <li>the headless Chromium of the npm package {@code @sparticuz/chromium}, a devDependency of policy-editor that
 * the build's {@code npm ci} fetches from the npm registry, unpacked under policy-editor/target/chromium by
 * {@code policy-editor/e2e/packaged-chromium.mjs}.</li>
 * </ol>
 * {@code -Dencours.e2e.chromium=packaged} forces the third (how a machine without Debian's chromium is tried on
 * one that has it). When none can be had the test fails, saying how to get one: it never skips.
 */
record HeadlessChromium(Path executable, String source, Map<String, String> environment) {
    static final String PROPERTY = "encours.e2e.chromium";
    private static final Path DEBIAN = Path.of("/usr/bin/chromium");

    static HeadlessChromium find(Path editor) throws IOException, InterruptedException {
        String named = System.getProperty(PROPERTY, System.getenv("CHROMIUM"));
        if (named != null && !named.isBlank() && !named.equals("packaged")) {
            Path path = Path.of(named);
            if (!Files.isExecutable(path)) {
                throw new IllegalStateException("the browser named by -D" + PROPERTY + " or CHROMIUM, " + path
                        + ", is not an executable file");
            }
            return new HeadlessChromium(path, "named by -D" + PROPERTY + " or CHROMIUM", Map.of());
        }
        if (!"packaged".equals(named) && Files.isExecutable(DEBIAN)) {
            return new HeadlessChromium(DEBIAN, "Debian's chromium", Map.of());
        }
        return packaged(editor);
    }

    private static HeadlessChromium packaged(Path editor) throws IOException, InterruptedException {
        Process unpack = new ProcessBuilder("node", "e2e/packaged-chromium.mjs").directory(editor.toFile())
                .redirectErrorStream(true).start();
        String out = read(unpack.getInputStream());
        if (!unpack.waitFor(3, TimeUnit.MINUTES) || unpack.exitValue() != 0) {
            unpack.destroyForcibly();
            throw new IllegalStateException("""
                    No browser for the editor's browser test. It uses, in this order: -D%s=<path> or CHROMIUM=<path>; \
                    Debian's /usr/bin/chromium (apt-get install -y chromium); the Chromium of the npm package \
                    @sparticuz/chromium that policy-editor's npm ci fetches (build with -am so that it runs). \
                    Unpacking the npm one failed: %s""".formatted(PROPERTY, out.strip()));
        }
        String[] lines = out.strip().split("\n");
        Path executable = Path.of(lines[lines.length - 1].strip());
        Path home = executable.getParent();
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("FONTCONFIG_PATH", home.resolve("fonts").toString());
        String missing = missingLibraries(executable);
        if (!missing.isEmpty()) {
            // NSS, NSPR and expat as the package ships them, only where the machine has none of its own.
            String current = System.getenv("LD_LIBRARY_PATH");
            environment.put("LD_LIBRARY_PATH", home.resolve("lib") + (current == null ? "" : ":" + current));
        }
        return new HeadlessChromium(executable, "npm package @sparticuz/chromium"
                + (missing.isEmpty() ? "" : " with its own " + missing), Map.copyOf(environment));
    }

    /** The shared libraries the binary needs and the machine lacks, as ldd names them (empty without ldd). */
    private static String missingLibraries(Path executable) throws IOException, InterruptedException {
        Process ldd;
        try {
            ldd = new ProcessBuilder("ldd", executable.toString()).redirectErrorStream(true).start();
        } catch (IOException noLdd) {
            return "";
        }
        String out = read(ldd.getInputStream());
        ldd.waitFor(1, TimeUnit.MINUTES);
        return out.lines().filter(l -> l.contains("not found")).map(l -> l.strip().split("\\s")[0])
                .reduce((a, b) -> a + ", " + b).orElse("");
    }

    private static String read(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public String toString() {
        return executable + " (" + source + ")";
    }
}
