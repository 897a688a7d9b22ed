package io.encours.service.audit;

import static io.encours.service.storage.BsonValues.decimal;
import static io.encours.service.storage.BsonValues.decimal128;
import static io.encours.service.storage.BsonValues.number;

import io.encours.rules.decision.DecisionResult;
import io.encours.rules.decision.PolicyStamp;
import io.encours.rules.decision.RuleRef;
import io.encours.rules.model.DecisionType;
import java.time.LocalDate;
import java.util.Date;
import org.bson.Document;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The layout of an audit record in the {@code decisions} collection, written by hand so that the stored
 * shape is visible here and stays put.
 *
 * <p>What is searched is a top-level field: ids, type, outcome, customer, order, subject (kind and id; since
 * schema 2, older records derive it), amount (Decimal128),
 * time (BSON date), policy, score and risk class, reason codes and the names of the rules that fired. The
 * request and the complete result are kept whole as JSON text, exactly as the API reads and writes them:
 * readable in any MongoDB tool, and several times cheaper to write than the same content as nested
 * documents, which matters on the embedded store (docs/decisions/0002).
 */
final class AuditDocuments {
    static final String COLLECTION = "decisions";
    /** 2: the decision's subject ({@code subjectKind}, {@code subjectId}); schema 1 records derive it. */
    static final int SCHEMA_VERSION = 2;

    static final String ID = "_id";
    static final String TYPE = "type";
    static final String REQUEST_ID = "requestId";
    static final String CALLER = "caller";
    static final String CUSTOMER_ID = "customerId";
    static final String RECEIVED_AT = "receivedAt";
    static final String OUTCOME = "outcome";
    static final String SUBJECT_KIND = "subjectKind";
    static final String SUBJECT_ID = "subjectId";

    private final JsonMapper json;

    AuditDocuments(JsonMapper json) {
        this.json = json.rebuild()
                // Records written by an older version must stay readable when a result field is dropped.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // Pure ASCII text (\u00e9 for é): the MongoDB driver encodes it several times faster.
                .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
                .build();
    }

    Document toDocument(AuditRecord r) {
        DecisionResult result = r.output();
        return new Document(ID, r.decisionId())
                .append("schema", SCHEMA_VERSION)
                .append(TYPE, r.type().name())
                .append(REQUEST_ID, r.requestId())
                .append("payloadHash", r.payloadHash())
                .append(CALLER, r.caller())
                .append(RECEIVED_AT, Date.from(r.receivedAt()))
                .append("asOf", r.asOf().toString())
                .append(CUSTOMER_ID, r.customerId())
                .append("orderId", r.orderId())
                .append(SUBJECT_KIND, r.subject().kind().name())
                .append(SUBJECT_ID, r.subject().id())
                .append(OUTCOME, r.outcome())
                .append("amount", decimal128(r.amount()))
                .append("currency", r.currency())
                .append("score", result.score())
                .append("riskClass", result.riskClass())
                .append("reasonCodes", result.reasonCodes())
                .append("firedRules", result.firedRules().stream().map(RuleRef::rule).toList())
                .append("policy", new Document("id", r.policy().id()).append("version", r.policy().version())
                        .append("contentHash", r.policy().contentHash()))
                .append("input", r.input())
                .append("output", json.writeValueAsString(result))
                .append("evaluationNanos", r.evaluationNanos())
                .append("totalNanos", r.totalNanos());
    }

    AuditRecord toRecord(Document d) {
        DecisionType type = DecisionType.valueOf(d.getString(TYPE));
        return new AuditRecord(d.getString(ID), type, d.getString(REQUEST_ID),
                d.getString("payloadHash"), d.getString(CALLER), d.getDate(RECEIVED_AT).toInstant(),
                LocalDate.parse(d.getString("asOf")), d.getString(CUSTOMER_ID), subject(d, type),
                d.getString(OUTCOME), decimal(d, "amount"), d.getString("currency"), policy(d), d.getString("input"),
                json.readValue(d.getString("output"), DecisionResult.class),
                number(d, "evaluationNanos"), number(d, "totalNanos"));
    }

    DecisionSummary toSummary(Document d, Integrity integrity) {
        return new DecisionSummary(d.getString(ID), DecisionType.valueOf(d.getString(TYPE)), d.getString(OUTCOME),
                d.getDate(RECEIVED_AT).toInstant(), d.getString(REQUEST_ID), d.getString("orderId"), decimal(d, "amount"),
                d.getString("currency"), policy(d), integrity);
    }

    /** The stored subject; a schema 1 record has none and its subject is derived from its type and ids. */
    static Subject subject(Document d, DecisionType type) {
        String kind = d.getString(SUBJECT_KIND);
        return kind == null ? Subject.derived(type, d.getString(CUSTOMER_ID), d.getString("orderId"))
                : new Subject(Subject.Kind.valueOf(kind), d.getString(SUBJECT_ID));
    }

    private static PolicyStamp policy(Document d) {
        Document p = d.get("policy", Document.class);
        return new PolicyStamp(p.getString("id"), p.getString("version"), p.getString("contentHash"));
    }
}
