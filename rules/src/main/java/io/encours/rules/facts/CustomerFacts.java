package io.encours.rules.facts;

import io.encours.rules.model.Customer;
import java.math.BigDecimal;

/** What rules need of the customer beyond the scoring factors. */
public final class CustomerFacts {
    private final String customerId;
    private final String sector;
    private final BigDecimal revenue;
    private final int agreedTermsDays;

    public CustomerFacts(Customer customer) {
        this.customerId = customer.id();
        this.sector = customer.sector();
        this.revenue = customer.financials() == null ? null : customer.financials().revenue();
        Integer agreed = customer.creditAccount() == null ? null : customer.creditAccount().standardTermsDays();
        this.agreedTermsDays = agreed == null ? -1 : agreed;
    }

    public String getCustomerId() { return customerId; }

    public String getSector() { return sector; }

    /** Last annual revenue; null when unknown. */
    public BigDecimal getRevenue() { return revenue; }

    /** Payment terms agreed on the customer's account, in days net; -1 when none. */
    public int getAgreedTermsDays() { return agreedTermsDays; }
}
