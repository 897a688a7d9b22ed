package io.encours.service.decision;

import io.encours.rules.model.DecisionType;
import io.encours.service.audit.Subject;
import io.encours.service.web.FieldProblem;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * May this order go out on credit? The exposure is required: left out, it would count as none and make
 * the customer look further from its limit than it is.
 */
record OrderCheckBody(
        @NotNull @Valid CustomerInput customer,
        @NotNull @Valid ExposureInput exposure,
        @NotNull @Valid OrderInput order,
        @Schema(description = "Business date of the decision; left out: today. At most 10 years back and 31 days ahead (encours.decision.*)")
        LocalDate asOf) implements DecisionBody {

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
    }
}
