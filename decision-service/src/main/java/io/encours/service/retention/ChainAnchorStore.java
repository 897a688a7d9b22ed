package io.encours.service.retention;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The anchor of the decisions' chain after a prune, or none while the chain starts at record 1 with the
 * genesis hash. One document, {@code _id: "decisions"}, in {@code audit_chain_anchor} (its shape in
 * {@link RetentionDocuments}). A bean, made by {@link RetentionConfiguration}: the auditors' chain verification
 * reads it too.
 */
public final class ChainAnchorStore {
    static final String COLLECTION = "audit_chain_anchor";
    static final String DECISIONS = "decisions";

    private final MongoCollection<Document> anchors;

    public ChainAnchorStore(MongoTemplate mongo) {
        this.anchors = mongo.getCollection(COLLECTION);
    }

    public Optional<ChainAnchor> decisions() {
        return Optional.ofNullable(anchors.find(Filters.eq(RetentionDocuments.ID, DECISIONS)).first())
                .map(RetentionDocuments::anchor);
    }

    /** Written before the records are deleted: a prune cut short leaves records below the anchor, never a gap. */
    void set(ChainAnchor anchor, long prunedFrom) {
        anchors.replaceOne(Filters.eq(RetentionDocuments.ID, DECISIONS),
                RetentionDocuments.anchor(DECISIONS, anchor, prunedFrom), new ReplaceOptions().upsert(true));
    }

    /** The first chain number the last prune started deleting from (to finish a prune cut short). */
    long prunedFrom() {
        Document d = anchors.find(Filters.eq(RetentionDocuments.ID, DECISIONS)).first();
        return d == null ? 1 : RetentionDocuments.prunedFrom(d);
    }
}
