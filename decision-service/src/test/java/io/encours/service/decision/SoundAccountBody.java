package io.encours.service.decision;

import java.time.LocalDate;

/**
 * The body of {@code POST /api/v1/accounts} for a sound, rated, insured customer (the OpenAPI example's), as the
 * order-check-by-reference tests open it: a limit (with an optional end), a cover of the same amount ending on a
 * given day, an optional parent account.
 */
final class SoundAccountBody {
    private SoundAccountBody() {
    }

    static String of(String customer, String currency, int limit, LocalDate limitEnds, LocalDate coverEnds,
                      String parent, LocalDate today) {
        return """
                {"customerId": "%s", "name": "Ateliers Durand SAS", "country": "FR", "sector": "MANUFACTURING",
                 "legalForm": "SAS", "foundingDate": "2014-06-14",
                 "externalRating": {"provider": "Ellisphere", "score": 72, "ratedOn": "%s"},
                 "financials": {"totalAssets": 5000000, "totalDebts": 2500000, "equity": 2000000,
                   "netFinancialDebt": 1200000, "revenue": 8000000, "fiscalYearEnd": "2025-12-31",
                   "netIncome": 150000, "operatingIncome": 400000, "interestExpense": 100000,
                   "currentAssets": 2400000, "currentLiabilities": 1600000, "cash": 300000, "previousRevenue": 7600000},
                 "currency": "%s", "status": {"status": "ACTIVE"},
                 "internalLimit": {"amount": %d%s},
                 "cover": {"insurer": "Allianz Trade", "insuredAmount": %d, "validFrom": "%s", "validTo": "%s"},
                 "lastReviewDate": "%s", "openedOn": "2020-12-23", %s"reason": "test account"}
                """.formatted(customer, today.minusMonths(2), currency, limit,
                limitEnds == null ? "" : ", \"validFrom\": \"%s\", \"validTo\": \"%s\"".formatted(limitEnds.minusYears(1), limitEnds),
                limit, coverEnds.minusYears(1), coverEnds, today.minusDays(100),
                parent == null ? "" : "\"parentAccountId\": \"" + parent + "\", ");
    }
}
