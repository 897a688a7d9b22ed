package io.encours.service.policy;

import io.encours.rules.policy.CompiledPolicy;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Reports the policy in force: which one, which version, since when. */
@Component("policy")
class PolicyHealthIndicator implements HealthIndicator {
    private final ActivePolicy activePolicy;

    PolicyHealthIndicator(ActivePolicy activePolicy) {
        this.activePolicy = activePolicy;
    }

    @Override
    public Health health() {
        ActivePolicy.InForce inForce = activePolicy.inForce();
        CompiledPolicy policy = inForce.policy();
        return Health.up()
                .withDetail("id", policy.stamp().id())
                .withDetail("version", policy.stamp().version())
                .withDetail("contentHash", policy.stamp().contentHash())
                .withDetail("effectiveDate", policy.manifest().effectiveDate().toString())
                .withDetail("currency", policy.manifest().currency())
                .withDetail("inForceSince", inForce.since().toString())
                .build();
    }
}
