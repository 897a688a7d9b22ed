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

/** Score this customer: score, risk class, recommended limit, standard terms, guarantees. */
record CustomerScoreBody(
        @NotNull @Valid CustomerInput customer,
        @Schema(description = "Business date of the decision; left out: today. At most 10 years back and 31 days ahead (encours.decision.*)")
        LocalDate asOf) implements DecisionBody {

    @Override
    public DecisionType type() {
        return DecisionType.CUSTOMER_SCORE;
    }

    @Override
    public Subject subject() {
        return Subject.customer(customer.id());
    }

    @Override
    public BigDecimal amount() {
        return null;
    }

    @Override
    public void checkFields(List<FieldProblem> problems, String policyCurrency) {
        // nothing beyond the customer, which every decision checks
    }
}
