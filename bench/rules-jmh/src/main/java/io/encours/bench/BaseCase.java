package io.encours.bench;

import io.encours.rules.model.AccountStatus;
import io.encours.rules.model.CreditAccount;
import io.encours.rules.model.Customer;
import io.encours.rules.model.CustomerScoreRequest;
import io.encours.rules.model.DunningRequest;
import io.encours.rules.model.Exposure;
import io.encours.rules.model.ExternalRating;
import io.encours.rules.model.Financials;
import io.encours.rules.model.Order;
import io.encours.rules.model.OrderCheckRequest;
import io.encours.rules.model.OverdueInvoice;
import io.encours.rules.model.PaymentBehaviour;
import io.encours.rules.model.PaymentMethod;
import io.encours.rules.model.PaymentTerms;
import io.encours.rules.model.PaymentTermsRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The requests the benchmarks evaluate, built from the {@code base} row of the default policy's
 * scenarios.csv: an established SAS manufacturer (12 years, rated 72, sound balance sheet, paying on
 * time, insured up to its 100,000 EUR limit) on 2026-06-15.
 */
final class BaseCase {
    static final LocalDate AS_OF = LocalDate.of(2026, 6, 15);

    private BaseCase() {
    }

    static Customer customer() {
        return customer(AS_OF.minusDays(100), new BigDecimal("100000"));
    }

    private static Customer customer(LocalDate lastReview, BigDecimal insuredLimit) {
        CreditAccount account = new CreditAccount(new BigDecimal("100000"), insuredLimit, "Allianz Trade",
                AS_OF.plusDays(200), null, AccountStatus.ACTIVE, lastReview, AS_OF.minusDays(2000));
        Financials financials = new Financials(new BigDecimal("5000000"), new BigDecimal("2500000"),
                new BigDecimal("2000000"), new BigDecimal("1200000"), new BigDecimal("8000000"),
                AS_OF.withDayOfYear(1).minusDays(1));
        return new Customer("C-1000", "Ateliers Durand SAS", "FR", "MANUFACTURING", "SAS",
                AS_OF.minusYears(12).minusDays(1), new ExternalRating("Ellisphere", 72, AS_OF.minusMonths(2)),
                financials, new PaymentBehaviour(0, new BigDecimal("2"), null), account);
    }

    /** 30,000 open invoices + 10,000 open orders + a 20,000 order at 30 days: within every limit. */
    static OrderCheckRequest orderCheckApprove() {
        Exposure exposure = new Exposure(new BigDecimal("30000"), BigDecimal.ZERO, 0, new BigDecimal("10000"),
                BigDecimal.ZERO, 0);
        return new OrderCheckRequest(customer(), exposure, order(true), AS_OF);
    }

    /**
     * The same customer with several review reasons at once: limit reviewed 400 days ago, insured limit
     * below the internal limit, an invoice 45 days overdue that is a quarter of the open invoices, and
     * no purchase order.
     */
    static OrderCheckRequest orderCheckReview() {
        Exposure exposure = new Exposure(new BigDecimal("30000"), new BigDecimal("7500"), 45,
                new BigDecimal("10000"), BigDecimal.ZERO, 0);
        return new OrderCheckRequest(customer(AS_OF.minusDays(400), new BigDecimal("50000")), exposure,
                order(false), AS_OF);
    }

    static CustomerScoreRequest customerScore() {
        return new CustomerScoreRequest(customer(), AS_OF);
    }

    /** 46 days from invoice date: above the 45-day standard of class A, so an analyst approves (scenario T03). */
    static PaymentTermsRequest paymentTerms() {
        return new PaymentTermsRequest(customer(), new PaymentTerms(46, false), null, PaymentMethod.BANK_TRANSFER,
                AS_OF);
    }

    /** A 5,000 EUR invoice 20 days past due, no promise, no previous step, profile derived by the policy. */
    static DunningRequest dunning() {
        LocalDate due = AS_OF.minusDays(20);
        OverdueInvoice invoice = new OverdueInvoice("INV-1", new BigDecimal("5000"), due.minusDays(30), due, false,
                List.of(), List.of());
        return new DunningRequest(customer(), invoice, null, AS_OF);
    }

    private static Order order(boolean purchaseOrder) {
        return new Order("SO-1", new BigDecimal("20000"), "EUR", new PaymentTerms(30, false),
                PaymentMethod.BANK_TRANSFER, purchaseOrder, true);
    }
}
