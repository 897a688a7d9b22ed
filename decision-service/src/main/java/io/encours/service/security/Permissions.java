package io.encours.service.security;

import static io.encours.service.security.Role.ADMIN;
import static io.encours.service.security.Role.AUDITOR;
import static io.encours.service.security.Role.CREDIT_COMMITTEE;
import static io.encours.service.security.SecurityConfiguration.CREDIT_STAFF;
import static io.encours.service.security.SecurityConfiguration.CREDIT_STAFF_AND_AUDITORS;
import static io.encours.service.security.SecurityConfiguration.DECIDERS;
import static io.encours.service.security.SecurityConfiguration.DECISION_READERS;
import static io.encours.service.security.SecurityConfiguration.RUN_STARTERS;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a caller may do, named for clients (the policy editor shows only what is allowed), derived from the
 * role groups of {@link SecurityConfiguration}'s URL map: a client reads them from {@code GET /api/v1/admin/me}
 * instead of declaring the roles again. The URL map stays the protection; {@code PermissionsTest} calls a
 * representative endpoint of each permission as each role, so the two cannot drift apart.
 */
final class Permissions {
    private static final Map<String, String[]> GRANTED_TO = new LinkedHashMap<>();

    static {
        GRANTED_TO.put("decisions.request", DECIDERS);
        GRANTED_TO.put("decisions.read", DECISION_READERS);
        GRANTED_TO.put("policies.read", CREDIT_STAFF_AND_AUDITORS);
        GRANTED_TO.put("policies.evaluate", CREDIT_STAFF);
        GRANTED_TO.put("policies.change", Role.names(CREDIT_COMMITTEE));
        GRANTED_TO.put("holds.read", CREDIT_STAFF_AND_AUDITORS);
        GRANTED_TO.put("holds.settle", CREDIT_STAFF);
        GRANTED_TO.put("simulations.read", CREDIT_STAFF_AND_AUDITORS);
        GRANTED_TO.put("simulations.start", RUN_STARTERS);
        GRANTED_TO.put("backtests.read", CREDIT_STAFF_AND_AUDITORS);
        GRANTED_TO.put("backtests.start", RUN_STARTERS);
        GRANTED_TO.put("stats.read", CREDIT_STAFF_AND_AUDITORS);
        // an account with its exposure, ledger events and history (GET /api/v1/accounts/**)
        GRANTED_TO.put("accounts.read", CREDIT_STAFF_AND_AUDITORS);
        GRANTED_TO.put("audit.read", Role.names(AUDITOR));
        GRANTED_TO.put("administration", Role.names(ADMIN));
    }

    private Permissions() {
    }

    /** Every permission, in a stable order. */
    static Set<String> all() {
        return GRANTED_TO.keySet();
    }

    /** The permissions the given role names grant, in the order of {@link #all()}. */
    static List<String> of(Collection<String> roles) {
        return GRANTED_TO.entrySet().stream()
                .filter(e -> Arrays.stream(e.getValue()).anyMatch(roles::contains))
                .map(Map.Entry::getKey).toList();
    }
}
