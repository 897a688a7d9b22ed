package io.encours.service.decision;

import io.encours.rules.model.DebtorProfile;
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
 * What is the next dunning step for this invoice? {@code declaredProfile} is the credit team's own
 * judgement of the debtor; left out, the policy derives it from behaviour.
 */
record DunningBody(
        @NotNull @Valid CustomerInput customer,
        @NotNull @Valid InvoiceInput invoice,
        DebtorProfile declaredProfile,
        @Schema(description = "Business date of the decision; left out: today. At most 10 years back and 31 days ahead (encours.decision.*)")
        LocalDate asOf) implements DecisionBody {

    @Override
    public DecisionType type() {
        return DecisionType.DUNNING;
    }

    @Override
    public Subject subject() {
        return Subject.invoice(invoice.number());
    }

    @Override
    public BigDecimal amount() {
        return invoice.amount();
    }

    @Override
    public void checkFields(List<FieldProblem> problems, String policyCurrency) {
        // a due date before the issue date is refused by the rules' OverdueInvoice itself
        DecisionBody.checkCurrency(problems, "invoice.currency", invoice.currency(), policyCurrency);
    }
}
