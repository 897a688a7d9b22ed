package io.encours.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The last check on problem texts: class, package and library setting names never leave the service. */
class ProblemTextTest {

    @Test
    void qualified_class_names_and_library_settings_are_removed() {
        assertThat(ProblemText.clean("Cannot construct instance of `io.encours.service.decision.OrderCheckBody`"))
                .isEqualTo("Cannot construct instance of value");
        assertThat(ProblemText.clean("failed in io.encours.service.decision.OrderCheckBody.amount()"))
                .isEqualTo("failed in value");
        assertThat(ProblemText.clean("(from StreamReadConstraints.getMaxNestingDepth()) too deep"))
                .doesNotContain("StreamReadConstraints");
        assertThat(ProblemText.clean("source hidden by StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION"))
                .doesNotContain("StreamReadFeature", "INCLUDE_SOURCE");
    }

    @Test
    void ordinary_texts_are_left_as_they_are() {
        for (String text : new String[] {"order.amount: a number expected, got 'abc'",
                "Row 12 of order-checks.drl.csv: the cell is empty", "callback host api.example.com is not allowed",
                "Content-Type 'text/plain' is not supported"}) {
            assertThat(ProblemText.clean(text)).isEqualTo(text);
            assertThat(ProblemText.namesInternals(text)).isFalse();
        }
    }
}
