package io.encours.service.ledger;

import io.encours.service.account.CreditAccount;
import io.encours.service.account.CreditAccount.InternalLimit;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A group's exposure: the parent account's own and its members' (the accounts whose parent it is), summed by
 * category from each one's position on the day, against the parent's own internal limit in force. A member in
 * another currency than the parent is never added (two currencies are never summed): it is listed in
 * {@code excluded} with the reason.
 *
 * @param parentAccountId the parent account
 * @param currency        the parent's currency, the only one summed
 * @param limit           the parent's internal limit in force on the day; null when none
 * @param categories      the parent's and its members' exposure by category
 * @param total           the total counted against the group's limit
 * @param available       the limit less the total; null when there is no limit in force
 * @param parentTotal     the parent's own total
 * @param members         each member added, with its own total
 * @param excluded        each member left out, with the reason
 */
public record GroupExposure(String parentAccountId, String currency, BigDecimal limit,
                            Map<ExposureCategory, BigDecimal> categories, BigDecimal total, BigDecimal available,
                            BigDecimal parentTotal, List<Member> members, List<Excluded> excluded) {

    /** A member added to the group, with its own total. */
    public record Member(String customerId, BigDecimal total) {
    }

    /** A member left out of the group's sums, and why. */
    public record Excluded(String customerId, String currency, String reason) {
    }

    /** Whether this account was left out of the group's sums. */
    public boolean excludes(String customerId) {
        return excluded.stream().anyMatch(e -> e.customerId().equals(customerId));
    }

    /** The group of {@code parent} on {@code day}, reading each position through {@code positions}. */
    static GroupExposure of(CreditAccount parent, List<CreditAccount> members, LocalDate day,
                            CreditPositions positions) {
        Map<ExposureCategory, BigDecimal> sums = new EnumMap<>(ExposureCategory.class);
        for (ExposureCategory c : ExposureCategory.values()) {
            sums.put(c, BigDecimal.ZERO);
        }
        BigDecimal parentTotal = add(sums, positions.positionOf(parent, day).map(p -> p.exposure()).orElse(null));
        BigDecimal total = parentTotal;
        List<Member> added = new ArrayList<>();
        List<Excluded> excluded = new ArrayList<>();
        for (CreditAccount member : members) {
            if (!parent.currency().equals(member.currency())) {
                excluded.add(new Excluded(member.customerId(), member.currency(),
                        "in " + member.currency() + ", not the group's " + parent.currency()
                                + ": amounts of two currencies are never added"));
                continue;
            }
            BigDecimal own = add(sums, positions.positionOf(member, day).map(p -> p.exposure()).orElse(null));
            added.add(new Member(member.customerId(), own));
            total = total.add(own);
        }
        BigDecimal limit = parent.limitOn(day).inForce().map(InternalLimit::amount).orElse(null);
        return new GroupExposure(parent.customerId(), parent.currency(), limit, Collections.unmodifiableMap(sums),
                total, limit == null ? null : limit.subtract(total), parentTotal, List.copyOf(added),
                List.copyOf(excluded));
    }

    private static BigDecimal add(Map<ExposureCategory, BigDecimal> sums, Exposure exposure) {
        if (exposure == null) {
            return BigDecimal.ZERO;
        }
        exposure.amounts().forEach((c, amount) -> sums.merge(c, amount, BigDecimal::add));
        return exposure.total();
    }
}
