package io.encours.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.encours.service.storage.EmbeddedMongo;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The lockout rules with the default settings (5 failures per user, 50 per address, within 15 minutes), on
 * their own embedded store and a clock the test moves: exact limits, the wait announced, the end of a
 * lockout, and its record in the administration trail.
 */
class LoginFailuresTest {
    private static final String HOME = "10.1.2.3";

    @TempDir
    Path dataDir;

    private EmbeddedMongo store;
    private MongoClient client;
    private MongoTemplate mongo;
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-03T08:00:00Z"));
    private LoginFailures failures;

    @BeforeEach
    void start() {
        store = EmbeddedMongo.start(dataDir);
        client = MongoClients.create(store.connectionString("encours"));
        mongo = new MongoTemplate(client, "encours");
        failures = new LoginFailures(new LoginFailureStore(mongo, true), new AdminActions(new AdminTrailStore(mongo, store, true), clock), SecurityProperties.Lockout.DEFAULTS,
                clock);
    }

    @AfterEach
    void stop() {
        client.close();
        store.close();
    }

    @Test
    void the_fifth_failure_for_a_user_within_fifteen_minutes_locks_it_until_the_first_leaves_the_window() {
        for (int i = 0; i < 4; i++) {
            failures.recordFailure("l.dupont", HOME);
            clock.move(Duration.ofMinutes(1));
        }
        assertThat(failures.lockout("l.dupont", HOME)).isEmpty();

        failures.recordFailure("l.dupont", HOME); // at 08:04

        LoginFailures.Lockout lockout = failures.lockout("l.dupont", "10.9.9.9").orElseThrow();
        assertThat(lockout.on()).isEqualTo("user");
        assertThat(lockout.retryAfter()).isEqualTo(Duration.ofMinutes(11)); // the 08:00 failure leaves at 08:15
        assertThat(failures.lockout("m.other", HOME)).isEmpty();
        clock.move(Duration.ofMinutes(11).minusSeconds(1));
        assertThat(failures.lockout("l.dupont", HOME)).isPresent();
        clock.move(Duration.ofSeconds(1));
        assertThat(failures.lockout("l.dupont", HOME)).isEmpty();
        assertThat(trail("LOGIN_LOCKED", "user:l.dupont")).isEqualTo(1);
    }

    @Test
    void failures_older_than_the_window_do_not_count() {
        for (int i = 0; i < 4; i++) {
            failures.recordFailure("n.petit", HOME);
        }
        clock.move(Duration.ofMinutes(15));

        failures.recordFailure("n.petit", HOME);

        assertThat(failures.lockout("n.petit", HOME)).isEmpty();
    }

    @Test
    void fifty_failures_from_one_address_lock_it_whatever_the_usernames() {
        for (int i = 0; i < 49; i++) {
            failures.recordFailure("guess-" + i, HOME);
        }
        assertThat(failures.lockout("someone-new", HOME)).isEmpty();

        failures.recordFailure("guess-49", HOME);

        LoginFailures.Lockout lockout = failures.lockout("someone-new", HOME).orElseThrow();
        assertThat(lockout.on()).isEqualTo("address");
        assertThat(lockout.retryAfter()).isEqualTo(Duration.ofMinutes(15));
        assertThat(failures.lockout("someone-new", "10.1.2.4")).isEmpty();
        assertThat(trail("LOGIN_LOCKED", "address:" + HOME)).isEqualTo(1);
    }

    @Test
    void an_unlock_forgets_the_user_s_failures_but_not_the_address_s() {
        for (int i = 0; i < 5; i++) {
            failures.recordFailure("o.martin", HOME);
        }

        assertThat(failures.clearUser("o.martin")).isEqualTo(5);

        assertThat(failures.lockout("o.martin", HOME)).isEmpty();
        assertThat(mongo.findById("address:" + HOME, Document.class, LoginFailureStore.COLLECTION)
                .getList("times", java.util.Date.class)).hasSize(5);
        assertThat(failures.clearUser("o.martin")).isZero();
    }

    private long trail(String action, String target) {
        return mongo.count(Query.query(Criteria.where("action").is(action).and("target").is(target)),
                AdminTrailStore.COLLECTION);
    }

    /** A clock the test moves by hand. */
    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
