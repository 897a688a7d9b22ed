package io.encours.service.account;

import static io.encours.service.storage.BsonValues.bigDecimal;
import static io.encours.service.storage.BsonValues.date;
import static io.encours.service.storage.BsonValues.day;
import static io.encours.service.storage.BsonValues.decimal128;
import static io.encours.service.storage.BsonValues.instant;
import static io.encours.service.storage.BsonValues.localDate;

import io.encours.rules.model.ExternalRating;
import io.encours.rules.model.Financials;
import io.encours.service.account.CreditAccount.InsurerCover;
import io.encours.service.account.CreditAccount.InternalLimit;
import io.encours.service.account.CreditAccount.RiskAssessment;
import io.encours.service.account.CreditAccount.StatusSetting;
import org.bson.Document;

/**
 * The stored shape of an account in {@code credit_accounts} and of a change in {@code account_changes},
 * written by hand so that it is visible here and stays put. The customer id is the account's {@code _id}
 * (unique by construction, and the shard key of a sharded cluster: every write touches one customer). What
 * the list filters on is a top-level field or a named sub-field ({@code status.status},
 * {@code assessment.riskClass}, {@code cover.insurer}); amounts are Decimal128, instants BSON dates and days
 * "yyyy-MM-dd" strings, which sort and compare as dates. A change keeps the whole account before and after,
 * in the same shape, under the id {@code <customerId>#<version>}: one change per version.
 */
final class AccountDocuments {
    static final String ACCOUNTS = "credit_accounts";
    static final String CHANGES = "account_changes";
    static final int SCHEMA_VERSION = 1;

    static final String ID = "_id";
    static final String VERSION = "version";
    static final String STATUS = "status.status";
    static final String RISK_CLASS = "assessment.riskClass";
    static final String SECTOR = "sector";
    static final String COUNTRY = "country";
    static final String INSURER = "cover.insurer";
    static final String PARENT = "parentAccountId";
    static final String COLLECTOR = "collector";
    static final String NEXT_REVIEW = "nextReviewDate";

    static final String CUSTOMER_ID = "customerId";
    static final String STATE = "state";
    static final String PENDING = "PENDING";
    static final String WRITTEN = "WRITTEN";
    static final String AT = "at";

    private AccountDocuments() {
    }

    static String changeId(String customerId, long version) {
        return customerId + "#" + version;
    }

    static Document toDocument(CreditAccount a) {
        return new Document(ID, a.customerId())
                .append("schema", SCHEMA_VERSION)
                .append("name", a.name())
                .append(COUNTRY, a.country())
                .append(SECTOR, a.sector())
                .append("legalForm", a.legalForm())
                .append("foundingDate", day(a.foundingDate()))
                .append("externalRating", rating(a.externalRating()))
                .append("financials", financials(a.financials()))
                .append("currency", a.currency())
                .append("standardTermsDays", a.standardTermsDays())
                .append("status", status(a.status()))
                .append("internalLimit", limit(a.internalLimit()))
                .append("cover", cover(a.cover()))
                .append("assessment", assessment(a.assessment()))
                .append("lastReviewDate", day(a.lastReviewDate()))
                .append(NEXT_REVIEW, day(a.nextReviewDate()))
                .append("openedOn", day(a.openedOn()))
                .append(PARENT, a.parentAccountId())
                .append(VERSION, a.version())
                .append("updatedAt", date(a.updatedAt()))
                .append("updatedBy", a.updatedBy())
                .append(COLLECTOR, a.collector());
    }

    static CreditAccount toAccount(Document d) {
        if (d == null) {
            return null;
        }
        return new CreditAccount(d.getString(ID), d.getString("name"), d.getString(COUNTRY), d.getString(SECTOR),
                d.getString("legalForm"), localDate(d.getString("foundingDate")),
                rating(d.get("externalRating", Document.class)), financials(d.get("financials", Document.class)),
                d.getString("currency"), d.getInteger("standardTermsDays"), status(d.get("status", Document.class)),
                limit(d.get("internalLimit", Document.class)), cover(d.get("cover", Document.class)),
                assessment(d.get("assessment", Document.class)), localDate(d.getString("lastReviewDate")),
                localDate(d.getString(NEXT_REVIEW)), localDate(d.getString("openedOn")), d.getString(PARENT),
                ((Number) d.get(VERSION)).longValue(), instant(d.getDate("updatedAt")), d.getString("updatedBy"),
                d.getString(COLLECTOR));
    }

    static Document toDocument(AccountChange c, String state) {
        return new Document(ID, changeId(c.customerId(), c.version()))
                .append(CUSTOMER_ID, c.customerId())
                .append(VERSION, c.version())
                .append(STATE, state)
                .append(AT, date(c.at()))
                .append("by", c.by())
                .append("reason", c.reason())
                .append("before", c.before() == null ? null : toDocument(c.before()))
                .append("after", toDocument(c.after()));
    }

    static AccountChange toChange(Document d) {
        return new AccountChange(d.getString(CUSTOMER_ID), ((Number) d.get(VERSION)).longValue(),
                instant(d.getDate(AT)), d.getString("by"), d.getString("reason"),
                toAccount(d.get("before", Document.class)), toAccount(d.get("after", Document.class)));
    }

    private static Document status(StatusSetting s) {
        return new Document("status", s.status().name()).append("reason", s.reason()).append("setBy", s.setBy())
                .append("setAt", date(s.setAt()));
    }

    private static StatusSetting status(Document d) {
        return new StatusSetting(AccountStatus.valueOf(d.getString("status")), d.getString("reason"),
                d.getString("setBy"), instant(d.getDate("setAt")));
    }

    private static Document limit(InternalLimit l) {
        return l == null ? null : new Document("amount", decimal128(l.amount()))
                .append("validFrom", day(l.validFrom())).append("validTo", day(l.validTo()));
    }

    private static InternalLimit limit(Document d) {
        return d == null ? null : new InternalLimit(bigDecimal(d.get("amount")), localDate(d.getString("validFrom")),
                localDate(d.getString("validTo")));
    }

    private static Document cover(InsurerCover c) {
        return c == null ? null : new Document("insurer", c.insurer())
                .append("insuredAmount", decimal128(c.insuredAmount()))
                .append("coveragePercent", decimal128(c.coveragePercent()))
                .append("validFrom", day(c.validFrom()))
                .append("validTo", day(c.validTo()))
                .append("maxPaymentTermDays", c.maxPaymentTermDays())
                .append("notificationDelayDays", c.notificationDelayDays());
    }

    private static InsurerCover cover(Document d) {
        return d == null ? null : new InsurerCover(d.getString("insurer"), bigDecimal(d.get("insuredAmount")),
                bigDecimal(d.get("coveragePercent")), localDate(d.getString("validFrom")),
                localDate(d.getString("validTo")), d.getInteger("maxPaymentTermDays"),
                d.getInteger("notificationDelayDays"));
    }

    private static Document assessment(RiskAssessment r) {
        return r == null ? null : new Document("score", r.score()).append("riskClass", r.riskClass())
                .append("decisionId", r.decisionId()).append("assessedAt", date(r.assessedAt()));
    }

    private static RiskAssessment assessment(Document d) {
        return d == null ? null : new RiskAssessment(d.getInteger("score"), d.getString("riskClass"),
                d.getString("decisionId"), instant(d.getDate("assessedAt")));
    }

    private static Document rating(ExternalRating r) {
        return r == null ? null : new Document("provider", r.provider()).append("score", r.score())
                .append("ratedOn", day(r.ratedOn()));
    }

    private static ExternalRating rating(Document d) {
        return d == null ? null : new ExternalRating(d.getString("provider"), d.getInteger("score"),
                localDate(d.getString("ratedOn")));
    }

    private static Document financials(Financials f) {
        return f == null ? null : new Document("totalAssets", decimal128(f.totalAssets()))
                .append("totalDebts", decimal128(f.totalDebts()))
                .append("equity", decimal128(f.equity()))
                .append("netFinancialDebt", decimal128(f.netFinancialDebt()))
                .append("revenue", decimal128(f.revenue()))
                .append("fiscalYearEnd", day(f.fiscalYearEnd()))
                .append("netIncome", decimal128(f.netIncome()))
                .append("operatingIncome", decimal128(f.operatingIncome()))
                .append("currentAssets", decimal128(f.currentAssets()))
                .append("currentLiabilities", decimal128(f.currentLiabilities()))
                .append("cash", decimal128(f.cash()))
                .append("interestExpense", decimal128(f.interestExpense()))
                .append("previousRevenue", decimal128(f.previousRevenue()));
    }

    private static Financials financials(Document d) {
        return d == null ? null : new Financials(bigDecimal(d.get("totalAssets")), bigDecimal(d.get("totalDebts")),
                bigDecimal(d.get("equity")), bigDecimal(d.get("netFinancialDebt")), bigDecimal(d.get("revenue")),
                localDate(d.getString("fiscalYearEnd")), bigDecimal(d.get("netIncome")),
                bigDecimal(d.get("operatingIncome")), bigDecimal(d.get("currentAssets")),
                bigDecimal(d.get("currentLiabilities")), bigDecimal(d.get("cash")),
                bigDecimal(d.get("interestExpense")), bigDecimal(d.get("previousRevenue")));
    }
}
