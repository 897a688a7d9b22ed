package io.encours.rules.policy;

import io.encours.rules.facts.CustomerFacts;
import io.encours.rules.facts.DecisionSheet;
import io.encours.rules.facts.InvoiceFacts;
import io.encours.rules.facts.OrderFacts;
import io.encours.rules.facts.PolicyParameters;
import io.encours.rules.facts.ScoringFactor;
import io.encours.rules.facts.TermsFacts;
import io.encours.rules.model.Customer;
import io.encours.rules.model.CustomerScoreRequest;
import io.encours.rules.model.DecisionRequest;
import io.encours.rules.model.DunningRequest;
import io.encours.rules.model.Financials;
import io.encours.rules.model.OrderCheckRequest;
import io.encours.rules.model.PaymentTermsRequest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a caller's request into the facts the policy matches, and records the figures reason messages
 * may quote. Pure derivation: no threshold or business choice is made here.
 */
final class FactAssembler {
    private FactAssembler() {
    }

    static List<Object> facts(DecisionRequest request, DecisionSheet sheet) {
        return facts(request, sheet, null);
    }

    /** @param parameters the policy's parameters, for the reading of end-of-month terms; null: the default reading */
    static List<Object> facts(DecisionRequest request, DecisionSheet sheet, PolicyParameters parameters) {
        List<Object> facts = new ArrayList<>(14);
        Customer customer = request.customer();
        sheet.figure("customerId", customer.id());
        if (request instanceof CustomerScoreRequest r) {
            scoring(r.customer(), r, facts, sheet);
        } else if (request instanceof OrderCheckRequest r) {
            scoring(r.customer(), r, facts, sheet);
            OrderFacts o = OrderFacts.of(r);
            facts.add(o);
            sheet.figure("orderAmount", o.getOrderAmount());
            sheet.figure("exposureAfterOrder", o.getExposureAfterOrder());
            sheet.figure("internalLimit", o.getInternalLimit());
            if (o.getLimitExpiry() != null) {
                sheet.figure("limitExpiry", o.getLimitExpiry());
            }
            sheet.figure("limitUsePercent", o.getLimitUsePercent().setScale(1, RoundingMode.HALF_EVEN));
            sheet.figure("insuredLimit", o.getInsuredLimit());
            sheet.figure("uninsuredAmount", o.getUninsuredAmount());
            sheet.figure("availableCredit", o.getAvailableCredit());
            sheet.figure("overdueRatioPercent", o.getOverdueRatioPercent());
            sheet.figure("oldestOverdueDays", o.getOldestOverdueDays());
            sheet.figure("highestDunningLevel", o.getHighestDunningLevel());
            sheet.figure("daysSinceReview", o.getDaysSinceReview());
            sheet.figure("accountStatus", o.getAccountStatus());
            sheet.figure("currency", o.getCurrency());
            if (r.group() != null) {
                sheet.figure("groupId", r.group().parentAccountId());
                sheet.figure("groupLimit", o.getGroupLimit());
                sheet.figure("groupExposureAfterOrder", o.getGroupExposureAfterOrder());
            }
        } else if (request instanceof PaymentTermsRequest r) {
            scoring(r.customer(), r, facts, sheet);
            TermsFacts t = TermsFacts.of(r);
            facts.add(t);
            sheet.figure("requestedTerms", r.requestedTerms().toString());
            sheet.figure("requestedDays", t.getRequestedDays());
            sheet.figure("maxDaysFromInvoice", t.getMaxDaysFromInvoice());
            sheet.figure("agreedDays", t.getAgreedDays());
        } else if (request instanceof DunningRequest r) {
            facts.add(new CustomerFacts(customer));
            InvoiceFacts i = parameters != null && parameters.has("terms.endOfMonthReading")
                    && r.invoice().terms() != null ? InvoiceFacts.of(r, parameters.text("terms.endOfMonthReading").trim())
                    : InvoiceFacts.of(r);
            facts.add(i);
            sheet.figure("invoiceNumber", i.getInvoiceNumber());
            sheet.figure("invoiceAmount", i.getAmount());
            sheet.figure("daysPastDue", i.getDaysPastDue());
            sheet.figure("brokenPromises", i.getBrokenPromises());
            sheet.figure("dueDate", i.getDueDate());
            sheet.figure("accountStatus", i.getAccountStatus());
            sheet.figure("statedDueDate", i.getStatedDueDate());
            sheet.figure("issueDate", i.getIssuedOn());
            sheet.figure("invoiceTerms", i.getTerms());
        }
        return facts;
    }

    private static void scoring(Customer c, DecisionRequest r, List<Object> facts, DecisionSheet sheet) {
        facts.add(new CustomerFacts(c));
        facts.add(ScoringFactor.ofCategory("SECTOR", c.sector()));
        facts.add(ScoringFactor.ofCategory("LEGAL_FORM", c.legalForm()));
        Integer years = c.yearsInBusiness(r.asOf());
        facts.add(ScoringFactor.ofValue("YEARS_IN_BUSINESS", years == null ? null : BigDecimal.valueOf(years)));
        var behaviour = c.paymentBehaviour();
        facts.add(ScoringFactor.ofValue("PAYMENT_INCIDENTS",
                behaviour == null ? null : BigDecimal.valueOf(behaviour.incidentsLast12Months())));
        facts.add(ScoringFactor.ofValue("AVERAGE_DAYS_LATE", behaviour == null ? null : behaviour.averageDaysLate()));
        var rating = c.externalRating();
        facts.add(rating == null ? ScoringFactor.ofValue("EXTERNAL_SCORE", null)
                : ScoringFactor.ofDatedValue("EXTERNAL_SCORE", BigDecimal.valueOf(rating.score()),
                rating.ratedOn() == null ? null : (int) ChronoUnit.MONTHS.between(rating.ratedOn(), r.asOf())));
        if (rating != null && rating.ratedOn() != null) {
            sheet.figure("ratedOn", rating.ratedOn());
        }
        // Negative equity is not a factor of its own: debts above assets put solvency in its lowest band,
        // and scoring it again (as gearing did) counted one fact twice.
        Financials f = c.financials();
        facts.add(ScoringFactor.ofValue("GENERAL_SOLVENCY", f == null ? null : f.generalSolvency()));
        facts.add(ScoringFactor.ofValue("RETURN_ON_ASSETS", f == null ? null : f.returnOnAssetsPercent()));
        facts.add(ScoringFactor.ofValue("CURRENT_RATIO", f == null ? null : f.currentRatio()));
        facts.add(ScoringFactor.ofValue("INTEREST_COVER", f == null ? null : f.interestCover()));
        facts.add(ScoringFactor.ofValue("REVENUE", f == null ? null : f.revenue()));
        facts.add(ScoringFactor.ofValue("REVENUE_GROWTH", f == null ? null : f.revenueGrowthPercent()));
    }
}
