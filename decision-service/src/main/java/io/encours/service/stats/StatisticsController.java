package io.encours.service.stats;

import io.encours.service.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Decision counts for the overview page (credit staff and auditors). */
@RestController
@Tag(name = "Statistics")
class StatisticsController {
    private final DecisionStatistics statistics;

    StatisticsController(DecisionStatistics statistics) {
        this.statistics = statistics;
    }

    @GetMapping(path = "/api/v1/stats/decisions", produces = "application/json")
    @Operation(summary = "Decisions per day and outcome, and today's by outcome and type",
            description = "Days are those of the business time zone (encours.web.time-zone); the last day is today.")
    DecisionCounts decisions(@Parameter(description = "1 to 366 days, today included")
                             @RequestParam(defaultValue = "30") int days) {
        if (days < 1 || days > 366) {
            throw Problems.invalidField("days", "must be between 1 and 366");
        }
        return statistics.lastDays(days);
    }
}
