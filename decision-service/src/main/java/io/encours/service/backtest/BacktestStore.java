package io.encours.service.backtest;

import static io.encours.service.storage.BsonValues.instant;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.encours.service.backtest.BacktestJob.Progress;
import io.encours.service.backtest.BacktestJob.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code backtests} collection: one document per back-test, with the version number it belongs to; its
 * report kept whole as JSON text (the shape the API shows). The uploaded file itself is not kept.
 */
@Component
class BacktestStore {
    static final String COLLECTION = "backtests";

    private final MongoCollection<Document> backtests;
    private final JsonMapper json;

    BacktestStore(MongoTemplate mongo, JsonMapper json) {
        this.backtests = mongo.getCollection(COLLECTION);
        this.json = json;
    }

    void insert(BacktestJob b) {
        backtests.insertOne(new Document("_id", b.id())
                .append("version", b.version())
                .append("policyHash", b.policyHash())
                .append("fileName", b.fileName())
                .append("asOf", b.asOf())
                .append("startedBy", b.startedBy())
                .append("startedAt", Date.from(b.startedAt()))
                .append("heartbeatAt", Date.from(b.startedAt()))
                .append("status", b.status().name())
                .append("progress", progress(b.progress())));
    }

    void progress(String id, Progress progress, Instant now) {
        backtests.updateOne(Filters.eq("_id", id),
                Updates.combine(Updates.set("progress", progress(progress)), Updates.set("heartbeatAt", Date.from(now))));
    }

    void finish(String id, Status status, Progress progress, String reportJson, String error, Instant now) {
        backtests.updateOne(Filters.eq("_id", id), Updates.combine(
                Updates.set("status", status.name()),
                Updates.set("progress", progress(progress)),
                Updates.set("finishedAt", Date.from(now)),
                Updates.set("heartbeatAt", Date.from(now)),
                Updates.set("report", reportJson),
                Updates.set("error", error)));
    }

    /** RUNNING back-tests whose heartbeat stopped before {@code staleBefore} become FAILED; how many. */
    long interruptAbandoned(Instant staleBefore, Instant now) {
        return backtests.updateMany(Filters.and(Filters.eq("status", Status.RUNNING.name()),
                        Filters.lt("heartbeatAt", Date.from(staleBefore))),
                Updates.combine(Updates.set("status", Status.FAILED.name()),
                        Updates.set("finishedAt", Date.from(now)),
                        Updates.set("error", "interrupted: the instance running it stopped"))).getModifiedCount();
    }

    Optional<BacktestJob> find(String id) {
        return Optional.ofNullable(backtests.find(Filters.eq("_id", id)).first()).map(this::job);
    }

    /** Newest first, without their reports; of one version when {@code version} is not null. */
    List<BacktestJob> list(Integer version, int limit) {
        Bson filter = version == null ? new Document() : Filters.eq("version", version);
        List<BacktestJob> all = new ArrayList<>();
        backtests.find(filter).projection(Projections.exclude("report")).sort(Sorts.descending("startedAt", "_id"))
                .limit(limit).forEach(d -> all.add(job(d)));
        return all;
    }

    /** The newest DONE back-test of a version, with its report. */
    Optional<BacktestJob> latestDone(int version) {
        return Optional.ofNullable(backtests.find(Filters.and(Filters.eq("version", version),
                        Filters.eq("status", Status.DONE.name())))
                .sort(Sorts.descending("startedAt", "_id")).limit(1).first()).map(this::job);
    }

    private BacktestJob job(Document d) {
        String report = d.getString("report");
        return new BacktestJob(d.getString("_id"), d.getInteger("version"), d.getString("policyHash"),
                d.getString("fileName"), d.getString("asOf"), d.getString("startedBy"),
                instant(d.getDate("startedAt")), instant(d.getDate("finishedAt")), Status.valueOf(d.getString("status")),
                progress(d.get("progress", Document.class)), report == null ? null : json.readTree(report),
                d.getString("error"));
    }

    private static Document progress(Progress p) {
        return new Document("percent", p.percent()).append("processed", p.processed()).append("total", p.total());
    }

    private static Progress progress(Document d) {
        return new Progress(d.getInteger("percent"), d.get("processed", Number.class).longValue(),
                d.get("total", Number.class).longValue());
    }
}
