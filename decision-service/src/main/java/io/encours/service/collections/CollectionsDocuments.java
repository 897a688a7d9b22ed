package io.encours.service.collections;

import static io.encours.service.storage.BsonValues.bigDecimal;
import static io.encours.service.storage.BsonValues.date;
import static io.encours.service.storage.BsonValues.day;
import static io.encours.service.storage.BsonValues.decimal128;
import static io.encours.service.storage.BsonValues.instant;
import static io.encours.service.storage.BsonValues.localDate;

import io.encours.service.collections.DunningRun.RunState;
import io.encours.service.collections.WorklistLine.LineInvoice;
import io.encours.service.collections.WorklistLine.Transition;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * The stored shape of collections, written by hand so that it is visible here. Amounts are Decimal128, days
 * "yyyy-MM-dd" strings (they sort as dates), instants BSON dates.
 *
 * <ul>
 *   <li>{@code dunning_runs}: one per run, {@code _id} = the run id, with its progress counters.</li>
 *   <li>{@code worklist_lines}: one per line, {@code _id} = the line id (a hash of day, customer, step and
 *       sequence: the same line whatever run makes it), with its invoices embedded, its state and history, and a
 *       {@code version} that every change moves (a change is made on the version it read).</li>
 * </ul>
 */
final class CollectionsDocuments {
    static final String RUNS = "dunning_runs";
    static final String LINES = "worklist_lines";
    static final int SCHEMA_VERSION = 1;

    static final String ID = "_id";
    static final String SCHEMA = "schema";
    static final String STATE = "state";
    static final String DATE = "date";
    static final String CUSTOMER_ID = "customerId";
    static final String ASSIGNEE = "assignee";
    static final String PRIORITY = "priority";
    static final String LEVEL = "level";
    static final String VERSION = "version";
    static final String STARTED_AT = "startedAt";

    private CollectionsDocuments() {
    }

    static Document toDocument(DunningRun r) {
        Document outcomes = new Document();
        r.outcomes().forEach(outcomes::append);
        return new Document(ID, r.id()).append(SCHEMA, SCHEMA_VERSION)
                .append("asOf", day(r.asOf()))
                .append(STATE, r.state().name())
                .append("startedBy", r.startedBy())
                .append(STARTED_AT, date(r.startedAt()))
                .append("finishedAt", r.finishedAt() == null ? null : date(r.finishedAt()))
                .append("customers", r.customers())
                .append("invoicesFound", r.invoicesFound())
                .append("invoicesEvaluated", r.invoicesEvaluated())
                .append("outcomes", outcomes)
                .append("linesCreated", r.linesCreated())
                .append("linesUpdated", r.linesUpdated())
                .append("linesRemoved", r.linesRemoved())
                .append("errors", r.errors())
                .append("firstErrors", r.firstErrors())
                .append("failure", r.failure())
                .append("policyVersion", r.policyVersion());
    }

    static DunningRun toRun(Document d) {
        Map<String, Long> outcomes = new LinkedHashMap<>();
        Document o = d.get("outcomes", Document.class);
        if (o != null) {
            o.forEach((k, v) -> outcomes.put(k, ((Number) v).longValue()));
        }
        return new DunningRun(d.getString(ID), localDate(d.getString("asOf")), RunState.valueOf(d.getString(STATE)),
                d.getString("startedBy"), instant(d.getDate(STARTED_AT)), instant(d.getDate("finishedAt")),
                number(d, "customers"), number(d, "invoicesFound"), number(d, "invoicesEvaluated"), outcomes,
                number(d, "linesCreated"), number(d, "linesUpdated"), number(d, "linesRemoved"), number(d, "errors"),
                d.getList("firstErrors", String.class, List.of()), d.getString("failure"), d.getString("policyVersion"));
    }

    static Document toDocument(WorklistLine l) {
        List<Document> invoices = new ArrayList<>();
        for (LineInvoice i : l.invoices()) {
            invoices.add(new Document("invoiceId", i.invoiceId()).append("issuedOn", day(i.issuedOn()))
                    .append("dueOn", day(i.dueOn())).append("daysPastDue", i.daysPastDue())
                    .append("openAmount", decimal128(i.openAmount())).append("disputedAmount", decimal128(i.disputedAmount()))
                    .append("amount", decimal128(i.amount()))
                    .append("lateInterestRatePercent", decimal128(i.lateInterestRatePercent()))
                    .append("lateInterest", decimal128(i.lateInterest()))
                    .append("recoveryIndemnity", decimal128(i.recoveryIndemnity()))
                    .append("nextStepOn", day(i.nextStepOn())).append("outcome", i.outcome())
                    .append("decisionId", i.decisionId()));
        }
        List<Document> history = new ArrayList<>();
        for (Transition t : l.history()) {
            history.add(new Document(STATE, t.state().name()).append("reason", t.reason()).append("by", t.by())
                    .append("at", date(t.at())));
        }
        return new Document(ID, l.id()).append(SCHEMA, SCHEMA_VERSION)
                .append(DATE, day(l.date()))
                .append(CUSTOMER_ID, l.customerId())
                .append("customerName", l.customerName())
                .append("sequence", l.sequence())
                .append(LEVEL, l.level())
                .append("action", l.action())
                .append("channel", l.channel())
                .append("priorityLabel", l.priorityLabel())
                .append(PRIORITY, decimal128(l.priority()))
                .append("riskClass", l.riskClass())
                .append(ASSIGNEE, l.assignee())
                .append("currency", l.currency())
                .append("invoices", invoices)
                .append("amount", decimal128(l.amount()))
                .append("lateInterest", decimal128(l.lateInterest()))
                .append("recoveryIndemnity", decimal128(l.recoveryIndemnity()))
                .append(STATE, l.state().name())
                .append("stateReason", l.stateReason())
                .append("runId", l.runId())
                .append("createdAt", date(l.createdAt()))
                .append("history", history)
                .append(VERSION, l.version());
    }

    static WorklistLine toLine(Document d) {
        List<LineInvoice> invoices = new ArrayList<>();
        for (Document i : d.getList("invoices", Document.class, List.of())) {
            invoices.add(new LineInvoice(i.getString("invoiceId"), localDate(i.getString("issuedOn")),
                    localDate(i.getString("dueOn")), number(i, "daysPastDue"), money(i.get("openAmount")),
                    money(i.get("disputedAmount")), money(i.get("amount")), bigDecimal(i.get("lateInterestRatePercent")),
                    money(i.get("lateInterest")), money(i.get("recoveryIndemnity")), localDate(i.getString("nextStepOn")),
                    i.getString("outcome"), i.getString("decisionId")));
        }
        List<Transition> history = new ArrayList<>();
        for (Document t : d.getList("history", Document.class, List.of())) {
            history.add(new Transition(LineState.valueOf(t.getString(STATE)), t.getString("reason"), t.getString("by"),
                    instant(t.getDate("at"))));
        }
        return new WorklistLine(d.getString(ID), localDate(d.getString(DATE)), d.getString(CUSTOMER_ID),
                d.getString("customerName"), (int) number(d, "sequence"), (int) number(d, LEVEL), d.getString("action"),
                d.getString("channel"), d.getString("priorityLabel"), money(d.get(PRIORITY)), d.getString("riskClass"),
                d.getString(ASSIGNEE), d.getString("currency"), invoices, money(d.get("amount")),
                money(d.get("lateInterest")), money(d.get("recoveryIndemnity")), LineState.valueOf(d.getString(STATE)),
                d.getString("stateReason"), d.getString("runId"), instant(d.getDate("createdAt")), history,
                number(d, VERSION));
    }

    private static BigDecimal money(Object stored) {
        BigDecimal v = bigDecimal(stored);
        return v == null ? BigDecimal.ZERO : v;
    }

    private static long number(Document d, String field) {
        Object v = d.get(field);
        return v == null ? 0 : ((Number) v).longValue();
    }
}
