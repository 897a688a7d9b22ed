package io.encours.service.audit;

import io.encours.rules.decision.DecisionResult;
import io.encours.rules.decision.PolicyStamp;
import io.encours.rules.decision.RuleRef;
import io.encours.rules.model.DecisionType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.Decimal128;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The layout of an audit record in the {@code decisions} collection. Written by hand rather than by the
 * Spring Data mapper so that the stored shape is visible here and stays put: indexed fields at the top
 * level, the request and the result as nested documents in the same JSON shape the API uses, amounts as
 * Decimal128 and times as BSON dates.
 */
final class AuditDocuments {
    static final String COLLECTION = "decisions";
    static final int SCHEMA_VERSION = 1;

    static final String ID = "_id";
    static final String TYPE = "type";
    static final String REQUEST_ID = "requestId";
    static final String CUSTOMER_ID = "customerId";
    static final String RECEIVED_AT = "receivedAt";
    static final String OUTCOME = "outcome";

    /** Fields of a history line: everything but the bulky input, output and fired rules. */
    static final List<String> SUMMARY_FIELDS = List.of(ID, TYPE, OUTCOME, RECEIVED_AT, REQUEST_ID, "orderId",
            "amount", "currency", "policy");

    private final JsonMapper json;

    AuditDocuments(JsonMapper json) {
        // Records written by an older version must stay readable when a result field is dropped.
        this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    Document toDocument(AuditRecord r) {
        Document output = (Document) BsonTree.toBson(json.valueToTree(r.output()));
        List<Document> firedRules = r.output().firedRules().stream().map(AuditDocuments::ruleRef).toList();
        return new Document(ID, r.decisionId())
                .append("schema", SCHEMA_VERSION)
                .append(TYPE, r.type().name())
                .append(REQUEST_ID, r.requestId())
                .append("payloadHash", r.payloadHash())
                .append("caller", r.caller())
                .append(RECEIVED_AT, Date.from(r.receivedAt()))
                .append("asOf", r.asOf() == null ? null : r.asOf().toString())
                .append(CUSTOMER_ID, r.customerId())
                .append("orderId", r.orderId())
                .append(OUTCOME, r.outcome())
                .append("amount", r.amount() == null ? null : BsonTree.decimal128(r.amount()))
                .append("currency", r.currency())
                .append("policy", policy(r.policy()))
                .append("input", BsonTree.toBson(r.input()))
                .append("output", output)
                .append("firedRules", firedRules)
                .append("evaluationNanos", r.evaluationNanos())
                .append("totalNanos", r.totalNanos());
    }

    AuditRecord toRecord(Document d) {
        String asOf = d.getString("asOf");
        JsonNode output = BsonTree.toJson(d.get("output", Document.class));
        return new AuditRecord(d.getString(ID), DecisionType.valueOf(d.getString(TYPE)), d.getString(REQUEST_ID),
                d.getString("payloadHash"), d.getString("caller"), d.getDate(RECEIVED_AT).toInstant(),
                asOf == null ? null : LocalDate.parse(asOf), d.getString(CUSTOMER_ID), d.getString("orderId"),
                d.getString(OUTCOME), amount(d), d.getString("currency"), policy(d.get("policy", Document.class)),
                BsonTree.toJson(d.get("input", Document.class)), json.treeToValue(output, DecisionResult.class),
                number(d, "evaluationNanos"), number(d, "totalNanos"));
    }

    DecisionSummary toSummary(Document d) {
        return new DecisionSummary(d.getString(ID), DecisionType.valueOf(d.getString(TYPE)), d.getString(OUTCOME),
                d.getDate(RECEIVED_AT).toInstant(), d.getString(REQUEST_ID), d.getString("orderId"), amount(d),
                d.getString("currency"), policy(d.get("policy", Document.class)));
    }

    private static Document policy(PolicyStamp p) {
        return new Document("id", p.id()).append("version", p.version()).append("contentHash", p.contentHash());
    }

    private static PolicyStamp policy(Document d) {
        return new PolicyStamp(d.getString("id"), d.getString("version"), d.getString("contentHash"));
    }

    private static Document ruleRef(RuleRef r) {
        return new Document("rule", r.rule()).append("file", r.file()).append("table", r.table())
                .append("row", r.row());
    }

    private static BigDecimal amount(Document d) {
        Object v = d.get("amount");
        return v instanceof Decimal128 dec ? dec.bigDecimalValue() : null;
    }

    private static long number(Document d, String field) {
        Object v = d.get(field);
        return v instanceof Number n ? n.longValue() : 0L;
    }
}
