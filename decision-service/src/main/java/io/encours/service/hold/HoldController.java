package io.encours.service.hold;

import io.encours.service.audit.AuditTrail;
import io.encours.service.policy.ActivePolicy;
import io.encours.service.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Credit staff list held orders, read one with its decision, and release or reject it. */
@RestController
@RequestMapping(path = "/api/v1/holds", produces = "application/json")
@Tag(name = "Credit holds", description = "Orders held by a REVIEW or BLOCK order check, and their release or rejection")
@ApiResponse(responseCode = "404", description = "No hold with this id",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
class HoldController {
    /** Roles that may carry delegated authority, besides those the policy's delegation table names. */
    static final List<String> CREDIT_ROLES = List.of("CREDIT_ANALYST", "CREDIT_MANAGER", "CREDIT_COMMITTEE");
    static final int MAX_COMMENT = 2000;
    private static final Map<String, String> SORTS = Map.of("amount", "amount", "riskClass", "riskClass",
            "openedAt", "openedAt");

    private final CreditHolds holds;
    private final AuditTrail auditTrail;
    private final ActivePolicy activePolicy;

    HoldController(CreditHolds holds, AuditTrail auditTrail, ActivePolicy activePolicy) {
        this.holds = holds;
        this.auditTrail = auditTrail;
        this.activePolicy = activePolicy;
    }

    @GetMapping
    @Operation(operationId = "listHolds", summary = "Held orders, filtered and sorted",
            description = "Sort by amount, riskClass or openedAt (default: openedAt, oldest first); status EXPIRED "
                    + "lists releases past their validity.")
    HoldViews.HoldPage list(
            @RequestParam(required = false) HoldStatus status,
            @RequestParam(required = false) String customerId,
            @Parameter(description = "REVIEW or BLOCK") @RequestParam(required = false) String outcome,
            @RequestParam(required = false) BigDecimal minAmount,
            @RequestParam(required = false) BigDecimal maxAmount,
            @Parameter(description = "amount, riskClass or openedAt") @RequestParam(defaultValue = "openedAt") String sort,
            @Parameter(description = "asc or desc") @RequestParam(defaultValue = "asc") String direction,
            @Parameter(description = "Page number, from 0") @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @Parameter(description = "Holds per page, 1 to 100") @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        String field = SORTS.get(sort);
        if (field == null) {
            throw Problems.invalidField("sort", "must be one of amount, riskClass, openedAt");
        }
        if (!direction.equals("asc") && !direction.equals("desc")) {
            throw Problems.invalidField("direction", "must be asc or desc");
        }
        CreditHolds.Page found = holds.search(new CreditHolds.Search(status, customerId, outcome, minAmount, maxAmount,
                field, direction.equals("desc"), page, size));
        Instant now = holds.now();
        return new HoldViews.HoldPage(found.page(), found.size(), found.totalElements(),
                found.holds().stream().map(h -> HoldViews.HoldView.of(h, now)).toList());
    }

    @GetMapping("/{holdId}")
    @Operation(operationId = "showHold", summary = "One hold, with its decision's outcome and reasons and every action on it")
    HoldViews.HoldDetail hold(@PathVariable String holdId, Locale locale, Principal principal,
                              HttpServletRequest request) {
        CreditHold hold = holds.find(holdId).orElseThrow(() -> HoldProblems.notFound("No hold with id " + holdId));
        HoldViews.DecisionView decision = auditTrail.find(hold.decisionId())
                .map(record -> HoldViews.DecisionView.of(record, locale)).orElse(null);
        return new HoldViews.HoldDetail(HoldViews.HoldView.of(hold, holds.now()), decision, holds.actionsOf(holdId),
                HoldViews.Authority.of(DelegatedAuthority.of(activePolicy.current().delegation(),
                        person(principal, request).roles(), hold.amount()), hold.currency()));
    }

    @PostMapping("/{holdId}/release")
    @Operation(operationId = "releaseHold", summary = "Release a held order (mandatory comment)",
            description = "Allowed when one of the caller's roles may release the amount under the policy's "
                    + "delegation table. The release is valid for hold.releaseValidityDays and up to "
                    + "hold.releaseTolerancePercent above the held amount (validUntil, maxAmount).")
    @ApiResponse(responseCode = "403", description = "Beyond the caller's delegated authority (recorded)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "The hold is already released or rejected",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    HoldViews.HoldView release(@PathVariable String holdId, @RequestBody(required = false) HoldViews.SettleBody body,
                               Principal principal, HttpServletRequest request) {
        return HoldViews.HoldView.of(holds.release(holdId, person(principal, request), comment(body)), holds.now());
    }

    @PostMapping("/{holdId}/reject")
    @Operation(operationId = "rejectHold", summary = "Reject a held order (mandatory comment): the order stays blocked")
    @ApiResponse(responseCode = "409", description = "The hold is already released or rejected",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    HoldViews.HoldView reject(@PathVariable String holdId, @RequestBody(required = false) HoldViews.SettleBody body,
                              Principal principal, HttpServletRequest request) {
        return HoldViews.HoldView.of(holds.reject(holdId, person(principal, request), comment(body)), holds.now());
    }

    private static String comment(HoldViews.SettleBody body) {
        String comment = body == null || body.comment() == null ? "" : body.comment().strip();
        if (comment.isEmpty()) {
            throw Problems.invalidField("comment", "is required: say why the order is released or rejected");
        }
        if (comment.length() > MAX_COMMENT) {
            throw Problems.invalidField("comment", "must be at most " + MAX_COMMENT + " characters");
        }
        return comment;
    }

    /** The authenticated person and those of their roles that may carry authority. */
    private CreditHolds.Person person(Principal principal, HttpServletRequest request) {
        Set<String> candidates = new LinkedHashSet<>(CREDIT_ROLES);
        candidates.addAll(activePolicy.current().delegation().limits().keySet());
        List<String> roles = candidates.stream().filter(request::isUserInRole).toList();
        return new CreditHolds.Person(principal == null ? "anonymous" : principal.getName(), roles);
    }
}
