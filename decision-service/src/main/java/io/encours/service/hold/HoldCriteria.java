package io.encours.service.hold;

import static io.encours.service.storage.BsonValues.date;
import static io.encours.service.storage.BsonValues.decimal128;

import com.mongodb.client.model.Filters;
import io.encours.service.storage.TimeKeyset;
import io.encours.service.storage.TrailCriteria;
import io.encours.service.storage.TimeOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.conversions.Bson;

/**
 * A selection of credit holds, as the auditors' search asks for it: every criterion given must hold. {@code from}
 * and {@code to} bound the time the hold was opened (from inclusive, to exclusive); amounts are inclusive. The hold
 * trail store turns it into a query on its own fields; the caller never names them.
 *
 * @param status    EXPIRED selects the RELEASED holds whose release is no longer valid (never stored)
 * @param settledBy who released or rejected it
 */
public record HoldCriteria(String customer, String orderId, String decisionId, HoldStatus status, String outcome,
                           String reasonCode, String settledBy, Instant from, Instant to, BigDecimal minAmount,
                           BigDecimal maxAmount) {
    static final TimeKeyset KEYSET = new TimeKeyset("openedAt");

    /** {@code openedAt} (oldest first) or {@code -openedAt} (newest first, the default). */
    public static TimeOrder order(String sort) {
        return TimeOrder.parse(sort, "openedAt");
    }

    List<Bson> toBson(Instant now) {
        List<Bson> all = new ArrayList<>();
        TrailCriteria.eq(all, "customerId", customer);
        TrailCriteria.eq(all, "orderId", orderId);
        TrailCriteria.eq(all, "decisionId", decisionId);
        TrailCriteria.eq(all, "outcome", outcome);
        // On an array field, equality means "contains".
        TrailCriteria.eq(all, "reasonCodes", reasonCode);
        TrailCriteria.eq(all, "settledBy", settledBy);
        if (status != null) {
            all.add(status(status, now));
        }
        KEYSET.addRange(all, from, to);
        if (minAmount != null) {
            all.add(Filters.gte("amount", decimal128(minAmount)));
        }
        if (maxAmount != null) {
            all.add(Filters.lte("amount", decimal128(maxAmount)));
        }
        return all;
    }

    /** EXPIRED is not stored: it is a RELEASED hold whose release is no longer valid. */
    private static Bson status(HoldStatus status, Instant now) {
        return switch (status) {
            case EXPIRED -> Filters.and(Filters.eq("status", HoldStatus.RELEASED.name()),
                    Filters.lt("validUntil", date(now)));
            case RELEASED -> Filters.and(Filters.eq("status", HoldStatus.RELEASED.name()),
                    Filters.or(Filters.eq("validUntil", null), Filters.gte("validUntil", date(now))));
            case OPEN, REJECTED -> Filters.eq("status", status.name());
        };
    }
}
