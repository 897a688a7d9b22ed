package io.encours.service.security;

import static io.encours.service.storage.BsonValues.date;
import static io.encours.service.storage.BsonValues.instant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/**
 * The stored shapes of the security feature, in one place: a person ({@code users}, keyed by username), a machine
 * client's key ({@code api_keys}) and an administration action ({@code admin_actions}). Times are BSON dates.
 */
final class SecurityDocuments {
    static final String ID = "_id";
    static final String NAME = "name";
    static final String HASH = "hash";
    static final String REVOKED_AT = "revokedAt";
    static final String AT = "at";

    private SecurityDocuments() {
    }

    static Document toDocument(UserAccount a) {
        return new Document(ID, a.username())
                .append("passwordHash", a.passwordHash())
                .append("roles", Role.namesOf(a.roles()))
                .append("enabled", a.enabled())
                .append("passwordChangeRequired", a.passwordChangeRequired())
                .append("createdAt", date(a.createdAt()))
                .append("createdBy", a.createdBy())
                .append("updatedAt", date(a.updatedAt()));
    }

    static UserAccount toAccount(Document d) {
        Set<Role> roles = Role.parseAll(d.getList("roles", String.class, new ArrayList<>()));
        return new UserAccount(d.getString(ID), d.getString("passwordHash"), roles,
                d.getBoolean("enabled", true), d.getBoolean("passwordChangeRequired", false),
                instant(d, "createdAt"), d.getString("createdBy"), instant(d, "updatedAt"));
    }

    static Document toDocument(ApiKey k) {
        return new Document(ID, k.id())
                .append(NAME, k.name())
                .append(HASH, k.hash())
                .append("prefix", k.prefix())
                .append("roles", Role.namesOf(k.roles()))
                .append("createdAt", date(k.createdAt()))
                .append("createdBy", k.createdBy())
                .append(REVOKED_AT, date(k.revokedAt()))
                .append("revokedBy", k.revokedBy());
    }

    static ApiKey toApiKey(Document d) {
        Set<Role> roles = Role.parseAll(d.getList("roles", String.class, new ArrayList<>()));
        return new ApiKey(d.getString(ID), d.getString(NAME), d.getString(HASH), d.getString("prefix"), roles,
                instant(d, "createdAt"), d.getString("createdBy"), instant(d, REVOKED_AT), d.getString("revokedBy"));
    }

    static Document adminAction(String id, Instant at, String actor, AdminActions.Action action, String target,
                                Map<String, Object> details) {
        return new Document(ID, id)
                .append(AT, date(at))
                .append("actor", actor)
                .append("action", action.name())
                .append("target", target)
                .append("details", new Document(details));
    }
}
