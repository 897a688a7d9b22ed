package io.encours.service.audit;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoDatabase;
import io.encours.service.storage.WriteDurability;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
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
 * start, and before the first write after a failed one, the chain resumes from the last record stored, found
 * from the chain's head document without reading the trail ({@link ChainStore}); the head is moved forward after
 * each group commit. Until the chain's end is known the writer is not {@link #ready()} (readiness is DOWN).
 *
 * <p>Outage: a write that fails on the store itself (not a record refused, such as a duplicate request id) marks
 * the store unavailable. From then on {@link #submit} refuses at once (a 503 for the decision, nobody waits for a
 * driver timeout), what was queued is refused too, and this thread tries the store again every
 * {@code encours.audit.retry-interval} (reading the head of the chain, which it needs anyway). The first
 * success makes it available again. A record whose write failed may or may not be stored; its caller got a 503
 * and retries with the same Idempotency-Key, which finds it if it was (docs/audit.md, "Outage").
 */
final class AuditWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AuditWriter.class);

    private record Pending(SealedRecord record, String requestId, CompletableFuture<Void> durable) {
    }

    /** Another writer took a chain number first (two instances on one database): link again after its record. */
    private static final int MAX_RELINKS = 100;
    /** A group commit this long holds every decision waiting on it: worth a line in the log. */
    private static final long SLOW_BATCH_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final ChainStore head;
    private final WriteDurability durability;
    private final BlockingQueue<Pending> queue;
    private final int maxBatch;
    private final Thread thread;
    private final DistributionSummary batchSizes;
    private final Timer batchWrites;
    private final Timer batchInserts;
    private final Timer batchSyncs;
    private volatile boolean accepting = true;
    /** Null while the store takes writes; why it does not, once a write failed on it. */
    private volatile String unavailable;
    private volatile Instant unavailableSince;
    private final Duration retryInterval;
    /** Run before the first write, then dropped; see the constructor. Only the writer thread touches it after. */
    private Runnable prepare;
    private long lastSeq;
    private String lastHash;
    /**
     * False until the chain is resumed, and after a failed write (the records of that batch may or may not be
     * stored). Read by the readiness indicator.
     */
    private volatile boolean chainHeadKnown;

    AuditWriter(MongoDatabase database, WriteDurability durability, AuditProperties properties,
                MeterRegistry meters) {
        this(database, durability, properties, meters, null);
    }

    /**
     * {@code prepare}, when not null, must succeed before the first write (the indexes, when the store was
     * unreachable at start-up): until then the writer is unavailable and tries it every retry interval.
     */
    AuditWriter(MongoDatabase database, WriteDurability durability, AuditProperties properties,
                MeterRegistry meters, Runnable prepare) {
        this.prepare = prepare;
        if (prepare != null) {
            unavailableSince = Instant.now();
            unavailable = "the store was unreachable at start-up";
        }
        this.head = new ChainStore(database, durability.writeConcern(), "embedded".equals(durability.mode()));
        this.durability = durability;
        this.queue = new ArrayBlockingQueue<>(properties.queueCapacity());
        this.maxBatch = properties.maxBatch();
        this.retryInterval = properties.retryInterval();
        Gauge.builder("encours.audit.store.available", this, w -> w.available() ? 1 : 0)
                .description("1 while the audit store takes writes, 0 during an outage (decisions are refused with 503)")
                .register(meters);
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
        String down = unavailable;
        if (down != null) {
            pending.durable().completeExceptionally(new AuditUnavailableException(
                    "The audit store is unavailable since " + unavailableSince + ": " + down, null));
        } else if (!accepting) {
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
                if (unavailable == null && !chainHeadKnown) {
                    // At start: find the chain's end now, so that readiness turns UP before the first decision.
                    resumeChain();
                }
                if (unavailable != null && !storeBack()) {
                    continue;
                }
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
                storeFailed(e);
            } finally {
                batch.clear();
            }
        }
        AuditUnavailableException stopped = new AuditUnavailableException("The audit writer stopped", null);
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        fail(left, stopped);
    }

    /** Whether the audit store takes writes (false from a failed write until a retry succeeds). */
    boolean available() {
        return unavailable == null;
    }

    /** Whether a record submitted now is written without first looking for the chain's end: readiness. */
    boolean ready() {
        return unavailable == null && chainHeadKnown;
    }

    /** Why the store is unavailable and since when, or null. */
    String unavailableReason() {
        String down = unavailable;
        return down == null ? null : down + " (since " + unavailableSince + ")";
    }

    private void storeFailed(RuntimeException e) {
        chainHeadKnown = false;
        if (unavailable == null) {
            unavailableSince = Instant.now();
            unavailable = String.valueOf(rootMessage(e));
            log.warn("audit store unavailable: decisions are refused until it is back, retry every {} reason=\"{}\"",
                    retryInterval, unavailable);
        }
    }

    /**
     * During an outage: refuses what is queued, waits one retry interval (or until closed), then tries to read
     * the head of the chain. True once the store answers again.
     */
    private boolean storeBack() throws InterruptedException {
        refuseQueued();
        long deadline = System.nanoTime() + retryInterval.toNanos();
        while (accepting && System.nanoTime() < deadline) {
            Thread.sleep(Math.min(50, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            refuseQueued();
        }
        if (!accepting) {
            return false;
        }
        try {
            if (prepare != null) {
                prepare.run();
                prepare = null;
            }
            resumeChain();
        } catch (RuntimeException e) {
            log.debug("audit store still unavailable reason=\"{}\"", rootMessage(e));
            return false;
        }
        log.info("audit store available again after {} ms: decisions are recorded again",
                Duration.between(unavailableSince, Instant.now()).toMillis());
        unavailable = null;
        unavailableSince = null;
        return true;
    }

    private void refuseQueued() {
        List<Pending> refused = new ArrayList<>();
        queue.drainTo(refused);
        AuditUnavailableException reason = new AuditUnavailableException("The audit store is unavailable since "
                + unavailableSince + ": " + unavailable, null);
        for (Pending p : refused) {
            p.durable().completeExceptionally(reason);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /**
     * Continues the chain after the last record stored (the start of a new chain on an empty collection), found
     * from the head document with a few lookups on the chain index, never by reading the trail (but once, on a
     * store written before there was a head document).
     */
    private void resumeChain() {
        long start = System.nanoTime();
        ChainStore.Link end = head.resume();
        lastSeq = end.seq();
        lastHash = end.hash();
        chainHeadKnown = true;
        log.info("audit chain resumed lastSeq={} millis={}", lastSeq, (System.nanoTime() - start) / 1_000_000);
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
        long seqBefore = lastSeq;
        Map<Integer, RuntimeException> rejected = new HashMap<>();
        long[] seqs = new long[batch.size()];
        String[] hashes = new String[batch.size()];
        int relinks = 0;
        int from = 0;
        while (from < batch.size()) {
            List<RawBsonDocument> documents = chain(batch, from, seqs, hashes);
            try {
                head.insertChained(documents);
                advanceTo(seqs[batch.size() - 1], hashes[batch.size() - 1]);
                from = batch.size();
            } catch (MongoBulkWriteException e) {
                if (e.getWriteConcernError() != null || e.getWriteErrors().isEmpty()) {
                    storeFailed(e);
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
                storeFailed(e);
                fail(batch, new AuditUnavailableException("Audit write failed: " + e.getMessage(), e));
                return;
            }
        }
        long inserted = System.nanoTime();
        if (lastSeq > seqBefore) {
            // Before the sync: on the embedded store the head reaches the file with the records, in one commit.
            head.advance(new ChainStore.Link(lastSeq, lastHash));
        }
        try {
            durability.makeAcknowledgedWritesDurable();
        } catch (RuntimeException e) {
            storeFailed(e);
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
            // One line: during an outage the cause is the same for every batch, and the state change is logged.
            log.error("audit write failed records={} reason=\"{}\"", batch.size(), reason.getMessage());
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
