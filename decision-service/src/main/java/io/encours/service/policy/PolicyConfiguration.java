package io.encours.service.policy;

import com.mongodb.MongoException;
import io.encours.service.storage.WriteDurability;
import java.time.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.encours.service.security.CredentialOwners;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Puts the active policy version in force at start-up: on a store with no policy yet, the default policy of
 * the rules module becomes version 1, ACTIVE. A service that cannot compile its active version does not
 * start; a store that cannot be reached does not stop it (decisions answer 503 until the policy is loaded). Then a
 * synchronizer keeps this instance on the version the shared state names.
 */
@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {
    private static final Logger log = LoggerFactory.getLogger(PolicyConfiguration.class);

    @Bean
    PolicyStore policyStore(MongoTemplate mongo, WriteDurability durability) {
        return new PolicyStore(mongo, durability);
    }

    @Bean
    PolicyActions policyActions(PolicyTrailStore trail, Clock clock) {
        return new PolicyActions(trail, clock);
    }

    /**
     * The shared active state, read (or, on an empty store, created with the default policy) at start-up. With
     * the store unreachable the service starts all the same, with no policy ({@link PolicyLifecycle#NOT_LOADED}):
     * decisions answer 503 until the synchronizer loads it.
     */
    @Bean
    PolicyStore.ActiveState initialPolicyState(PolicyStore store, PolicyActions actions, Clock clock) {
        try {
            return PolicyLifecycle.initialState(store, actions, clock);
        } catch (DataAccessException | MongoException e) {
            log.warn("policy not loaded at start-up, the store is unreachable; decisions are refused until the "
                    + "policy synchronizer loads it reason=\"{}\"", e.getMessage());
            return PolicyLifecycle.NOT_LOADED;
        }
    }

    @Bean
    ActivePolicy activePolicy(PolicyStore store, PolicyStore.ActiveState initialPolicyState, Clock clock) {
        if (initialPolicyState == PolicyLifecycle.NOT_LOADED) {
            return ActivePolicy.none(clock);
        }
        return new ActivePolicy(PolicyLifecycle.load(store, initialPolicyState), clock);
    }

    @Bean
    PolicyLifecycle policyLifecycle(PolicyStore store, PolicyActions actions, ActivePolicy activePolicy,
                                    PolicyStore.ActiveState initialPolicyState, PolicyProperties properties,
                                    Clock clock, CredentialOwners owners) {
        return new PolicyLifecycle(store, actions, activePolicy, initialPolicyState, properties, clock, owners::personOf);
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    PolicySynchronizer policySynchronizer(PolicyLifecycle lifecycle, PolicyProperties properties,
                                          MeterRegistry meters) {
        return new PolicySynchronizer(lifecycle, properties.pollInterval(), meters);
    }
}
