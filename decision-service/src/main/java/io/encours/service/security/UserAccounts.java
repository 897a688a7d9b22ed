package io.encours.service.security;

import io.encours.service.storage.WriteDurability;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** The {@code users} collection: one document per person, keyed by username, holding a bcrypt hash. */
class UserAccounts {
    static final String COLLECTION = "users";

    private final MongoTemplate mongo;
    private final WriteDurability durability;

    UserAccounts(MongoTemplate mongo, WriteDurability durability) {
        this.mongo = mongo;
        this.durability = durability;
    }

    Optional<UserAccount> find(String username) {
        return Optional.ofNullable(mongo.findById(username, Document.class, COLLECTION)).map(UserAccounts::fromDocument);
    }

    List<UserAccount> all() {
        return mongo.find(new Query().with(Sort.by("_id")), Document.class, COLLECTION).stream()
                .map(UserAccounts::fromDocument).toList();
    }

    boolean isEmpty() {
        return mongo.count(new Query(), COLLECTION) == 0;
    }

    /** Adds a new account; false when the username is taken. */
    boolean create(UserAccount account) {
        if (mongo.exists(Query.query(Criteria.where("_id").is(account.username())), COLLECTION)) {
            return false;
        }
        try {
            mongo.insert(toDocument(account), COLLECTION);
        } catch (org.springframework.dao.DuplicateKeyException e) {
            return false;
        }
        durability.makeAcknowledgedWritesDurable();
        return true;
    }

    void save(UserAccount account) {
        mongo.save(toDocument(account), COLLECTION);
        durability.makeAcknowledgedWritesDurable();
    }

    private static Document toDocument(UserAccount a) {
        return new Document("_id", a.username())
                .append("passwordHash", a.passwordHash())
                .append("roles", Role.namesOf(a.roles()))
                .append("enabled", a.enabled())
                .append("passwordChangeRequired", a.passwordChangeRequired())
                .append("createdAt", Date.from(a.createdAt()))
                .append("createdBy", a.createdBy())
                .append("updatedAt", Date.from(a.updatedAt()));
    }

    private static UserAccount fromDocument(Document d) {
        Set<Role> roles = Role.parseAll(d.getList("roles", String.class, new ArrayList<>()));
        return new UserAccount(d.getString("_id"), d.getString("passwordHash"), roles,
                d.getBoolean("enabled", true), d.getBoolean("passwordChangeRequired", false),
                d.getDate("createdAt").toInstant(), d.getString("createdBy"), d.getDate("updatedAt").toInstant());
    }
}
