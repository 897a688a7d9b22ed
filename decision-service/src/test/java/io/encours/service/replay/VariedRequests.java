package io.encours.service.replay;

import io.encours.service.JsonRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * Decision requests of all four types with varied customers, exposures, orders, terms and invoices, from
 * a seeded random source: the same seed gives the same requests.
 */
final class VariedRequests {
    private static final List<String> SECTORS = List.of("MANUFACTURING", "CONSTRUCTION", "RETAIL", "TRANSPORT",
            "WHOLESALE", "SERVICES");
    private static final List<String> LEGAL_FORMS = List.of("SAS", "SARL", "SA", "SOLE_TRADER");
    private final Random random;

    VariedRequests(long seed) {
        this.random = new Random(seed);
    }

    /** The {@code i}-th request: the four types in turn. */
    JsonRequest next(int i) {
        JsonRequest request = switch (i % 4) {
            case 0 -> order(JsonRequest.orderCheck());
            case 1 -> customer(JsonRequest.customerScore());
            case 2 -> terms(JsonRequest.paymentTerms());
            default -> dunning(JsonRequest.dunning());
        };
        return request.with("customer.id", "RPL-" + (i % 97));
    }

    private JsonRequest customer(JsonRequest r) {
        int internal = 10_000 * (2 + random.nextInt(20));
        return r.with("customer.sector", pick(SECTORS))
                .with("customer.legalForm", pick(LEGAL_FORMS))
                .with("customer.foundingDate", LocalDate.parse("2026-01-01").minusDays(random.nextInt(9000)).toString())
                .with("customer.externalRating.score", 5 + random.nextInt(91))
                .with("customer.financials.equity", amount(10_000, 3_000_000))
                .with("customer.financials.revenue", amount(200_000, 20_000_000))
                .with("customer.paymentBehaviour.incidentsLast12Months", random.nextInt(5))
                .with("customer.paymentBehaviour.averageDaysLate", random.nextInt(45))
                .with("customer.creditAccount.internalLimit", internal)
                .with("customer.creditAccount.insuredLimit", internal - 10_000 * random.nextInt(2));
    }

    private JsonRequest order(JsonRequest r) {
        return customer(r)
                .with("exposure.openInvoices", amount(0, 150_000))
                .with("exposure.openOrders", amount(0, 40_000))
                .with("order.amount", amount(500, 120_000))
                .with("order.requestedTerms.days", 30 + 15 * random.nextInt(4))
                .with("order.purchaseOrderPresent", random.nextInt(10) > 0);
    }

    private JsonRequest terms(JsonRequest r) {
        return customer(r)
                .with("requestedTerms.days", 30 + 10 * random.nextInt(7))
                .with("requestedTerms.endOfMonth", random.nextBoolean())
                .with("orderAmount", amount(500, 120_000));
    }

    private JsonRequest dunning(JsonRequest r) {
        LocalDate due = LocalDate.parse("2026-06-20").minusDays(random.nextInt(150));
        return customer(r)
                .with("invoice.amount", amount(100, 30_000))
                .with("invoice.issuedOn", due.minusDays(30).toString())
                .with("invoice.dueDate", due.toString())
                .with("invoice.disputed", random.nextInt(10) == 0);
    }

    private BigDecimal amount(int min, int max) {
        return BigDecimal.valueOf(min * 100L + (long) random.nextInt(max - min) * 100 + random.nextInt(100), 2);
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
