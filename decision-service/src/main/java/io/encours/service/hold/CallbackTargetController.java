package io.encours.service.hold;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The callback allowlist: administrators list, add and remove the origins the order-entry systems may be
 * called back at (the URL map gives {@code /api/v1/admin/**} to ADMIN); auditors read every change (the URL
 * map gives {@code /api/v1/audit/**} to AUDITOR).
 */
@RestController
@Tag(name = "Callback allowlist", description = "Where the service may send hold callbacks, and who changed it")
class CallbackTargetController {
    static final String TARGETS = "/api/v1/admin/callback-targets";

    private final CallbackTargets targets;

    CallbackTargetController(CallbackTargets targets) {
        this.targets = targets;
    }

    /** An entry as shown: never its secret, except once in the answer that creates it. */
    record TargetView(String id, String scheme, String host, int port, boolean allowPrivateAddress, String createdBy,
                      Instant createdAt, String secret) {
        static TargetView of(CallbackTarget t, boolean withSecret) {
            return new TargetView(t.id(), t.scheme(), t.host(), t.port(), t.allowPrivateAddress(), t.createdBy(),
                    t.createdAt(), withSecret ? t.secret() : null);
        }
    }

    @GetMapping(path = TARGETS, produces = "application/json")
    @Operation(operationId = "listCallbackTargets", summary = "The callback allowlist (without secrets)")
    List<TargetView> list() {
        return targets.all().stream().map(t -> TargetView.of(t, false)).toList();
    }

    @PostMapping(path = TARGETS, consumes = "application/json", produces = "application/json")
    @Operation(operationId = "addCallbackTarget", summary = "Add an origin to the callback allowlist",
            description = "port defaults to the scheme's (80, 443); allowPrivateAddress (default false) lets the host "
                    + "resolve to a loopback, link-local or private address; secret (32 to 256 characters) signs the "
                    + "callbacks, generated when left out and shown once in this answer. Recorded as a change.")
    @ApiResponse(responseCode = "201", description = "Added; the answer carries the secret, this once")
    @ApiResponse(responseCode = "400", description = "An invalid field (the problem names it)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "The origin is already listed",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<TargetView> add(@RequestBody CallbackTargets.NewTarget body, Principal principal) {
        CallbackTarget added = targets.add(body, principal.getName());
        return ResponseEntity.created(URI.create(TARGETS + "/" + added.id())).body(TargetView.of(added, true));
    }

    @DeleteMapping(path = TARGETS + "/{id}", produces = "application/json")
    @Operation(operationId = "removeCallbackTarget", summary = "Remove an origin from the callback allowlist",
            description = "Callbacks to it stop at once, those already registered included. Recorded as a change.")
    @ApiResponse(responseCode = "404", description = "No entry with this id",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    TargetView remove(@PathVariable String id, Principal principal) {
        return TargetView.of(targets.remove(id, principal.getName()), false);
    }

    @GetMapping(path = "/api/v1/audit/callback-target-changes", produces = "application/json")
    @Operation(operationId = "callbackTargetChanges", summary = "Changes to the callback allowlist, newest first: who, when, the entry before and after")
    List<CallbackTargetChange> changes(
            @Parameter(description = "At most this many, 1 to 1000") @RequestParam(defaultValue = "100")
            @Min(1) @Max(1000) int limit) {
        return targets.changes(limit);
    }
}
