package io.encours.service.audit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.encours.rules.model.DecisionType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The reads other features make of the audit trail (the {@code decisions} collection, laid out by
 * {@link AuditDocuments}): the auditors' search pages and export cursors, the chain walk of the verification,
 * the time windows of simulations and statistics. Every query is written here, with its sort, limit and
 * projection, so that the collection and its fields are named by the audit feature alone and each read stays on
 * an index (QueryBoundsTest, SecondaryIndexTest).
 *
 * <p>Time windows are bounded on {@code _id} too: decision ids are UUIDv7 issued after the request arrived, so
 * no decision received at or after an instant has an id below that instant's lowest id, and the window is read
 * from the {@code _id} index instead of scanning the collection.
 */
@Component
public class AuditReadStore {
    /** The fields a simulation reads of each decision. */
    private static final Bson REPLAY_FIELDS = Projections.include(AuditDocuments.TYPE, "input", "asOf",
            AuditDocuments.OUTCOME, "amount", "reasonCodes", AuditDocuments.CUSTOMER_ID);

    private final MongoTemplate mongo;
    private final MongoCollection<Document> decisions;

    public AuditReadStore(MongoTemplate mongo) {
        this.mongo = mongo;
        this.decisions = mongo.getCollection(AuditDocuments.COLLECTION);
    }

    // ---- one decision, a customer's history (the audit trail's own reads) ----

    Optional<Document> byId(String decisionId) {
        return Optional.ofNullable(decisions.find(Filters.eq(AuditDocuments.ID, decisionId)).first());
    }

    Optional<Document> byRequestId(String caller, String requestId) {
        // The plain two-field form, not $and: the embedded store's planner matches it to the (caller, request id) index.
        return Optional.ofNullable(decisions.find(new Document(AuditDocuments.CALLER, caller)
                .append(AuditDocuments.REQUEST_ID, requestId)).first());
    }

    /** A page of the customer's whole records, newest first. */
    List<Document> ofCustomer(String customerId, int page, int size) {
        return decisions.find(Filters.eq(AuditDocuments.CUSTOMER_ID, customerId))
                .sort(Sorts.descending(AuditDocuments.RECEIVED_AT, AuditDocuments.ID))
                .skip(page * size).limit(size).into(new ArrayList<>());
    }

    long countOfCustomer(String customerId) {
        return decisions.countDocuments(Filters.eq(AuditDocuments.CUSTOMER_ID, customerId));
    }

    // ---- auditors' search and exports (the filter and order are built by the auditor feature) ----

    /** A page of the auditors' search: the whole records found, and the cursor of the next page (null at the end). */
    public record SearchPage(List<Document> records, String nextCursor) {
    }

    /**
     * One page of whole records (input and output included) matching {@code criteria}, at most {@code size}, after
     * {@code cursor} (a {@link SearchPage#nextCursor()} of the same search and order) when given.
     *
     * @throws IllegalArgumentException the cursor was not returned by this search in this order
     */
    public SearchPage search(DecisionCriteria criteria, DecisionOrder order, String cursor, int size) {
        Bson query = cursor == null || cursor.isBlank() ? criteria.toBson()
                : Filters.and(criteria.toBson(), order.after(cursor));
        List<Document> found = decisions.find(query).sort(order.sort()).limit(size + 1).into(new ArrayList<>());
        if (found.size() <= size) {
            return new SearchPage(found, null);
        }
        return new SearchPage(found.subList(0, size), order.cursorAfter(found.get(size - 1)));
    }

    /** Whole records, a batch of 500 at a time. */
    public MongoCursor<Document> wholeRecords(DecisionCriteria criteria, DecisionOrder order) {
        return decisions.find(criteria.toBson()).sort(order.sort()).batchSize(500).iterator();
    }

    /** Records without their request and result (the summary an export lists), a batch of 1000 at a time. */
    public MongoCursor<Document> summaries(DecisionCriteria criteria, DecisionOrder order) {
        return decisions.find(criteria.toBson()).projection(Projections.exclude("input", "output"))
                .sort(order.sort()).batchSize(1000).iterator();
    }

    /**
     * The records about {@code subject}, for a search: those of schema 2 by their stored subject, older ones by
     * the subject derived from their type and ids ({@link Subject#derived}). The stored subject is on an index.
     */
    public static Bson about(Subject subject) {
        Bson stored = Filters.and(Filters.eq(AuditDocuments.SUBJECT_ID, subject.id()),
                Filters.eq(AuditDocuments.SUBJECT_KIND, subject.kind().name()));
        Bson legacy = switch (subject.kind()) {
            case ORDER -> Filters.and(Filters.eq("orderId", subject.id()),
                    Filters.eq(AuditDocuments.TYPE, DecisionType.ORDER_CHECK.name()));
            case INVOICE -> Filters.and(Filters.eq("orderId", subject.id()),
                    Filters.eq(AuditDocuments.TYPE, DecisionType.DUNNING.name()));
            case CUSTOMER -> Filters.and(Filters.eq(AuditDocuments.CUSTOMER_ID, subject.id()), Filters.or(
                    Filters.in(AuditDocuments.TYPE, DecisionType.CUSTOMER_SCORE.name(),
                            DecisionType.PAYMENT_TERMS.name()),
                    Filters.eq("orderId", null)));
        };
        return Filters.or(stored, Filters.and(Filters.exists(AuditDocuments.SUBJECT_KIND, false), legacy));
    }

    // ---- the chain, for its verification ----

    /** The hash (and id) of the record numbered {@code seq}, or null. */
    public Document chainHashAt(long seq) {
        return decisions.find(Filters.eq(AuditChain.SEQ, seq)).projection(Projections.include(AuditChain.HASH)).first();
    }

    /** Whole records numbered {@code from} to {@code to}, in chain order, a batch of 500 at a time. */
    public MongoCursor<Document> chain(long from, long to) {
        Bson walk = Filters.and(Filters.gte(AuditChain.SEQ, from), Filters.lte(AuditChain.SEQ, to));
        return decisions.find(walk).sort(Sorts.ascending(AuditChain.SEQ)).batchSize(500).iterator();
    }

    /** The chain's first ({@code last} false) or last record numbered {@code start} or above, its number only. */
    public Document chainEnd(long start, boolean last) {
        Bson chained = Filters.gte(AuditChain.SEQ, start);
        return decisions.find(chained).projection(Projections.include(AuditChain.SEQ))
                .sort(last ? Sorts.descending(AuditChain.SEQ) : Sorts.ascending(AuditChain.SEQ)).limit(1).first();
    }

    /** How many records have no chain number. */
    public long unchained() {
        return decisions.countDocuments(Filters.exists(AuditChain.SEQ, false));
    }

    /** The chain numbers of the records received in [from, to) (either may be null), on the time index. */
    public MongoCursor<Document> chainNumbersReceived(Instant from, Instant to) {
        List<Bson> all = new ArrayList<>();
        if (from != null) {
            all.add(Filters.gte(AuditDocuments.RECEIVED_AT, Date.from(from)));
        }
        if (to != null) {
            all.add(Filters.lt(AuditDocuments.RECEIVED_AT, Date.from(to)));
        }
        Bson inRange = all.isEmpty() ? Filters.empty() : Filters.and(all);
        return decisions.find(inRange).projection(Projections.include(AuditChain.SEQ)).batchSize(1000).iterator();
    }

    // ---- time windows: simulations ----

    /** A recorded decision as a simulation reads it: the stored values, read when asked (an altered one may fail). */
    public static final class Replayed {
        private final Document d;

        Replayed(Document d) {
            this.d = d;
        }

        public Object id() {
            return d.get(AuditDocuments.ID);
        }

        public String decisionId() {
            return d.getString(AuditDocuments.ID);
        }

        public String type() {
            return d.getString(AuditDocuments.TYPE);
        }

        /** The request as received, JSON text. */
        public String input() {
            return d.getString("input");
        }

        public String asOf() {
            return d.getString("asOf");
        }

        public String outcome() {
            return d.getString(AuditDocuments.OUTCOME);
        }

        public String customerId() {
            return d.getString(AuditDocuments.CUSTOMER_ID);
        }

        /** Null when none was recorded. */
        public BigDecimal amount() {
            Object amount = d.get("amount");
            return amount instanceof Decimal128 dec ? dec.bigDecimalValue() : (BigDecimal) null;
        }

        public List<String> reasonCodes() {
            return d.getList("reasonCodes", String.class, List.of());
        }
    }

    /**
     * The decisions received in [from, to) of the given types (all when empty), only the fields a simulation
     * reads, a batch of 1000 at a time, in no particular order (sorting made the embedded store hold every
     * matching document whole until the last one was read).
     */
    public MongoCursor<Replayed> received(Instant from, Instant to, List<String> types) {
        return decisions.find(window(from, to, types)).projection(REPLAY_FIELDS).batchSize(1000)
                .map(Replayed::new).iterator();
    }

    /**
     * How many decisions [from, to) holds, for a percentage. Without a type filter, the number of decision ids in
     * the window's id range: an index count on MongoDB and on the embedded store alike, instead of a read of every
     * record. It can be off by the few decisions received in the millisecond before a bound whose id was issued
     * in the next one.
     */
    public long countReceived(Instant from, Instant to, List<String> types) {
        if (!types.isEmpty()) {
            return decisions.countDocuments(window(from, to, types));
        }
        Document ids = new Document(AuditDocuments.ID, new Document("$gte", idFloor(from)).append("$lt", idFloor(to)));
        Document counted = mongo.getDb().runCommand(new Document("count", AuditDocuments.COLLECTION)
                .append("query", ids));
        return ((Number) counted.get("n")).longValue();
    }

    static Bson window(Instant from, Instant to, List<String> types) {
        List<Bson> all = new ArrayList<>();
        all.add(Filters.gte(AuditDocuments.ID, idFloor(from)));
        all.add(Filters.gte(AuditDocuments.RECEIVED_AT, Date.from(from)));
        all.add(Filters.lt(AuditDocuments.RECEIVED_AT, Date.from(to)));
        if (!types.isEmpty()) {
            all.add(Filters.in(AuditDocuments.TYPE, types));
        }
        return Filters.and(all);
    }

    /** The lowest UUIDv7 of this millisecond, as a string (ids sort as strings by issue time). */
    static String idFloor(Instant at) {
        return new UUID(at.toEpochMilli() << 16, 0L).toString();
    }

    // ---- time windows: statistics ----

    /** How many decisions of a type had an outcome on a day. */
    public record DailyCount(LocalDate day, String type, String outcome, long count) {
    }

    /** The decisions received in [start, end) counted by business day (in {@code zone}), type and outcome. */
    public List<DailyCount> countByDay(Instant start, Instant end, ZoneId zone) {
        Document day = new Document("$dateToString", new Document("format", "%Y-%m-%d")
                .append("date", "$" + AuditDocuments.RECEIVED_AT).append("timezone", zone.getId()));
        List<Document> groups = decisions.aggregate(List.of(
                Aggregates.match(Filters.and(Filters.gte(AuditDocuments.ID, idFloor(start)),
                        Filters.gte(AuditDocuments.RECEIVED_AT, Date.from(start)),
                        Filters.lt(AuditDocuments.RECEIVED_AT, Date.from(end)))),
                Aggregates.group(new Document("day", day).append("type", "$" + AuditDocuments.TYPE)
                                .append("outcome", "$" + AuditDocuments.OUTCOME),
                        Accumulators.sum("count", 1)))).into(new ArrayList<>());
        List<DailyCount> counts = new ArrayList<>(groups.size());
        for (Document g : groups) {
            Document key = g.get("_id", Document.class);
            counts.add(new DailyCount(LocalDate.parse(key.getString("day")), key.getString("type"),
                    key.getString("outcome"), g.get("count", Number.class).longValue()));
        }
        return counts;
    }
}
