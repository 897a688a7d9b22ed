package io.encours.service.decision;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A customer's decision history, newest first. (The full audit explorer is another feature.) */
@RestController
@RequestMapping(path = "/api/v1/customers", produces = "application/json")
@Tag(name = "Decisions")
class CustomerDecisionsController {
    private final DecisionService decisions;

    CustomerDecisionsController(DecisionService decisions) {
        this.decisions = decisions;
    }

    @GetMapping("/{customerId}/decisions")
    @Operation(summary = "A customer's decisions, newest first",
            description = "Summaries of the recorded decisions about the customer, in pages.")
    DecisionPage history(
            @Parameter(example = "C-1000") @PathVariable String customerId,
            @Parameter(description = "Page number, from 0") @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @Parameter(description = "Decisions per page, 1 to 100") @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return decisions.history(customerId, page, size);
    }
}
