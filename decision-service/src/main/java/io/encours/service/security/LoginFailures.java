package io.encours.service.security;

import io.encours.service.security.AdminActions.Action;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
    private static final int MAX_KEY_LENGTH = 128;

    /** A lockout in force: on a user or an address, and when a login may be tried again. */
    record Lockout(String on, String who, Duration retryAfter) {
    }

    private final LoginFailureStore store;
    private final AdminActions actions;
    private final SecurityProperties.Lockout settings;
    private final Clock clock;

    private volatile boolean indexPending;

    LoginFailures(LoginFailureStore store, AdminActions actions, SecurityProperties.Lockout settings, Clock clock) {
        this.store = store;
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
        } catch (com.mongodb.MongoException e) {
            indexPending = true;
        }
    }

    private void createExpiryIndex() {
        // Documents nobody failed on for a day longer than the window count for nothing.
        store.createIndexes(settings.window().plusDays(1));
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
        return recent(store.remove(id("user", username)), clock.instant()).size();
    }

    private Optional<Lockout> lockout(String on, String who, int limit, Instant now) {
        if (who == null) {
            return Optional.empty();
        }
        Optional<List<Instant>> counted = store.times(id(on, who));
        if (counted.isEmpty()) {
            return Optional.empty();
        }
        List<Instant> recent = recent(counted.get(), now);
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
        String id = id(on, who);
        List<Instant> stored = store.add(id, now);
        List<Instant> recent = recent(stored, now);
        if (stored.size() > recent.size() + limit) {
            // Keeps the document small: times out of the window count for nothing.
            store.replace(id, recent);
        }
        if (recent.size() == limit) {
            actions.record("login", Action.LOGIN_LOCKED, on + ":" + who,
                    Map.of("failures", limit, "window", settings.window().toString(), "address", address));
        }
    }

    private List<Instant> recent(List<Instant> counted, Instant now) {
        Instant since = now.minus(settings.window());
        List<Instant> recent = new ArrayList<>();
        for (Instant at : counted) {
            if (at.isAfter(since)) {
                recent.add(at);
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
