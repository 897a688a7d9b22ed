package io.encours.service.security;

import io.encours.service.security.AdminActions.Action;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Failed password logins, counted in the store ({@code login_failures}) so that every instance sees them:
 * one document per username tried and one per client address, each holding the times of its recent
 * failures. A username with {@code encours.security.lockout.max-failures-per-user} failures, or an address
 * with {@code max-failures-per-address}, within {@code window}, is locked until its oldest counted failure
 * leaves the window; the lockout is written to the administration trail when it starts. Successful logins
 * do not reset the count (that would cost a write per request, people log in on every call): failures
 * simply age out, or an administrator unlocks the user.
 */
class LoginFailures {
    static final String COLLECTION = "login_failures";
    private static final String TIMES = "times";
    private static final int MAX_KEY_LENGTH = 128;

    /** A lockout in force: on a user or an address, and when a login may be tried again. */
    record Lockout(String on, String who, Duration retryAfter) {
    }

    private final MongoTemplate mongo;
    private final AdminActions actions;
    private final SecurityProperties.Lockout settings;
    private final Clock clock;

    private volatile boolean indexPending;

    LoginFailures(MongoTemplate mongo, AdminActions actions, SecurityProperties.Lockout settings, Clock clock) {
        this.mongo = mongo;
        this.actions = actions;
        this.settings = settings;
        this.clock = clock;
    }

    /** Creates the expiry index, or (store unreachable at start-up) before the first failure is counted. */
    void createIndexes() {
        try {
            createExpiryIndex();
        } catch (com.mongodb.MongoCommandException e) {
            throw e;
        } catch (com.mongodb.MongoException | org.springframework.dao.DataAccessResourceFailureException e) {
            indexPending = true;
        }
    }

    private void createExpiryIndex() {
        // Real MongoDB removes documents nobody failed on for a day; the embedded server keeps them (harmless).
        mongo.indexOps(COLLECTION).createIndex(new Index().on("lastAt", Sort.Direction.ASC)
                .expire(settings.window().plusDays(1)).named("last_at_ttl"));
    }

    /** The lockout in force for this username or this address, if any (the user's first). */
    Optional<Lockout> lockout(String username, String address) {
        Instant now = clock.instant();
        Optional<Lockout> user = lockout("user", username, settings.maxFailuresPerUser(), now);
        return user.isPresent() ? user : lockout("address", address, settings.maxFailuresPerAddress(), now);
    }

    /** Counts a failed login; the failure that reaches a limit starts a lockout and is recorded. */
    void recordFailure(String username, String address) {
        if (indexPending) {
            createExpiryIndex();
            indexPending = false;
        }
        Instant now = clock.instant();
        count("user", username, settings.maxFailuresPerUser(), address, now);
        count("address", address, settings.maxFailuresPerAddress(), address, now);
    }

    /** Forgets the failures of a username; returns how many were counted in the window. */
    int clearUser(String username) {
        Document removed = mongo.findAndRemove(Query.query(Criteria.where("_id").is(id("user", username))),
                Document.class, COLLECTION);
        return removed == null ? 0 : recent(removed, clock.instant()).size();
    }

    private Optional<Lockout> lockout(String on, String who, int limit, Instant now) {
        if (who == null) {
            return Optional.empty();
        }
        Document counted = mongo.findById(id(on, who), Document.class, COLLECTION);
        if (counted == null) {
            return Optional.empty();
        }
        List<Instant> recent = recent(counted, now);
        if (recent.size() < limit) {
            return Optional.empty();
        }
        // Newest first: once the limit-th newest failure leaves the window, fewer than the limit remain.
        Instant freedAt = recent.get(limit - 1).plus(settings.window());
        Duration wait = Duration.between(now, freedAt);
        return Optional.of(new Lockout(on, who, wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait));
    }

    private void count(String on, String who, int limit, String address, Instant now) {
        if (who == null) {
            return;
        }
        Query same = Query.query(Criteria.where("_id").is(id(on, who)));
        mongo.upsert(same, new Update().push(TIMES, Date.from(now)).set("lastAt", Date.from(now)), COLLECTION);
        Document counted = mongo.findOne(same, Document.class, COLLECTION);
        List<Instant> recent = counted == null ? List.of() : recent(counted, now);
        List<?> stored = counted == null ? List.of() : counted.getList(TIMES, Object.class, List.of());
        if (stored.size() > recent.size() + limit) {
            // Keeps the document small: times out of the window count for nothing.
            mongo.updateFirst(same, new Update().set(TIMES, recent.stream().map(Date::from).toList()), COLLECTION);
        }
        if (recent.size() == limit) {
            actions.record("login", Action.LOGIN_LOCKED, on + ":" + who,
                    Map.of("failures", limit, "window", settings.window().toString(), "address", address));
        }
    }

    private List<Instant> recent(Document counted, Instant now) {
        Instant since = now.minus(settings.window());
        List<Instant> recent = new ArrayList<>();
        for (Date at : counted.getList(TIMES, Date.class, List.of())) {
            if (at.toInstant().isAfter(since)) {
                recent.add(at.toInstant());
            }
        }
        recent.sort(Comparator.reverseOrder());
        return recent;
    }

    private static String id(String on, String who) {
        String key = who.length() > MAX_KEY_LENGTH ? who.substring(0, MAX_KEY_LENGTH) : who;
        return on + ":" + key;
    }
}
