package io.encours.service.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * bcrypt, with successful checks remembered for a few minutes. People log in with HTTP Basic on every call
 * (no session), and the policy editor makes several calls per page and polls a running simulation every
 * second: a bcrypt check per call (tens of milliseconds of CPU each) would make the page slow and take CPU
 * from decisions. A check is remembered by the SHA-256 of the stored hash and the password given, so a
 * changed password (a new hash) is never matched by an old entry; failed checks are never remembered, and a
 * disabled account is refused before its password is checked. Only digests are kept, never a password.
 */
final class RememberedPasswordChecks implements PasswordEncoder {
    private static final int MAX_ENTRIES = 10_000;

    private final PasswordEncoder bcrypt;
    private final Duration remembered;
    private final Clock clock;
    private final Map<String, Instant> checked = new ConcurrentHashMap<>();

    RememberedPasswordChecks(PasswordEncoder bcrypt, Duration remembered, Clock clock) {
        this.bcrypt = bcrypt;
        this.remembered = remembered;
        this.clock = clock;
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return bcrypt.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return false;
        }
        String key = ApiKeys.hash(encodedPassword + '\0' + rawPassword);
        Instant now = clock.instant();
        Instant until = checked.get(key);
        if (until != null && now.isBefore(until)) {
            return true;
        }
        boolean matches = bcrypt.matches(rawPassword, encodedPassword);
        if (matches) {
            if (checked.size() >= MAX_ENTRIES) {
                checked.clear();
            }
            checked.put(key, now.plus(remembered));
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return bcrypt.upgradeEncoding(encodedPassword);
    }
}
