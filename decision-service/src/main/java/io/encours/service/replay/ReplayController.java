package io.encours.service.replay;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Replay and what-if of one recorded decision, for auditors (read-only: nothing is recorded). */
@RestController
@RequestMapping(path = "/api/v1/audit/decisions/{decisionId}", produces = "application/json")
@Tag(name = "Audit")
@ApiResponse(responseCode = "404", description = "No decision with this id, or no policy version with this number",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "409", description = "The decision's policy is not in the version store, or its input "
        + "no longer reads as a request", content = @Content(mediaType = "application/problem+json",
        schema = @Schema(implementation = ProblemDetail.class)))
class ReplayController {
    private final Replays replays;

    ReplayController(Replays replays) {
        this.replays = replays;
    }

    @GetMapping("/replay")
    @Operation(summary = "Replay a decision under its recorded policy version",
            description = "Re-evaluates the recorded input under the policy version the decision names (rebuilt "
                    + "from the stored sources) and compares the result with the recorded one field by field: "
                    + "identical is true when nothing differs, else differences lists each field.")
    @ApiResponse(responseCode = "200", description = "The replay and its differences")
    ReplayReport replay(@Parameter(example = "019a4c1e-5b7f-7a3c-9d2e-4f1a2b3c4d5e") @PathVariable String decisionId) {
        return replays.replay(decisionId);
    }

    @GetMapping("/what-if")
    @Operation(summary = "The decision's input under another policy version",
            description = "Evaluates the recorded input under version N (e.g. a draft) and lists every field "
                    + "whose result differs from the recorded one.")
    @ApiResponse(responseCode = "200", description = "The evaluation and its differences")
    @ApiResponse(responseCode = "422", description = "Version N does not compile",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ReplayReport whatIf(@PathVariable String decisionId,
                        @Parameter(description = "the policy version number", example = "2") @RequestParam int version) {
        return replays.whatIf(decisionId, version);
    }
}
