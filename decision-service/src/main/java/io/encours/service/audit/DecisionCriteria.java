package io.encours.service.audit;

import static io.encours.service.storage.BsonValues.date;
import static io.encours.service.storage.BsonValues.decimal128;

import com.mongodb.client.model.Filters;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.conversions.Bson;

/**
 * A selection of decisions, as the auditors' search and exports ask for it: every criterion given must hold. Times
 * are the reception time, from inclusive, to exclusive; amounts are inclusive. The audit store turns it into a query
 * on its own fields ({@link AuditDocuments}); the caller never names them.
 */
public record DecisionCriteria(
        String customer,
        String orderId,
        String requestId,
        String type,
        String outcome,
        String reasonCode,
        String firedRule,
        String policyVersion,
        String policyHash,
        String caller,
        Instant from,
        Instant to,
        BigDecimal minAmount,
        BigDecimal maxAmount,
        Subject subject) {

    /** Every decision. */
    public static DecisionCriteria any() {
        return new DecisionCriteria(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The decisions of one request id (any caller). */
    public static DecisionCriteria ofRequest(String requestId) {
        return new DecisionCriteria(null, null, requestId, null, null, null, null, null, null, null, null, null, null,
                null, null);
    }

    /** The decisions about one order, invoice or customer. */
    public static DecisionCriteria about(Subject subject) {
        return new DecisionCriteria(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                subject);
    }

    Bson toBson() {
        List<Bson> all = new ArrayList<>();
        eq(all, AuditDocuments.CUSTOMER_ID, customer);
        eq(all, "orderId", orderId);
        eq(all, AuditDocuments.REQUEST_ID, requestId);
        eq(all, AuditDocuments.TYPE, type);
        eq(all, AuditDocuments.OUTCOME, outcome);
        // On an array field, equality means "contains".
        eq(all, "reasonCodes", reasonCode);
        eq(all, "firedRules", firedRule);
        eq(all, "policy.version", policyVersion);
        eq(all, "policy.contentHash", policyHash);
        eq(all, AuditDocuments.CALLER, caller);
        if (from != null) {
            all.add(Filters.gte(AuditDocuments.RECEIVED_AT, date(from)));
        }
        if (to != null) {
            all.add(Filters.lt(AuditDocuments.RECEIVED_AT, date(to)));
        }
        if (minAmount != null) {
            all.add(Filters.gte("amount", decimal128(minAmount)));
        }
        if (maxAmount != null) {
            all.add(Filters.lte("amount", decimal128(maxAmount)));
        }
        if (subject != null) {
            all.add(AuditReadStore.about(subject));
        }
        return all.isEmpty() ? Filters.empty() : Filters.and(all);
    }

    private static void eq(List<Bson> all, String field, String value) {
        if (value != null && !value.isBlank()) {
            all.add(Filters.eq(field, value));
        }
    }
}
