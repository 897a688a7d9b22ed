package io.encours.service.hold;

import io.encours.service.storage.TimeKeyset;
import io.encours.service.storage.TrailCriteria;
import io.encours.service.storage.TimeOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.conversions.Bson;

/**
 * A selection of what was done to credit holds (releases, rejections, refused attempts, callbacks), as the auditors'
 * search asks for it: every criterion given must hold; {@code from} inclusive, {@code to} exclusive, on the time of
 * the action. The hold trail store turns it into a query on its own fields.
 *
 * @param action RELEASE, REJECT, REFUSED_ATTEMPT or CALLBACK_ATTEMPT
 * @param actor  who acted
 */
public record HoldActionCriteria(String holdId, String decisionId, String orderId, String action, String actor,
                                 Instant from, Instant to) {
    static final TimeKeyset KEYSET = new TimeKeyset("at");

    /** {@code at} (oldest first) or {@code -at} (newest first, the default). */
    public static TimeOrder order(String sort) {
        return TimeOrder.parse(sort, "at");
    }

    List<Bson> toBson() {
        List<Bson> all = new ArrayList<>();
        TrailCriteria.eq(all, "holdId", holdId);
        TrailCriteria.eq(all, "decisionId", decisionId);
        TrailCriteria.eq(all, "orderId", orderId);
        TrailCriteria.eq(all, "action", action);
        TrailCriteria.eq(all, "who", actor);
        KEYSET.addRange(all, from, to);
        return all;
    }
}
