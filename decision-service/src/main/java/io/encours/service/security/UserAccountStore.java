package io.encours.service.security;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.encours.service.storage.Inserts;
import io.encours.service.storage.WriteDurability;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The {@code users} collection: one document per person, keyed by username, holding a bcrypt hash. */
class UserAccountStore {
    static final String COLLECTION = "users";

    private final MongoCollection<Document> users;
    private final WriteDurability durability;

    UserAccountStore(MongoTemplate mongo, WriteDurability durability) {
        this.users = mongo.getCollection(COLLECTION).withWriteConcern(durability.writeConcern());
        this.durability = durability;
    }

    Optional<UserAccount> find(String username) {
        return Optional.ofNullable(users.find(Filters.eq(SecurityDocuments.ID, username)).first())
                .map(SecurityDocuments::toAccount);
    }

    List<UserAccount> all() {
        List<UserAccount> all = new ArrayList<>();
        users.find().sort(Sorts.ascending(SecurityDocuments.ID)).forEach(d -> all.add(SecurityDocuments.toAccount(d)));
        return all;
    }

    boolean isEmpty() {
        return users.find().limit(1).first() == null;
    }

    /** Adds a new account; false when the username is taken. */
    boolean create(UserAccount account) {
        if (find(account.username()).isPresent()) {
            return false;
        }
        if (!Inserts.unlessTaken(users, SecurityDocuments.toDocument(account))) {
            return false;
        }
        durability.makeAcknowledgedWritesDurable();
        return true;
    }

    void save(UserAccount account) {
        users.replaceOne(Filters.eq(SecurityDocuments.ID, account.username()), SecurityDocuments.toDocument(account),
                new ReplaceOptions().upsert(true));
        durability.makeAcknowledgedWritesDurable();
    }
}
