package io.encours.rules.model;

/** The four decisions a credit policy makes. */
public enum DecisionType {
    /** Customer scoring: score, risk class, recommended limit, standard terms and guarantees. */
    CUSTOMER_SCORE,
    /** Order credit check: APPROVE, REVIEW or BLOCK an order on credit terms. */
    ORDER_CHECK,
    /** Payment-term exception: may the customer have the terms it asks for, and who must approve. */
    PAYMENT_TERMS,
    /** Next dunning step for an overdue invoice. */
    DUNNING
}
