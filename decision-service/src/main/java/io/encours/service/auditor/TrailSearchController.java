package io.encours.service.auditor;

import static io.encours.service.auditor.QueryValues.amount;
import static io.encours.service.auditor.QueryValues.instant;

import io.encours.service.audit.AuditChain;
import io.encours.service.hold.HoldActionCriteria;
import io.encours.service.hold.HoldCriteria;
import io.encours.service.hold.HoldStatus;
import io.encours.service.hold.HoldTrailStore;
import io.encours.service.policy.PolicyActionCriteria;
import io.encours.service.policy.PolicyTrailStore;
import io.encours.service.security.AdminActionCriteria;
import io.encours.service.security.AdminTrailStore;
import io.encours.service.storage.TimeOrder;
import io.encours.service.storage.TrailPage;
import io.encours.service.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.bson.Document;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Search of the other trails, for auditors (read-only): credit holds, what was done to them (releases,
 * rejections, refused attempts, callbacks), the policy's own actions and the administration of accounts and
 * keys. Same paging as the decision search. Reads through the stores of the hold, policy and security features,
 * which turn their criteria records into queries on their own collections: this class names no stored field.
 */
@RestController
@RequestMapping(path = "/api/v1/audit", produces = "application/json")
@Tag(name = "Audit")
class TrailSearchController {
    /** The id of a stored document, the one name every collection shares; shown as holdId or actionId. */
    private static final String ID = "_id";

    private final HoldTrailStore holdTrail;
    private final PolicyTrailStore policyTrail;
    private final AdminTrailStore adminTrail;

    TrailSearchController(HoldTrailStore holdTrail, PolicyTrailStore policyTrail, AdminTrailStore adminTrail) {
        this.holdTrail = holdTrail;
        this.policyTrail = policyTrail;
        this.adminTrail = adminTrail;
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
        HoldCriteria criteria = new HoldCriteria(s.customer(), s.orderId(), s.decisionId(), status(s.status()),
                s.outcome(), s.reasonCode(), s.settledBy(), instant("from", s.from()), instant("to", s.to()),
                amount("minAmount", s.minAmount()), amount("maxAmount", s.maxAmount()));
        TimeOrder order = order(size, HoldCriteria::order, s.sort());
        return page(() -> holdTrail.searchHolds(criteria, order, cursor, size), "holdId");
    }

    @GetMapping("/hold-actions")
    @Operation(summary = "Search what was done to credit holds: releases, rejections, refused attempts, callbacks",
            description = "Every filter given must hold. Newest first unless sort=at; pass nextCursor back as cursor.")
    AuditorController.Page holdActions(@ParameterObject HoldActionSelection s,
                                       @RequestParam(required = false) String cursor,
                                       @Parameter(description = "1 to 1000") @RequestParam(defaultValue = "50") int size) {
        HoldActionCriteria criteria = new HoldActionCriteria(s.holdId(), s.decisionId(), s.orderId(), s.action(),
                s.actor(), instant("from", s.from()), instant("to", s.to()));
        TimeOrder order = order(size, HoldActionCriteria::order, s.sort());
        return page(() -> holdTrail.searchActions(criteria, order, cursor, size), "actionId");
    }

    @GetMapping("/policy-actions")
    @Operation(summary = "Search the policy's audit trail: drafts, uploads, submissions, approvals, activations, "
            + "rollbacks", description = "Every filter given must hold. Newest first unless sort=at.")
    AuditorController.Page policyActions(@ParameterObject PolicyActionSelection s,
                                         @RequestParam(required = false) String cursor,
                                         @Parameter(description = "1 to 1000") @RequestParam(defaultValue = "50") int size) {
        PolicyActionCriteria criteria = new PolicyActionCriteria(s.version(), s.action(), s.actor(), s.contentHash(),
                instant("from", s.from()), instant("to", s.to()));
        TimeOrder order = order(size, PolicyActionCriteria::order, s.sort());
        return page(() -> policyTrail.search(criteria, order, cursor, size), "actionId");
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
        AdminActionCriteria criteria = new AdminActionCriteria(s.action(), s.actor(), s.target(),
                instant("from", s.from()), instant("to", s.to()));
        TimeOrder order = order(size, AdminActionCriteria::order, s.sort());
        return page(() -> adminTrail.search(criteria, order, cursor, size), "actionId");
    }

    private static HoldStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return HoldStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw Problems.invalidField("status", "must be OPEN, RELEASED, REJECTED or EXPIRED");
        }
    }

    /** The size checked first, then the sort, as the decision search does. */
    private static TimeOrder order(int size, Function<String, TimeOrder> parse, String sort) {
        if (size < 1 || size > 1000) {
            throw Problems.invalidField("size", "must be between 1 and 1000");
        }
        try {
            return parse.apply(sort);
        } catch (IllegalArgumentException e) {
            throw Problems.invalidField("sort", e.getMessage());
        }
    }

    /**
     * A page of a trail in the export's value forms (times and amounts as strings), each record's id shown as
     * {@code idName}.
     */
    private static AuditorController.Page page(Supplier<TrailPage> search, String idName) {
        TrailPage found;
        try {
            found = search.get();
        } catch (IllegalArgumentException e) {
            throw Problems.invalidField("cursor", e.getMessage());
        }
        List<Map<String, Object>> items = new ArrayList<>(found.records().size());
        for (Document d : found.records()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put(idName, d.get(ID));
            for (Map.Entry<String, Object> e : d.entrySet()) {
                if (!e.getKey().equals(ID)) {
                    item.put(e.getKey(), AuditChain.exportValue(e.getValue()));
                }
            }
            items.add(item);
        }
        return new AuditorController.Page(items, found.nextCursor());
    }
}
