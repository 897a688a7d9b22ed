package io.encours.service.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

/**
 * The {@code type} URIs are part of the API: every one a {@code *Problems} catalogue declares is documented in
 * {@code docs/errors.md}, and problems are raised one way, as a {@link ProblemException}.
 */
class ProblemCatalogueTest {
    private static final Path CATALOGUE = Path.of("..", "docs", "errors.md");
    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.encours.service");

    @Test
    void every_problem_type_of_every_catalogue_is_in_the_errors_page() throws IOException {
        String page = Files.readString(CATALOGUE);
        Map<String, String> types = declaredTypes();

        assertThat(types).containsKeys(Problems.STORAGE_UNAVAILABLE, Problems.AUDIT_UNAVAILABLE,
                "/problems/policy-invalid", "/problems/hold-not-open", "/problems/user-exists");
        assertThat(types).allSatisfy((type, declaredIn) -> assertThat(page)
                .as("%s (%s) is listed in docs/errors.md", type, declaredIn).contains("`" + type + "`"));
    }

    @Test
    void the_catalogue_check_sees_a_type_missing_from_the_page() {
        String page = "| 404 | `/problems/hold-not-found` | no hold |";

        assertThat(declaredTypes().keySet()).filteredOn(type -> !page.contains("`" + type + "`"))
                .contains("/problems/hold-not-open").doesNotContain("/problems/hold-not-found");
    }

    @Test
    void problems_are_raised_as_the_one_problem_exception() {
        noClasses().should().beAssignableTo(ErrorResponseException.class)
                .because("a refusal is a ProblemException built by its feature's *Problems catalogue")
                .check(SERVICE);
        noClasses().that().doNotHaveFullyQualifiedName(ProblemException.class.getName())
                .should().beAssignableTo(ProblemException.class)
                .because("ProblemException is the one exception type of problems; features add factories, not "
                        + "subclasses").check(SERVICE);
        assertThat(SERVICE.stream().filter(c -> c.getSimpleName().endsWith("Problems")
                && c.getSimpleName().length() > "Problems".length() && !c.getSimpleName().equals("ContainerProblems")
                && !c.getSimpleName().equals("SecurityProblems")))
                .allSatisfy(c -> assertThat(Modifier.isFinal(c.reflect().getModifiers()))
                        .as("%s is a final catalogue", c.getSimpleName()).isTrue());
    }

    /** Every {@code static final String} of a {@code *Problems} class whose value is a {@code /problems/} URI. */
    private static Map<String, String> declaredTypes() {
        Map<String, String> types = new TreeMap<>();
        for (JavaClass c : SERVICE) {
            if (!c.getSimpleName().endsWith("Problems")) {
                continue;
            }
            for (Field field : c.reflect().getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers) && field.getType() == String.class) {
                    field.setAccessible(true);
                    try {
                        if (field.get(null) instanceof String value && value.startsWith("/problems/")) {
                            types.put(value, c.getSimpleName() + "." + field.getName());
                        }
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return types;
    }
}
