package io.encours.service.decision;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;

/**
 * The OpenAPI shape of an order check by reference. The endpoint reads it into {@link OrderCheckBody} (which
 * takes both shapes); this record only documents the second one.
 */
@Schema(description = "An order check by reference: only the customer's id and the order. Encours reads the customer, "
        + "its exposure and its payment behaviour from its credit account and ledger position on asOf, records them "
        + "with the position's version, and reserves an approved order's amount (approved, not booked) until the ERP "
        + "books or cancels the order or the policy's order.reservationValidityDays pass. An unknown customer is a "
        + "404 /problems/customer-not-found.",
        example = "{\"customerId\": \"C-1001\", \"order\": {\"id\": \"SO-2026-0107\", \"amount\": 20000.00, "
                + "\"currency\": \"EUR\", \"requestedTerms\": {\"days\": 30, \"endOfMonth\": false}, "
                + "\"paymentMethod\": \"BANK_TRANSFER\", \"purchaseOrderPresent\": true, "
                + "\"termsAndConditionsAccepted\": true}}")
record OrderCheckByReference(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The customer's id (its credit account)",
                example = "C-1001") String customerId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) OrderInput order,
        @Schema(description = "Business date of the decision; left out: today") LocalDate asOf) {
}
