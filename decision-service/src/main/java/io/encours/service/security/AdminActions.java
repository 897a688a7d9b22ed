package io.encours.service.security;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The administration trail ({@code admin_actions}): every change to accounts and keys, and every login
 * lockout, with who did what to whom and when. Written before the change is answered; never updated. Holds
 * no password and no key. Auditors search it ({@code GET /api/v1/audit/admin-actions}).
 */
class AdminActions {
    private static final Logger log = LoggerFactory.getLogger(AdminActions.class);

    enum Action {
        ADMIN_BOOTSTRAPPED, USER_CREATED, USER_ROLES_SET, USER_DISABLED, USER_ENABLED, USER_PASSWORD_RESET,
        PASSWORD_CHANGED, API_KEY_CREATED, API_KEY_REVOKED,
        /** Too many failed logins for a user or from an address: logins refused for a while. */
        LOGIN_LOCKED,
        /** An administrator lifted a user's login lockout. */
        USER_UNLOCKED
    }

    private final AdminTrailStore store;
    private final Clock clock;

    AdminActions(AdminTrailStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    void record(String actor, Action action, String target, Map<String, Object> details) {
        store.insert(SecurityDocuments.adminAction(UUID.randomUUID().toString(), clock.instant(), actor, action, target,
                details));
        log.info("admin action action={} actor={} target={} details={}", action, actor, target, details);
    }

    /** Moves the events of the former {@code security_events} collection here, once. */
    void takeOverFormerCollection() {
        store.takeOverFormerCollection();
    }

    void createIndexes() {
        store.createIndexes();
    }
}
