package io.encours.service.account;

import java.time.Instant;

/**
 * One change of an account, as its history shows it: the account before (null when created) and after, who
 * made it, when and why.
 *
 * @param version the account's version this change wrote
 * @param reason  why (free text; "import of <file>" for a bulk load); null when none was given
 */
public record AccountChange(String customerId, long version, Instant at, String by, String reason,
                            CreditAccount before, CreditAccount after) {
}
