package io.encours.service.decision;

import io.encours.service.web.ProblemException;
import io.encours.service.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The problems of an order check by reference (field problems are the shared /problems/invalid-field). */
final class OrderCheckProblems {
    static final String CUSTOMER_NOT_FOUND = "/problems/customer-not-found";
    static final String LEDGER_UNAVAILABLE = "/problems/ledger-unavailable";

    private OrderCheckProblems() {
    }

    /** No credit account (or no ledger position) for the customer an order check names by reference. */
    static ProblemException customerNotFound(String customerId) {
        ProblemDetail problem = Problems.problem(HttpStatus.NOT_FOUND, CUSTOMER_NOT_FOUND, "Customer not found",
                "No credit account for customer " + customerId + ": create its account, or send the order check "
                        + "with the customer and its exposure");
        problem.setProperty("customerId", customerId);
        problem.setProperty("field", "customerId");
        return ProblemException.of(problem);
    }

    /** This instance has no ledger store: an order check by reference cannot be answered, a full payload can. */
    static ProblemException ledgerUnavailable() {
        return ProblemException.of(Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, LEDGER_UNAVAILABLE,
                "Ledger unavailable", "The customers' credit positions cannot be read, so an order check by reference "
                        + "is not answered; send the customer and its exposure, or retry later"));
    }
}
