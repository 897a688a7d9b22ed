package io.encours.service.simulation;

import io.encours.service.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** Refusals of the simulation API, as RFC 9457 problems. */
final class SimulationProblems extends ErrorResponseException {
    static final String NOT_FOUND = "/problems/simulation-not-found";
    static final String BUSY = "/problems/simulation-running";
    static final String NOT_RUNNING = "/problems/simulation-not-running";

    private SimulationProblems(HttpStatus status, String type, String title, String detail) {
        super(status, Problems.problem(status, type, title, detail), null);
    }

    static SimulationProblems notFound(String id) {
        return new SimulationProblems(HttpStatus.NOT_FOUND, NOT_FOUND, "Simulation not found", "No simulation " + id);
    }

    static SimulationProblems busy(String runningId) {
        SimulationProblems p = new SimulationProblems(HttpStatus.CONFLICT, BUSY, "A simulation is running",
                "This instance runs one simulation at a time; simulation " + runningId
                        + " is running: wait for it or cancel it");
        p.getBody().setProperty("runningSimulation", runningId);
        return p;
    }

    static SimulationProblems notRunning(String id, Simulation.Status status) {
        return new SimulationProblems(HttpStatus.CONFLICT, NOT_RUNNING, "Simulation not running",
                "Simulation " + id + " is " + status + ": there is nothing to cancel");
    }
}
