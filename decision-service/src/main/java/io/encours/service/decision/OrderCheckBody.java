package io.encours.service.decision;

import io.encours.rules.model.DecisionRequest;
import io.encours.rules.model.DecisionType;
import io.encours.rules.model.OrderCheckRequest;
import io.encours.service.web.FieldProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** May this order go out on credit? Exposure left out means none. */
record OrderCheckBody(
        @NotNull @Valid CustomerInput customer,
        @Valid ExposureInput exposure,
        @NotNull @Valid OrderInput order,
        LocalDate asOf) implements DecisionBody {

    @Override
    public DecisionType type() {
        return DecisionType.ORDER_CHECK;
    }

    @Override
    public DecisionRequest toRequest(LocalDate asOf) {
        return new OrderCheckRequest(customer.toModel(), exposure == null ? null : exposure.toModel(),
                order.toModel(), asOf);
    }

    @Override
    public String orderId() {
        return order.id();
    }

    @Override
    public BigDecimal amount() {
        return order.amount();
    }

    @Override
    public List<FieldProblem> problems(String policyCurrency) {
        List<FieldProblem> problems = DecisionBody.none();
        DecisionBody.checkCurrency(problems, "order.currency", order.currency(), policyCurrency);
        return problems;
    }
}
