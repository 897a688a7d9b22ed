package io.encours.service.collections;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Credit staff start a dunning run and follow it, read the day's worklist and mark its lines; auditors read. */
@RestController
@RequestMapping(path = "/api/v1/collections", produces = "application/json")
@Tag(name = "Collections", description = "The dunning run and the worklist it produces")
@ApiResponse(responseCode = "400", description = "An invalid field or parameter (the problem names it)",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
class CollectionsController {
    private final DunningRuns runs;
    private final Worklists worklists;
    private final Clock clock;

    CollectionsController(DunningRuns runs, Worklists worklists, Clock clock) {
        this.runs = runs;
        this.worklists = worklists;
        this.clock = clock;
    }

    /** What starts a run: its business date, today when left out. */
    record RunRequest(@Schema(description = "The run's business date; left out: today. At most 366 days back and "
            + "31 days ahead", example = "2026-12-03") LocalDate asOf) {
    }

    /** A mark on a line: its new state and, for SKIPPED and FAILED, why. */
    record Mark(@Schema(description = "DONE, SKIPPED or FAILED", example = "DONE") LineState state,
                @Schema(description = "Required for SKIPPED and FAILED", example = "letter posted") String reason) {
    }

    /** A run as answered: the run, its decisions by outcome as a list, and its pace. */
    record RunView(RunFields run, double invoicesPerSecond) {
        static RunView of(DunningRun r, java.time.Instant now) {
            return new RunView(new RunFields(r.id(), r.asOf(), r.state(), r.startedBy(), r.startedAt(), r.finishedAt(),
                    r.customers(), r.invoicesFound(), r.invoicesEvaluated(),
                    r.outcomes().entrySet().stream().sorted(Map.Entry.comparingByKey())
                            .map(e -> new OutcomeCount(e.getKey(), e.getValue())).toList(),
                    r.linesCreated(), r.linesUpdated(), r.linesRemoved(), r.errors(), r.firstErrors(), r.failure(),
                    r.policyVersion()), r.invoicesPerSecond(now));
        }
    }

    /** The run's fields as answered ({@link DunningRun}). */
    record RunFields(String id, LocalDate asOf, DunningRun.RunState state, String startedBy, java.time.Instant startedAt,
                     java.time.Instant finishedAt, long customers, long invoicesFound, long invoicesEvaluated,
                     List<OutcomeCount> outcomes, long linesCreated, long linesUpdated, long linesRemoved, long errors,
                     List<String> firstErrors, String failure, String policyVersion) {
    }

    /** How many of the run's decisions had this outcome. */
    record OutcomeCount(String outcome, long invoices) {
    }

    @PostMapping("/runs")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(operationId = "startDunningRun", summary = "Start a dunning run",
            description = "Evaluates the policy's dunning decision (recorded in the audit trail) for every open invoice "
                    + "overdue or due within the policy's pre-due window (dunning.preDueWindowDays), then writes the day's "
                    + "worklist. Follow it at the Location returned.")
    @ApiResponse(responseCode = "202", description = "Started")
    @ApiResponse(responseCode = "409", description = "/problems/dunning-run-in-progress: another run is running",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    RunView start(@RequestBody(required = false) RunRequest body, Principal principal, HttpServletResponse response) {
        DunningRun run = runs.start(asOf(body == null ? null : body.asOf()), principal == null ? "anonymous" : principal.getName());
        response.setHeader(HttpHeaders.LOCATION, "/api/v1/collections/runs/" + run.id());
        return RunView.of(run, clock.instant());
    }

    @GetMapping("/runs/{runId}")
    @Operation(operationId = "dunningRun", summary = "A dunning run, with its progress while it runs")
    @ApiResponse(responseCode = "404", description = "/problems/dunning-run-not-found",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    RunView run(@PathVariable String runId) {
        return RunView.of(runs.find(runId).orElseThrow(() -> CollectionsProblems.runNotFound(runId)), clock.instant());
    }

    @GetMapping("/worklist")
    @Operation(operationId = "worklist", summary = "A day's worklist, highest priority first",
            description = "Per customer one line per action, its invoices at that step grouped, with the priority "
                    + "(risk class weight x amount), late-payment interest and recovery indemnity per invoice.")
    Map<String, Object> worklist(
            @Parameter(description = "The worklist's day; left out: today", example = "2026-12-03")
            @RequestParam(required = false) LocalDate date,
            @Parameter(description = "The collector the lines are assigned to") @RequestParam(required = false) String assignee,
            @Parameter(description = "One customer's lines") @RequestParam(required = false) String customerId,
            @Parameter(description = "TO_DO, DONE, SKIPPED or FAILED") @RequestParam(required = false) LineState state,
            @Parameter(description = "Most lines answered, 1 to encours.collections.max-page-size (1000)")
            @RequestParam(required = false) Integer size) {
        LocalDate day = date != null ? date : runs.today();
        List<WorklistLine> lines = worklists.list(new Worklists.Filter(day, assignee, customerId, state), size);
        return Map.of("date", day, "lines", lines);
    }

    @GetMapping("/worklist/{lineId}")
    @Operation(operationId = "worklistLine", summary = "One worklist line, with its invoices and history")
    @ApiResponse(responseCode = "404", description = "/problems/worklist-line-not-found",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    WorklistLine line(@PathVariable String lineId) {
        return worklists.line(lineId);
    }

    @PostMapping("/worklist/{lineId}/state")
    @Operation(operationId = "markWorklistLine", summary = "Mark a line DONE, SKIPPED or FAILED",
            description = "DONE writes a DUNNING_STEP_SENT event per invoice into the ledger (ids derived from the line: "
                    + "marking again writes nothing twice); a step the ledger refuses makes the line FAILED with why.")
    @ApiResponse(responseCode = "404", description = "/problems/worklist-line-not-found",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "/problems/worklist-line-state: the line is already DONE or SKIPPED",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    WorklistLine mark(@PathVariable String lineId, @RequestBody Mark body, Principal principal) {
        return worklists.mark(lineId, body.state(), body.reason(), principal == null ? "anonymous" : principal.getName());
    }

    private LocalDate asOf(LocalDate asOf) {
        if (asOf != null) {
            LocalDate today = runs.today();
            if (asOf.isBefore(today.minusDays(366)) || asOf.isAfter(today.plusDays(31))) {
                throw io.encours.service.web.Problems.invalidField("asOf", "must be at most 366 days back and 31 days ahead");
            }
        }
        return asOf;
    }
}
