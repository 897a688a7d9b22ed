package io.encours.service.retention;

import io.encours.service.audit.AuditArchiveStore;
import io.encours.service.hold.HoldTrailStore;
import io.encours.service.policy.PolicyTrailStore;
import io.encours.service.security.AdminTrailStore;
import io.encours.service.storage.ArchivableRecords;
import io.encours.service.storage.WriteDurability;
import java.time.Clock;
import java.util.Map;
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
    RecordArchives recordArchives(MongoTemplate mongo, HoldTrailStore holds, PolicyTrailStore policy,
                                  AdminTrailStore admin, WriteDurability durability, RetentionProperties properties,
                                  JsonMapper json, Clock clock) {
        Map<RecordKind, ArchivableRecords> trails = Map.of(RecordKind.HOLDS, holds.holdsArchive(),
                RecordKind.HOLD_ACTIONS, holds.actionsArchive(), RecordKind.POLICY_ACTIONS, policy,
                RecordKind.ADMIN_ACTIONS, admin);
        return new RecordArchives(mongo, trails, durability, properties, json, clock);
    }
}
