package io.encours.service.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A customer's payment behaviour on a date, derived from the ledger (the inputs an order check and a scoring
 * grid take).
 *
 * @param overdueAmount          open invoices past due (after the grace days)
 * @param openInvoices           all open invoices
 * @param overdueRatio           overdue / open invoices, 4 decimals; 0 when nothing is open
 * @param oldestOverdueDays      days past due of the oldest overdue invoice; 0 when none
 * @param highestDunningLevel    the highest dunning level sent on the invoices open on the date; 0 when none
 * @param paymentIncidents12m    payments reversed in the 12 months up to the date (included)
 * @param averageDaysLate12m     amount-weighted average of the days late (early counts 0) of the payments
 *                               allocated in the 12 months up to the date, 1 decimal; null when there were none
 * @param brokenPromises         promises whose date has passed without the promised amount paid on their invoices
 * @param disputedAmount         the disputed part of the open invoices
 */
public record PaymentBehaviour(LocalDate asOf, BigDecimal overdueAmount, BigDecimal openInvoices, BigDecimal overdueRatio,
                               long oldestOverdueDays, int highestDunningLevel, int paymentIncidents12m,
                               BigDecimal averageDaysLate12m, int brokenPromises, BigDecimal disputedAmount) {
}
