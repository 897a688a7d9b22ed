package io.encours.rules.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Test data builders for the fact model: a sound customer, an order and an exposure, each changed one fact
 * at a time ({@code aCustomer().inSector("CONSTRUCTION").withIncidents(2).build()}). Dates are counted back
 * from the business date, 2026-06-15 unless {@link CustomerBuilder#knownOn told otherwise}.
 */
public final class Facts {
    public static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    private Facts() {
    }

    /**
     * Ateliers Martin, a French manufacturing SAS founded 12 years ago, rated 72 last month, with last year's
     * balance sheet, no incident, an internal limit of 100,000 insured for 150,000 by Allianz Trade.
     */
    public static CustomerBuilder aCustomer() {
        return new CustomerBuilder();
    }

    /** An active account with an internal limit of 100,000 insured for 150,000, reviewed 3 months ago. */
    public static AccountBuilder anAccount() {
        return new AccountBuilder();
    }

    /** Order SO-1 of 20,000 EUR at 30 days by bank transfer, with a purchase order and accepted terms. */
    public static OrderBuilder anOrder() {
        return new OrderBuilder();
    }

    /** 10,000 of open invoices, 5,000 of open orders, nothing overdue, disputed or dunned. */
    public static ExposureBuilder anExposure() {
        return new ExposureBuilder();
    }

    public static final class CustomerBuilder {
        private LocalDate today = TODAY;
        private String id = "C-42";
        private String name = "Ateliers Martin";
        private String country = "FR";
        private String sector = "MANUFACTURING";
        private String legalForm = "SAS";
        private Integer yearsInBusiness = 12;
        private ExternalRating rating;
        private boolean rated = true;
        private Financials financials;
        private boolean financialsKnown = true;
        private PaymentBehaviour behaviour = new PaymentBehaviour(0, BigDecimal.valueOf(2), null);
        private AccountBuilder account = anAccount();
        private CreditAccount givenAccount;

        /** Counts the founding, rating, fiscal-year and account dates back from {@code date}. */
        public CustomerBuilder knownOn(LocalDate date) {
            this.today = date;
            account.knownOn(date);
            return this;
        }

        public CustomerBuilder withId(String id) {
            this.id = id;
            return this;
        }

        public CustomerBuilder named(String name) {
            this.name = name;
            return this;
        }

        public CustomerBuilder inCountry(String country) {
            this.country = country;
            return this;
        }

        public CustomerBuilder inSector(String sector) {
            this.sector = sector;
            return this;
        }

        public CustomerBuilder withLegalForm(String legalForm) {
            this.legalForm = legalForm;
            return this;
        }

        /** Founded this many whole years before the business date; null for unknown. */
        public CustomerBuilder inBusinessFor(Integer years) {
            this.yearsInBusiness = years;
            return this;
        }

        public CustomerBuilder rated(ExternalRating rating) {
            this.rating = rating;
            this.rated = rating != null;
            return this;
        }

        public CustomerBuilder withFinancials(Financials financials) {
            this.financials = financials;
            this.financialsKnown = financials != null;
            return this;
        }

        public CustomerBuilder paying(PaymentBehaviour behaviour) {
            this.behaviour = behaviour;
            return this;
        }

        /** Payment incidents over the last 12 months, paying 2 days late on average. */
        public CustomerBuilder withIncidents(int incidents) {
            this.behaviour = new PaymentBehaviour(incidents, BigDecimal.valueOf(2), null);
            return this;
        }

        public CustomerBuilder withAccount(AccountBuilder account) {
            this.account = account;
            this.givenAccount = null;
            return this;
        }

        public CustomerBuilder withAccount(CreditAccount account) {
            this.givenAccount = account;
            return this;
        }

        public CustomerBuilder withoutAccount() {
            this.account = null;
            this.givenAccount = null;
            return this;
        }

        public Customer build() {
            ExternalRating r = !rated ? null : rating != null ? rating
                    : new ExternalRating("Ellisphere", 72, today.minusMonths(1));
            Financials f = !financialsKnown ? null : financials != null ? financials
                    : new Financials(BigDecimal.valueOf(5_000_000), BigDecimal.valueOf(2_500_000),
                            BigDecimal.valueOf(2_000_000), BigDecimal.valueOf(1_200_000),
                            BigDecimal.valueOf(8_000_000), today.withDayOfYear(1).minusDays(1));
            return new Customer(id, name, country, sector, legalForm,
                    yearsInBusiness == null ? null : today.minusYears(yearsInBusiness), r, f, behaviour,
                    givenAccount != null ? givenAccount : account == null ? null : account.build());
        }
    }

    public static final class AccountBuilder {
        private LocalDate today = TODAY;
        private BigDecimal internalLimit = BigDecimal.valueOf(100_000);
        private BigDecimal insuredLimit = BigDecimal.valueOf(150_000);
        private String insurer = "Allianz Trade";
        private Integer standardTermsDays;
        private AccountStatus status = AccountStatus.ACTIVE;
        private boolean reviewed = true;
        private boolean opened = true;
        private BigDecimal coveragePercent;
        private Integer limitExpiresInDays;
        private Integer coverExpiresInDays;

        public AccountBuilder knownOn(LocalDate date) {
            this.today = date;
            return this;
        }

        /** The internal limit; null for none stated. */
        public AccountBuilder withInternalLimit(BigDecimal limit) {
            this.internalLimit = limit;
            return this;
        }

        public AccountBuilder insuredFor(BigDecimal limit, String insurer) {
            this.insuredLimit = limit;
            this.insurer = insurer;
            return this;
        }

        public AccountBuilder uninsured() {
            return insuredFor(null, null);
        }

        public AccountBuilder withStandardTerms(Integer days) {
            this.standardTermsDays = days;
            return this;
        }

        public AccountBuilder withStatus(AccountStatus status) {
            this.status = status;
            return this;
        }

        public AccountBuilder withCoveragePercent(BigDecimal percent) {
            this.coveragePercent = percent;
            return this;
        }

        /** The internal limit is valid until this many days from today (negative: it expired that many days ago). */
        public AccountBuilder withLimitExpiringInDays(int days) {
            this.limitExpiresInDays = days;
            return this;
        }

        /** The cover ends this many days from today (negative: it ended that many days ago). */
        public AccountBuilder withCoverEndingInDays(int days) {
            this.coverExpiresInDays = days;
            return this;
        }

        /** No review date, no opening date: a limit never reviewed on a new account. */
        public AccountBuilder neverReviewed() {
            this.reviewed = false;
            this.opened = false;
            return this;
        }

        public CreditAccount build() {
            return new CreditAccount(internalLimit, insuredLimit, insurer,
                    insuredLimit == null ? null
                            : coverExpiresInDays == null ? today.plusMonths(6) : today.plusDays(coverExpiresInDays), standardTermsDays, status,
                    reviewed ? today.minusMonths(3) : null, opened ? today.minusYears(5) : null, coveragePercent,
                    limitExpiresInDays == null ? null : today.plusDays(limitExpiresInDays));
        }
    }

    public static final class OrderBuilder {
        private String id = "SO-1";
        private BigDecimal amount = BigDecimal.valueOf(20_000);
        private String currency = "EUR";
        private PaymentTerms terms = new PaymentTerms(30, false);
        private PaymentMethod method = PaymentMethod.BANK_TRANSFER;
        private boolean purchaseOrder = true;
        private boolean termsAccepted = true;

        public OrderBuilder withId(String id) {
            this.id = id;
            return this;
        }

        public OrderBuilder of(BigDecimal amount) {
            this.amount = amount;
            return this;
        }

        public OrderBuilder of(String amount) {
            return of(new BigDecimal(amount));
        }

        public OrderBuilder at(PaymentTerms terms) {
            this.terms = terms;
            return this;
        }

        public OrderBuilder paidBy(PaymentMethod method) {
            this.method = method;
            return this;
        }

        public OrderBuilder withPurchaseOrder(boolean present) {
            this.purchaseOrder = present;
            return this;
        }

        public OrderBuilder withTermsAccepted(boolean accepted) {
            this.termsAccepted = accepted;
            return this;
        }

        public Order build() {
            return new Order(id, amount, currency, terms, method, purchaseOrder, termsAccepted);
        }
    }

    public static final class ExposureBuilder {
        private BigDecimal openInvoices = BigDecimal.valueOf(10_000);
        private BigDecimal overdue = BigDecimal.ZERO;
        private int oldestOverdueDays;
        private BigDecimal openOrders = BigDecimal.valueOf(5_000);
        private BigDecimal disputed = BigDecimal.ZERO;
        private int dunningLevel;

        public ExposureBuilder withOpenInvoices(String amount) {
            this.openInvoices = new BigDecimal(amount);
            return this;
        }

        public ExposureBuilder withOverdue(String amount, int oldestDays) {
            this.overdue = new BigDecimal(amount);
            this.oldestOverdueDays = oldestDays;
            return this;
        }

        public ExposureBuilder withOpenOrders(String amount) {
            this.openOrders = new BigDecimal(amount);
            return this;
        }

        public ExposureBuilder withDisputed(String amount) {
            this.disputed = new BigDecimal(amount);
            return this;
        }

        public ExposureBuilder dunnedTo(int level) {
            this.dunningLevel = level;
            return this;
        }

        public Exposure build() {
            return new Exposure(openInvoices, overdue, oldestOverdueDays, openOrders, disputed, dunningLevel);
        }
    }
}
