package io.encours.service.migration;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;
import io.encours.service.audit.AuditChain;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.RawBsonDocument;

/**
 * Copies one database to another, collection by collection, and checks the copy.
 *
 * <p>Documents travel as the source server returns them ({@link RawBsonDocument}): nothing is decoded into Java
 * values and encoded back, so {@code _id}, Decimal128 amounts, dates and field order arrive unchanged, and the
 * audit records' hashes still match their content. The source's indexes are created on the target first, with
 * the specifications the service gave them (name, keys, unique), so the unique ones also guard the copy.
 *
 * <p>Restartable: inserts are unordered, and a document whose {@code _id} the target already holds is skipped if
 * it is the same document, and counted as a conflict if it is not (the migration then fails its check).
 */
final class StoreMigration {
    static final String DECISIONS = "decisions";
    static final String CHAIN_ANCHOR = "audit_chain_anchor";

    /** What happened to one collection. */
    record Copied(String collection, long source, long inserted, long alreadyThere, long conflicts, long target,
                  int indexes) {
        boolean countsMatch() {
            return conflicts == 0 && source == target;
        }
    }

    /** The audit chain on the target: valid from its first kept record to the source's last one. */
    record ChainCheck(boolean valid, long firstSeq, long lastSeq, long checked, String lastHash, String problem) {
    }

    record Summary(List<Copied> collections, ChainCheck chain, long documents, long millis) {
        boolean ok() {
            return chain.valid() && collections.stream().allMatch(Copied::countsMatch);
        }
    }

    private final MongoDatabase source;
    private final MongoDatabase target;
    private final WriteConcern writeConcern;
    private final int batchSize;
    private final PrintStream out;

    StoreMigration(MongoDatabase source, MongoDatabase target, WriteConcern writeConcern, int batchSize,
                   PrintStream out) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("encours.migrate.batch-size must be at least 1, not " + batchSize);
        }
        this.source = source;
        this.target = target;
        this.writeConcern = writeConcern;
        this.batchSize = batchSize;
        this.out = out;
    }

    Summary run() {
        long start = System.nanoTime();
        List<Copied> copied = new ArrayList<>();
        long documents = 0;
        for (String name : new TreeSet<>(source.listCollectionNames().into(new ArrayList<>()))) {
            Copied c = copy(name);
            copied.add(c);
            documents += c.source();
        }
        ChainCheck chain = checkChain();
        return new Summary(copied, chain, documents, (System.nanoTime() - start) / 1_000_000);
    }

    private Copied copy(String name) {
        MongoCollection<RawBsonDocument> from = source.getCollection(name, RawBsonDocument.class);
        MongoCollection<RawBsonDocument> to = target.getCollection(name, RawBsonDocument.class)
                .withWriteConcern(writeConcern);
        int indexes = copyIndexes(name);
        long sourceCount = from.countDocuments();
        long inserted = 0;
        long alreadyThere = 0;
        long conflicts = 0;
        long started = System.nanoTime();
        long lastReport = started;
        List<RawBsonDocument> batch = new ArrayList<>(batchSize);
        try (MongoCursor<RawBsonDocument> documents = from.find().batchSize(batchSize).iterator()) {
            while (documents.hasNext()) {
                batch.add(documents.next());
                if (batch.size() == batchSize || !documents.hasNext()) {
                    long[] result = insert(to, batch);
                    inserted += result[0];
                    alreadyThere += result[1];
                    conflicts += result[2];
                    batch.clear();
                    long now = System.nanoTime();
                    if (now - lastReport > 5_000_000_000L) {
                        out.printf("  %s: %,d of %,d%n", name, inserted + alreadyThere + conflicts, sourceCount);
                        lastReport = now;
                    }
                }
            }
        }
        long targetCount = target.getCollection(name).countDocuments();
        Copied c = new Copied(name, sourceCount, inserted, alreadyThere, conflicts, targetCount, indexes);
        out.printf("%-24s source %,9d  inserted %,9d  already there %,9d  conflicts %,d  target %,9d  "
                        + "indexes %d  %s (%,d ms)%n", name, sourceCount, inserted, alreadyThere, conflicts,
                targetCount, indexes, c.countsMatch() ? "OK" : "MISMATCH", (System.nanoTime() - started) / 1_000_000);
        return c;
    }

    /** Inserted, already there (the same document), conflicts (another document under the same key). */
    private long[] insert(MongoCollection<RawBsonDocument> to, List<RawBsonDocument> batch) {
        try {
            to.insertMany(batch, new InsertManyOptions().ordered(false));
            return new long[] {batch.size(), 0, 0};
        } catch (MongoBulkWriteException e) {
            List<RawBsonDocument> refused = new ArrayList<>();
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                refused.add(batch.get(error.getIndex()));
            }
            Map<BsonValue, RawBsonDocument> present = new HashMap<>();
            List<BsonValue> ids = refused.stream().map(d -> d.get("_id")).toList();
            to.find(Filters.in("_id", ids)).forEach(d -> present.put(d.get("_id"), d));
            long same = refused.stream().filter(d -> sameDocument(d, present.get(d.get("_id")))).count();
            return new long[] {batch.size() - refused.size(), same, refused.size() - same};
        }
    }

    private static boolean sameDocument(RawBsonDocument copy, RawBsonDocument there) {
        return copy.equals(there);
    }

    /** Creates the source's indexes (but {@code _id}'s) on the target; returns how many the source has. */
    private int copyIndexes(String name) {
        List<Document> specs = new ArrayList<>();
        for (Document index : source.getCollection(name).listIndexes()) {
            if ("_id_".equals(index.getString("name"))) {
                continue;
            }
            Document spec = new Document(index);
            spec.remove("v");
            spec.remove("ns");
            specs.add(spec);
        }
        if (specs.isEmpty()) {
            // An empty collection is copied too (the service expects to find what it created).
            if (!target.listCollectionNames().into(new ArrayList<>()).contains(name)) {
                target.createCollection(name);
            }
            return 0;
        }
        target.runCommand(new Document("createIndexes", name).append("indexes", specs));
        return specs.size();
    }

    /**
     * Whether the source's chain ends where the target's does, with the same hash: two lookups on the chain
     * number's unique index (finding the source's end by sorting would read its whole trail on the embedded store).
     */
    private String sameEnd(long last, String lastHash) {
        MongoCollection<Document> trail = source.getCollection(DECISIONS);
        Document end = lastHash == null ? null : trail.find(Filters.eq(AuditChain.SEQ, last)).first();
        if (lastHash != null && (end == null || !lastHash.equals(end.getString(AuditChain.HASH)))) {
            return "record " + last + " differs between the source and the target";
        }
        if (trail.find(Filters.eq(AuditChain.SEQ, last + 1)).first() != null) {
            return "the target's chain ends at record " + last + ", the source's goes on";
        }
        return null;
    }

    /**
     * Walks the target's audit chain from its first kept record (after a prune, the anchor's) to its last: every
     * chain number present once, every {@code prevHash} the previous record's {@code hash}, every hash matching
     * the record's content; and its last hash must be the source's.
     */
    ChainCheck checkChain() {
        MongoCollection<Document> decisions = target.getCollection(DECISIONS);
        Document anchor = target.getCollection(CHAIN_ANCHOR).find(Filters.eq("_id", DECISIONS)).first();
        long expected = anchor == null ? 1 : ((Number) anchor.get("firstSeq")).longValue();
        String previousHash = anchor == null ? AuditChain.GENESIS : anchor.getString("anchorHash");
        long first = expected;
        long checked = 0;
        String problem = null;
        try (MongoCursor<Document> records = decisions.find(Filters.gte(AuditChain.SEQ, expected))
                .sort(Sorts.ascending(AuditChain.SEQ)).batchSize(batchSize).iterator()) {
            while (records.hasNext() && problem == null) {
                Document record = records.next();
                long seq = ((Number) record.get(AuditChain.SEQ)).longValue();
                checked++;
                if (seq != expected) {
                    problem = seq < expected ? "chain number " + seq + " is used twice"
                            : "record " + expected + " is missing";
                } else if (!previousHash.equals(record.getString(AuditChain.PREV_HASH))) {
                    problem = "record " + seq + ": prevHash does not match the hash of record " + (seq - 1);
                } else if (!Objects.equals(record.getString(AuditChain.HASH), AuditChain.hashOf(record))) {
                    problem = "record " + seq + " (" + record.get("_id") + "): the content does not match its hash";
                }
                previousHash = record.getString(AuditChain.HASH);
                expected = seq + 1;
            }
        }
        long last = expected - 1;
        if (problem == null) {
            problem = sameEnd(last, checked == 0 ? null : previousHash);
        }
        ChainCheck check = new ChainCheck(problem == null, checked == 0 ? 0 : first, last, checked,
                checked == 0 ? null : previousHash, problem);
        out.printf("audit chain on the target: %s, records %,d to %,d (%,d checked), last hash %s%s%n",
                check.valid() ? "VALID" : "INVALID", check.firstSeq(), check.lastSeq(), check.checked(),
                check.lastHash(), problem == null ? "" : ": " + problem);
        return check;
    }
}
