package io.encours.service.policy;

import io.encours.rules.policy.CompilationResult;
import io.encours.rules.policy.CompiledPolicy;
import io.encours.rules.policy.DefaultPolicy;
import io.encours.rules.policy.PolicyCompiler;
import io.encours.service.storage.WriteDurability;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.encours.service.security.CredentialOwners;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Puts the active policy version in force at start-up: on a store with no policy yet, the default policy of
 * the rules module becomes version 1, ACTIVE. A service that cannot compile its active version does not
 * start. Then a synchronizer keeps this instance on the version the shared state names.
 */
@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {
    private static final Logger log = LoggerFactory.getLogger(PolicyConfiguration.class);

    @Bean
    PolicyStore policyStore(MongoTemplate mongo, WriteDurability durability) {
        return new PolicyStore(mongo, durability);
    }

    @Bean
    PolicyActions policyActions(MongoTemplate mongo, WriteDurability durability, Clock clock) {
        return new PolicyActions(mongo, durability, clock);
    }

    @Bean
    PolicyStore.ActiveState initialPolicyState(PolicyStore store, PolicyActions actions, Clock clock) {
        if (store.isEmpty()) {
            Instant now = clock.instant();
            PolicyVersion first = PolicyVersion.draft(1, DefaultPolicy.bundle(), "system", now,
                    "default policy of the rules module", null).activated("system", now, null);
            if (store.insertIfAbsent(first)) {
                actions.record(PolicyActions.Action.CREATE, first, "system", "default policy, first start");
                actions.record(PolicyActions.Action.ACTIVATE, first, "system", "default policy, first start");
                return store.pointTo(1, "system", now);
            }
        }
        return store.activeState().orElseGet(() -> store.pointTo(store.all().stream()
                .filter(v -> v.status() == PolicyStatus.ACTIVE).mapToInt(PolicyVersion::number).max()
                .orElseThrow(() -> new IllegalStateException("No active policy version in the store")),
                "system", clock.instant()));
    }

    @Bean
    ActivePolicy activePolicy(PolicyStore store, PolicyStore.ActiveState initialPolicyState, Clock clock) {
        long start = System.nanoTime();
        PolicyVersion version = store.find(initialPolicyState.version()).orElseThrow(() -> new IllegalStateException(
                "The active policy version " + initialPolicyState.version() + " is not in the store"));
        CompilationResult result = new PolicyCompiler().compile(version.bundle());
        CompiledPolicy policy = result.orThrow();
        log.info("policy loaded number={} id={} version={} hash={} currency={} compileMillis={}", version.number(),
                policy.stamp().id(), policy.stamp().version(), policy.stamp().contentHash(),
                policy.manifest().currency(), (System.nanoTime() - start) / 1_000_000);
        return new ActivePolicy(policy, clock);
    }

    @Bean
    PolicyLifecycle policyLifecycle(PolicyStore store, PolicyActions actions, ActivePolicy activePolicy,
                                    PolicyStore.ActiveState initialPolicyState, PolicyProperties properties,
                                    Clock clock, CredentialOwners owners) {
        return new PolicyLifecycle(store, actions, activePolicy, initialPolicyState, properties, clock, owners::personOf);
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    PolicySynchronizer policySynchronizer(PolicyLifecycle lifecycle, PolicyProperties properties) {
        return new PolicySynchronizer(lifecycle, properties.pollInterval());
    }
}
