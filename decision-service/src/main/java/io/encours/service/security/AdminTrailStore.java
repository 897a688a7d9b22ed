package io.encours.service.security;

import io.encours.service.storage.TrailStore;
import io.encours.service.storage.WriteDurability;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** The administration trail ({@code admin_actions}), read by other features (the auditors' search, retention) through its store alone. */
@Component
public class AdminTrailStore extends TrailStore {
    public AdminTrailStore(MongoTemplate mongo, WriteDurability durability) {
        super(mongo, durability, AdminActions.COLLECTION, "at");
    }
}
