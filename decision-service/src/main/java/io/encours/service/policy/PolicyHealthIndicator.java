package io.encours.service.policy;

import io.encours.rules.policy.CompiledPolicy;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Reports the policy in force: which one, which version, since when. */
@Component("policy")
class PolicyHealthIndicator implements HealthIndicator {
    private final ActivePolicy activePolicy;
    private final PolicyLifecycle lifecycle;

    PolicyHealthIndicator(ActivePolicy activePolicy, PolicyLifecycle lifecycle) {
        this.activePolicy = activePolicy;
        this.lifecycle = lifecycle;
    }

    @Override
    public Health health() {
        ActivePolicy.InForce inForce = activePolicy.inForce();
        if (inForce == null) {
            return Health.down().withDetail("reason", "no policy loaded yet: the store was unreachable at start-up")
                    .build();
        }
        CompiledPolicy policy = inForce.policy();
        return Health.up()
                .withDetail("number", lifecycle.activeNumber())
                .withDetail("id", policy.stamp().id())
                .withDetail("version", policy.stamp().version())
                .withDetail("contentHash", policy.stamp().contentHash())
                .withDetail("effectiveDate", policy.manifest().effectiveDate().toString())
                .withDetail("currency", policy.manifest().currency())
                .withDetail("inForceSince", inForce.since().toString())
                .build();
    }
}
