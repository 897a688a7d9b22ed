package io.encours.service.policy;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Policy lifecycle settings.
 *
 * @param approvalsRequired committee approvals a submitted version needs before it can be activated (four
 *                          eyes: never its author's)
 * @param pollInterval      how often each instance reads the shared active-version document and runs the
 *                          activations that have come due
 */
@ConfigurationProperties("encours.policy")
public record PolicyProperties(
        @DefaultValue("1") int approvalsRequired,
        @DefaultValue("2s") Duration pollInterval) {

    public PolicyProperties {
        if (approvalsRequired < 1) {
            throw new IllegalArgumentException("encours.policy.approvals-required must be at least 1");
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("encours.policy.poll-interval must be positive");
        }
    }
}
