package io.encours.service.hold;

import io.encours.service.storage.BsonValues;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.encours.rules.model.DecisionType;
import io.encours.rules.policy.CompiledPolicy;
import io.encours.service.audit.AuditRecord;
import io.encours.service.audit.AuditUnavailableException;
import io.encours.service.audit.DecisionIds;
import io.encours.service.policy.ActivePolicy;
import io.encours.service.web.Problems;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The credit holds: opened by held order checks, listed and read by credit staff, released or rejected by
 * a person with the authority for the amount, each action recorded durably before it is answered.
 */
public class CreditHolds {
    private static final Logger log = LoggerFactory.getLogger(CreditHolds.class);
    private static final Set<String> HELD_OUTCOMES = Set.of("REVIEW", "BLOCK");

    /** Who acts on a hold: their name as authenticated and their roles (without the ROLE_ prefix). */
    record Person(String name, List<String> roles) {
        Person {
            roles = List.copyOf(roles);
        }
    }

    /** The list's filters and order; null filters are left out. */
    record Search(HoldStatus status, String customerId, String outcome, BigDecimal minAmount, BigDecimal maxAmount,
                  String sort, boolean descending, int page, int size) {
    }

    record Page(int page, int size, long totalElements, List<CreditHold> holds) {
    }

    private final HoldStore store;
    private final ActivePolicy activePolicy;
    private final DecisionIds ids;
    private final HoldCallbacks callbacks;
    private final Clock clock;

    CreditHolds(HoldStore store, ActivePolicy activePolicy, DecisionIds ids, HoldCallbacks callbacks, Clock clock) {
        this.store = store;
        this.activePolicy = activePolicy;
        this.ids = ids;
        this.callbacks = callbacks;
        this.clock = clock;
    }

    /**
     * Opens a hold when the recorded decision is an order check answered REVIEW or BLOCK; does nothing
     * otherwise, nor when the decision already has its hold (a replayed request). Returns once the hold is
     * durable, so a held order is never answered without its hold.
     */
    public void openFor(AuditRecord decision) {
        if (decision.type() != DecisionType.ORDER_CHECK || !HELD_OUTCOMES.contains(decision.outcome())
                || decision.amount() == null) {
            return;
        }
        CreditHold hold = new CreditHold(ids.next(), decision.decisionId(), decision.orderId(), decision.customerId(),
                decision.amount(), decision.currency(), decision.outcome(), decision.output().riskClass(),
                decision.output().reasonCodes(), HoldStatus.OPEN, clock.instant(), null, null, null, null, null);
        try {
            if (store.insertIfAbsent(hold)) {
                log.info("hold opened holdId={} outcome={}", hold.holdId(), hold.outcome());
            }
        } catch (AuditUnavailableException | org.springframework.dao.DataAccessException
                 | com.mongodb.MongoException e) {
            // The decision is recorded; a retry with the same Idempotency-Key replays it and opens the hold.
            throw HoldProblems.holdNotStored(e);
        }
    }

    Optional<CreditHold> find(String holdId) {
        return store.find(holdId);
    }

    Optional<CreditHold> latestForOrder(String orderId) {
        return store.latestForOrder(orderId);
    }

    List<HoldActionRecord> actionsOf(String holdId) {
        return store.actionsOf(holdId);
    }

    Instant now() {
        return clock.instant();
    }

    Page search(Search search) {
        List<Bson> filters = new ArrayList<>();
        Instant now = clock.instant();
        if (search.status() == HoldStatus.EXPIRED) {
            filters.add(Filters.eq("status", HoldStatus.RELEASED.name()));
            filters.add(Filters.lt("validUntil", java.util.Date.from(now)));
        } else if (search.status() == HoldStatus.RELEASED) {
            filters.add(Filters.eq("status", HoldStatus.RELEASED.name()));
            filters.add(Filters.gte("validUntil", java.util.Date.from(now)));
        } else if (search.status() != null) {
            filters.add(Filters.eq("status", search.status().name()));
        }
        if (search.customerId() != null) {
            filters.add(Filters.eq("customerId", search.customerId()));
        }
        if (search.outcome() != null) {
            filters.add(Filters.eq("outcome", search.outcome()));
        }
        if (search.minAmount() != null) {
            filters.add(Filters.gte("amount", BsonValues.decimal128(search.minAmount())));
        }
        if (search.maxAmount() != null) {
            filters.add(Filters.lte("amount", BsonValues.decimal128(search.maxAmount())));
        }
        Bson filter = filters.isEmpty() ? Filters.empty() : Filters.and(filters);
        Bson order = search.descending() ? Sorts.descending(search.sort(), "_id") : Sorts.ascending(search.sort(), "_id");
        return new Page(search.page(), search.size(), store.count(filter),
                store.list(filter, order, search.page(), search.size()));
    }

    /**
     * Releases an open hold when the amount is within the person's delegated authority; otherwise records the
     * refused attempt and refuses with 403. The release is valid for the policy's number of days and up to its
     * tolerance above the held amount.
     */
    CreditHold release(String holdId, Person person, String comment) {
        CreditHold hold = openHold(holdId);
        CompiledPolicy policy = activePolicy.current();
        DelegatedAuthority authority = DelegatedAuthority.of(policy.delegation(), person.roles(), hold.amount());
        Instant now = clock.instant();
        if (!authority.allowed()) {
            store.record(action(hold, HoldAction.REFUSED_ATTEMPT, person, comment, now, authority.limit()));
            log.info("hold release refused holdId={} who={} limit={}", hold.holdId(), person.name(), authority.limit());
            throw HoldProblems.beyondAuthority(hold, authority);
        }
        ReleaseTerms terms = ReleaseTerms.of(policy);
        return settle(hold, HoldStatus.RELEASED, HoldAction.RELEASE, person, comment, now, authority.limit(),
                terms.validUntil(now), terms.maxAmount(hold.amount()));
    }

    /**
     * Rejects an open hold: the order stays blocked. Any credit role may reject whatever the amount, since a
     * rejection takes no credit risk; the person's limit is still recorded.
     */
    CreditHold reject(String holdId, Person person, String comment) {
        CreditHold hold = openHold(holdId);
        DelegatedAuthority authority = DelegatedAuthority.of(activePolicy.current().delegation(), person.roles(),
                hold.amount());
        return settle(hold, HoldStatus.REJECTED, HoldAction.REJECT, person, comment, clock.instant(),
                authority.limit(), null, null);
    }

    void registerCallback(String orderId, String url, String who) {
        store.registerCallback(orderId, url, who, clock.instant());
    }

    Optional<String> callbackOf(String orderId) {
        return store.callbackOf(orderId);
    }

    private CreditHold openHold(String holdId) {
        CreditHold hold = store.find(holdId).orElseThrow(() -> HoldProblems.notFound("No hold with id " + holdId));
        if (hold.status() != HoldStatus.OPEN) {
            throw HoldProblems.notOpen(hold);
        }
        return hold;
    }

    /** Claims the hold first (only one person can settle it), then records why; undoes the claim if that fails. */
    private CreditHold settle(CreditHold hold, HoldStatus status, HoldAction action, Person person, String comment,
                              Instant now, BigDecimal limit, Instant validUntil, BigDecimal maxAmount) {
        CreditHold settled = store.settle(hold.holdId(), status, person.name(), now, comment, validUntil, maxAmount)
                .orElseThrow(() -> HoldProblems.notOpen(store.find(hold.holdId()).orElse(hold)));
        try {
            store.record(action(settled, action, person, comment, now, limit));
        } catch (RuntimeException e) {
            store.reopen(hold.holdId());
            throw Problems.auditUnavailable(e);
        }
        log.info("hold settled holdId={} status={} who={}", settled.holdId(), status, person.name());
        callbacks.notify(settled);
        return settled;
    }

    private HoldActionRecord action(CreditHold hold, HoldAction action, Person person, String comment, Instant at,
                                    BigDecimal limit) {
        return new HoldActionRecord(ids.next(), hold.holdId(), hold.decisionId(), hold.orderId(), action,
                person.name(), person.roles(), comment, at, hold.amount(), hold.currency(), limit, null, null, null,
                null);
    }
}
