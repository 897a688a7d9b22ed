package io.encours.service.simulation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Simulation settings ({@code encours.simulation.*}).
 *
 * @param workers threads of the {@code simulation-eval} pool that evaluate the recorded requests of a running
 *                simulation against the candidate version (one simulation runs at a time, on the {@code simulation}
 *                thread, which hands them out); more threads finish sooner and take CPU from decisions meanwhile
 */
@ConfigurationProperties("encours.simulation")
public record SimulationProperties(@DefaultValue("2") int workers) {

    public SimulationProperties {
        if (workers < 1) {
            throw new IllegalArgumentException("encours.simulation.workers must be at least 1");
        }
    }
}
