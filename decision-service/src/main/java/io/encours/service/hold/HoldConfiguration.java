package io.encours.service.hold;

import com.mongodb.MongoCommandException;
import io.encours.service.audit.AuditProperties;
import io.encours.service.audit.DecisionIds;
import io.encours.service.policy.ActivePolicy;
import io.encours.service.storage.WriteDurability;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Wires the holds; their indexes are created with the audit trail's (same switch, same reason). */
@Configuration(proxyBeanMethods = false)
class HoldConfiguration {
    private static final Logger log = LoggerFactory.getLogger(HoldConfiguration.class);
    private static final int UNAUTHORIZED = 13;

    @Bean
    HoldStore holdStore(MongoTemplate mongo, WriteDurability durability, AuditProperties audit) {
        HoldStore store = new HoldStore(mongo, durability);
        if (audit.createIndexes()) {
            try {
                createIndexes(store::createIndexes, "hold indexes");
            } catch (MongoCommandException e) {
                throw e;
            } catch (com.mongodb.MongoException e) {
                // Unreachable at start-up: no hold is opened before a decision is recorded, and the audit writer
                // refuses decisions until the store is back; the indexes are created then (first hold opened).
                log.warn("hold indexes not created at start-up, the store is unreachable reason=\"{}\"",
                        e.getMessage());
                store.createIndexesLater();
            }
        }
        return store;
    }

    @Bean
    CallbackTargets callbackTargets(MongoTemplate mongo, WriteDurability durability, AuditProperties audit,
                                    DecisionIds ids, Clock clock, HoldProperties properties,
                                    ObjectProvider<HostResolver> resolver) {
        CallbackTargetStore store = new CallbackTargetStore(mongo, durability);
        CallbackTargets targets = new CallbackTargets(store, resolver.getIfAvailable(() -> HostResolver.SYSTEM), ids,
                clock);
        targets.prepare(() -> {
            if (audit.createIndexes()) {
                createIndexes(store::createIndexes, "callback allowlist index");
            }
            targets.seed(properties.callbackTargets());
        });
        return targets;
    }

    @Bean(destroyMethod = "close")
    HoldCallbacks holdCallbacks(HoldStore store, CallbackTargets targets, DecisionIds ids, Clock clock,
                                HoldProperties properties, JsonMapper json) {
        return new HoldCallbacks(store, targets, ids, clock, properties, json);
    }

    @Bean
    CreditHolds creditHolds(HoldStore store, ActivePolicy activePolicy, DecisionIds ids, HoldCallbacks callbacks,
                            Clock clock) {
        return new CreditHolds(store, activePolicy, ids, callbacks, clock);
    }

    /** Creates indexes, or says they must exist already when the database user may not create them. */
    private static void createIndexes(Runnable create, String what) {
        try {
            create.run();
        } catch (MongoCommandException e) {
            if (e.getErrorCode() != UNAUTHORIZED) {
                throw e;
            }
            log.warn("{} not created: the database user may not create indexes; they must exist already (see "
                    + "docs/credit-holds.md)", what);
        }
    }
}
