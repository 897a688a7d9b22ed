package io.encours.rules.model;

import java.math.BigDecimal;

/**
 * The group an account belongs to (its parent account): the group's limit in force and the group's exposure
 * before the order (the parent's own and its members' in the parent's currency). A parent account that cannot
 * be read counts as a group with no limit (0): never more generous than without the group.
 *
 * @param parentAccountId the parent account's id
 * @param limit           the parent's internal limit in force; 0 when none, expired or the parent is missing
 * @param exposure        the group's exposure before the order
 * @param parentFound     false when the parent account does not exist
 */
public record CreditGroup(String parentAccountId, BigDecimal limit, BigDecimal exposure, boolean parentFound) {
    public CreditGroup {
        InvalidFact.required(parentAccountId, "group.parentAccountId");
        limit = InvalidFact.notNegative(limit == null || !parentFound ? BigDecimal.ZERO : limit, "group.limit");
        exposure = InvalidFact.notNegative(exposure == null ? BigDecimal.ZERO : exposure, "group.exposure");
    }

    /** A parent account named by a member but not found. */
    public static CreditGroup missing(String parentAccountId) {
        return new CreditGroup(parentAccountId, BigDecimal.ZERO, BigDecimal.ZERO, false);
    }
}
