package io.encours.service.ledger;

import static io.encours.service.ledger.LedgerDocuments.COMMIT;
import static io.encours.service.ledger.LedgerDocuments.CURRENCY;
import static io.encours.service.ledger.LedgerDocuments.CUSTOMER_ID;
import static io.encours.service.ledger.LedgerDocuments.DOCUMENTS_FIELD;
import static io.encours.service.ledger.LedgerDocuments.DOCUMENT_ID;
import static io.encours.service.ledger.LedgerDocuments.EVENTS_FIELD;
import static io.encours.service.ledger.LedgerDocuments.FINGERPRINT;
import static io.encours.service.ledger.LedgerDocuments.ID;
import static io.encours.service.ledger.LedgerDocuments.INDEX;
import static io.encours.service.ledger.LedgerDocuments.KIND;
import static io.encours.service.ledger.LedgerDocuments.LEDGER_VERSION;
import static io.encours.service.ledger.LedgerDocuments.PENDING;
import static io.encours.service.ledger.LedgerDocuments.RESERVATIONS;
import static io.encours.service.ledger.LedgerDocuments.SCHEMA;
import static io.encours.service.ledger.LedgerDocuments.TOTALS;
import static io.encours.service.ledger.LedgerDocuments.UPDATED_AT;
import static io.encours.service.ledger.LedgerDocuments.VERSION;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import com.mongodb.client.result.UpdateResult;
import io.encours.service.ledger.LedgerDocuments.AcceptedEvent;
import io.encours.service.ledger.LedgerDocuments.Position;
import io.encours.service.ledger.LedgerDocuments.Reservation;
import io.encours.service.storage.WriteDurability;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The ledger's collections ({@link LedgerDocuments}). Without a multi-document transaction (the embedded store
 * has none; a standalone MongoDB neither), the customer's <b>position document is the commit point</b> of every
 * batch of that customer's events:
 * <ol>
 *   <li>one conditional update of the position, on the version it was read at, sets the new running totals and
 *       writes the whole batch into it ({@code pending}: the accepted events and the new state of every ledger
 *       document they changed). This single-document write is atomic: either the batch and its totals are in,
 *       or nothing is. Of two writers starting from one version only one gets through; the other reads again
 *       and applies its events on the new state;</li>
 *   <li>the events are inserted into {@code ledger_events} and the documents replaced in
 *       {@code ledger_documents} (idempotent: an event already there is skipped, a document is only replaced
 *       by a newer {@code ledgerVersion});</li>
 *   <li>{@code pending} is removed, on condition that the position is still at that version.</li>
 * </ol>
 * Whoever reads a position that still has a {@code pending} batch (a crash between 1 and 3, or a writer still
 * at it) first completes steps 2 and 3 itself, so documents are never read half-written. The answer is given
 * after step 3 and after the writes are durable ({@link WriteDurability}), so a crash loses nothing answered
 * and leaves nothing half-applied once any reader touched the customer. Every write goes to one customer's
 * documents: with the customer id as the shard key, every write touches one shard.
 *
 * <p>A request's batch spans many customers: {@link #commitAll} takes each step for all of them at once, one
 * unordered {@code bulkWrite} per step (the positions' conditional updates, the events, the documents, the
 * pending batches removed), so a batch costs a handful of round trips whatever the number of its customers. Each
 * customer's commit point stays its own single-document update: one that finds its position moved fails alone
 * and is retried by the caller. A bulk write reports only how many updates matched, so when some did not, the
 * commits that went through are told by the token each one carries ({@code commit}, in its pending batch and
 * in its events).
 */
final class LedgerStore {
    private final MongoCollection<Document> positions;
    private final MongoCollection<Document> documents;
    private final MongoCollection<Document> events;
    private final WriteDurability durability;

    LedgerStore(MongoTemplate mongo, WriteDurability durability) {
        this.positions = mongo.getCollection(LedgerDocuments.POSITIONS).withWriteConcern(durability.writeConcern());
        this.documents = mongo.getCollection(LedgerDocuments.DOCUMENTS).withWriteConcern(durability.writeConcern());
        this.events = mongo.getCollection(LedgerDocuments.EVENTS).withWriteConcern(durability.writeConcern());
        this.durability = durability;
    }

    /**
     * Events in a customer's order of acceptance (unique: it also serves paging and a customer's fingerprints);
     * documents by kind and id (who holds an invoice). A customer's documents are read by their {@code _id}
     * range, which needs no other index.
     */
    void createIndexes() {
        events.createIndex(Indexes.ascending(CUSTOMER_ID, LEDGER_VERSION, INDEX),
                new IndexOptions().unique(true).name("customerId_ledgerVersion_index_unique"));
        documents.createIndex(Indexes.ascending(KIND, DOCUMENT_ID), new IndexOptions().name("kind_documentId"));
        documents.createIndex(Indexes.ascending(CUSTOMER_ID, LedgerDocuments.OPEN, LedgerDocuments.OPEN_KEY),
                new IndexOptions().name("customerId_open_openKey"));
        documents.createIndex(Indexes.ascending(CUSTOMER_ID, LedgerDocuments.DISPUTED_KEY),
                new IndexOptions().name("customerId_disputedKey"));
        durability.makeAcknowledgedWritesDurable();
    }

    /** The customer's position, created empty if it has none; a batch left pending is completed first. */
    Position position(String customerId, String currency) {
        Document found = positions.find(Filters.eq(ID, customerId)).first();
        if (found == null) {
            Document fresh = new Document(ID, customerId).append(SCHEMA, LedgerDocuments.SCHEMA_VERSION)
                    .append(CURRENCY, currency).append(VERSION, 0L).append(LEDGER_VERSION, 0L)
                    .append(TOTALS, LedgerDocuments.toDocument(RunningTotals.ZERO)).append(RESERVATIONS, List.of());
            insertUnlessTaken(positions, fresh);
            found = positions.find(Filters.eq(ID, customerId)).first();
        }
        Position position = LedgerDocuments.toPosition(found);
        if (position.pending() != null) {
            complete(customerId, position.pending());
            return LedgerDocuments.toPosition(positions.find(Filters.eq(ID, customerId)).first());
        }
        return position;
    }

    Optional<Position> existingPosition(String customerId) {
        Document found = positions.find(Filters.eq(ID, customerId)).first();
        if (found == null) {
            return Optional.empty();
        }
        return Optional.of(position(customerId, found.getString(CURRENCY)));
    }

    List<String> customersWithPositions() {
        List<String> ids = new ArrayList<>();
        positions.find().projection(Projections.include(ID)).sort(Sorts.ascending(ID))
                .forEach(d -> ids.add(d.getString(ID)));
        return ids;
    }

    /**
     * The positions of these customers (customer id to the currency of its account), each created empty if it has
     * none; a batch left pending is completed first. One read for all of them (two when some are new).
     */
    Map<String, Position> positions(Map<String, String> currencies) {
        Map<String, Document> found = byIds(positions, currencies.keySet());
        List<Document> fresh = new ArrayList<>();
        for (Map.Entry<String, String> c : currencies.entrySet()) {
            if (!found.containsKey(c.getKey())) {
                fresh.add(new Document(ID, c.getKey()).append(SCHEMA, LedgerDocuments.SCHEMA_VERSION)
                        .append(CURRENCY, c.getValue()).append(VERSION, 0L).append(LEDGER_VERSION, 0L)
                        .append(TOTALS, LedgerDocuments.toDocument(RunningTotals.ZERO)).append(RESERVATIONS, List.of()));
            }
        }
        if (!fresh.isEmpty()) {
            insertAllUnlessTaken(positions, fresh);
            found.putAll(byIds(positions, fresh.stream().map(d -> d.getString(ID)).toList()));
        }
        Map<String, Position> out = new LinkedHashMap<>();
        for (String customerId : currencies.keySet()) {
            Position position = LedgerDocuments.toPosition(found.get(customerId));
            if (position.pending() != null) {
                complete(customerId, position.pending());
                position = LedgerDocuments.toPosition(positions.find(Filters.eq(ID, customerId)).first());
            }
            out.put(customerId, position);
        }
        return out;
    }

    /**
     * The documents of these ids, by id: one {@code $in} query. The embedded store reads an {@code $in} as the
     * span between its lowest and highest value, which in a large collection may hold far more than the ids
     * asked for (customer ids spread over a large book): there, unless the collection is small, each id is read
     * by itself, as many round trips as ids but never a scan.
     */
    private Map<String, Document> byIds(MongoCollection<Document> collection, Collection<String> ids) {
        Map<String, Document> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        boolean span = ids.size() == 1 || !"embedded".equals(durability.mode())
                || collection.estimatedDocumentCount() <= 4L * ids.size() + 64;
        if (span) {
            collection.find(ids.size() == 1 ? Filters.eq(ID, ids.iterator().next()) : Filters.in(ID, ids))
                    .forEach(d -> found.put(d.getString(ID), d));
        } else {
            for (String id : ids) {
                Document d = collection.find(Filters.eq(ID, id)).first();
                if (d != null) {
                    found.put(id, d);
                }
            }
        }
        return found;
    }

    /** The customers owning these invoice ids, by invoice id (one query; ids no customer holds are left out). */
    Map<String, String> invoiceOwners(Collection<String> invoiceIds) {
        Map<String, String> found = new HashMap<>();
        if (!invoiceIds.isEmpty()) {
            documents.find(Filters.and(Filters.eq(KIND, LedgerDocuments.Kind.INVOICE.name()),
                            Filters.in(DOCUMENT_ID, invoiceIds))).projection(Projections.include(CUSTOMER_ID, DOCUMENT_ID))
                    .forEach(d -> found.put(d.getString(DOCUMENT_ID), d.getString(CUSTOMER_ID)));
        }
        return found;
    }

    /** The customer's ledger as stored (documents and the fingerprints of its events). */
    LedgerState state(String customerId, String currency) {
        List<Document> docs = new ArrayList<>();
        documents.find(Filters.and(Filters.gte(ID, LedgerDocuments.firstKey(customerId)),
                Filters.lt(ID, LedgerDocuments.afterLastKey(customerId)))).forEach(docs::add);
        Map<String, String> fingerprints = new HashMap<>();
        events.find(Filters.eq(CUSTOMER_ID, customerId)).projection(Projections.include(ID, FINGERPRINT))
                .forEach(d -> fingerprints.put(d.getString(ID), d.getString(FINGERPRINT)));
        return LedgerDocuments.toState(customerId, currency, docs, fingerprints);
    }

    /** The stored events of these ids, by id (whatever their customer). */
    Map<String, AcceptedEvent> events(Collection<String> eventIds) {
        Map<String, AcceptedEvent> found = new HashMap<>();
        if (!eventIds.isEmpty()) {
            events.find(Filters.in(ID, eventIds)).forEach(d -> found.put(d.getString(ID), LedgerDocuments.toEvent(d)));
        }
        return found;
    }

    /** A customer's events in their order of acceptance, from a place in it (exclusive; null: the start). */
    List<AcceptedEvent> eventsOf(String customerId, long afterVersion, int afterIndex, int limit) {
        Bson after = Filters.or(Filters.gt(LEDGER_VERSION, afterVersion),
                Filters.and(Filters.eq(LEDGER_VERSION, afterVersion), Filters.gt(INDEX, afterIndex)));
        List<AcceptedEvent> found = new ArrayList<>();
        events.find(Filters.and(Filters.eq(CUSTOMER_ID, customerId), after))
                .sort(Sorts.ascending(CUSTOMER_ID, LEDGER_VERSION, INDEX)).limit(limit)
                .forEach(d -> found.add(LedgerDocuments.toEvent(d)));
        return found;
    }

    /**
     * A page of a customer's documents open in one category ({@code open}: ORDER, SHIPMENT, INVOICE, PAYMENT),
     * in the order of their {@code openKey} ({@code yyyy-MM-dd|documentId}) within {@code [from, to)} (either may
     * be null: unbounded) and after {@code after} (a previous page's last key, or null): one range of the index
     * {@code customerId_open_openKey}, read for at most {@code limit} documents whatever the customer holds.
     */
    List<Document> openDocuments(String customerId, String open, String from, String to, String after, int limit) {
        List<Bson> range = new ArrayList<>();
        range.add(Filters.eq(CUSTOMER_ID, customerId));
        range.add(Filters.eq(LedgerDocuments.OPEN, open));
        if (after != null && (from == null || after.compareTo(from) >= 0)) {
            range.add(Filters.gt(LedgerDocuments.OPEN_KEY, after));
        } else if (from != null) {
            range.add(Filters.gte(LedgerDocuments.OPEN_KEY, from));
        }
        if (to != null) {
            range.add(Filters.lt(LedgerDocuments.OPEN_KEY, to));
        }
        List<Document> found = new ArrayList<>();
        documents.find(Filters.and(range)).sort(Sorts.ascending(CUSTOMER_ID, LedgerDocuments.OPEN, LedgerDocuments.OPEN_KEY))
                .limit(limit).forEach(found::add);
        return found;
    }

    /** A page of a customer's open invoices with a disputed part, by {@code disputedKey}, after {@code after}. */
    List<Document> disputedDocuments(String customerId, String after, int limit) {
        List<Document> found = new ArrayList<>();
        documents.find(Filters.and(Filters.eq(CUSTOMER_ID, customerId),
                        Filters.gt(LedgerDocuments.DISPUTED_KEY, after == null ? "" : after)))
                .sort(Sorts.ascending(CUSTOMER_ID, LedgerDocuments.DISPUTED_KEY)).limit(limit).forEach(found::add);
        return found;
    }

    /** Of these order ids, those the customer's ledger holds (by their {@code _id}: no other index needed). */
    List<Order> orders(String customerId, Collection<String> orderIds) {
        List<Order> found = new ArrayList<>();
        if (!orderIds.isEmpty()) {
            documents.find(Filters.in(ID, orderIds.stream().map(o -> LedgerDocuments.documentKey(customerId,
                    LedgerDocuments.Kind.ORDER, o)).toList())).forEach(d -> found.add(LedgerDocuments.toOrder(d)));
        }
        return found;
    }

    /** The customer that holds an invoice id, if any (to refuse an allocation to another customer's invoice). */
    Optional<String> invoiceOwner(String invoiceId) {
        Document d = documents.find(Filters.and(Filters.eq(KIND, LedgerDocuments.Kind.INVOICE.name()),
                Filters.eq(DOCUMENT_ID, invoiceId))).projection(Projections.include(CUSTOMER_ID)).first();
        return d == null ? Optional.empty() : Optional.of(d.getString(CUSTOMER_ID));
    }

    /**
     * One customer's batch to commit: the position it was read at, the running totals after it, its accepted
     * events, the documents it changed in the stored shape (without version), and the reservations that still
     * hold after it (booked, cancelled, expired dropped).
     */
    record Commit(Position read, RunningTotals totals, List<AcceptedEvent> accepted, Collection<Document> changed,
                  List<Reservation> reservations) {
    }

    /**
     * Commits a batch (step 1 of the class comment) and writes it out (steps 2 and 3); false, writing nothing,
     * when the position is no longer at the version it was read at. The caller makes it durable
     * ({@link #durable()}) before it answers (once for a whole request).
     */
    boolean commit(Position read, RunningTotals totals, List<AcceptedEvent> accepted, Collection<Document> changed,
                   List<Reservation> reservations, Instant now) {
        return !commitAll(List.of(new Commit(read, totals, accepted, changed, reservations)), now).isEmpty();
    }

    /**
     * Commits the batches of several customers (at most one each), each on its own (step 1 of the class comment,
     * one bulk write for all), and writes out those that went through (steps 2 and 3, one bulk write per
     * collection). Returns the customers whose batch was committed; the others' positions had moved, nothing of
     * theirs is written. When more than one batch is given, each must have accepted events (the token that tells
     * a commit that went through is looked for in its first event).
     */
    Set<String> commitAll(List<Commit> commits, Instant now) {
        if (commits.isEmpty()) {
            return Set.of();
        }
        String token = UUID.randomUUID().toString();
        Map<String, Document> pendings = new LinkedHashMap<>();
        List<WriteModel<Document>> updates = new ArrayList<>();
        for (Commit c : commits) {
            Position read = c.read();
            long ledgerVersion = read.ledgerVersion() + 1;
            List<Document> eventDocs = new ArrayList<>(c.accepted().size());
            for (AcceptedEvent e : c.accepted()) {
                eventDocs.add(LedgerDocuments.toDocument(e).append(COMMIT, token));
            }
            List<Document> docs = new ArrayList<>(c.changed().size());
            for (Document d : c.changed()) {
                docs.add(new Document(d).append(VERSION, ledgerVersion));
            }
            Document pending = new Document(LEDGER_VERSION, ledgerVersion).append(COMMIT, token)
                    .append(EVENTS_FIELD, eventDocs).append(DOCUMENTS_FIELD, docs);
            if (pendings.put(read.customerId(), pending) != null) {
                throw new IllegalArgumentException("two batches of customer " + read.customerId() + " in one commit");
            }
            updates.add(new UpdateOneModel<>(
                    Filters.and(Filters.eq(ID, read.customerId()), Filters.eq(VERSION, read.version()),
                            Filters.exists(PENDING, false)),
                    Updates.combine(Updates.set(VERSION, read.version() + 1), Updates.set(LEDGER_VERSION, ledgerVersion),
                            Updates.set(TOTALS, LedgerDocuments.toDocument(c.totals())),
                            Updates.set(RESERVATIONS, c.reservations().stream().map(LedgerDocuments::toDocument).toList()),
                            Updates.set(PENDING, pending), Updates.set(UPDATED_AT, Date.from(now)))));
        }
        BulkWriteResult result = positions.bulkWrite(updates, new BulkWriteOptions().ordered(false));
        Set<String> committed;
        if (result.getMatchedCount() == commits.size()) {
            committed = pendings.keySet();
        } else if (commits.size() == 1) {
            committed = Set.of();
        } else {
            committed = committedWith(token, commits);
        }
        Map<String, Document> written = new LinkedHashMap<>(pendings);
        written.keySet().retainAll(committed);
        completeAll(written);
        return Set.copyOf(committed);
    }

    /**
     * Which of these commits went through, when the bulk write says only that some did not: a commit that did
     * carries the token in its position's pending batch, or, once written out (by anyone), in its events.
     */
    private Set<String> committedWith(String token, List<Commit> commits) {
        Set<String> committed = new HashSet<>();
        Map<String, Document> now = byIds(positions, commits.stream().map(c -> c.read().customerId()).toList());
        Map<String, String> firstEvents = new HashMap<>();
        for (Commit c : commits) {
            Document position = now.get(c.read().customerId());
            Document pending = position == null ? null : position.get(PENDING, Document.class);
            if (pending != null && token.equals(pending.getString(COMMIT))) {
                committed.add(c.read().customerId());
            } else if (!c.accepted().isEmpty()) {
                firstEvents.put(c.accepted().get(0).eventId(), c.read().customerId());
            }
        }
        if (!firstEvents.isEmpty()) {
            events.find(Filters.in(ID, firstEvents.keySet())).projection(Projections.include(ID, CUSTOMER_ID, COMMIT))
                    .forEach(d -> {
                        String customerId = firstEvents.get(d.getString(ID));
                        if (token.equals(d.getString(COMMIT)) && customerId.equals(d.getString(CUSTOMER_ID))) {
                            committed.add(customerId);
                        }
                    });
        }
        return committed;
    }

    /** Steps 2 and 3: writes out a committed batch; safe to run twice, or by two instances at once. */
    void complete(String customerId, Document pending) {
        completeAll(Map.of(customerId, pending));
    }

    /**
     * Steps 2 and 3 for several customers' committed batches (customer id to its pending batch): all their events
     * in one unordered insert, all their documents in one unordered bulk write, then every pending batch removed
     * in one more. Safe to run twice, or by two instances at once: an event already there is skipped, a document
     * is only replaced by a newer {@code ledgerVersion}, a pending batch is removed only if it is still this one.
     */
    void completeAll(Map<String, Document> pendings) {
        if (pendings.isEmpty()) {
            return;
        }
        List<Document> eventDocs = new ArrayList<>();
        List<WriteModel<Document>> replaces = new ArrayList<>();
        List<WriteModel<Document>> removals = new ArrayList<>();
        for (Map.Entry<String, Document> p : pendings.entrySet()) {
            Document pending = p.getValue();
            long ledgerVersion = pending.get(LEDGER_VERSION, Number.class).longValue();
            eventDocs.addAll(pending.getList(EVENTS_FIELD, Document.class, List.of()));
            for (Document d : pending.getList(DOCUMENTS_FIELD, Document.class, List.of())) {
                replaces.add(new ReplaceOneModel<>(Filters.and(Filters.eq(ID, d.get(ID)), Filters.lt(VERSION, ledgerVersion)),
                        d, new ReplaceOptions().upsert(true)));
            }
            removals.add(new UpdateOneModel<>(Filters.and(Filters.eq(ID, p.getKey()),
                    Filters.eq(PENDING + "." + LEDGER_VERSION, ledgerVersion)), Updates.unset(PENDING)));
        }
        if (!eventDocs.isEmpty()) {
            try {
                events.insertMany(eventDocs, new InsertManyOptions().ordered(false));
            } catch (MongoBulkWriteException e) {
                // some already written by an earlier attempt (the same event, by its unique id): write the
                // batch again one by one, so that nothing after a refused one can have been skipped
                requireDuplicates(e);
                eventDocs.forEach(d -> insertUnlessTaken(events, d));
            }
        }
        if (!replaces.isEmpty()) {
            try {
                documents.bulkWrite(replaces, new BulkWriteOptions().ordered(false));
            } catch (MongoBulkWriteException e) {
                // a document exists at this version or a newer one: nothing to write for it; the others again
                // one by one (idempotent), whatever the store did after the refused one
                requireDuplicates(e);
                for (WriteModel<Document> w : replaces) {
                    ReplaceOneModel<Document> r = (ReplaceOneModel<Document>) w;
                    try {
                        documents.replaceOne(r.getFilter(), r.getReplacement(), r.getReplaceOptions());
                    } catch (MongoWriteException one) {
                        if (ErrorCategory.fromErrorCode(one.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                            throw one;
                        }
                    }
                }
            }
        }
        positions.bulkWrite(removals, new BulkWriteOptions().ordered(false));
    }

    private static void requireDuplicates(MongoBulkWriteException e) {
        if (e.getWriteErrors().stream().anyMatch(w -> ErrorCategory.fromErrorCode(w.getCode())
                != ErrorCategory.DUPLICATE_KEY)) {
            throw e;
        }
    }

    private static void insertAllUnlessTaken(MongoCollection<Document> collection, List<Document> docs) {
        try {
            collection.insertMany(docs, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            requireDuplicates(e);
            docs.forEach(d -> insertUnlessTaken(collection, d));
        }
    }

    /** One conditional update: the reservation is added only if the position is still at {@code expectedVersion}. */
    boolean reserve(String customerId, long expectedVersion, Reservation reservation) {
        UpdateResult result = positions.updateOne(Filters.and(Filters.eq(ID, customerId),
                        Filters.eq(VERSION, expectedVersion), Filters.exists(PENDING, false)),
                Updates.combine(Updates.push(RESERVATIONS, LedgerDocuments.toDocument(reservation)),
                        Updates.inc(VERSION, 1L)));
        // Acknowledged, not synced here: the order check answers only once its audit record is durable, and that
        // commit makes every write acknowledged before it durable, this reservation's included (one sync, not two).
        return result.getMatchedCount() == 1;
    }

    /** Makes every write acknowledged so far durable (the embedded store syncs its file). */
    void durable() {
        durability.makeAcknowledgedWritesDurable();
    }

    /** For tests of a crash after the commit point: commits a batch and stops before writing it out. */
    boolean commitOnly(Position read, RunningTotals totals, List<AcceptedEvent> accepted, Collection<Document> changed) {
        long ledgerVersion = read.ledgerVersion() + 1;
        List<Document> docs = changed.stream().map(d -> new Document(d).append(VERSION, ledgerVersion)).toList();
        Document pending = new Document(LEDGER_VERSION, ledgerVersion)
                .append(EVENTS_FIELD, accepted.stream().map(LedgerDocuments::toDocument).toList())
                .append(DOCUMENTS_FIELD, docs);
        return positions.updateOne(Filters.and(Filters.eq(ID, read.customerId()), Filters.eq(VERSION, read.version())),
                Updates.combine(Updates.set(VERSION, read.version() + 1), Updates.set(LEDGER_VERSION, ledgerVersion),
                        Updates.set(TOTALS, LedgerDocuments.toDocument(totals)), Updates.set(PENDING, pending)))
                .getMatchedCount() == 1;
    }

    private static boolean insertUnlessTaken(MongoCollection<Document> collection, Document document) {
        try {
            collection.insertOne(document);
            return true;
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }
}
