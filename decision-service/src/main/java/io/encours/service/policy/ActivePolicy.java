package io.encours.service.policy;

import io.encours.rules.policy.CompiledPolicy;
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
        this.current = new AtomicReference<>(new InForce(initial, clock.instant()));
    }

    public CompiledPolicy current() {
        return current.get().policy();
    }

    public InForce inForce() {
        return current.get();
    }

    /** Puts {@code next} in force for every decision that starts from now on; returns the one it replaced. */
    public CompiledPolicy replace(CompiledPolicy next) {
        return current.getAndSet(new InForce(next, clock.instant())).policy();
    }
}
