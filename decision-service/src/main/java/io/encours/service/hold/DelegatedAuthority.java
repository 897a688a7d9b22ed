package io.encours.service.hold;

import io.encours.rules.policy.DelegationTable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * What a person may release, from the delegation table of the policy in force: a person with several
 * roles may release an amount when any of their roles allows it.
 *
 * @param allowed whether the amount is within the person's authority
 * @param limit   the highest limit among the person's roles; null when one of them is unlimited, zero when
 *                none of them has any authority
 */
record DelegatedAuthority(List<String> roles, BigDecimal amount, boolean allowed, BigDecimal limit) {

    static DelegatedAuthority of(DelegationTable table, List<String> roles, BigDecimal amount) {
        boolean allowed = roles.stream().anyMatch(role -> table.allows(role, amount));
        BigDecimal limit = BigDecimal.ZERO;
        for (String role : roles) {
            Optional<BigDecimal> roleLimit = table.limitOf(role);
            if (roleLimit == null) {
                continue;
            }
            if (roleLimit.isEmpty()) {
                limit = null;
                break;
            }
            limit = roleLimit.get().max(limit);
        }
        return new DelegatedAuthority(List.copyOf(roles), amount, allowed, limit);
    }
}
