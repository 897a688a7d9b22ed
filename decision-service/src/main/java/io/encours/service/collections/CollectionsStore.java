package io.encours.service.collections;

import static io.encours.service.collections.CollectionsDocuments.ASSIGNEE;
import static io.encours.service.collections.CollectionsDocuments.CUSTOMER_ID;
import static io.encours.service.collections.CollectionsDocuments.DATE;
import static io.encours.service.collections.CollectionsDocuments.ID;
import static io.encours.service.collections.CollectionsDocuments.LEVEL;
import static io.encours.service.collections.CollectionsDocuments.PRIORITY;
import static io.encours.service.collections.CollectionsDocuments.STARTED_AT;
import static io.encours.service.collections.CollectionsDocuments.STATE;
import static io.encours.service.collections.CollectionsDocuments.VERSION;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.encours.service.collections.DunningRun.RunState;
import io.encours.service.storage.StoreIndexes;
import io.encours.service.storage.WriteDurability;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The collections' own collections ({@link CollectionsDocuments}): the runs and the worklist lines. A line is
 * changed only on the version it was read at (one conditional single-document write), so that a run bringing
 * a line up to date and a person marking it done never overwrite each other.
 */
final class CollectionsStore {
    private final MongoCollection<Document> runs;
    private final MongoCollection<Document> lines;
    private final WriteDurability durability;

    CollectionsStore(MongoTemplate mongo, WriteDurability durability) {
        this.runs = mongo.getCollection(CollectionsDocuments.RUNS).withWriteConcern(durability.writeConcern());
        this.lines = mongo.getCollection(CollectionsDocuments.LINES).withWriteConcern(durability.writeConcern());
        this.durability = durability;
    }

    /** The worklist of a day by priority (filtered by assignee and state); a customer's lines of a day. */
    void createIndexes(boolean enabled) {
        StoreIndexes.ensure(lines, enabled,
                new IndexModel(Indexes.compoundIndex(Indexes.ascending(DATE), Indexes.descending(PRIORITY)),
                        new IndexOptions().name("date_priority")),
                new IndexModel(Indexes.ascending(CUSTOMER_ID, DATE), new IndexOptions().name("customerId_date")));
        StoreIndexes.ensure(runs, enabled,
                new IndexModel(Indexes.ascending(STATE, STARTED_AT), new IndexOptions().name("state_startedAt")));
    }

    // ------------------------------------------------------------------ runs

    void save(DunningRun run) {
        runs.replaceOne(Filters.eq(ID, run.id()), CollectionsDocuments.toDocument(run), new ReplaceOptions().upsert(true));
    }

    Optional<DunningRun> run(String runId) {
        return Optional.ofNullable(runs.find(Filters.eq(ID, runId)).first()).map(CollectionsDocuments::toRun);
    }

    List<DunningRun> runsIn(RunState state) {
        List<DunningRun> found = new ArrayList<>();
        runs.find(Filters.eq(STATE, state.name())).sort(Sorts.ascending(STATE, STARTED_AT))
                .forEach(d -> found.add(CollectionsDocuments.toRun(d)));
        return found;
    }

    // ------------------------------------------------------------------ lines

    Optional<WorklistLine> line(String lineId) {
        return Optional.ofNullable(lines.find(Filters.eq(ID, lineId)).first()).map(CollectionsDocuments::toLine);
    }

    /** Every line of a day (a run reads them once, then works customer by customer). */
    List<WorklistLine> linesOn(LocalDate date) {
        List<WorklistLine> found = new ArrayList<>();
        lines.find(Filters.eq(DATE, date.toString())).forEach(d -> found.add(CollectionsDocuments.toLine(d)));
        return found;
    }

    /** Lines DONE at a level from {@code from} to {@code to} (pre-due reminders: the ledger has no level 0). */
    List<WorklistLine> doneAtLevel(int level, LocalDate from, LocalDate to) {
        List<WorklistLine> found = new ArrayList<>();
        lines.find(Filters.and(Filters.gte(DATE, from.toString()), Filters.lte(DATE, to.toString()),
                        Filters.eq(LEVEL, level), Filters.eq(STATE, LineState.DONE.name())))
                .forEach(d -> found.add(CollectionsDocuments.toLine(d)));
        return found;
    }

    /** A day's lines by priority, highest first, at most {@code limit}. */
    List<WorklistLine> worklist(Worklists.Filter filter, int limit) {
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq(DATE, filter.date().toString())));
        if (filter.assignee() != null) {
            filters.add(Filters.eq(ASSIGNEE, filter.assignee()));
        }
        if (filter.customerId() != null) {
            filters.add(Filters.eq(CUSTOMER_ID, filter.customerId()));
        }
        if (filter.state() != null) {
            filters.add(Filters.eq(STATE, filter.state().name()));
        }
        List<WorklistLine> found = new ArrayList<>();
        lines.find(Filters.and(filters)).sort(Sorts.orderBy(Sorts.ascending(DATE), Sorts.descending(PRIORITY),
                Sorts.ascending(ID))).limit(limit).forEach(d -> found.add(CollectionsDocuments.toLine(d)));
        return found;
    }

    void insert(List<WorklistLine> fresh) {
        if (!fresh.isEmpty()) {
            lines.insertMany(fresh.stream().map(CollectionsDocuments::toDocument).toList());
        }
    }

    /** Replaces the line if it is still at the version before {@code changed}'s (and, for a run, still TO_DO). */
    boolean replace(WorklistLine changed, boolean onlyIfToDo) {
        Bson filter = Filters.and(Filters.eq(ID, changed.id()), Filters.eq(VERSION, changed.version() - 1));
        if (onlyIfToDo) {
            filter = Filters.and(filter, Filters.eq(STATE, LineState.TO_DO.name()));
        }
        return lines.replaceOne(filter, CollectionsDocuments.toDocument(changed)).getMatchedCount() == 1;
    }

    /** Removes a TO_DO line left without invoices, if nobody worked it in between. */
    boolean remove(WorklistLine line) {
        return lines.deleteOne(Filters.and(Filters.eq(ID, line.id()), Filters.eq(VERSION, line.version()),
                Filters.eq(STATE, LineState.TO_DO.name()))).getDeletedCount() == 1;
    }

    void durable() {
        durability.makeAcknowledgedWritesDurable();
    }
}
