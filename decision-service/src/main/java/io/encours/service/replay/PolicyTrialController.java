package io.encours.service.replay;

import io.encours.rules.decision.Evaluation;
import io.encours.rules.model.DecisionRequest;
import io.encours.service.decision.DecisionProperties;
import io.encours.service.decision.TrialRequest;
import io.encours.service.web.WebProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tries a decision request against any policy version, a draft included, so that an author sees what the
 * version decides and which table rows fire. Nothing is recorded and no hold is opened.
 */
@RestController
@Tag(name = "Policy lifecycle")
class PolicyTrialController {
    private final CompiledVersions versions;
    private final Clock businessClock;
    private final DecisionProperties settings;

    PolicyTrialController(CompiledVersions versions, Clock clock, WebProperties web, DecisionProperties settings) {
        this.versions = versions;
        this.settings = settings;
        this.businessClock = clock.withZone(web.timeZone());
    }

    @PostMapping(path = "/api/v1/policies/{number}/evaluate", produces = "application/json")
    @Operation(summary = "Try a decision request against a policy version (nothing is recorded)",
            description = "type is ORDER_CHECK, CUSTOMER_SCORE, PAYMENT_TERMS or DUNNING; request is the body that "
                    + "decision endpoint takes, validated the same way. The answer is the decision's result with "
                    + "both languages of each reason and every fired rule with its file, table and row.")
    @ApiResponse(responseCode = "200", description = "What the version decides")
    @ApiResponse(responseCode = "400", description = "An invalid field (the problem names each one, e.g. "
            + "request.order.amount)", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No such policy version",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "The version does not compile",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    TrialResult evaluate(@Parameter(example = "2") @PathVariable int number, @Valid @RequestBody TrialRequest trial) {
        CompiledVersion version = versions.byNumber(number);
        LocalDate today = LocalDate.now(businessClock);
        DecisionRequest request = trial.check(version.policy(), today, settings);
        Evaluation evaluation = version.policy().evaluate(trial.type(), request);
        return new TrialResult(trial.asOf(today), trial.customerId(), trial.orderId(), evaluation.result(),
                evaluation.policy(), version.ref(), evaluation.evaluationNanos() / 1000);
    }
}
