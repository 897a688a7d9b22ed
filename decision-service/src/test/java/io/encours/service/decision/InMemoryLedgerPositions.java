package io.encours.service.decision;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.encours.service.ledger.ApprovedOrderCheck;
import io.encours.service.ledger.CreditPositions;
import io.encours.service.ledger.CustomerLedger;
import io.encours.service.ledger.ExposureRules;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * TEST ONLY, until the ledger's store (branch i14-store) is merged: a {@link CreditPositions} whose documents
 * are held in memory (seeded by the test, the same in every instance of a test) and whose version and
 * reservations are one document per customer in the shared store, moved on by one conditional update, as the
 * contract asks. Enough to drive the order check by reference through HTTP on one or two instances.
 */
final class InMemoryLedgerPositions implements CreditPositions {
    static final String COLLECTION = "test_credit_positions";
    /** The seeded documents, by customer: every instance of a test reads the same ones. */
    static final Map<String, CustomerLedger> LEDGERS = new ConcurrentHashMap<>();

    private final MongoCollection<Document> positions;
    private final Clock clock;

    InMemoryLedgerPositions(MongoTemplate mongo, Clock clock) {
        this.positions = mongo.getDb().getCollection(COLLECTION);
        this.clock = clock;
    }

    @Override
    public Optional<CreditPosition> positionOf(String customerId, LocalDate asOf) {
        positions.updateOne(Filters.eq("_id", customerId),
                Updates.combine(Updates.setOnInsert("version", 0L), Updates.setOnInsert("reservations", List.of())),
                new UpdateOptions().upsert(true));
        Document position = positions.find(Filters.eq("_id", customerId)).first();
        Instant now = clock.instant();
        List<ApprovedOrderCheck> approved = new ArrayList<>();
        for (Document r : position.getList("reservations", Document.class)) {
            if (r.getDate("expiresAt").toInstant().isAfter(now)) {
                approved.add(new ApprovedOrderCheck(r.getString("decisionId"), r.getString("orderId"),
                        LocalDate.parse(r.getString("approvedOn")), r.get("amount", Decimal128.class).bigDecimalValue()));
            }
        }
        CustomerLedger ledger = LEDGERS.computeIfAbsent(customerId, id -> new CustomerLedger(id, "EUR"));
        synchronized (ledger) {
            return Optional.of(new CreditPosition(customerId, position.getLong("version"),
                    ledger.exposureAsOf(asOf, ExposureRules.DEFAULT, approved),
                    ledger.behaviourAsOf(asOf, ExposureRules.DEFAULT)));
        }
    }

    @Override
    public boolean reserve(String customerId, long expectedVersion, ApprovedOrderCheck check, Instant expiresAt) {
        Document reservation = new Document("decisionId", check.decisionId()).append("orderId", check.orderId())
                .append("approvedOn", check.approvedOn().toString())
                .append("amount", new Decimal128(check.amount())).append("expiresAt", Date.from(expiresAt));
        return positions.updateOne(Filters.and(Filters.eq("_id", customerId), Filters.eq("version", expectedVersion)),
                Updates.combine(Updates.inc("version", 1L), Updates.push("reservations", reservation)))
                .getModifiedCount() == 1;
    }

    /** The amounts reserved for a customer, as stored. */
    static BigDecimal reserved(MongoTemplate mongo, String customerId) {
        Document position = mongo.getDb().getCollection(COLLECTION).find(Filters.eq("_id", customerId)).first();
        if (position == null) {
            return BigDecimal.ZERO;
        }
        return position.getList("reservations", Document.class).stream()
                .map(r -> r.get("amount", Decimal128.class).bigDecimalValue()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
