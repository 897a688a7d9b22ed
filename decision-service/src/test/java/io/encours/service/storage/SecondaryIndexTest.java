package io.encours.service.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20: the embedded store's secondary indexes and query planner give the answers a full scan gives. Two
 * collections hold the same documents, one with indexes and one without (mongo-java-server's own scan); every
 * query shape the service uses (equality, time ranges, the keyset cursor's {@code $or}, {@code $in}, sorts both
 * ways with skip and limit, counts) must return the same documents in the same order from both, also after
 * updates and deletes and after the store is closed and reopened. The indexed side examines fewer documents.
 */
class SecondaryIndexTest {
    private static final int DOCUMENTS = 1_200;
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final String[] CUSTOMERS = {"C-1", "C-2", "C-3", "C-4", "C-5", "C-6", "C-7"};
    private static final String[] OUTCOMES = {"APPROVE", "BLOCK", "REVIEW"};

    @TempDir
    Path dataDir;

    private static Date at(int minutes) {
        return Date.from(START.plusSeconds(60L * minutes));
    }

    private static List<Document> documents() {
        Random random = new Random(20);
        List<Document> all = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            Document d = new Document("_id", String.format("id-%05d", random.nextInt(90_000)) + "-" + i)
                    .append("outcome", OUTCOMES[random.nextInt(OUTCOMES.length)])
                    // Several documents share a time: ties are broken by _id.
                    .append("receivedAt", at(random.nextInt(DOCUMENTS / 2)))
                    .append("amount", random.nextInt(50) * 100);
            if (i % 13 != 0) {
                // Some documents have no customer: the index keeps them under null.
                d.append("customerId", CUSTOMERS[random.nextInt(CUSTOMERS.length)]);
            }
            all.add(d);
        }
        return all;
    }

    private static void createIndexes(MongoCollection<Document> c) {
        c.createIndex(Indexes.compoundIndex(Indexes.ascending("customerId"), Indexes.descending("receivedAt")),
                new IndexOptions().name("customerId_receivedAt"));
        c.createIndex(Indexes.compoundIndex(Indexes.ascending("outcome"), Indexes.descending("receivedAt")),
                new IndexOptions().name("outcome_receivedAt"));
        c.createIndex(Indexes.descending("receivedAt"), new IndexOptions().name("receivedAt"));
    }

    /** A query as the service sends it: filter, sort, skip and limit. */
    private record Shape(String name, Bson filter, Bson sort, int skip, int limit) {
    }

    private static List<Shape> shapes() {
        Bson window = Filters.and(Filters.gte("receivedAt", at(100)), Filters.lt("receivedAt", at(400)));
        Bson newest = Sorts.descending("receivedAt", "_id");
        Bson oldest = Sorts.ascending("receivedAt", "_id");
        // The keyset cursor after (at(250), "id-5"): later pages of a search, newest first.
        Bson afterCursor = Filters.or(Filters.lt("receivedAt", at(250)),
                Filters.and(Filters.eq("receivedAt", at(250)), Filters.lt("_id", "id-5")));
        return List.of(
                new Shape("customer history", Filters.eq("customerId", "C-3"), newest, 0, 21),
                new Shape("customer history, page 3", Filters.eq("customerId", "C-3"), newest, 40, 20),
                new Shape("customer, all, oldest first", Filters.eq("customerId", "C-2"), oldest, 0, 0),
                new Shape("no customer", Filters.eq("customerId", null), newest, 0, 0),
                new Shape("outcome in window", Filters.and(Filters.eq("outcome", "BLOCK"), window), newest, 0, 51),
                new Shape("outcome in window, after cursor",
                        Filters.and(Filters.eq("outcome", "BLOCK"), window, afterCursor), newest, 0, 51),
                new Shape("window, oldest first", window, oldest, 0, 51),
                new Shape("window, newest first, after cursor", Filters.and(window, afterCursor), newest, 0, 51),
                new Shape("window unsorted", window, null, 0, 0),
                new Shape("open-ended time", Filters.gt("receivedAt", at(550)), newest, 0, 0),
                new Shape("customers in", Filters.in("customerId", "C-1", "C-5"), newest, 0, 30),
                new Shape("customer and outcome", Filters.and(Filters.eq("customerId", "C-4"),
                        Filters.eq("outcome", "REVIEW")), newest, 0, 10),
                new Shape("sorted by amount", Filters.eq("outcome", "APPROVE"), Sorts.descending("amount", "_id"),
                        0, 15),
                new Shape("everything, newest first", new Document(), newest, 0, 25),
                new Shape("nothing matches", Filters.eq("customerId", "C-404"), newest, 0, 10));
    }

    private static List<Document> run(MongoCollection<Document> c, Shape shape) {
        var find = c.find(shape.filter());
        if (shape.sort() != null) {
            find = find.sort(shape.sort());
        }
        return find.skip(shape.skip()).limit(shape.limit()).into(new ArrayList<>());
    }

    private void with(Consumer<Store> test) {
        EmbeddedMongo server = EmbeddedMongo.start(dataDir);
        try {
            test.accept(new Store(server));
        } finally {
            server.close();
        }
    }

    private record Store(EmbeddedMongo server) {
        MongoDatabase db(MongoClient client) {
            return client.getDatabase("t");
        }
    }

    private static void assertSameAnswers(EmbeddedMongo server, MongoCollection<Document> indexed,
                                          MongoCollection<Document> plain) {
        for (Shape shape : shapes()) {
            List<Document> expected = run(plain, shape);
            long before = server.documentsExamined("t", "indexed");
            List<Document> actual = run(indexed, shape);
            long examined = server.documentsExamined("t", "indexed") - before;
            if (shape.sort() == null) {
                assertThat(actual).as(shape.name()).containsExactlyInAnyOrderElementsOf(expected);
            } else {
                assertThat(actual).as(shape.name()).containsExactlyElementsOf(expected);
            }
            if (!shape.name().startsWith("everything")) {
                assertThat(examined).as(shape.name() + ": examined").isLessThan(DOCUMENTS);
            }
            assertThat(indexed.countDocuments(shape.filter())).as(shape.name() + ": count")
                    .isEqualTo(plain.countDocuments(shape.filter()));
        }
    }

    @Test
    void indexed_queries_answer_as_a_full_scan_does_after_inserts_updates_deletes_and_a_reopening() {
        with(store -> {
            try (MongoClient client = MongoClients.create(store.server().connectionString("t"))) {
                MongoCollection<Document> indexed = store.db(client).getCollection("indexed");
                MongoCollection<Document> plain = store.db(client).getCollection("plain");
                // Half the documents before the indexes exist (built from the collection), half after.
                List<Document> all = documents();
                indexed.insertMany(all.subList(0, DOCUMENTS / 2));
                createIndexes(indexed);
                indexed.insertMany(all.subList(DOCUMENTS / 2, DOCUMENTS));
                plain.insertMany(all);
                assertSameAnswers(store.server(), indexed, plain);

                for (MongoCollection<Document> c : List.of(indexed, plain)) {
                    c.updateMany(Filters.eq("customerId", "C-6"), Updates.set("outcome", "BLOCK"));
                    c.updateMany(Filters.eq("outcome", "REVIEW"), Updates.set("receivedAt", at(333)));
                    c.updateMany(Filters.eq("customerId", "C-7"), Updates.unset("customerId"));
                    c.deleteMany(Filters.and(Filters.eq("outcome", "APPROVE"), Filters.lt("receivedAt", at(200))));
                }
                assertSameAnswers(store.server(), indexed, plain);
            }
        });
        // The index maps are in the store file with the documents: reopened, they answer as before.
        with(store -> {
            try (MongoClient client = MongoClients.create(store.server().connectionString("t"))) {
                MongoCollection<Document> indexed = store.db(client).getCollection("indexed");
                MongoCollection<Document> plain = store.db(client).getCollection("plain");
                assertThat(indexed.countDocuments()).isEqualTo(plain.countDocuments());
                assertSameAnswers(store.server(), indexed, plain);
            }
        });
    }

    @Test
    void a_page_sorted_on_an_index_reads_about_what_it_returns() {
        with(store -> {
            try (MongoClient client = MongoClients.create(store.server().connectionString("t"))) {
                MongoCollection<Document> indexed = store.db(client).getCollection("indexed");
                createIndexes(indexed);
                indexed.insertMany(documents());

                long before = store.server().documentsExamined("t", "indexed");
                List<Document> page = indexed.find(Filters.eq("outcome", "BLOCK"))
                        .sort(Sorts.descending("receivedAt", "_id")).limit(20).into(new ArrayList<>());
                assertThat(page).hasSize(20);
                assertThat(store.server().documentsExamined("t", "indexed") - before).isEqualTo(20);

                // A count the index expresses exactly reads no document.
                before = store.server().documentsExamined("t", "indexed");
                long blocked = indexed.countDocuments(Filters.eq("outcome", "BLOCK"));
                assertThat(blocked).isBetween(300L, 500L);
                assertThat(store.server().documentsExamined("t", "indexed") - before).isZero();
            }
        });
    }
}
