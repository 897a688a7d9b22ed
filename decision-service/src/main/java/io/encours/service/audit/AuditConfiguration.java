package io.encours.service.audit;

import com.mongodb.MongoException;
import io.encours.service.storage.WriteDurability;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import tools.jackson.databind.json.JsonMapper;

/** Wires the audit trail and makes sure its collection has its indexes before the first decision. */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {
    private static final Logger log = LoggerFactory.getLogger(AuditConfiguration.class);
    private static final int UNAUTHORIZED = 13;

    @Bean(destroyMethod = "close")
    AuditWriter auditWriter(MongoTemplate mongo, WriteDurability durability, AuditProperties properties,
                            MeterRegistry meters) {
        Runnable prepare = null;
        if (properties.createIndexes()) {
            try {
                createIndexes(mongo, durability);
            } catch (DataAccessException | MongoException e) {
                // The store is unreachable: start all the same. The writer refuses decisions until it has
                // created the indexes (the idempotency index must exist before the first record).
                log.warn("audit indexes not created at start-up, the store is unreachable; decisions are refused "
                        + "until they are reason=\"{}\"", e.getMessage());
                prepare = () -> createIndexes(mongo, durability);
            }
        }
        return new AuditWriter(mongo.getDb(), durability, properties, meters, prepare);
    }

    @Bean
    AuditTrail auditTrail(MongoTemplate mongo, AuditWriter writer, JsonMapper json, AuditProperties properties,
                          MeterRegistry meters) {
        return new AuditTrail(mongo, writer, new AuditDocuments(json), properties.writeTimeout(), meters);
    }

    /** The {@code audit} health component. */
    @Bean
    AuditHealthIndicator auditHealthIndicator(AuditWriter writer) {
        return new AuditHealthIndicator(writer);
    }

    @Bean
    DecisionIds decisionIds(Clock clock) {
        return new DecisionIds(clock);
    }

    /** Idempotency keys are the caller's own: one per (caller, request id), docs/decisions/0002. */
    static final String CALLER_REQUEST_ID_INDEX = "caller_requestId_unique";
    /** Before issue 12 a request id was unique across callers: a second caller's key returned the first's decision. */
    static final String OLD_REQUEST_ID_INDEX = "requestId_unique";

    /**
     * Migration: a store written before idempotency keys were scoped to the caller still has the unique index on
     * the request id alone, which would refuse another caller's use of the same key. Dropped at start-up.
     */
    static void dropCallerBlindRequestIdIndex(IndexOperations indexes) {
        boolean present = indexes.getIndexInfo().stream().anyMatch(i -> OLD_REQUEST_ID_INDEX.equals(i.getName()));
        if (present) {
            indexes.dropIndex(OLD_REQUEST_ID_INDEX);
            log.info("audit index dropped name={} (request ids are unique per caller since issue 12)",
                    OLD_REQUEST_ID_INDEX);
        }
    }

    /**
     * The (caller, request id) index is what makes idempotency safe under concurrency. The chain-number index
     * finds a record by its number without reading the trail, on every store: the writer confirms the chain's
     * end with it at start-up ({@link ChainHead}); on MongoDB it also keeps the hash chain single when several
     * instances write to one database. The others serve a customer's history, the search by subject (an order,
     * an invoice), the audit explorer's outcome filter and every search by time (statistics, a day's chain check,
     * simulations), on both stores (the embedded one builds them since issue 20: storage/EmbeddedSecondaryIndex). On a store written before
     * an index existed, creating it reads the trail once.
     */
    static void createChainIndex(MongoTemplate mongo) {
        mongo.indexOps(AuditDocuments.COLLECTION).createIndex(new Index().on(AuditChain.SEQ, Sort.Direction.ASC)
                .unique().sparse().named("chainSeq_unique"));
    }

    static void createIndexes(MongoTemplate mongo, WriteDurability durability) {
        IndexOperations indexes = mongo.indexOps(AuditDocuments.COLLECTION);
        try {
            dropCallerBlindRequestIdIndex(indexes);
            indexes.createIndex(new Index().on(AuditDocuments.CALLER, Sort.Direction.ASC)
                    .on(AuditDocuments.REQUEST_ID, Sort.Direction.ASC).unique().named(CALLER_REQUEST_ID_INDEX));
            createChainIndex(mongo);
            indexes.createIndex(new Index().on(AuditDocuments.CUSTOMER_ID, Sort.Direction.ASC)
                    .on(AuditDocuments.RECEIVED_AT, Sort.Direction.DESC).named("customerId_receivedAt"));
            indexes.createIndex(new Index().on(AuditDocuments.SUBJECT_ID, Sort.Direction.ASC)
                    .on(AuditDocuments.RECEIVED_AT, Sort.Direction.DESC).named("subjectId_receivedAt"));
            indexes.createIndex(new Index().on(AuditDocuments.OUTCOME, Sort.Direction.ASC)
                    .on(AuditDocuments.RECEIVED_AT, Sort.Direction.DESC).named("outcome_receivedAt"));
            indexes.createIndex(new Index().on(AuditDocuments.RECEIVED_AT, Sort.Direction.DESC).named("receivedAt"));
            durability.makeAcknowledgedWritesDurable();
        } catch (DataAccessException e) {
            if (e.getCause() instanceof MongoException m && m.getCode() == UNAUTHORIZED) {
                log.warn("audit indexes not created: the database user may not create indexes; "
                        + "they must exist already (set encours.audit.create-indexes=false to skip this step)");
                return;
            }
            throw e;
        }
    }
}
