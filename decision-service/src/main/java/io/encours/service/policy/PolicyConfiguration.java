package io.encours.service.policy;

import io.encours.rules.policy.CompiledPolicy;
import io.encours.rules.policy.DefaultPolicy;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Compiles the default policy at start-up: a service that cannot compile its policy does not start. */
@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {
    private static final Logger log = LoggerFactory.getLogger(PolicyConfiguration.class);

    @Bean
    ActivePolicy activePolicy(Clock clock) {
        long start = System.nanoTime();
        CompiledPolicy policy = DefaultPolicy.compile();
        log.info("policy loaded id={} version={} hash={} currency={} compileMillis={}", policy.stamp().id(),
                policy.stamp().version(), policy.stamp().contentHash(), policy.manifest().currency(),
                (System.nanoTime() - start) / 1_000_000);
        return new ActivePolicy(policy, clock);
    }
}
