package io.encours.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Every problem the service answers can be said in English and in French: each type has a title in both bundles,
 * each code the catalogues raise has its texts in both, and both bundles name the same placeholders.
 */
class ProblemMessagesTest {
    private static final Path MAIN = Path.of("src", "main", "java");
    /** A code as the catalogues pass it to ProblemMessages.coded or entry: a literal with a hyphen. */
    private static final Pattern CODED_CALL = Pattern.compile("ProblemMessages\\.(coded|entry)\\(([^;]*);", Pattern.DOTALL);
    private static final Pattern CODE = Pattern.compile("\"([a-z]+-[a-z0-9.-]+)\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_.]+)}");
    /** The kinds of scenario failure ({@code ScenarioFailure}), each coded {@code scenario.<kind>}. */
    private static final List<String> SCENARIO_KINDS = List.of("mismatch", "reason-absent", "reason-expected",
            "cannot-evaluate", "other");

    private final Properties english = load("messages.properties");
    private final Properties french = load("messages_fr.properties");

    @Test
    void every_problem_type_has_a_title_in_english_and_in_french() {
        assertThat(types()).isNotEmpty().allSatisfy(type -> {
            String key = type.substring("/problems/".length()) + ".title";
            assertThat(english).as("English title of %s", type).containsKey(key);
            assertThat(french).as("French title of %s", type).containsKey(key);
        });
    }

    @Test
    void every_code_the_catalogues_raise_has_its_texts_in_english_and_in_french() throws IOException {
        Set<String> codes = codes();
        SCENARIO_KINDS.forEach(kind -> codes.add("scenario." + kind));

        assertThat(codes).contains("beyond-authority", "policy-invalid.scenarios", "scenario-failure")
                .allSatisfy(code -> {
                    boolean problem = english.containsKey(code + ".detail");
                    String key = problem ? code + ".detail" : code;
                    assertThat(english).as("English text of %s", code).containsKey(key);
                    assertThat(french).as("French text of %s", code).containsKey(key);
                });
    }

    @Test
    void both_bundles_have_the_same_keys_and_placeholders() {
        assertThat(french.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        assertThat(english.stringPropertyNames()).allSatisfy(key -> assertThat(placeholders(french.getProperty(key)))
                .as("placeholders of %s", key).isEqualTo(placeholders(english.getProperty(key))));
    }

    @Test
    void a_coded_problem_is_said_in_french_with_its_amounts_in_french_digits() {
        ProblemDetail problem = Problems.problem(HttpStatus.FORBIDDEN, "/problems/beyond-authority", "x", "y");
        ProblemMessages.coded(problem, "beyond-authority", Map.of("amount", new BigDecimal("40000.00"), "currency",
                "EUR", "roles", List.of("CREDIT_ANALYST"), "limit", new BigDecimal("25000")));

        ProblemMessages.localise(problem, Locale.FRANCE);

        assertThat(problem.getTitle()).isEqualTo("Au-delà de votre délégation");
        assertThat(problem.getDetail()).startsWith("Libérer 40 000 EUR demande une délégation plus élevée : "
                + "l'analyste crédit peut libérer jusqu'à 25 000 EUR");
    }

    @Test
    void a_problem_without_a_code_keeps_its_english_texts_and_gets_the_type_title_in_french() {
        ProblemDetail en = Problems.problem(HttpStatus.NOT_FOUND, "/problems/hold-not-found", "Hold not found", "No hold 7");
        ProblemDetail fr = Problems.problem(HttpStatus.NOT_FOUND, "/problems/hold-not-found", "Hold not found", "No hold 7");

        ProblemMessages.localise(en, Locale.ENGLISH);
        ProblemMessages.localise(fr, Locale.FRENCH);

        assertThat(en.getTitle()).isEqualTo("Hold not found");
        assertThat(fr.getTitle()).isEqualTo("Blocage introuvable");
        assertThat(fr.getDetail()).isEqualTo("No hold 7");
        assertThat(fr.getType()).isEqualTo(URI.create("/problems/hold-not-found"));
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Every code literal passed to {@code ProblemMessages.coded} or {@code entry} in the service's sources. */
    private static Set<String> codes() throws IOException {
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher call = CODED_CALL.matcher(Files.readString(file));
                while (call.find()) {
                    Matcher code = CODE.matcher(call.group(2));
                    while (code.find()) {
                        codes.add(code.group(1));
                    }
                }
            }
        }
        return codes;
    }

    private static Set<String> types() {
        Set<String> types = new TreeSet<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.encours.service")) {
            if (!c.getSimpleName().endsWith("Problems")) {
                continue;
            }
            for (Field field : c.reflect().getDeclaredFields()) {
                int m = field.getModifiers();
                if (Modifier.isStatic(m) && Modifier.isFinal(m) && field.getType() == String.class) {
                    field.setAccessible(true);
                    try {
                        if (field.get(null) instanceof String value && value.startsWith("/problems/")) {
                            types.add(value);
                        }
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return types;
    }

    private static Properties load(String name) {
        Properties p = new Properties();
        try (InputStream in = ProblemMessagesTest.class.getClassLoader().getResourceAsStream(name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return p;
    }
}
