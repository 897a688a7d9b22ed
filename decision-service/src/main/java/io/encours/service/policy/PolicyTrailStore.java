package io.encours.service.policy;

import io.encours.service.storage.TrailStore;
import io.encours.service.storage.WriteDurability;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** The policy's audit trail ({@code policy_actions}), read by other features (the auditors' search, retention) through its store alone. */
@Component
public class PolicyTrailStore extends TrailStore {
    public PolicyTrailStore(MongoTemplate mongo, WriteDurability durability) {
        super(mongo, durability, PolicyActions.COLLECTION, "at");
    }
}
