package io.encours.service.ledger;

import io.encours.service.account.CreditAccount;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What the order check reads from and reserves in the ledger. A customer's credit position has a version that
 * every accepted ledger event and every reservation moves on: a reservation is made only against the version the
 * decision was evaluated on, so two order checks evaluated at the same moment cannot both use the same available
 * credit, whatever service instance answers them (the serialisation is one conditional update in the database).
 */
public interface CreditPositions {

    /** The customer's position as of a date (today: from the running totals; a past date: from the documents). */
    Optional<CreditPosition> positionOf(String customerId, LocalDate asOf);

    /** The same, for an account already read (the order check has it): the account is not read a second time. */
    Optional<CreditPosition> positionOf(CreditAccount account, LocalDate asOf);

    /**
     * The group of a parent account on a day (its own and its members' exposure against its limit, see
     * {@link GroupExposure}); empty when there is no such account.
     */
    Optional<GroupExposure> groupOf(String parentAccountId, LocalDate asOf);

    /**
     * Counts an approved order check as exposure (APPROVED_NOT_BOOKED) until the order is booked or cancelled in
     * the ledger or the reservation expires. Returns false, reserving nothing, when the position has moved past
     * {@code expectedVersion} since it was read: the caller reads the position again and decides again. The
     * reservation is acknowledged, not yet made durable: the caller answers only after a commit that makes the
     * writes acknowledged so far durable (the order check's own audit record).
     */
    boolean reserve(String customerId, long expectedVersion, ApprovedOrderCheck check, Instant expiresAt);

    /** The exposure, payment behaviour and version of one customer's position as read. */
    record CreditPosition(String customerId, long version, Exposure exposure, PaymentBehaviour behaviour) {
    }
}
