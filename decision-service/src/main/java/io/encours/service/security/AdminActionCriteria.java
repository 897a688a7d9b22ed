package io.encours.service.security;

import io.encours.service.storage.TimeKeyset;
import io.encours.service.storage.TimeOrder;
import io.encours.service.storage.TrailCriteria;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.conversions.Bson;

/**
 * A selection of the administration trail, as the auditors' search asks for it: every criterion given must hold;
 * {@code from} inclusive, {@code to} exclusive, on the time of the action. The administration trail store turns it
 * into a query on its own fields; the caller never names them.
 *
 * @param action ADMIN_BOOTSTRAPPED, USER_CREATED, USER_ROLES_SET, ... ({@link AdminActions})
 * @param actor  who acted
 * @param target the user or API key acted on
 */
public record AdminActionCriteria(String action, String actor, String target, Instant from, Instant to) {

    /** Every action of one kind. */
    public static AdminActionCriteria ofAction(String action) {
        return new AdminActionCriteria(action, null, null, null, null);
    }

    /** {@code at} (oldest first) or {@code -at} (newest first, the default). */
    public static TimeOrder order(String sort) {
        return TimeOrder.parse(sort, "at");
    }

    List<Bson> toBson(TimeKeyset keyset) {
        List<Bson> all = new ArrayList<>();
        TrailCriteria.eq(all, "action", action);
        TrailCriteria.eq(all, "actor", actor);
        TrailCriteria.eq(all, "target", target);
        keyset.addRange(all, from, to);
        return all;
    }
}
