package io.encours.service.security;

import static io.encours.service.security.Role.ADMIN;
import static io.encours.service.security.Role.AUDITOR;
import static io.encours.service.security.Role.CREDIT_ANALYST;
import static io.encours.service.security.Role.CREDIT_COMMITTEE;
import static io.encours.service.security.Role.CREDIT_MANAGER;
import static io.encours.service.security.Role.ERP_FEED;
import static io.encours.service.security.Role.ORDER_SYSTEM;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Segregation of duties: who may hold which roles together. Four eyes means nothing if one person can both
 * grant credit roles and hold them, or mint a key that acts for them: so administration and credit work are
 * never held by the same person, and API keys carry only the roles of a machine client. The same rules are
 * checked when roles are given (a 409 problem) and when a stored account or key is used (refused, logged),
 * so an account made before the rules existed fails closed.
 */
final class Duties {
    /** The roles that decide on credit: author, approve, activate policies, release or reject holds. */
    static final Set<Role> CREDIT_ROLES = EnumSet.of(CREDIT_ANALYST, CREDIT_MANAGER, CREDIT_COMMITTEE);
    /** What a key may carry: an order-entry system, the ERP's feed, and read-only auditing (exports). */
    static final Set<Role> MACHINE_ROLES = EnumSet.of(ORDER_SYSTEM, ERP_FEED, AUDITOR);

    private Duties() {
    }

    /** Why a person may not hold these roles together; empty when they may. */
    static Optional<String> personConflict(Set<Role> roles) {
        if (roles.contains(ADMIN)) {
            Set<Role> credit = EnumSet.noneOf(Role.class);
            credit.addAll(roles);
            credit.retainAll(CREDIT_ROLES);
            if (!credit.isEmpty()) {
                return Optional.of("ADMIN and " + Role.namesOf(credit) + " are never held by the same person: "
                        + "whoever grants roles must not decide on credit");
            }
        }
        return Optional.empty();
    }

    /** Why an API key may not carry these roles; empty when it may. */
    static Optional<String> keyConflict(Set<Role> roles) {
        Set<Role> beyond = EnumSet.noneOf(Role.class);
        beyond.addAll(roles);
        beyond.removeAll(MACHINE_ROLES);
        if (!beyond.isEmpty()) {
            return Optional.of("an API key carries only machine roles " + Role.namesOf(MACHINE_ROLES) + ", never "
                    + Role.namesOf(beyond) + ": people do that work under their own name");
        }
        return Optional.empty();
    }
}
