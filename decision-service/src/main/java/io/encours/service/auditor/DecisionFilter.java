package io.encours.service.auditor;

import com.mongodb.client.model.Filters;
import io.encours.service.audit.AuditReadStore;
import io.encours.service.audit.Subject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;

/**
 * A selection of decisions: every criterion given must hold. Times are {@code receivedAt}, from inclusive,
 * to exclusive; amounts are inclusive. The subject (kind and id) finds the decisions about an order, an invoice
 * or a customer, older records included.
 */
record DecisionFilter(
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

    Bson toBson() {
        List<Bson> all = new ArrayList<>();
        eq(all, "customerId", customer);
        eq(all, "orderId", orderId);
        eq(all, "requestId", requestId);
        eq(all, "type", type);
        eq(all, "outcome", outcome);
        // On an array field, equality means "contains".
        eq(all, "reasonCodes", reasonCode);
        eq(all, "firedRules", firedRule);
        eq(all, "policy.version", policyVersion);
        eq(all, "policy.contentHash", policyHash);
        eq(all, "caller", caller);
        if (from != null) {
            all.add(Filters.gte("receivedAt", Date.from(from)));
        }
        if (to != null) {
            all.add(Filters.lt("receivedAt", Date.from(to)));
        }
        if (minAmount != null) {
            all.add(Filters.gte("amount", new Decimal128(minAmount)));
        }
        if (maxAmount != null) {
            all.add(Filters.lte("amount", new Decimal128(maxAmount)));
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
