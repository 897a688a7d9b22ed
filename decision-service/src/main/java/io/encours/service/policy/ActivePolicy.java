package io.encours.service.policy;

import io.encours.rules.policy.CompiledPolicy;
import io.encours.service.web.Problems;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The policy decisions are made with. Each decision reads it once, so a decision is made entirely under
 * one policy even when {@link #replace} runs at the same moment.
 */
public final class ActivePolicy {

    /** A policy and the moment it came into force in this service. */
    public record InForce(CompiledPolicy policy, Instant since) {
        public InForce {
            Objects.requireNonNull(policy, "policy");
            Objects.requireNonNull(since, "since");
        }
    }

    private final AtomicReference<InForce> current;
    private final Clock clock;

    public ActivePolicy(CompiledPolicy initial, Clock clock) {
        this.clock = clock;
        this.current = new AtomicReference<>(initial == null ? null : new InForce(initial, clock.instant()));
    }

    /**
     * No policy yet: the store could not be read at start-up. Decisions are refused with a 503 until the policy
     * synchronizer loads the active version ({@link PolicyLifecycle#synchronize}).
     */
    static ActivePolicy none(Clock clock) {
        return new ActivePolicy(null, clock);
    }

    /** @throws io.encours.service.web.ProblemException a 503 while no policy is loaded */
    public CompiledPolicy current() {
        InForce inForce = current.get();
        if (inForce == null) {
            throw Problems.policyUnavailable();
        }
        return inForce.policy();
    }

    /** The policy in force and since when, or null while none is loaded. */
    public InForce inForce() {
        return current.get();
    }

    public boolean loaded() {
        return current.get() != null;
    }

    /** Puts {@code next} in force for every decision that starts from now on; returns the one it replaced. */
    public CompiledPolicy replace(CompiledPolicy next) {
        InForce replaced = current.getAndSet(new InForce(next, clock.instant()));
        return replaced == null ? null : replaced.policy();
    }
}
