package io.encours.service.decision;

import io.encours.service.audit.CheckedRecord;
import io.encours.service.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The four decisions, and one decision read back by id. Each POST evaluates the request under the policy
 * in force and answers only once the decision is in the audit trail.
 */
@RestController
@RequestMapping(path = "/api/v1/decisions", produces = "application/json")
@Tag(name = "Decisions", description = "Credit decisions, each recorded in the audit trail before it is returned")
@ApiResponse(responseCode = "400", description = "Malformed JSON or an invalid field (the problem names each field)",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "503", description = "The audit trail cannot be written or read: no decision is given",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "409", description = "A decision request whose Idempotency-Key was used for a different request",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "413", description = "A decision request over the size limit (64 KB by default)",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
class DecisionController {
    static final String RECORD_INTEGRITY = "Record-Integrity";
    private final DecisionService decisions;

    DecisionController(DecisionService decisions) {
        this.decisions = decisions;
    }

    @PostMapping("/order-check")
    @Operation(summary = "Order credit check (the hot path)",
            description = "May this order go out on credit? APPROVE, REVIEW (hold for a credit analyst) or BLOCK, "
                    + "with the reasons, limits, exposure after the order, available credit, uninsured share and "
                    + "granted payment terms. The body carries the customer and its exposure (OrderCheckBody), or only "
                    + "customerId and the order (OrderCheckByReference): Encours then reads them from the customer's "
                    + "account and ledger and reserves an approved order's amount.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = "application/json",
            schema = @Schema(oneOf = {OrderCheckBody.class, OrderCheckByReference.class})))
    @ApiResponse(responseCode = "200", description = "The decision, recorded")
    @ApiResponse(responseCode = "404", description = "/problems/customer-not-found: an order check by reference names "
            + "a customer without a credit account",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    DecisionResponse orderCheck(@Valid @RequestBody OrderCheckBody body,
            @Parameter(hidden = true) DecisionService.Call call, Locale locale, HttpServletResponse response) {
        return decide(body, call, locale, response);
    }

    @PostMapping("/customer-score")
    @Operation(summary = "Customer score",
            description = "Score, risk class, recommended credit limit, standard payment terms and required guarantees: "
                    + "CREDIT_GRANTED, GUARANTEE_REQUIRED or PREPAYMENT_ONLY, with the score breakdown.")
    @ApiResponse(responseCode = "200", description = "The decision, recorded")
    DecisionResponse customerScore(@Valid @RequestBody CustomerScoreBody body,
            @Parameter(hidden = true) DecisionService.Call call, Locale locale, HttpServletResponse response) {
        return decide(body, call, locale, response);
    }

    @PostMapping("/payment-terms")
    @Operation(summary = "Payment-term exception",
            description = "May the customer have the terms it asks for? WITHIN_STANDARD, APPROVAL_REQUIRED (with the "
                    + "approval level and conditions) or REFUSED (legal or sector cap, or too long for the risk class).")
    @ApiResponse(responseCode = "200", description = "The decision, recorded")
    DecisionResponse paymentTerms(@Valid @RequestBody PaymentTermsBody body,
            @Parameter(hidden = true) DecisionService.Call call, Locale locale, HttpServletResponse response) {
        return decide(body, call, locale, response);
    }

    @PostMapping("/dunning")
    @Operation(summary = "Next dunning step for an overdue invoice",
            description = "NO_ACTION, DUN, ESCALATE, WAIT (a promise or the previous step is pending) or SUSPENDED "
                    + "(disputed), with the step (action, channel, next date, priority), late-payment charges and the "
                    + "credit insurer's claim deadline.")
    @ApiResponse(responseCode = "200", description = "The decision, recorded")
    DecisionResponse dunning(@Valid @RequestBody DunningBody body,
            @Parameter(hidden = true) DecisionService.Call call, Locale locale, HttpServletResponse response) {
        return decide(body, call, locale, response);
    }

    @GetMapping("/{decisionId}")
    @Operation(summary = "One recorded decision",
            description = "The decision as it was answered, with its reasons in the caller's language.")
    @ApiResponse(responseCode = "200", description = "The decision; header Record-Integrity: WHOLE (its record matches "
            + "its own hashes) or UNSEALED (a record with no hashes, written before they existed)")
    @ApiResponse(responseCode = "404", description = "No decision with this id",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "500", description = "/problems/record-altered: the stored record no longer matches "
            + "its own hash; it is not served",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    DecisionResponse decision(
            @Parameter(example = "019a4c1e-5b7f-7a3c-9d2e-4f1a2b3c4d5e") @PathVariable String decisionId,
            Locale locale, HttpServletResponse response) {
        CheckedRecord checked = decisions.find(decisionId).orElseThrow(() -> Problems.decisionNotFound(decisionId));
        DecisionResponse decision = DecisionResponse.of(checked.record(), locale);
        response.setHeader(HttpHeaders.CONTENT_LANGUAGE, decision.language());
        response.setHeader(RECORD_INTEGRITY, checked.integrity().name());
        return decision;
    }

    /**
     * The headers go straight on the servlet response and the body is returned as is: a {@code ResponseEntity}
     * makes Spring MVC flush after the body, which sends it chunked in two writes instead of one with its length.
     */
    private DecisionResponse decide(DecisionBody body, DecisionService.Call call, Locale locale,
                                    HttpServletResponse response) {
        DecisionService.Decided decided = decisions.decide(body, call);
        DecisionResponse decision = DecisionResponse.of(decided.record(), locale);
        response.setHeader(HttpHeaders.LOCATION, "/api/v1/decisions/" + decision.decisionId());
        response.setHeader(HttpHeaders.CONTENT_LANGUAGE, decision.language());
        if (decided.replayed()) {
            response.setHeader("Idempotent-Replayed", "true");
        }
        return decision;
    }
}
