package io.encours.service.simulation;

import io.encours.rules.model.DecisionType;
import io.encours.service.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Simulations of a policy version over the recorded decisions: started by managers and the committee. */
@RestController
@RequestMapping(path = "/api/v1/simulations", produces = "application/json")
@Tag(name = "Simulations", description = "A policy version evaluated over the decisions of a time window, "
        + "in the background")
@ApiResponse(responseCode = "404", description = "No such simulation or policy version",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
class SimulationController {
    private final Simulations simulations;
    private final Clock clock;

    SimulationController(Simulations simulations, Clock clock) {
        this.simulations = simulations;
        this.clock = clock;
    }

    /**
     * @param version the policy version to evaluate (a draft, typically)
     * @param from    first instant of the window (inclusive)
     * @param to      end of the window (exclusive); now when left out
     * @param types   decision types to include; all when left out
     */
    record SimulationRequest(
            @Schema(example = "2") Integer version,
            @Schema(example = "2026-08-01T00:00:00Z") Instant from,
            @Schema(example = "2026-11-01T00:00:00Z") Instant to,
            List<DecisionType> types) {
    }

    @PostMapping
    @Operation(summary = "Start a simulation",
            description = "Evaluates the version over every decision received in [from, to), in the background. "
                    + "Follow it at the Location given; one simulation runs at a time per instance.")
    @ApiResponse(responseCode = "202", description = "Started; status RUNNING")
    @ApiResponse(responseCode = "400", description = "A missing or invalid field (the problem names it)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "Another simulation is running on this instance",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<Simulation> start(@RequestBody SimulationRequest request, Principal principal) {
        if (request.version() == null) {
            throw Problems.invalidField("version", "is required: the policy version to simulate");
        }
        if (request.from() == null) {
            throw Problems.invalidField("from", "is required: the start of the window, e.g. 2026-08-01T00:00:00Z");
        }
        Instant to = request.to() != null ? request.to() : clock.instant();
        Simulation started = simulations.start(request.version(), request.from(), to,
                request.types() == null ? List.of() : request.types(), principal.getName());
        return ResponseEntity.accepted().location(URI.create("/api/v1/simulations/" + started.id())).body(started);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One simulation: its progress, and its result once finished")
    Simulation simulation(@PathVariable String id) {
        return simulations.find(id);
    }

    @GetMapping
    @Operation(summary = "The simulations, newest first (without their results)")
    List<Simulation> list(@Parameter(description = "1 to 500") @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 500) {
            throw Problems.invalidField("limit", "must be between 1 and 500");
        }
        return simulations.list(limit);
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel a running simulation",
            description = "It stops within about a second and ends CANCELLED, keeping the result of the decisions "
                    + "it evaluated.")
    @ApiResponse(responseCode = "202", description = "Cancellation requested")
    @ApiResponse(responseCode = "409", description = "The simulation is not running",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<Simulation> cancel(@PathVariable String id) {
        return ResponseEntity.accepted().body(simulations.cancel(id));
    }
}
