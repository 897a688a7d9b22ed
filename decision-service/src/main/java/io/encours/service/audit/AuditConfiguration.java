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
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Wires the audit trail and makes sure its collection has its indexes before the first decision. */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {
    private static final Logger log = LoggerFactory.getLogger(AuditConfiguration.class);

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

    /** The audit trail's indexes (see {@link ChainStore#createIndexes}). */
    static void createIndexes(MongoTemplate mongo, WriteDurability durability) {
        ChainStore.createIndexes(mongo.getDb(), durability);
    }

    static void createChainIndex(MongoTemplate mongo) {
        ChainStore.createChainIndex(mongo.getDb());
    }
}
