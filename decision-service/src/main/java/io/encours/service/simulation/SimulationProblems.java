package io.encours.service.simulation;

import io.encours.service.web.ProblemException;
import io.encours.service.web.Problems;
import org.springframework.http.HttpStatus;

/** Refusals of the simulation API, as RFC 9457 problems. */
final class SimulationProblems {
    static final String NOT_FOUND = "/problems/simulation-not-found";
    static final String BUSY = "/problems/simulation-running";
    static final String NOT_RUNNING = "/problems/simulation-not-running";

    private SimulationProblems() {
    }

    static ProblemException notFound(String id) {
        return Problems.refuse(HttpStatus.NOT_FOUND, NOT_FOUND, "Simulation not found", "No simulation " + id);
    }

    static ProblemException busy(String runningId) {
        ProblemException p = Problems.refuse(HttpStatus.CONFLICT, BUSY, "A simulation is running",
                "This instance runs one simulation at a time; simulation " + runningId
                        + " is running: wait for it or cancel it");
        p.problem().setProperty("runningSimulation", runningId);
        return p;
    }

    static ProblemException notRunning(String id, Simulation.Status status) {
        return Problems.refuse(HttpStatus.CONFLICT, NOT_RUNNING, "Simulation not running",
                "Simulation " + id + " is " + status + ": there is nothing to cancel");
    }
}
