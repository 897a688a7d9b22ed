package io.encours.service.audit;

import io.encours.rules.model.DecisionType;
import java.util.Objects;

/**
 * What a decision is about: the order an order check decides, the invoice a dunning step is for, or the
 * customer a score or a payment-terms exception concerns. The ledger and the collections link their documents
 * to decisions by it, and auditors search by it ({@code subjectKind}, {@code subjectId}).
 */
public record Subject(Kind kind, String id) {

    /** The kind of document a decision is about. */
    public enum Kind { ORDER, INVOICE, CUSTOMER }

    public Subject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    public static Subject order(String id) {
        return new Subject(Kind.ORDER, id);
    }

    public static Subject invoice(String number) {
        return new Subject(Kind.INVOICE, number);
    }

    public static Subject customer(String id) {
        return new Subject(Kind.CUSTOMER, id);
    }

    /**
     * The subject of a record written before subjects were stored (schema 1): an order check's order, a
     * dunning decision's invoice (kept in {@code orderId} then), the customer otherwise.
     */
    public static Subject derived(DecisionType type, String customerId, String orderId) {
        return switch (type) {
            case ORDER_CHECK -> orderId == null ? customer(customerId) : order(orderId);
            case DUNNING -> orderId == null ? customer(customerId) : invoice(orderId);
            case CUSTOMER_SCORE, PAYMENT_TERMS -> customer(customerId);
        };
    }

    /** The order or invoice number, as the {@code orderId} of the API and of the stored record; null otherwise. */
    public String documentId() {
        return kind == Kind.CUSTOMER ? null : id;
    }
}
