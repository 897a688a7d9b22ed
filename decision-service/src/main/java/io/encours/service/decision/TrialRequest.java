package io.encours.service.decision;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.encours.rules.model.DecisionRequest;
import io.encours.rules.model.DecisionType;
import io.encours.rules.policy.CompiledPolicy;
import io.encours.service.web.FieldProblem;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A decision request to try against a policy version without deciding anything: {@code type} says which
 * of the four decisions, {@code request} is the same JSON as that decision endpoint's body, checked the
 * same way (Bean Validation when the body is read, then {@link #check} for what depends on the policy).
 */
public record TrialRequest(
        @Schema(description = "ORDER_CHECK, CUSTOMER_SCORE, PAYMENT_TERMS or DUNNING")
        @NotNull DecisionType type,
        @Schema(description = "the body the decision endpoint of this type takes", implementation = Object.class)
        @NotNull @Valid
        @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXTERNAL_PROPERTY, property = "type")
        @JsonSubTypes({
                @JsonSubTypes.Type(value = OrderCheckBody.class, name = "ORDER_CHECK"),
                @JsonSubTypes.Type(value = CustomerScoreBody.class, name = "CUSTOMER_SCORE"),
                @JsonSubTypes.Type(value = PaymentTermsBody.class, name = "PAYMENT_TERMS"),
                @JsonSubTypes.Type(value = DunningBody.class, name = "DUNNING")})
        DecisionBody request) {

    /**
     * The rules' request, once the fields that depend on the policy (its currency and vocabulary) and the
     * date window are checked.
     *
     * @param today the business date used when the request gives no {@code asOf}
     * @throws io.encours.service.web.ProblemException naming each invalid field ({@code request.order.currency})
     */
    public DecisionRequest check(CompiledPolicy policy, LocalDate today, DecisionProperties settings) {
        List<FieldProblem> found = request.problems(policy);
        settings.asOfProblem(request.asOf(), today).ifPresent(reason -> found.add(new FieldProblem("asOf", reason)));
        List<FieldProblem> problems = found.stream()
                .map(p -> new FieldProblem("request." + p.field(), p.reason()))
                .collect(Collectors.toCollection(ArrayList::new));
        return RequestFacts.checked(request, asOf(today), problems, "request.");
    }

    public LocalDate asOf(LocalDate today) {
        return request.asOf() != null ? request.asOf() : today;
    }

    public String customerId() {
        return request.customer().id();
    }

    public String orderId() {
        return request.subject().documentId();
    }

    public BigDecimal amount() {
        return request.amount();
    }
}
