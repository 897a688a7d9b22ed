package io.encours.service.stats;

import io.encours.service.audit.AuditReadStore;
import io.encours.service.web.WebProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/**
 * Counts the decisions of the last days with one aggregation: selected by time, grouped by business day,
 * type and outcome, asked of the audit trail's read store (which bounds the window on the {@code _id} index).
 */
@Service
class DecisionStatistics {
    private final AuditReadStore trail;
    private final Clock clock;
    private final ZoneId zone;

    DecisionStatistics(AuditReadStore trail, Clock clock, WebProperties web) {
        this.trail = trail;
        this.clock = clock;
        this.zone = web.timeZone();
    }

    DecisionCounts lastDays(int days) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate first = today.minusDays(days - 1L);
        Instant start = first.atStartOfDay(zone).toInstant();
        Instant end = today.plusDays(1).atStartOfDay(zone).toInstant();
        List<AuditReadStore.DailyCount> groups = trail.countByDay(start, end, zone);

        Map<String, Long> todayByOutcome = new TreeMap<>();
        Map<String, Long> todayByType = new TreeMap<>();
        Map<LocalDate, Map<String, Long>> byDay = new TreeMap<>();
        for (AuditReadStore.DailyCount g : groups) {
            LocalDate date = g.day();
            String outcome = g.outcome();
            long count = g.count();
            byDay.computeIfAbsent(date, d -> new TreeMap<>()).merge(outcome, count, Long::sum);
            if (date.equals(today)) {
                todayByOutcome.merge(outcome, count, Long::sum);
                todayByType.merge(g.type(), count, Long::sum);
            }
        }
        List<DecisionCounts.Day> daily = new ArrayList<>();
        byDay.forEach((date, outcomes) -> outcomes.forEach((outcome, count) ->
                daily.add(new DecisionCounts.Day(date, outcome, count))));
        daily.sort(Comparator.comparing(DecisionCounts.Day::day).thenComparing(DecisionCounts.Day::outcome));
        return new DecisionCounts(zone, first, today, new DecisionCounts.Today(todayByOutcome, todayByType), daily);
    }
}
