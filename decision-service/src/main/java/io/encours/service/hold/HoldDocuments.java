package io.encours.service.hold;

import static io.encours.service.storage.BsonValues.date;
import static io.encours.service.storage.BsonValues.decimal;
import static io.encours.service.storage.BsonValues.decimal128;
import static io.encours.service.storage.BsonValues.instant;

import java.util.List;
import org.bson.Document;

/**
 * The stored shape of a hold ({@code credit_holds}) and of a hold action ({@code hold_actions}), written by hand as
 * the audit records are: amounts as Decimal128, times as BSON dates.
 */
final class HoldDocuments {
    private HoldDocuments() {
    }

    static Document toDocument(CreditHold h) {
        return new Document("_id", h.holdId())
                .append("decisionId", h.decisionId())
                .append("orderId", h.orderId())
                .append("customerId", h.customerId())
                .append("amount", decimal128(h.amount()))
                .append("currency", h.currency())
                .append("outcome", h.outcome())
                .append("riskClass", h.riskClass())
                .append("reasonCodes", h.reasonCodes())
                .append("status", h.status().name())
                .append("openedAt", date(h.openedAt()))
                .append("settledBy", h.settledBy())
                .append("settledAt", date(h.settledAt()))
                .append("comment", h.comment())
                .append("validUntil", date(h.validUntil()))
                .append("maxAmount", decimal128(h.maxAmount()));
    }

    static CreditHold toHold(Document d) {
        return new CreditHold(d.getString("_id"), d.getString("decisionId"), d.getString("orderId"),
                d.getString("customerId"), decimal(d, "amount"), d.getString("currency"), d.getString("outcome"),
                d.getString("riskClass"), d.getList("reasonCodes", String.class, List.of()),
                HoldStatus.valueOf(d.getString("status")), instant(d, "openedAt"), d.getString("settledBy"),
                instant(d, "settledAt"), d.getString("comment"), instant(d, "validUntil"), decimal(d, "maxAmount"));
    }

    static Document toDocument(HoldActionRecord a) {
        return new Document("_id", a.actionId())
                .append("holdId", a.holdId())
                .append("decisionId", a.decisionId())
                .append("orderId", a.orderId())
                .append("action", a.action().name())
                .append("who", a.who())
                .append("roles", a.roles())
                .append("comment", a.comment())
                .append("at", date(a.at()))
                .append("amount", decimal128(a.amount()))
                .append("currency", a.currency())
                .append("limit", decimal128(a.limit()))
                .append("url", a.url())
                .append("attempt", a.attempt())
                .append("statusCode", a.statusCode())
                .append("error", a.error());
    }

    static HoldActionRecord toAction(Document d) {
        return new HoldActionRecord(d.getString("_id"), d.getString("holdId"), d.getString("decisionId"),
                d.getString("orderId"), HoldAction.valueOf(d.getString("action")), d.getString("who"),
                d.getList("roles", String.class, List.of()), d.getString("comment"), instant(d, "at"),
                decimal(d, "amount"), d.getString("currency"), decimal(d, "limit"), d.getString("url"),
                d.getInteger("attempt"), d.getInteger("statusCode"), d.getString("error"));
    }
}
