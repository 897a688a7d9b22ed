package io.encours.service.decision;

import io.encours.rules.model.DecisionType;
import io.encours.rules.policy.CompiledPolicy;
import io.encours.service.audit.Subject;
import io.encours.service.web.FieldProblem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON body of one of the four decision requests. Bean Validation checks each field on its own, and
 * that the fields a safe decision needs are there; {@link #problems} checks what depends on the policy
 * (its currency, its sectors and legal forms) or on several fields.
 */
sealed interface DecisionBody permits OrderCheckBody, CustomerScoreBody, PaymentTermsBody, DunningBody {

    DecisionType type();

    CustomerInput customer();

    /** The business date of the decision; today in the service's time zone when left out. */
    LocalDate asOf();

    /** What the decision is about: the order, the invoice, or the customer when there is neither. */
    Subject subject();

    /** The amount at stake, when there is one. */
    BigDecimal amount();

    /** Adds what Bean Validation cannot see of this body alone: currency, fields that depend on each other. */
    void checkFields(List<FieldProblem> problems, String policyCurrency);

    /**
     * What Bean Validation cannot see: the policy's currency and vocabulary (sectors, legal forms), the
     * country code, fields that depend on each other. Empty when the request is sound.
     */
    default List<FieldProblem> problems(CompiledPolicy policy) {
        List<FieldProblem> problems = none();
        customer().checkCodes(problems, "customer", policy.vocabulary());
        checkFields(problems, policy.manifest().currency());
        return problems;
    }

    /** A currency field must be the policy's: the policy's amounts and limits are in that currency. */
    static void checkCurrency(List<FieldProblem> problems, String field, String given, String policyCurrency) {
        if (given != null && !given.equals(policyCurrency)) {
            problems.add(new FieldProblem(field, "must be " + policyCurrency
                    + ", the currency of the credit policy (amounts are not converted)"));
        }
    }

    static List<FieldProblem> none() {
        return new ArrayList<>(0);
    }
}
