package io.encours.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every controller has its own web slice, {@code <Controller>Test} in its package, annotated {@code @WebMvcTest}
 * for that controller alone; the few that cannot be sliced say why here (docs/testing.md).
 */
class ControllerSlicesTest {
    /** Controllers tested otherwise, with the reason. */
    private static final Map<String, String> TESTED_OTHERWISE = Map.of(
            "io.encours.service.auditor.AuditorController",
            "reads the decisions store itself: AuditSearchTest, on the embedded store",
            "io.encours.service.auditor.TrailSearchController",
            "reads the trail stores itself: TrailSearchTest, on the embedded store",
            "io.encours.service.web.ProblemErrorController",
            "answers the servlet container's error dispatch, which MockMvc does not make: ProblemErrorControllerTest "
                    + "calls it directly, ErrorAnswersTest over HTTP");

    @Test
    void every_controller_has_a_web_slice_of_its_own() throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        List<String> controllers = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("io.encours.service")) {
            String controller = candidate.getBeanClassName();
            controllers.add(controller);
            if (TESTED_OTHERWISE.containsKey(controller)) {
                continue;
            }
            WebMvcTest slice = sliceOf(controller);
            if (slice == null || !List.of(slice.controllers()).equals(List.of(Class.forName(controller)))
                    && !List.of(slice.value()).equals(List.of(Class.forName(controller)))) {
                missing.add(controller);
            }
        }
        assertThat(controllers).hasSizeGreaterThan(TESTED_OTHERWISE.size());
        assertThat(controllers).containsAll(TESTED_OTHERWISE.keySet());
        assertThat(missing).as("controllers without a @WebMvcTest of their own named <Controller>Test").isEmpty();
    }

    private static WebMvcTest sliceOf(String controller) {
        try {
            return Class.forName(controller + "Test").getAnnotation(WebMvcTest.class);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }
}
