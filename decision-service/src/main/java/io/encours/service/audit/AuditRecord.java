package io.encours.service.audit;

import io.encours.rules.decision.DecisionResult;
import io.encours.rules.decision.PolicyStamp;
import io.encours.rules.model.DecisionType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Everything an auditor needs about one decision: who asked, when, with which data, under which policy,
 * what came out and why.
 *
 * @param decisionId      time-ordered id (UUIDv7), also the document's {@code _id}
 * @param requestId       the caller's idempotency key, or the decision id when the caller sent none
 * @param payloadHash     SHA-256 of the request as parsed; tells a retry from a different request
 * @param caller          who called (the {@code X-Caller} header until callers authenticate)
 * @param receivedAt      when the request arrived, to the millisecond
 * @param customerId      the customer decided on
 * @param subject         what the decision is about: the order (order checks), the invoice (dunning) or the
 *                        customer (scores, payment terms)
 * @param outcome         the decision's outcome, e.g. APPROVE
 * @param amount          the amount at stake (order, requested-terms order or invoice amount); may be null
 * @param asOf            the business date the decision was made for: the request's, or the day it arrived
 * @param input           the request as received, parsed and written back as JSON (field order fixed,
 *                        spacing dropped): what {@code payloadHash} is computed from
 * @param output          the complete result, both languages of every reason, and the rules that fired
 * @param evaluationNanos time spent evaluating the policy
 * @param totalNanos      time from the request's arrival to this record, before it was written
 */
public record AuditRecord(
        String decisionId,
        DecisionType type,
        String requestId,
        String payloadHash,
        String caller,
        Instant receivedAt,
        LocalDate asOf,
        String customerId,
        Subject subject,
        String outcome,
        BigDecimal amount,
        String currency,
        PolicyStamp policy,
        String input,
        DecisionResult output,
        long evaluationNanos,
        long totalNanos) {

    public AuditRecord {
        Objects.requireNonNull(decisionId, "decisionId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(payloadHash, "payloadHash");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
    }

    /** The order id or invoice number decided on; null when the subject is the customer. */
    public String orderId() {
        return subject.documentId();
    }

    /** Is {@code payloadHash} of a {@code type} request the same request as this one? */
    public boolean sameRequestAs(DecisionType type, String payloadHash) {
        return this.type == type && this.payloadHash.equals(payloadHash);
    }
}
