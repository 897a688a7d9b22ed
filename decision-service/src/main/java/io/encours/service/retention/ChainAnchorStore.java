package io.encours.service.retention;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The anchor of the decisions' chain after a prune, or none while the chain starts at record 1 with the
 * genesis hash. One document, {@code _id: "decisions"}, in {@code audit_chain_anchor}.
 */
public final class ChainAnchorStore {
    static final String COLLECTION = "audit_chain_anchor";
    static final String DECISIONS = "decisions";

    private final MongoCollection<Document> anchors;

    public ChainAnchorStore(MongoTemplate mongo) {
        this.anchors = mongo.getCollection(COLLECTION);
    }

    public Optional<ChainAnchor> decisions() {
        Document d = anchors.find(Filters.eq("_id", DECISIONS)).first();
        if (d == null) {
            return Optional.empty();
        }
        return Optional.of(new ChainAnchor(((Number) d.get("firstSeq")).longValue(), d.getString("anchorHash"),
                d.getString("throughPeriod"), d.getDate("prunedAt").toInstant(), d.getString("prunedBy")));
    }

    /** Written before the records are deleted: a prune cut short leaves records below the anchor, never a gap. */
    void set(ChainAnchor anchor, long prunedFrom) {
        anchors.replaceOne(Filters.eq("_id", DECISIONS), new Document("_id", DECISIONS).append("firstSeq", anchor.firstSeq())
                .append("anchorHash", anchor.anchorHash()).append("throughPeriod", anchor.throughPeriod())
                .append("prunedAt", Date.from(anchor.prunedAt())).append("prunedBy", anchor.prunedBy())
                .append("prunedFrom", prunedFrom), new ReplaceOptions().upsert(true));
    }

    /** The first chain number the last prune started deleting from (to finish a prune cut short). */
    long prunedFrom() {
        Document d = anchors.find(Filters.eq("_id", DECISIONS)).first();
        return d == null ? 1 : ((Number) d.get("prunedFrom")).longValue();
    }
}
