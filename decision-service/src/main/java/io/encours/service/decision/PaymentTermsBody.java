package io.encours.service.decision;

import io.encours.rules.model.DecisionType;
import io.encours.rules.model.PaymentMethod;
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
 * The customer asks for payment terms other than its standard ones. The order amount is optional; its
 * currency, when given, must be the policy's.
 */
record PaymentTermsBody(
        @NotNull @Valid CustomerInput customer,
        @NotNull @Valid TermsInput requestedTerms,
        @Amount BigDecimal orderAmount,
        @Pattern(regexp = Codes.CURRENCY, message = Codes.CURRENCY_MESSAGE) String currency,
        PaymentMethod paymentMethod,
        @Schema(description = "Business date of the decision; left out: today. At most 10 years back and 31 days ahead (encours.decision.*)")
        LocalDate asOf) implements DecisionBody {

    @Override
    public DecisionType type() {
        return DecisionType.PAYMENT_TERMS;
    }

    @Override
    public Subject subject() {
        return Subject.customer(customer.id());
    }

    @Override
    public BigDecimal amount() {
        return orderAmount;
    }

    @Override
    public void checkFields(List<FieldProblem> problems, String policyCurrency) {
        DecisionBody.checkCurrency(problems, "currency", currency, policyCurrency);
    }
}
