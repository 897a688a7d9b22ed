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
    RetentionStore retentionStore(MongoTemplate mongo, WriteDurability durability) {
        return new RetentionStore(mongo, durability);
    }

    /** Also read by the auditors' chain verification. */
    @Bean
    ChainAnchorStore chainAnchorStore(MongoTemplate mongo) {
        return new ChainAnchorStore(mongo);
    }

    @Bean
    AuditArchives auditArchives(RetentionStore store, ChainAnchorStore anchors, AuditArchiveStore decisions,
                                WriteDurability durability, RetentionProperties properties, JsonMapper json,
                                Clock clock) {
        return new AuditArchives(store, anchors, decisions, durability, properties, json, clock);
    }

    @Bean
    RecordArchives recordArchives(RetentionStore store, HoldTrailStore holds, PolicyTrailStore policy,
                                  AdminTrailStore admin, WriteDurability durability, RetentionProperties properties,
                                  JsonMapper json, Clock clock) {
        Map<RecordKind, ArchivableRecords> trails = Map.of(RecordKind.HOLDS, holds.holdsArchive(),
                RecordKind.HOLD_ACTIONS, holds.actionsArchive(), RecordKind.POLICY_ACTIONS, policy,
                RecordKind.ADMIN_ACTIONS, admin);
        return new RecordArchives(store, trails, durability, properties, json, clock);
    }
}
