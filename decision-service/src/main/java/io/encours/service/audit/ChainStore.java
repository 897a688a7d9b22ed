package io.encours.service.audit;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.encours.service.storage.StoreIndexes;
import io.encours.service.storage.WriteDurability;

/**
 * The store of the hash chain: the chained records' insert into the trail ({@code decisions}, for the writer's group
 * commit) and where the chain ends (its last number and hash), found without reading the trail: one document in
 * {@value #COLLECTION}, moved forward by the writer after each group commit, and checked against the trail at
 * start-up and after a failed write with lookups on the unique {@code chainSeq} index (docs/audit.md, "The chain
 * head").
 *
 * <p>The head is a pointer, never trusted alone. It is written after the records it points to are
 * acknowledged, so a crash between the two leaves it behind the trail, never ahead: {@link #resume} then walks
 * forward from it, asking for the next numbers ({@value #STEP} at a time) until one is missing. A head that
 * points at a record the trail does not hold with that hash (a trail restored without its head, or a head
 * written by hand) and a store with no head document (written before there was one) are resolved once by
 * reading the trail's last number the old way, and the head written again.
 */
final class ChainStore {
    static final String COLLECTION = "audit_chain_head";
    /** The head's own id: the collection whose chain it heads. */
    static final String ID = AuditDocuments.COLLECTION;
    static final String AT = "at";
    /** Numbers asked for at once when walking forward from the head: one lookup each on the index. */
    static final int STEP = 64;
    private static final int UNAUTHORIZED = 13;
    private static final InsertManyOptions ORDERED = new InsertManyOptions().ordered(true);
    private static final Logger log = LoggerFactory.getLogger(ChainStore.class);

    /** The end of the chain: record {@code seq} has hash {@code hash}; {@code 0} and 64 zeros for none. */
    record Link(long seq, String hash) {
        static final Link GENESIS = new Link(0, AuditChain.GENESIS);
    }

    private final MongoCollection<Document> trail;
    private final MongoCollection<RawBsonDocument> encodedTrail;
    private final MongoCollection<Document> heads;
    /** On the embedded store a sorted query collects every match first: the fallback reads the trail in its order. */
    private final boolean sortedQueriesScan;
    private boolean headWriteFailing;

    /**
     * The head is written with {@code w:1}: it is only a pointer, checked against the trail before use. A head
     * lost by a crash or a fail-over is behind the trail, which {@link #resume} repairs; on the embedded store it
     * reaches the file with the group commit's own sync anyway.
     */
    ChainStore(MongoDatabase database, WriteConcern trailConcern, boolean sortedQueriesScan) {
        this.trail = database.getCollection(AuditDocuments.COLLECTION).withWriteConcern(trailConcern);
        this.encodedTrail = trail.withDocumentClass(RawBsonDocument.class);
        this.heads = database.getCollection(COLLECTION).withWriteConcern(WriteConcern.W1);
        this.sortedQueriesScan = sortedQueriesScan;
    }

    /** Idempotency keys are the caller's own: one per (caller, request id), docs/decisions/0002. */
    static final String CALLER_REQUEST_ID_INDEX = "caller_requestId_unique";
    /** Before issue 12 a request id was unique across callers: a second caller's key returned the first's decision. */
    static final String OLD_REQUEST_ID_INDEX = "requestId_unique";

    /**
     * The audit trail's indexes. The (caller, request id) index is what makes idempotency safe under concurrency.
     * The chain-number index finds a record by its number without reading the trail, on every store: the writer
     * confirms the chain's end with it at start-up; on MongoDB it also keeps the hash chain single when several
     * instances write to one database. The three others serve a customer's history, the audit explorer's outcome
     * filter and every search by time (statistics, a day's chain check, simulations), on both stores (the embedded
     * one builds them since issue 20: storage/EmbeddedSecondaryIndex). On a store written before an index existed,
     * creating it reads the trail once.
     *
     * <p>Migration: a store written before idempotency keys were scoped to the caller still has the unique index on
     * the request id alone, which would refuse another caller's use of the same key. Dropped first.
     */
    static void createIndexes(MongoDatabase database, WriteDurability durability) {
        MongoCollection<Document> decisions = database.getCollection(AuditDocuments.COLLECTION);
        try {
            dropCallerBlindRequestIdIndex(decisions);
        } catch (MongoCommandException e) {
            if (e.getErrorCode() != UNAUTHORIZED) {
                throw e;
            }
            log.warn("audit indexes not created: the database user may not create indexes; "
                    + "they must exist already (set encours.audit.create-indexes=false to skip this step)");
            return;
        }
        boolean created = StoreIndexes.ensure(decisions, true,
                new IndexModel(Indexes.ascending(AuditDocuments.CALLER, AuditDocuments.REQUEST_ID),
                        new IndexOptions().unique(true).name(CALLER_REQUEST_ID_INDEX)),
                chainIndex(),
                new IndexModel(Indexes.compoundIndex(Indexes.ascending(AuditDocuments.CUSTOMER_ID),
                        Indexes.descending(AuditDocuments.RECEIVED_AT)), new IndexOptions().name("customerId_receivedAt")),
                new IndexModel(Indexes.compoundIndex(Indexes.ascending(AuditDocuments.SUBJECT_ID),
                        Indexes.descending(AuditDocuments.RECEIVED_AT)), new IndexOptions().name("subjectId_receivedAt")),
                new IndexModel(Indexes.compoundIndex(Indexes.ascending(AuditDocuments.OUTCOME),
                        Indexes.descending(AuditDocuments.RECEIVED_AT)), new IndexOptions().name("outcome_receivedAt")),
                new IndexModel(Indexes.descending(AuditDocuments.RECEIVED_AT), new IndexOptions().name("receivedAt")));
        if (created) {
            durability.makeAcknowledgedWritesDurable();
        }
    }

    static void createChainIndex(MongoDatabase database) {
        StoreIndexes.ensure(database.getCollection(AuditDocuments.COLLECTION), true, chainIndex());
    }

    private static IndexModel chainIndex() {
        return new IndexModel(Indexes.ascending(AuditChain.SEQ),
                new IndexOptions().unique(true).sparse(true).name("chainSeq_unique"));
    }

    private static void dropCallerBlindRequestIdIndex(MongoCollection<Document> decisions) {
        boolean present = false;
        for (Document index : decisions.listIndexes()) {
            present |= OLD_REQUEST_ID_INDEX.equals(index.getString("name"));
        }
        if (present) {
            decisions.dropIndex(OLD_REQUEST_ID_INDEX);
            log.info("audit index dropped name={} (request ids are unique per caller since issue 12)",
                    OLD_REQUEST_ID_INDEX);
        }
    }

    /**
     * Inserts records already chained and encoded, in their order: those before the first refused one are stored,
     * those after it are not ({@link com.mongodb.MongoBulkWriteException} says which).
     */
    void insertChained(List<RawBsonDocument> records) {
        encodedTrail.insertMany(records, ORDERED);
    }

    /**
     * The end of the chain as the trail holds it: from the head document, confirmed and walked forward with
     * lookups on the {@code chainSeq} index; the head is written again when it was behind, wrong or absent.
     * Throws what the store throws when it cannot be read.
     */
    Link resume() {
        Link head = readHead();
        Link start;
        if (head == null) {
            start = lastByScan();
            log.info("audit chain head not found, read from the trail once lastSeq={}", start.seq());
        } else if (head.seq() == 0 || head.hash().equals(hashAt(head.seq()))) {
            start = head;
        } else {
            start = lastByScan();
            log.warn("audit chain head does not match the trail (seq {} absent or with another hash): read from "
                    + "the trail once headSeq={} lastSeq={}", head.seq(), head.seq(), start.seq());
        }
        Link end = walkForward(start);
        if (!end.equals(head)) {
            if (head != null && end.seq() > head.seq() && start == head) {
                log.info("audit chain head was behind the trail, moved forward headSeq={} lastSeq={}",
                        head.seq(), end.seq());
            }
            write(end, head == null || end.seq() <= head.seq());
        }
        return end;
    }

    /** After a group commit: the chain now ends at {@code end}. A failure here is logged, not thrown (see class). */
    void advance(Link end) {
        try {
            write(end, false);
            if (headWriteFailing) {
                headWriteFailing = false;
                log.info("audit chain head written again seq={}", end.seq());
            }
        } catch (MongoException e) {
            if (!headWriteFailing) {
                headWriteFailing = true;
                log.warn("audit chain head not written; the next start finds the chain's end from the last head "
                        + "written (more lookups, or one read of the trail) reason=\"{}\"", e.getMessage());
            }
        }
    }

    /**
     * Sets the head to {@code end} if it is behind it ({@code force}: whatever it is). Two instances on one
     * MongoDB both move it: the condition keeps it from going back.
     */
    private void write(Link end, boolean force) {
        Bson filter = force ? Filters.eq("_id", ID)
                : Filters.and(Filters.eq("_id", ID), Filters.lt(AuditChain.SEQ, end.seq()));
        try {
            heads.updateOne(filter, Updates.combine(Updates.set(AuditChain.SEQ, end.seq()),
                    Updates.set(AuditChain.HASH, end.hash()), Updates.set(AT, new Date())),
                    new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            // The head is at or past this link already (the upsert's insert collided with it): nothing to do.
            if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /** The head document, or null when there is none (or the database user may not read it). */
    private Link readHead() {
        Document d;
        try {
            d = heads.find(Filters.eq("_id", ID)).first();
        } catch (MongoException e) {
            if (e.getCode() != UNAUTHORIZED) {
                throw e;
            }
            log.warn("audit chain head not readable by the database user: the chain's end is read from the trail "
                    + "(grant find and update on {})", COLLECTION);
            return null;
        }
        if (d == null || !(d.get(AuditChain.SEQ) instanceof Number seq) || d.getString(AuditChain.HASH) == null) {
            return null;
        }
        return new Link(seq.longValue(), d.getString(AuditChain.HASH));
    }

    /** The hash of record {@code seq}, or null when the trail has no such record: one lookup on the index. */
    private String hashAt(long seq) {
        Document d = trail.find(Filters.eq(AuditChain.SEQ, seq)).projection(Projections.include(AuditChain.HASH))
                .first();
        return d == null ? null : d.getString(AuditChain.HASH);
    }

    /** From {@code start}, the records that follow it, {@link #STEP} numbers per query, until one is missing. */
    private Link walkForward(Link start) {
        Link end = start;
        while (true) {
            List<Long> next = new ArrayList<>(STEP);
            for (long s = end.seq() + 1; s <= end.seq() + STEP; s++) {
                next.add(s);
            }
            Map<Long, String> found = new HashMap<>();
            for (Document d : trail.find(Filters.in(AuditChain.SEQ, next))
                    .projection(Projections.include(AuditChain.SEQ, AuditChain.HASH))) {
                found.put(((Number) d.get(AuditChain.SEQ)).longValue(), d.getString(AuditChain.HASH));
            }
            for (long s : next) {
                String hash = found.get(s);
                if (hash == null) {
                    return end;
                }
                end = new Link(s, hash);
            }
        }
    }

    /**
     * The last record of the chain, read from the trail: with the index on MongoDB; on the embedded store, whose
     * sorted queries collect and sort every match, by reading the two chain fields of every record in the
     * collection's order, a batch at a time. Once per store, when it has no head document.
     */
    private Link lastByScan() {
        Bson chained = Filters.exists(AuditChain.SEQ);
        if (!sortedQueriesScan) {
            Document last = trail.find(chained).projection(Projections.include(AuditChain.SEQ, AuditChain.HASH))
                    .sort(Sorts.descending(AuditChain.SEQ)).limit(1).first();
            return last == null ? Link.GENESIS
                    : new Link(((Number) last.get(AuditChain.SEQ)).longValue(), last.getString(AuditChain.HASH));
        }
        Link last = Link.GENESIS;
        try (MongoCursor<Document> records = trail.find(chained)
                .projection(Projections.include(AuditChain.SEQ, AuditChain.HASH)).batchSize(1000).iterator()) {
            while (records.hasNext()) {
                Document d = records.next();
                long seq = ((Number) d.get(AuditChain.SEQ)).longValue();
                if (seq > last.seq()) {
                    last = new Link(seq, d.getString(AuditChain.HASH));
                }
            }
        }
        return last;
    }
}
