package io.encours.service.security;

import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Accounts and keys as an earlier release could store them, before segregation of duties was enforced:
 * written straight into the store, since the administration API no longer makes them.
 */
final class LegacyCredentials {
    private LegacyCredentials() {
    }

    static void apiKey(MongoTemplate mongo, String name, String key, List<String> roles, String createdBy) {
        if (mongo.exists(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("name").is(name)), "api_keys")) {
            return;
        }
        mongo.insert(new Document("_id", UUID.randomUUID().toString()).append("name", name)
                .append("hash", ApiKeys.hash(key)).append("prefix", key.substring(0, 8)).append("roles", roles)
                .append("createdAt", new Date()).append("createdBy", createdBy)
                .append("revokedAt", null).append("revokedBy", null), "api_keys");
    }

    static void user(MongoTemplate mongo, String username, String password, List<String> roles) {
        if (mongo.findById(username, Document.class, "users") != null) {
            return;
        }
        mongo.insert(new Document("_id", username).append("passwordHash", new BCryptPasswordEncoder(4).encode(password))
                .append("roles", roles).append("enabled", true).append("passwordChangeRequired", false)
                .append("createdAt", new Date()).append("createdBy", "admin").append("updatedAt", new Date()), "users");
    }
}
