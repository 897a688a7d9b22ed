package io.encours.service.decision;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * Where the facts of an order check by reference came from, kept in its audit record beside the facts
 * themselves: the account's version, the ledger position's version and its exposure by category as read. A
 * replay evaluates the recorded facts, never the ledger again, so it stays exact whatever happened since.
 *
 * @param accountVersion    the credit account's version read
 * @param ledgerVersion     the customer's ledger position version the decision was evaluated on (and, for an
 *                          APPROVE, reserved against)
 * @param exposure          the ledger's exposure by category on the decision's date, as read
 * @param exposureTotal     the total counted against the limit
 * @param attempts          how many times the order was decided: more than 1 when the position moved
 * @param reservedUntil     for an APPROVE, until when the order counts as approved, not booked
 * @param group             when the account has a parent: the group as read (null otherwise)
 */
@Schema(description = "Filled by Encours in the recorded input of an order check by reference; a request never carries it")
record LedgerPositionInput(
        long accountVersion,
        long ledgerVersion,
        Map<String, BigDecimal> exposure,
        BigDecimal exposureTotal,
        int attempts,
        Instant reservedUntil,
        GroupInput group) {

    LedgerPositionInput {
        exposure = exposure == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(exposure));
    }

    LedgerPositionInput reserved(int attempt, Instant until) {
        return new LedgerPositionInput(accountVersion, ledgerVersion, exposure, exposureTotal, attempt, until, group);
    }

    /**
     * The customer's group as read: the parent account, the group's limit in force (0 when none, when the parent
     * is missing or the customer is in another currency than the parent, which is never added), the group's
     * exposure before the order, and the members added.
     */
    record GroupInput(String parentAccountId, boolean parentFound, BigDecimal limit, BigDecimal exposure,
                      java.util.List<String> members, String excludedBecause) {
    }
}
