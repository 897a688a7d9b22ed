package io.encours.service.decision;

import jakarta.validation.Constraint;
import jakarta.validation.OverridesAttribute;
import jakarta.validation.Payload;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A sum of money in the policy's currency: not negative (and above zero for the amount of an order or an
 * invoice), at most 1,000,000,000,000 (one thousand billion, beyond any balance sheet a credit team scores),
 * and in cents at most.
 */
@Documented
@DecimalMin("0")
@DecimalMax(Amount.MAX)
@Digits(integer = 13, fraction = 2)
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@interface Amount {
    String MAX = "1000000000000";

    /** False for amounts that must be above zero. */
    @OverridesAttribute(constraint = DecimalMin.class, name = "inclusive")
    boolean zeroAllowed() default true;

    String message() default "is not a valid amount";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
