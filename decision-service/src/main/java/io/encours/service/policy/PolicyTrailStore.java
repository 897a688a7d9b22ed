package io.encours.service.policy;

import static io.encours.service.storage.BsonValues.date;
import static io.encours.service.storage.BsonValues.instant;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.encours.service.storage.TimeOrder;
import io.encours.service.storage.TrailPage;
import io.encours.service.storage.TrailStore;
import io.encours.service.storage.WriteDurability;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The policy's audit trail ({@code policy_actions}): written by {@link PolicyActions}, read by other features (the
 * auditors' search, retention) through this store alone.
 */
@Component
public class PolicyTrailStore extends TrailStore {
    static final String COLLECTION = "policy_actions";
    private final WriteDurability durability;

    public PolicyTrailStore(MongoTemplate mongo, WriteDurability durability) {
        super(mongo, durability, COLLECTION, "at");
        this.durability = durability;
    }

    /**
     * A page of the auditors' search of the policy's actions.
     *
     * @throws IllegalArgumentException the cursor was not returned by this search in this order, saying so
     */
    public TrailPage search(PolicyActionCriteria criteria, TimeOrder order, String cursor, int size) {
        return search(criteria.toBson(keyset()), order, cursor, size);
    }

    /** Stores one action, durably, before it is answered. */
    void insert(PolicyActions.Entry entry) {
        collection().insertOne(new Document("_id", entry.id()).append("action", entry.action().name())
                .append("version", entry.version()).append("contentHash", entry.contentHash())
                .append("by", entry.by()).append("at", date(entry.at())).append("comment", entry.comment()));
        durability.makeAcknowledgedWritesDurable();
    }

    /** The actions on one version, oldest first; all of them when {@code version} is null. */
    List<PolicyActions.Entry> of(Integer version) {
        List<PolicyActions.Entry> entries = new ArrayList<>();
        collection().find(version == null ? new Document() : Filters.eq("version", version))
                .sort(Sorts.ascending("at")).forEach(d -> entries.add(new PolicyActions.Entry(d.getString("_id"),
                        PolicyActions.Action.valueOf(d.getString("action")), d.getInteger("version"),
                        d.getString("contentHash"), d.getString("by"), instant(d, "at"), d.getString("comment"))));
        return entries;
    }
}
