package io.encours.service.retention;

import io.encours.service.audit.AuditArchiveStore;
import io.encours.service.storage.WriteDurability;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class RetentionConfiguration {

    @Bean
    AuditArchives auditArchives(MongoTemplate mongo, AuditArchiveStore decisions, WriteDurability durability,
                                RetentionProperties properties, JsonMapper json, Clock clock) {
        return new AuditArchives(mongo, decisions, durability, properties, json, clock);
    }

    @Bean
    RecordArchives recordArchives(MongoTemplate mongo, WriteDurability durability, RetentionProperties properties,
                                  JsonMapper json, Clock clock) {
        return new RecordArchives(mongo, durability, properties, json, clock);
    }
}
