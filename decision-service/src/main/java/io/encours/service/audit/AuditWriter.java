package io.encours.service.audit;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.encours.service.storage.WriteDurability;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: one thread takes every record waiting in the queue, inserts them with one
 * {@code insertMany}, makes them durable, and only then completes each record's future. A decision thus
 * waits for its own record's acknowledgement, while concurrent decisions share one round trip and one
 * journal or file sync (syncing on a second thread while the next batch went in made batches smaller and
 * the whole slower: docs/decisions/0002). On the embedded store the commit waits for write commands in
 * flight ({@code storage.WriteGate}).
 *
 * <p>The writer thread also makes the hash chain ({@link AuditChain}): it numbers the records in write order
 * and links each to the previous one's hash (the records arrive content-hashed and encoded, see
 * {@link SealedRecord}). On MongoDB proper, a unique index on the chain number keeps two writers (two
 * instances on one database) from giving out the same number: the one that loses links its records again
 * after the winner's. Inserts are ordered so that a rejected record (a duplicate
 * request id) leaves no hole: the records after it are linked again to the last one stored and retried. At
 * start, and before the first write after a failed one, the chain resumes from the last record stored.
 */
final class AuditWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AuditWriter.class);
    private static final InsertManyOptions ORDERED = new InsertManyOptions().ordered(true);

    private record Pending(SealedRecord record, String requestId, CompletableFuture<Void> durable) {
    }

    /** Another writer took a chain number first (two instances on one database): link again after its record. */
    private static final int MAX_RELINKS = 100;
    /** A group commit this long holds every decision waiting on it: worth a line in the log. */
    private static final long SLOW_BATCH_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final MongoCollection<Document> collection;
    private final MongoCollection<RawBsonDocument> rawCollection;
    private final WriteDurability durability;
    private final BlockingQueue<Pending> queue;
    private final int maxBatch;
    private final Thread thread;
    private final DistributionSummary batchSizes;
    private final Timer batchWrites;
    private final Timer batchInserts;
    private final Timer batchSyncs;
    private volatile boolean accepting = true;
    private long lastSeq;
    private String lastHash;
    /** False after a failed write: the records of that batch may or may not be stored. */
    private boolean chainHeadKnown;

    AuditWriter(MongoCollection<Document> collection, WriteDurability durability, AuditProperties properties,
                MeterRegistry meters) {
        this.collection = collection.withWriteConcern(durability.writeConcern());
        this.rawCollection = this.collection.withDocumentClass(RawBsonDocument.class);
        this.durability = durability;
        this.queue = new ArrayBlockingQueue<>(properties.queueCapacity());
        this.maxBatch = properties.maxBatch();
        this.batchSizes = DistributionSummary.builder("encours.audit.batch.size")
                .description("Audit records written per group commit").register(meters);
        this.batchInserts = Timer.builder("encours.audit.batch.insert")
                .description("Time to insert one batch of audit records (the round trip to the database)").register(meters);
        this.batchSyncs = Timer.builder("encours.audit.batch.durable")
                .description("Time to make one inserted batch durable (commit and sync, or the journal)").register(meters);
        this.batchWrites = Timer.builder("encours.audit.batch.write")
                .description("Time to insert one batch of audit records and make it durable").register(meters);
        this.thread = new Thread(this::run, "audit-writer");
        this.thread.setDaemon(false);
        this.thread.start();
    }

    /**
     * Queues a record, hashed and encoded on the calling thread; the future completes once it is durable, or
     * fails with the reason it is not.
     */
    CompletableFuture<Void> submit(Document document, String requestId) {
        Pending pending = new Pending(SealedRecord.seal(document), requestId, new CompletableFuture<>());
        if (!accepting) {
            pending.durable().completeExceptionally(
                    new AuditUnavailableException("The audit writer is shutting down", null));
        } else if (!queue.offer(pending)) {
            pending.durable().completeExceptionally(new AuditUnavailableException(
                    "The audit queue is full (" + queue.size() + " records waiting)", null));
        }
        return pending.durable();
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (accepting || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                fail(batch, new AuditUnavailableException("The audit writer failed", e));
                chainHeadKnown = false;
            } finally {
                batch.clear();
            }
        }
        AuditUnavailableException stopped = new AuditUnavailableException("The audit writer stopped", null);
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        fail(left, stopped);
    }

    /** Continues the chain after the last record stored (the start of a new chain on an empty collection). */
    private void resumeChain() {
        Document last = collection.find(Filters.exists(AuditChain.SEQ))
                .projection(Projections.include(AuditChain.SEQ, AuditChain.HASH))
                .sort(Sorts.descending(AuditChain.SEQ)).limit(1).first();
        lastSeq = last == null ? 0 : ((Number) last.get(AuditChain.SEQ)).longValue();
        lastHash = last == null ? AuditChain.GENESIS : last.getString(AuditChain.HASH);
        chainHeadKnown = true;
    }

    /** Links {@code batch[from..]} after the last record stored. */
    private List<RawBsonDocument> chain(List<Pending> batch, int from, long[] seqs, String[] hashes) {
        List<RawBsonDocument> documents = new ArrayList<>(batch.size() - from);
        long seq = lastSeq;
        String prev = lastHash;
        for (int i = from; i < batch.size(); i++) {
            SealedRecord record = batch.get(i).record();
            String hash = AuditChain.link(prev, ++seq, record.contentHash());
            documents.add(record.chained(seq, prev, hash));
            seqs[i] = seq;
            hashes[i] = hash;
            prev = hash;
        }
        return documents;
    }

    private void advanceTo(long seq, String hash) {
        lastSeq = seq;
        lastHash = hash;
    }

    private void write(List<Pending> batch) {
        long start = System.nanoTime();
        if (!chainHeadKnown) {
            resumeChain();
        }
        Map<Integer, RuntimeException> rejected = new HashMap<>();
        long[] seqs = new long[batch.size()];
        String[] hashes = new String[batch.size()];
        int relinks = 0;
        int from = 0;
        while (from < batch.size()) {
            List<RawBsonDocument> documents = chain(batch, from, seqs, hashes);
            try {
                rawCollection.insertMany(documents, ORDERED);
                advanceTo(seqs[batch.size() - 1], hashes[batch.size() - 1]);
                from = batch.size();
            } catch (MongoBulkWriteException e) {
                if (e.getWriteConcernError() != null || e.getWriteErrors().isEmpty()) {
                    chainHeadKnown = false;
                    fail(batch, new AuditUnavailableException("Audit write not acknowledged as durable: "
                            + (e.getWriteConcernError() == null ? e.getMessage() : e.getWriteConcernError().getMessage()), e));
                    return;
                }
                // Ordered: the records before the first error are stored, the ones after it are not.
                BulkWriteError error = e.getWriteErrors().get(0);
                int index = from + error.getIndex();
                if (index > from) {
                    advanceTo(seqs[index - 1], hashes[index - 1]);
                }
                if (isDuplicateChainSeq(error) && relinks++ < MAX_RELINKS) {
                    resumeChain();
                    from = index;
                    continue;
                }
                Pending p = batch.get(index);
                rejected.put(index, ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY
                        ? new DuplicateRequestException(p.requestId())
                        : new AuditUnavailableException("Audit record rejected: " + error.getMessage(), e));
                from = index + 1;
            } catch (RuntimeException e) {
                chainHeadKnown = false;
                fail(batch, new AuditUnavailableException("Audit write failed: " + e.getMessage(), e));
                return;
            }
        }
        long inserted = System.nanoTime();
        try {
            durability.makeAcknowledgedWritesDurable();
        } catch (RuntimeException e) {
            fail(batch, new AuditUnavailableException("Audit records written but not made durable", e));
            return;
        }
        long end = System.nanoTime();
        batchWrites.record(end - start, TimeUnit.NANOSECONDS);
        batchInserts.record(inserted - start, TimeUnit.NANOSECONDS);
        batchSyncs.record(end - inserted, TimeUnit.NANOSECONDS);
        if (end - start > SLOW_BATCH_NANOS) {
            log.warn("slow audit group commit records={} insertMillis={} durableMillis={}", batch.size(),
                    (inserted - start) / 1_000_000, (end - inserted) / 1_000_000);
        }
        batchSizes.record(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            RuntimeException problem = rejected.get(i);
            if (problem == null) {
                batch.get(i).durable().complete(null);
            } else {
                batch.get(i).durable().completeExceptionally(problem);
            }
        }
    }

    private static boolean isDuplicateChainSeq(BulkWriteError error) {
        return ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY
                && error.getMessage() != null && error.getMessage().contains(AuditChain.SEQ);
    }

    private static void fail(List<Pending> batch, RuntimeException reason) {
        if (!batch.isEmpty()) {
            log.error("audit write failed records={} reason=\"{}\"", batch.size(), reason.getMessage(), reason.getCause());
        }
        for (Pending p : batch) {
            p.durable().completeExceptionally(reason);
        }
    }

    /** Stops taking records, writes those already queued, and waits for the writer to finish. */
    @Override
    public void close() {
        accepting = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
