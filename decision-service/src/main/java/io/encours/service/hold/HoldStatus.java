package io.encours.service.hold;

/**
 * Where a hold stands. EXPIRED is never stored: it is a RELEASED hold whose release is no longer valid, so
 * the order must be checked again.
 */
public enum HoldStatus {
    OPEN, RELEASED, REJECTED, EXPIRED
}
