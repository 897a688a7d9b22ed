package io.encours.service.hold;

import io.encours.service.audit.AuditProperties;
import io.encours.service.audit.DecisionIds;
import io.encours.service.policy.ActivePolicy;
import io.encours.service.storage.WriteDurability;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Wires the holds; their indexes are created with the audit trail's (same switch, same reason). */
@Configuration(proxyBeanMethods = false)
class HoldConfiguration {

    @Bean
    HoldStore holdStore(MongoTemplate mongo, WriteDurability durability, AuditProperties audit) {
        HoldStore store = new HoldStore(mongo, durability);
        if (audit.createIndexes()) {
            store.createIndexes();
        }
        return store;
    }

    @Bean(destroyMethod = "close")
    HoldCallbacks holdCallbacks(HoldStore store, DecisionIds ids, Clock clock, HoldProperties properties,
                                JsonMapper json) {
        return new HoldCallbacks(store, ids, clock, properties, json);
    }

    @Bean
    CreditHolds creditHolds(HoldStore store, ActivePolicy activePolicy, DecisionIds ids, HoldCallbacks callbacks,
                            Clock clock) {
        return new CreditHolds(store, activePolicy, ids, callbacks, clock);
    }
}
