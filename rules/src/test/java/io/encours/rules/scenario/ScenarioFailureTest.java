package io.encours.rules.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.encours.rules.policy.CompiledPolicy;
import io.encours.rules.policy.DefaultPolicy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The runner's English failure lines read back as a kind and values, for the service to say them in French. */
class ScenarioFailureTest {

    @Test
    void a_wrong_score_and_a_missing_reason_read_back_as_their_kind_and_values() {
        CompiledPolicy policy = DefaultPolicy.compile();
        String text = policy.bundle().text("scenarios.csv")
                .replace("S01,CUSTOMER_SCORE,Sound established customer: class A,,CREDIT_GRANTED,RISK_CLASS_A,96,",
                        "S01,CUSTOMER_SCORE,Sound established customer: class A,,CREDIT_GRANTED,RISK_CLASS_B,100,");
        ScenarioFile file = ScenarioFile.parse(text);
        Scenario s01 = file.scenarios().stream().filter(s -> s.id().equals("S01")).findFirst().orElseThrow();

        List<String> failures = new ScenarioRunner().run(policy, file.base(), s01).failures();

        assertThat(failures.stream().map(ScenarioFailure::read)).containsExactlyInAnyOrder(
                new ScenarioFailure("mismatch", Map.of("what", "score", "expected", "100", "actual", "96")),
                new ScenarioFailure("reason-expected", Map.of("reason", "RISK_CLASS_B", "reasons", "RISK_CLASS_A")));
    }

    @Test
    void a_line_of_no_known_shape_is_kept_as_written() {
        assertThat(ScenarioFailure.read("something else")).isEqualTo(
                new ScenarioFailure("other", Map.of("text", "something else")));
        assertThat(ScenarioFailure.read("reason X should be absent, reasons were [X, Y]")).isEqualTo(
                new ScenarioFailure("reason-absent", Map.of("reason", "X", "reasons", "X, Y")));
    }
}
