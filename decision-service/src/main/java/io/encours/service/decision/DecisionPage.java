package io.encours.service.decision;

import io.encours.service.audit.DecisionSummary;
import java.util.List;

/** One page of a customer's decisions, newest first. */
record DecisionPage(String customerId, int page, int size, long totalElements, List<DecisionSummary> decisions) {
}
