package io.encours.rules.decision;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The next dunning step for an invoice, with the late-payment charges the debtor owes and the credit
 * insurer's claim deadline when the invoice is insured.
 */
public record DunningStep(
        String debtorProfile,
        int level,
        String action,
        String channel,
        int daysToNextStep,
        LocalDate nextStepOn,
        String priority,
        BigDecimal lateInterestRatePercent,
        BigDecimal lateInterest,
        BigDecimal recoveryIndemnity,
        LocalDate insurerClaimDeadline,
        boolean insurerClaimDue) {
}
