package io.encours.service.account;

import java.util.Objects;
import java.util.Optional;

/**
 * A limit or a cover as it stands on a given day: present when in force, or absent with the reason the order
 * check states (a limit past its validity is no limit, not the old one).
 *
 * @param value  the term in force; null when there is none that day
 * @param reason why there is none (null when there is one)
 */
public record InForce<T>(T value, NotInForce reason) {
    public InForce {
        if ((value == null) == (reason == null)) {
            throw new IllegalArgumentException("either a value in force or the reason there is none");
        }
    }

    static <T> InForce<T> of(T value) {
        return new InForce<>(Objects.requireNonNull(value), null);
    }

    static <T> InForce<T> none(NotInForce reason) {
        return new InForce<>(null, reason);
    }

    public Optional<T> inForce() {
        return Optional.ofNullable(value);
    }

    /** Why a limit or a cover does not count on a day: the reason code the order check reports. */
    public enum NotInForce {
        LIMIT_MISSING, LIMIT_NOT_YET_VALID, LIMIT_EXPIRED, COVER_MISSING, COVER_NOT_YET_VALID, COVER_EXPIRED
    }
}
