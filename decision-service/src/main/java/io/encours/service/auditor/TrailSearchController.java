package io.encours.service.auditor;

import static io.encours.service.auditor.QueryValues.amount;
import static io.encours.service.auditor.QueryValues.instant;

import com.mongodb.client.model.Filters;
import io.encours.service.hold.HoldTrailStore;
import io.encours.service.policy.PolicyTrailStore;
import io.encours.service.security.AdminTrailStore;
import io.encours.service.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Search of the other trails, for auditors (read-only): credit holds, what was done to them (releases,
 * rejections, refused attempts, callbacks), the policy's own actions and the administration of accounts and
 * keys. Same paging as the decision search. Reads through the stores of the hold, policy and security features,
 * which name their collections.
 */
@RestController
@RequestMapping(path = "/api/v1/audit", produces = "application/json")
@Tag(name = "Audit")
class TrailSearchController {
    private final TimeOrderedSearch holds;
    private final TimeOrderedSearch holdActions;
    private final TimeOrderedSearch policyActions;
    private final TimeOrderedSearch adminActions;
    private final Clock clock;

    TrailSearchController(HoldTrailStore holdTrail, PolicyTrailStore policyTrail, AdminTrailStore adminTrail,
                          Clock clock) {
        this.holds = new TimeOrderedSearch(holdTrail::holds, "openedAt", "holdId");
        this.holdActions = new TimeOrderedSearch(holdTrail::actions, "at", "actionId");
        this.policyActions = new TimeOrderedSearch(policyTrail::page, "at", "actionId");
        this.adminActions = new TimeOrderedSearch(adminTrail::page, "at", "actionId");
        this.clock = clock;
    }

    /**
     * @param status     OPEN, RELEASED, REJECTED or EXPIRED (a release no longer valid)
     * @param settledBy  who released or rejected it
     * @param from       openedAt from (inclusive), an ISO-8601 instant
     * @param to         openedAt to (exclusive)
     * @param minAmount  held amount at least (inclusive)
     * @param maxAmount  held amount at most (inclusive)
     * @param sort       openedAt or -openedAt (default)
     */
    record HoldSelection(String customer, String orderId, String decisionId, String status, String outcome,
                         String reasonCode, String settledBy, String from, String to, String minAmount,
                         String maxAmount, String sort) {
    }

    /**
     * @param action RELEASE, REJECT, REFUSED_ATTEMPT or CALLBACK_ATTEMPT
     * @param actor  who acted
     * @param from   at from (inclusive), an ISO-8601 instant
     * @param to     at to (exclusive)
     * @param sort   at or -at (default)
     */
    record HoldActionSelection(String holdId, String decisionId, String orderId, String action, String actor,
                               String from, String to, String sort) {
    }

    /**
     * @param version     the policy version acted on
     * @param action      CREATE, UPLOAD, REPLACE_FILE, SUBMIT, APPROVE, REJECT, SCHEDULE, ACTIVATE,
     *                    SCHEDULED_ACTIVATION or ROLLBACK
     * @param actor       who acted
     * @param contentHash the version's content hash at the time
     * @param sort        at or -at (default)
     */
    record PolicyActionSelection(Integer version, String action, String actor, String contentHash, String from,
                                 String to, String sort) {
    }

    @GetMapping("/holds")
    @Operation(summary = "Search the credit holds",
            description = "Every filter given must hold. Newest first unless sort=openedAt; pass nextCursor back as "
                    + "cursor for the next page.")
    AuditorController.Page holds(@ParameterObject HoldSelection s, @RequestParam(required = false) String cursor,
                                 @Parameter(description = "1 to 1000") @RequestParam(defaultValue = "50") int size) {
        Instant now = clock.instant();
        List<Bson> filters = new ArrayList<>();
        eq(filters, "customerId", s.customer());
        eq(filters, "orderId", s.orderId());
        eq(filters, "decisionId", s.decisionId());
        eq(filters, "outcome", s.outcome());
        eq(filters, "reasonCodes", s.reasonCode());
        eq(filters, "settledBy", s.settledBy());
        if (s.status() != null && !s.status().isBlank()) {
            filters.add(status(s.status(), now));
        }
        filters.addAll(holds.timeRange(instant("from", s.from()), instant("to", s.to())));
        BigDecimal min = amount("minAmount", s.minAmount());
        BigDecimal max = amount("maxAmount", s.maxAmount());
        if (min != null) {
            filters.add(Filters.gte("amount", new Decimal128(min)));
        }
        if (max != null) {
            filters.add(Filters.lte("amount", new Decimal128(max)));
        }
        return holds.search(filters, s.sort(), cursor, size, item -> withEffectiveStatus(item, now));
    }

    @GetMapping("/hold-actions")
    @Operation(summary = "Search what was done to credit holds: releases, rejections, refused attempts, callbacks",
            description = "Every filter given must hold. Newest first unless sort=at; pass nextCursor back as cursor.")
    AuditorController.Page holdActions(@ParameterObject HoldActionSelection s,
                                       @RequestParam(required = false) String cursor,
                                       @Parameter(description = "1 to 1000") @RequestParam(defaultValue = "50") int size) {
        List<Bson> filters = new ArrayList<>();
        eq(filters, "holdId", s.holdId());
        eq(filters, "decisionId", s.decisionId());
        eq(filters, "orderId", s.orderId());
        eq(filters, "action", s.action());
        eq(filters, "who", s.actor());
        filters.addAll(holdActions.timeRange(instant("from", s.from()), instant("to", s.to())));
        return holdActions.search(filters, s.sort(), cursor, size, item -> item);
    }

    @GetMapping("/policy-actions")
    @Operation(summary = "Search the policy's audit trail: drafts, uploads, submissions, approvals, activations, "
            + "rollbacks", description = "Every filter given must hold. Newest first unless sort=at.")
    AuditorController.Page policyActions(@ParameterObject PolicyActionSelection s,
                                         @RequestParam(required = false) String cursor,
                                         @Parameter(description = "1 to 1000") @RequestParam(defaultValue = "50") int size) {
        List<Bson> filters = new ArrayList<>();
        if (s.version() != null) {
            filters.add(Filters.eq("version", s.version()));
        }
        eq(filters, "action", s.action());
        eq(filters, "by", s.actor());
        eq(filters, "contentHash", s.contentHash());
        filters.addAll(policyActions.timeRange(instant("from", s.from()), instant("to", s.to())));
        return policyActions.search(filters, s.sort(), cursor, size, item -> item);
    }

    /**
     * @param action ADMIN_BOOTSTRAPPED, USER_CREATED, USER_ROLES_SET, USER_DISABLED, USER_ENABLED,
     *               USER_PASSWORD_RESET, PASSWORD_CHANGED, API_KEY_CREATED, API_KEY_REVOKED, LOGIN_LOCKED or
     *               USER_UNLOCKED
     * @param actor  who acted (an administrator's username; {@code login} for a lockout, {@code bootstrap} at
     *               first start)
     * @param target the user or API key acted on ({@code user:<name>} or {@code address:<ip>} for a lockout)
     * @param from   at from (inclusive), an ISO-8601 instant
     * @param to     at to (exclusive)
     * @param sort   at or -at (default)
     */
    record AdminActionSelection(String action, String actor, String target, String from, String to, String sort) {
    }

    @GetMapping("/admin-actions")
    @Operation(operationId = "adminActions", summary = "Search the administration trail: users created, roles set, API keys created and revoked, "
            + "login lockouts and unlocks", description = "Every filter given must hold. Newest first unless sort=at. "
            + "Holds no password and no key.")
    AuditorController.Page adminActions(@ParameterObject AdminActionSelection s,
                                        @RequestParam(required = false) String cursor,
                                        @Parameter(description = "1 to 1000") @RequestParam(defaultValue = "50") int size) {
        List<Bson> filters = new ArrayList<>();
        eq(filters, "action", s.action());
        eq(filters, "actor", s.actor());
        eq(filters, "target", s.target());
        filters.addAll(adminActions.timeRange(instant("from", s.from()), instant("to", s.to())));
        return adminActions.search(filters, s.sort(), cursor, size, item -> item);
    }

    /** EXPIRED is not stored: it is a RELEASED hold whose release is no longer valid. */
    private static Bson status(String status, Instant now) {
        Date today = Date.from(now);
        return switch (status) {
            case "EXPIRED" -> Filters.and(Filters.eq("status", "RELEASED"), Filters.lt("validUntil", today));
            case "RELEASED" -> Filters.and(Filters.eq("status", "RELEASED"),
                    Filters.or(Filters.eq("validUntil", null), Filters.gte("validUntil", today)));
            case "OPEN", "REJECTED" -> Filters.eq("status", status);
            default -> throw Problems.invalidField("status", "must be OPEN, RELEASED, REJECTED or EXPIRED");
        };
    }

    private static Map<String, Object> withEffectiveStatus(Map<String, Object> hold, Instant now) {
        Object validUntil = hold.get("validUntil");
        if ("RELEASED".equals(hold.get("status")) && validUntil instanceof String until
                && Instant.parse(until).isBefore(now)) {
            hold.put("status", "EXPIRED");
        }
        return hold;
    }

    private static void eq(List<Bson> filters, String field, String value) {
        if (value != null && !value.isBlank()) {
            filters.add(Filters.eq(field, value));
        }
    }
}
