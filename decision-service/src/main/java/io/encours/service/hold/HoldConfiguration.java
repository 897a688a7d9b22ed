package io.encours.service.hold;

import com.mongodb.MongoCommandException;
import io.encours.service.audit.DecisionIds;
import io.encours.service.policy.ActivePolicy;
import io.encours.service.storage.WriteDurability;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Wires the holds; their stores create their indexes at start-up unless {@code encours.holds.create-indexes} is off. */
@Configuration(proxyBeanMethods = false)
class HoldConfiguration {
    private static final Logger log = LoggerFactory.getLogger(HoldConfiguration.class);

    @Bean
    HoldStore holdStore(MongoTemplate mongo, WriteDurability durability, HoldProperties properties) {
        HoldStore store = new HoldStore(mongo, durability, properties.createIndexes());
        try {
            store.createIndexes();
        } catch (MongoCommandException e) {
            throw e;
        } catch (com.mongodb.MongoException e) {
            // Unreachable at start-up: no hold is opened before a decision is recorded, and the audit writer
            // refuses decisions until the store is back; the indexes are created then (first hold opened).
            log.warn("hold indexes not created at start-up, the store is unreachable reason=\"{}\"", e.getMessage());
            store.createIndexesLater();
        }
        return store;
    }

    @Bean
    CallbackTargets callbackTargets(MongoTemplate mongo, WriteDurability durability, DecisionIds ids, Clock clock,
                                    HoldProperties properties, ObjectProvider<HostResolver> resolver) {
        CallbackTargetStore store = new CallbackTargetStore(mongo, durability, properties.createIndexes());
        CallbackTargets targets = new CallbackTargets(store, resolver.getIfAvailable(() -> HostResolver.SYSTEM), ids,
                clock);
        targets.prepare(() -> {
            store.createIndexes();
            targets.seed(properties.callbackTargets());
        });
        return targets;
    }

    @Bean(destroyMethod = "close")
    HoldCallbacks holdCallbacks(HoldStore store, CallbackTargets targets, DecisionIds ids, Clock clock,
                                HoldProperties properties, JsonMapper json, MeterRegistry meters) {
        return new HoldCallbacks(store, targets, ids, clock, properties, json, meters);
    }

    @Bean
    CreditHolds creditHolds(HoldStore store, ActivePolicy activePolicy, DecisionIds ids, HoldCallbacks callbacks,
                            Clock clock) {
        return new CreditHolds(store, activePolicy, ids, callbacks, clock);
    }
}
