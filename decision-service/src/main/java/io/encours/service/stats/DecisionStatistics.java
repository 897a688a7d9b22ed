package io.encours.service.stats;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import io.encours.service.web.WebProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Counts the decisions of the last days with one aggregation: selected by time, grouped by business day,
 * type and outcome. The selection is bounded on {@code _id} too: decision ids are UUIDv7 issued after the
 * request arrived, so the first id of the window's first millisecond bounds every decision in it, and MongoDB
 * reads the window from the {@code _id} index instead of scanning the collection.
 */
@Service
class DecisionStatistics {
    private static final String DECISIONS = "decisions";

    private final MongoCollection<Document> decisions;
    private final Clock clock;
    private final ZoneId zone;

    DecisionStatistics(MongoTemplate mongo, Clock clock, WebProperties web) {
        this.decisions = mongo.getCollection(DECISIONS);
        this.clock = clock;
        this.zone = web.timeZone();
    }

    DecisionCounts lastDays(int days) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate first = today.minusDays(days - 1L);
        Instant start = first.atStartOfDay(zone).toInstant();
        Instant end = today.plusDays(1).atStartOfDay(zone).toInstant();
        Document day = new Document("$dateToString", new Document("format", "%Y-%m-%d").append("date", "$receivedAt")
                .append("timezone", zone.getId()));
        List<Document> groups = decisions.aggregate(List.of(
                Aggregates.match(Filters.and(Filters.gte("_id", new UUID(start.toEpochMilli() << 16, 0L).toString()),
                        Filters.gte("receivedAt", Date.from(start)), Filters.lt("receivedAt", Date.from(end)))),
                Aggregates.group(new Document("day", day).append("type", "$type").append("outcome", "$outcome"),
                        Accumulators.sum("count", 1)))).into(new ArrayList<>());

        Map<String, Long> todayByOutcome = new TreeMap<>();
        Map<String, Long> todayByType = new TreeMap<>();
        Map<LocalDate, Map<String, Long>> byDay = new TreeMap<>();
        for (Document g : groups) {
            Document key = g.get("_id", Document.class);
            LocalDate date = LocalDate.parse(key.getString("day"));
            String outcome = key.getString("outcome");
            long count = g.get("count", Number.class).longValue();
            byDay.computeIfAbsent(date, d -> new TreeMap<>()).merge(outcome, count, Long::sum);
            if (date.equals(today)) {
                todayByOutcome.merge(outcome, count, Long::sum);
                todayByType.merge(key.getString("type"), count, Long::sum);
            }
        }
        List<DecisionCounts.Day> daily = new ArrayList<>();
        byDay.forEach((date, outcomes) -> outcomes.forEach((outcome, count) ->
                daily.add(new DecisionCounts.Day(date, outcome, count))));
        daily.sort(Comparator.comparing(DecisionCounts.Day::day).thenComparing(DecisionCounts.Day::outcome));
        return new DecisionCounts(zone, first, today, new DecisionCounts.Today(todayByOutcome, todayByType), daily);
    }
}
