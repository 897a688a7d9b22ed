package io.encours.service.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.encours.service.deployment.Dockerfile.Instruction;
import io.encours.service.deployment.Dockerfile.Stage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The image's build, reproduced as far as this machine can without a Docker engine (issue 18: the build stage
 * once lacked the policy editor, and nobody could notice). For each stage that the run stage copies from, the
 * test copies exactly what that stage's {@code COPY} lines name from the build context (the repository root),
 * leaving out what {@code Dockerfile.dockerignore} leaves out, into an empty folder standing for the stage's
 * {@code WORKDIR}, runs the stage's {@code RUN} commands there, then checks that everything the run stage copies
 * from it exists.
 *
 * <p>What the machine stands in for: the base image and its {@code COPY --from=<image>} (the JDK), and the
 * {@code RUN} that installs the distribution's packages (Node.js and npm): the machine's own Java 17, Node.js and
 * npm take their place, and {@code ENV} lines are not applied. The build runs offline ({@code MAVEN_ARGS=-o},
 * npm's {@code offline}) on the Maven repository and npm cache that this very build filled, so a file the stage
 * lacks fails here within minutes rather than on the first {@code docker compose up --build}.
 */
class DockerfileBuildStageTest {
    private static final Path CONTEXT = Path.of("..").toAbsolutePath().normalize();
    private static final Path DOCKERFILE = Path.of(System.getProperty("encours.dockerfile",
            CONTEXT.resolve("decision-service/Dockerfile").toString())).toAbsolutePath();
    private static final Path WORK = Path.of("target", "dockerfile-build-stages").toAbsolutePath();
    /** RUN lines that install the distribution's packages: they need the image's package manager. */
    private static final Pattern PACKAGE_INSTALL = Pattern.compile("\\b(apt-get|apt|apk|dnf|yum|microdnf)\\s");

    @Test
    void theBuildStagesBuildTheServiceFromWhatTheyCopyAndTheRunStageFindsWhatItCopies() throws Exception {
        Dockerfile dockerfile = Dockerfile.read(DOCKERFILE);
        DockerIgnore ignore = DockerIgnore.read(Path.of(DOCKERFILE + ".dockerignore"));
        List<Stage> buildStages = dockerfile.buildStages();
        assertThat(buildStages).as("stages that the run stage copies from").isNotEmpty();

        deleteRecursively(WORK);
        for (Stage stage : buildStages) {
            Path root = WORK.resolve(stage.name());
            reproduce(stage, root, ignore);
            for (Instruction copy : dockerfile.last().instructions()) {
                if (copy.keyword().equals("COPY") && stage.isCalled(String.valueOf(copy.flag("from")))) {
                    List<String> words = copy.words();
                    for (String source : words.subList(0, words.size() - 1)) {
                        assertThat(root.resolve(source.replaceAll("^/+", "")))
                                .as("what %s copies from stage %s, after its build", copy, stage.name()).exists();
                    }
                }
            }
        }
        // The page the service serves at / travels in the editor module's jar, in the application layer.
        Path editorJar;
        try (Stream<Path> found = Files.find(WORK, 12, (path, attributes) -> path.toString()
                .matches(".*/extracted/application/BOOT-INF/lib/encours-policy-editor-[^/]*\\.jar"))) {
            editorJar = found.findFirst().orElse(null);
        }
        assertThat(editorJar).as("the policy editor's jar in the image's application layer").isNotNull();
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(editorJar.toFile())) {
            assertThat(jar.getEntry("static/index.html")).as("the editor page in %s", editorJar).isNotNull();
        }
    }

    @Test
    void theImageRunsOnAJreAsAUserWhoIsNotRoot() throws IOException {
        Stage run = Dockerfile.read(DOCKERFILE).last();
        assertThat(run.base()).as("the run stage's base image").contains("jre");
        List<String> users = run.instructions().stream().filter(i -> i.keyword().equals("USER"))
                .map(Instruction::arguments).toList();
        assertThat(users).as("USER lines of the run stage").isNotEmpty();
        assertThat(users.get(users.size() - 1)).isNotIn("root", "0", "0:0");
    }

    private static void reproduce(Stage stage, Path root, DockerIgnore ignore) throws Exception {
        Files.createDirectories(root);
        String workdir = "/";
        for (Instruction instruction : stage.instructions()) {
            switch (instruction.keyword()) {
                case "WORKDIR" -> {
                    workdir = instruction.arguments().startsWith("/") ? instruction.arguments()
                            : workdir + "/" + instruction.arguments();
                    Files.createDirectories(inStage(root, workdir, "."));
                }
                case "COPY", "ADD" -> {
                    if (instruction.flag("from") == null) {
                        copyFromContext(instruction, root, workdir, ignore);
                    }
                }
                case "RUN" -> {
                    if (!PACKAGE_INSTALL.matcher(instruction.arguments()).find()) {
                        run(instruction, root, workdir);
                    }
                }
                default -> {
                    // ENV, ARG, LABEL and the like: the machine's own environment stands in.
                }
            }
        }
    }

    private static void copyFromContext(Instruction copy, Path root, String workdir, DockerIgnore ignore)
            throws IOException {
        List<String> words = copy.words();
        String destination = words.get(words.size() - 1);
        List<String> sources = words.subList(0, words.size() - 1);
        boolean intoFolder = destination.endsWith("/") || sources.size() > 1;
        for (String source : sources) {
            Path from = CONTEXT.resolve(source).normalize();
            String relative = CONTEXT.relativize(from).toString().replace('\\', '/');
            assertThat(from).as("%s names %s, which is not in the build context", copy, source).exists();
            assertThat(ignore.excludes(relative)).as("%s names %s, which Dockerfile.dockerignore leaves out",
                    copy, source).isFalse();
            Path to = inStage(root, workdir, destination);
            if (Files.isDirectory(from)) {
                copyTree(from, to, ignore);
            } else {
                Path target = intoFolder ? to.resolve(from.getFileName()) : to;
                Files.createDirectories(target.getParent());
                Files.copy(from, target, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    private static void copyTree(Path from, Path to, DockerIgnore ignore) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path path : (Iterable<Path>) walk::iterator) {
                String relative = CONTEXT.relativize(path).toString().replace('\\', '/');
                if (ignore.excludes(relative)) {
                    continue;
                }
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void run(Instruction instruction, Path root, String workdir) throws Exception {
        // The stage's absolute paths under / become paths under the folder standing for the stage's root.
        String command = instruction.arguments().replaceAll("(?<![\\w.~:/-])/(?=[\\w.-])",
                java.util.regex.Matcher.quoteReplacement(root.toString() + "/"));
        Path log = root.resolveSibling(root.getFileName() + "-line-" + instruction.line() + ".log");
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", command)
                .directory(inStage(root, workdir, ".").toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        // Nothing of the Maven run that runs this test leaks into the stage's own Maven run.
        List.of("MAVEN_PROJECTBASEDIR", "MAVEN_BASEDIR", "MAVEN_CMD_LINE_ARGS", "MAVEN_HOME", "MAVEN_ARGS")
                .forEach(environment::remove);
        environment.put("MAVEN_ARGS", "-o");
        environment.put("npm_config_offline", "true");
        environment.put("npm_config_audit", "false");
        environment.put("npm_config_fund", "false");
        Process process = builder.start();
        if (!process.waitFor(20, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        assertThat(process.isAlive() ? -1 : process.exitValue())
                .as("%s, run in %s, failed; its output (%s) ends:%n%s", instruction, root, log, tail(log))
                .isZero();
    }

    private static Path inStage(Path root, String workdir, String path) {
        String absolute = path.startsWith("/") ? path : workdir + "/" + path;
        return root.resolve(absolute.replaceAll("^/+", "")).normalize();
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(paths::add);
        }
        for (Path path : paths) {
            Files.delete(path);
        }
    }
}
