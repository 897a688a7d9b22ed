package io.encours.service.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Audit writer settings.
 *
 * @param maxBatch      most records written in one insert (group commit)
 * @param queueCapacity records waiting to be written before new decisions are refused with a 503
 * @param writeTimeout  how long a decision waits for its record to be durable before giving up with a 503
 * @param createIndexes create the collection's indexes at start-up; off where a database administrator owns
 *                      them and the service's user may only insert and read
 * @param retryInterval how often the writer tries the store again after a failed write; meanwhile decisions
 *                      are refused at once with a 503
 */
@ConfigurationProperties("encours.audit")
public record AuditProperties(
        @DefaultValue("256") int maxBatch,
        @DefaultValue("8192") int queueCapacity,
        @DefaultValue("5s") Duration writeTimeout,
        @DefaultValue("true") boolean createIndexes,
        @DefaultValue("1s") Duration retryInterval) {
}
