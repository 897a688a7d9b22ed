package io.encours.service.security;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.encours.service.storage.Inserts;
import io.encours.service.storage.StoreIndexes;
import io.encours.service.storage.WriteDurability;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The {@code api_keys} collection: one document per key, unique by name and by the SHA-256 of the key. */
class ApiKeyStore {
    static final String COLLECTION = "api_keys";

    private final MongoCollection<Document> keys;
    private final WriteDurability durability;
    private final boolean createIndexes;

    ApiKeyStore(MongoTemplate mongo, WriteDurability durability, boolean createIndexes) {
        this.keys = mongo.getCollection(COLLECTION).withWriteConcern(durability.writeConcern());
        this.durability = durability;
        this.createIndexes = createIndexes;
    }

    void createIndexes() {
        StoreIndexes.ensure(keys, createIndexes,
                new IndexModel(Indexes.ascending(SecurityDocuments.HASH), new IndexOptions().unique(true).name("hash_unique")),
                new IndexModel(Indexes.ascending(SecurityDocuments.NAME), new IndexOptions().unique(true).name("name_unique")));
    }

    /** Stores a new key; false when its name or hash is taken. */
    boolean insert(ApiKey key) {
        if (!Inserts.unlessTaken(keys, SecurityDocuments.toDocument(key))) {
            return false;
        }
        durability.makeAcknowledgedWritesDurable();
        return true;
    }

    void save(ApiKey key) {
        keys.replaceOne(Filters.eq(SecurityDocuments.ID, key.id()), SecurityDocuments.toDocument(key),
                new ReplaceOptions().upsert(true));
        durability.makeAcknowledgedWritesDurable();
    }

    Optional<ApiKey> findByName(String name) {
        return first(Filters.eq(SecurityDocuments.NAME, name));
    }

    Optional<ApiKey> findById(String id) {
        return first(Filters.eq(SecurityDocuments.ID, id));
    }

    Optional<ApiKey> findByHash(String hash) {
        return first(Filters.eq(SecurityDocuments.HASH, hash));
    }

    /** Every key, revoked ones included, by name. */
    List<ApiKey> all() {
        List<ApiKey> all = new ArrayList<>();
        keys.find().sort(Sorts.ascending(SecurityDocuments.NAME)).forEach(d -> all.add(SecurityDocuments.toApiKey(d)));
        return all;
    }

    /** The keys not revoked. */
    List<ApiKey> active() {
        List<ApiKey> active = new ArrayList<>();
        keys.find(Filters.eq(SecurityDocuments.REVOKED_AT, null)).forEach(d -> active.add(SecurityDocuments.toApiKey(d)));
        return active;
    }

    private Optional<ApiKey> first(org.bson.conversions.Bson filter) {
        return Optional.ofNullable(keys.find(filter).first()).map(SecurityDocuments::toApiKey);
    }
}
