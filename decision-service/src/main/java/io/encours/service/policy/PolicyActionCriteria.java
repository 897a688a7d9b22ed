package io.encours.service.policy;

import com.mongodb.client.model.Filters;
import io.encours.service.storage.TimeKeyset;
import io.encours.service.storage.TimeOrder;
import io.encours.service.storage.TrailCriteria;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.conversions.Bson;

/**
 * A selection of the policy's actions, as the auditors' search asks for it: every criterion given must hold;
 * {@code from} inclusive, {@code to} exclusive, on the time of the action. The policy trail store turns it into a
 * query on its own fields; the caller never names them.
 *
 * @param version     the policy version acted on
 * @param action      CREATE, UPLOAD, REPLACE_FILE, SUBMIT, APPROVE, REJECT, SCHEDULE, ACTIVATE, SCHEDULED_ACTIVATION
 *                    or ROLLBACK
 * @param actor       who acted
 * @param contentHash the version's content hash at the time
 */
public record PolicyActionCriteria(Integer version, String action, String actor, String contentHash, Instant from,
                                   Instant to) {

    /** {@code at} (oldest first) or {@code -at} (newest first, the default). */
    public static TimeOrder order(String sort) {
        return TimeOrder.parse(sort, "at");
    }

    List<Bson> toBson(TimeKeyset keyset) {
        List<Bson> all = new ArrayList<>();
        if (version != null) {
            all.add(Filters.eq("version", version));
        }
        TrailCriteria.eq(all, "action", action);
        TrailCriteria.eq(all, "by", actor);
        TrailCriteria.eq(all, "contentHash", contentHash);
        keyset.addRange(all, from, to);
        return all;
    }
}
