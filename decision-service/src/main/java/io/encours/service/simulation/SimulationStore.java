package io.encours.service.simulation;

import static io.encours.service.storage.BsonValues.instant;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.encours.rules.model.DecisionType;
import io.encours.service.simulation.Simulation.Progress;
import io.encours.service.simulation.Simulation.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code simulations} collection: one document per simulation, its state and progress as fields, its
 * result kept whole as JSON text (amounts exact, the shape the API shows), as the audit trail keeps a
 * decision's output. {@code heartbeatAt} is refreshed with the progress: a RUNNING simulation whose heartbeat
 * stopped was left by an instance that stopped.
 */
@Component
class SimulationStore {
    static final String COLLECTION = "simulations";

    private final MongoCollection<Document> simulations;
    private final JsonMapper json;

    SimulationStore(MongoTemplate mongo, JsonMapper json) {
        this.simulations = mongo.getCollection(COLLECTION);
        this.json = json;
    }

    void insert(Simulation s) {
        simulations.insertOne(new Document("_id", s.id())
                .append("version", s.version())
                .append("policyHash", s.policyHash())
                .append("from", Date.from(s.from()))
                .append("to", Date.from(s.to()))
                .append("types", s.types().stream().map(Enum::name).toList())
                .append("startedBy", s.startedBy())
                .append("startedAt", Date.from(s.startedAt()))
                .append("heartbeatAt", Date.from(s.startedAt()))
                .append("status", s.status().name())
                .append("progress", progress(s.progress())));
    }

    /** Saves the progress; answers whether someone asked to cancel meanwhile (on any instance). */
    boolean progress(String id, Progress progress, Instant now) {
        Document before = simulations.findOneAndUpdate(Filters.eq("_id", id),
                Updates.combine(Updates.set("progress", progress(progress)), Updates.set("heartbeatAt", Date.from(now))));
        return before != null && Boolean.TRUE.equals(before.getBoolean("cancelRequested"));
    }

    void finish(String id, Status status, Progress progress, SimulationResult result, String error, Instant now) {
        simulations.updateOne(Filters.eq("_id", id), Updates.combine(
                Updates.set("status", status.name()),
                Updates.set("progress", progress(progress)),
                Updates.set("finishedAt", Date.from(now)),
                Updates.set("heartbeatAt", Date.from(now)),
                Updates.set("result", result == null ? null : json.writeValueAsString(result)),
                Updates.set("error", error)));
    }

    /** Marks a RUNNING simulation for cancellation; false when it is not running. */
    boolean requestCancel(String id) {
        return simulations.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("status", Status.RUNNING.name())),
                Updates.set("cancelRequested", true)).getMatchedCount() > 0;
    }

    /** RUNNING simulations whose heartbeat stopped before {@code staleBefore} become FAILED; how many. */
    long interruptAbandoned(Instant staleBefore, Instant now) {
        return simulations.updateMany(Filters.and(Filters.eq("status", Status.RUNNING.name()),
                        Filters.lt("heartbeatAt", Date.from(staleBefore))),
                Updates.combine(Updates.set("status", Status.FAILED.name()),
                        Updates.set("finishedAt", Date.from(now)),
                        Updates.set("error", "interrupted: the instance running it stopped"))).getModifiedCount();
    }

    Optional<Simulation> find(String id) {
        return Optional.ofNullable(simulations.find(Filters.eq("_id", id)).first()).map(this::simulation);
    }

    /** Newest first, without their results. */
    List<Simulation> list(int limit) {
        List<Simulation> all = new ArrayList<>();
        simulations.find().projection(Projections.exclude("result")).sort(Sorts.descending("startedAt", "_id"))
                .limit(limit).forEach(d -> all.add(simulation(d)));
        return all;
    }

    private Simulation simulation(Document d) {
        String result = d.getString("result");
        return new Simulation(d.getString("_id"), d.getInteger("version"), d.getString("policyHash"),
                instant(d.getDate("from")), instant(d.getDate("to")),
                d.getList("types", String.class, List.of()).stream().map(DecisionType::valueOf).toList(),
                d.getString("startedBy"), instant(d.getDate("startedAt")), instant(d.getDate("finishedAt")),
                Status.valueOf(d.getString("status")), progress(d.get("progress", Document.class)),
                result == null ? null : json.readValue(result, SimulationResult.class), d.getString("error"),
                d.getBoolean("cancelRequested"));
    }

    private static Document progress(Progress p) {
        return new Document("percent", p.percent()).append("processed", p.processed()).append("total", p.total())
                .append("etaSeconds", p.etaSeconds());
    }

    private static Progress progress(Document d) {
        Number eta = d.get("etaSeconds", Number.class);
        return new Progress(d.getInteger("percent"), d.get("processed", Number.class).longValue(),
                d.get("total", Number.class).longValue(), eta == null ? null : eta.longValue());
    }
}
