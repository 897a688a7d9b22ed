package io.encours.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** A successful bcrypt check is remembered for a while; a wrong password or a new hash never rides on it. */
class RememberedPasswordChecksTest {
    private final AtomicInteger bcryptChecks = new AtomicInteger();
    private final BCryptPasswordEncoder real = new BCryptPasswordEncoder(4);
    private final PasswordEncoder counting = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return real.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            bcryptChecks.incrementAndGet();
            return real.matches(raw, encoded);
        }
    };
    private Instant now = Instant.parse("2026-11-23T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final RememberedPasswordChecks checks = new RememberedPasswordChecks(counting, Duration.ofMinutes(5), clock);

    @Test
    void a_successful_check_is_remembered_until_it_expires() {
        String hash = checks.encode("secret-analyst");

        assertThat(checks.matches("secret-analyst", hash)).isTrue();
        assertThat(checks.matches("secret-analyst", hash)).isTrue();
        assertThat(checks.matches("secret-analyst", hash)).isTrue();
        assertThat(bcryptChecks).hasValue(1);

        now = now.plus(Duration.ofMinutes(6));
        assertThat(checks.matches("secret-analyst", hash)).isTrue();
        assertThat(bcryptChecks).hasValue(2);
    }

    @Test
    void a_wrong_password_is_checked_every_time_and_never_accepted() {
        String hash = checks.encode("secret-analyst");
        assertThat(checks.matches("secret-analyst", hash)).isTrue();

        assertThat(checks.matches("guess", hash)).isFalse();
        assertThat(checks.matches("guess", hash)).isFalse();
        assertThat(bcryptChecks).hasValue(3);
    }

    @Test
    void after_a_password_change_the_old_password_is_refused() {
        String before = checks.encode("old-password");
        assertThat(checks.matches("old-password", before)).isTrue();

        String after = checks.encode("new-password");
        assertThat(checks.matches("old-password", after)).isFalse();
        assertThat(checks.matches("new-password", after)).isTrue();
    }
}
