package io.encours.service.security;

import static io.encours.service.storage.BsonValues.date;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.encours.service.storage.StoreIndexes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The {@code login_failures} collection: one document per username tried ({@code user:<name>}) and per client
 * address ({@code address:<ip>}), holding the times of its recent failures ({@code times}) and the last one
 * ({@code lastAt}, which the expiry index reads).
 */
class LoginFailureStore {
    static final String COLLECTION = "login_failures";
    private static final String TIMES = "times";
    private static final String LAST_AT = "lastAt";

    private final MongoCollection<Document> failures;
    private final boolean createIndexes;

    LoginFailureStore(MongoTemplate mongo, boolean createIndexes) {
        this.failures = mongo.getCollection(COLLECTION);
        this.createIndexes = createIndexes;
    }

    /** Real MongoDB removes documents nobody failed on for {@code keep}; the embedded server keeps them (harmless). */
    void createIndexes(Duration keep) {
        StoreIndexes.ensure(failures, createIndexes, new IndexModel(Indexes.ascending(LAST_AT),
                new IndexOptions().expireAfter(keep.toSeconds(), TimeUnit.SECONDS).name("last_at_ttl")));
    }

    /** The failure times counted under {@code id}, as stored (any order); empty when none. */
    Optional<List<Instant>> times(String id) {
        return Optional.ofNullable(failures.find(Filters.eq("_id", id)).first()).map(LoginFailureStore::times);
    }

    /** Adds a failure at {@code at}; returns every time now counted under {@code id}. */
    List<Instant> add(String id, Instant at) {
        failures.updateOne(Filters.eq("_id", id), Updates.combine(Updates.push(TIMES, date(at)),
                Updates.set(LAST_AT, date(at))), new UpdateOptions().upsert(true));
        return times(id).orElse(List.of());
    }

    /** Keeps only {@code kept} under {@code id}. */
    void replace(String id, List<Instant> kept) {
        failures.updateOne(Filters.eq("_id", id), Updates.set(TIMES, kept.stream().map(Date::from).toList()));
    }

    /** Forgets {@code id}; returns the times it held. */
    List<Instant> remove(String id) {
        Document removed = failures.findOneAndDelete(Filters.eq("_id", id));
        return removed == null ? List.of() : times(removed);
    }

    private static List<Instant> times(Document d) {
        List<Instant> times = new ArrayList<>();
        for (Date at : d.getList(TIMES, Date.class, List.of())) {
            times.add(at.toInstant());
        }
        return times;
    }
}
