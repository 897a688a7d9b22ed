package io.encours.service.audit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;


/** The decisions recorded so far: write one durably, read one back, list a customer's. */
public class AuditTrail {
    private final AuditReadStore reads;
    private final AuditWriter writer;
    private final AuditDocuments documents;
    private final Duration writeTimeout;
    private final Timer writeLatency;

    AuditTrail(MongoTemplate mongo, AuditWriter writer, AuditDocuments documents, Duration writeTimeout,
               MeterRegistry meters) {
        this.reads = new AuditReadStore(mongo);
        this.writer = writer;
        this.documents = documents;
        this.writeTimeout = writeTimeout;
        this.writeLatency = Timer.builder("encours.audit.write")
                .description("Time a decision waits for its audit record to be durable")
                .publishPercentileHistogram()
                .register(meters);
    }

    /**
     * Writes the record and returns once it is durable.
     *
     * @throws DuplicateRequestException  a record with the same request id exists
     * @throws AuditUnavailableException the record could not be made durable in time
     */
    public void record(AuditRecord record) {
        record(record, () -> { });
    }

    /**
     * Writes the record and returns once it is durable; {@code queued} runs once the record is encoded and
     * queued for the writer, before the wait for it to be durable.
     */
    public void record(AuditRecord record, Runnable queued) {
        long start = System.nanoTime();
        CompletableFuture<Void> durable;
        try {
            durable = writer.submit(documents.toDocument(record), record.requestId());
        } finally {
            queued.run();
        }
        try {
            durable.get(writeTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new AuditUnavailableException("Audit write failed", e.getCause());
        } catch (TimeoutException e) {
            throw new AuditUnavailableException("Audit record not durable within " + writeTimeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditUnavailableException("Interrupted while writing the audit record", e);
        } finally {
            writeLatency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * The record as stored, unchecked: for replays and what-ifs, which evaluate what was recorded and compare
     * with it (a record altered since is replayed as it now reads; {@link #read} says whether it is whole).
     */
    public Optional<AuditRecord> find(String decisionId) {
        return reads.byId(decisionId).map(documents::toRecord);
    }

    /** The record checked against its own content hash and chain link: what a decision read answers from. */
    public Optional<CheckedRecord> read(String decisionId) {
        return reads.byId(decisionId).map(this::checked);
    }

    /**
     * The decision {@code caller} recorded under its idempotency key {@code requestId}, checked. Another
     * caller's use of the same key is another request: it is never found here.
     */
    public Optional<CheckedRecord> findByRequestId(String caller, String requestId) {
        return reads.byRequestId(caller, requestId).map(this::checked);
    }

    private CheckedRecord checked(Document stored) {
        // The hash is checked before the document is read into a record: the record's reading changes nothing.
        Integrity integrity = AuditChain.integrityOf(stored);
        return new CheckedRecord(documents.toRecord(stored), integrity);
    }

    /**
     * A page of the customer's decisions, newest first, each checked against its own hashes (which needs the
     * whole record, input and output included).
     */
    public List<DecisionSummary> history(String customerId, int page, int size) {
        return reads.ofCustomer(customerId, page, size).stream()
                .map(d -> documents.toSummary(d, AuditChain.integrityOf(d))).toList();
    }

    public long countForCustomer(String customerId) {
        return reads.countOfCustomer(customerId);
    }
}
