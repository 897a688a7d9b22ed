package io.encours.service.decision;

import io.encours.rules.model.DecisionType;
import io.encours.service.audit.Subject;
import io.encours.service.web.FieldProblem;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * May this order go out on credit? Either the caller sends the customer and its exposure (a full payload), or
 * only {@code customerId} (by reference) and Encours fills both from the customer's credit account and its
 * ledger position. With a full payload the exposure is required: left out, it would count as none and make
 * the customer look further from its limit than it is.
 */
record OrderCheckBody(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                description = "The customer as the caller knows it (for an order check by reference, see OrderCheckByReference)")
        @Valid CustomerInput customer,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The customer's exposure")
        @Valid ExposureInput exposure,
        @NotNull @Valid OrderInput order,
        @Schema(description = "Business date of the decision; left out: today. At most 10 years back and 31 days ahead (encours.decision.*)")
        LocalDate asOf,
        @Schema(hidden = true) // documented by OrderCheckByReference
        @Pattern(regexp = Codes.IDENTIFIER, message = Codes.IDENTIFIER_MESSAGE) String customerId,
        @Schema(hidden = true) LedgerPositionInput ledgerPosition) implements DecisionBody {

    /** A full payload, as callers sent it before order checks by reference existed. */
    OrderCheckBody(CustomerInput customer, ExposureInput exposure, OrderInput order, LocalDate asOf) {
        this(customer, exposure, order, asOf, null, null);
    }

    /** Sent by reference: only the customer's id, the rest to be read from its account and ledger. */
    boolean byReference() {
        return customerId != null && customer == null && exposure == null;
    }

    /** The same order check with the facts read for it: what is evaluated, recorded and replayed. */
    OrderCheckBody filled(CustomerInput readCustomer, ExposureInput readExposure, LedgerPositionInput position) {
        return new OrderCheckBody(readCustomer, readExposure, order, asOf, customerId, position);
    }

    @Override
    public List<FieldProblem> problems(io.encours.rules.policy.CompiledPolicy policy) {
        if (customer == null) {
            List<FieldProblem> problems = DecisionBody.none();
            checkFields(problems, policy.manifest().currency());
            return problems;
        }
        return DecisionBody.super.problems(policy);
    }

    @Override
    public DecisionType type() {
        return DecisionType.ORDER_CHECK;
    }

    @Override
    public Subject subject() {
        return Subject.order(order.id());
    }

    @Override
    public BigDecimal amount() {
        return order.amount();
    }

    @Override
    public void checkFields(List<FieldProblem> problems, String policyCurrency) {
        DecisionBody.checkCurrency(problems, "order.currency", order.currency(), policyCurrency);
        if (customerId == null && customer == null) {
            problems.add(new FieldProblem("customer", "is required, or customerId alone for an order check by reference"));
        }
        if (customerId == null && customer != null && exposure == null) {
            problems.add(new FieldProblem("exposure", "is required with customer (left out, it would count as none); "
                    + "or send customerId alone for an order check by reference"));
        }
        if (customerId != null && (customer != null || exposure != null)) {
            problems.add(new FieldProblem("customerId", "an order check by reference carries customerId without customer "
                    + "and exposure, which Encours reads from the account and ledger; a full payload carries no customerId"));
        }
        if (ledgerPosition != null) {
            problems.add(new FieldProblem("ledgerPosition", "is filled by Encours in the decision's record; leave it out"));
        }
    }
}
