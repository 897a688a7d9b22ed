package io.encours.service.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A customer's exposure sums as the ledger keeps them, changed only by the deltas that accepted events return
 * (see {@link ApplyResult#delta()}), rich enough that today's exposure by category and today's payment behaviour
 * are read from them alone, in a time that does not depend on the number of documents
 * ({@link #exposureOn}, {@link #behaviourOn}). Also the type of a delta (its fields may then be negative).
 *
 * <p>The sums describe the ledger after every fact it holds ({@link CustomerLedger#END}); they answer for any day
 * on or after {@code latestOn} (the latest date of an accepted event), on which every fact is in the past. What
 * changes with the day without any event is kept by date, so that the day splits it:
 * <ul>
 *   <li>open invoices by due date (overdue once past due plus the grace days; the oldest overdue date);</li>
 *   <li>open orders by delivery date (the delivery horizon; an order without a date, or one due by the day the
 *       sums were last kept, is under {@link LocalDate#MIN}: within any horizon);</li>
 *   <li>applied payments (amount and amount times days late) and reversals by day, for the 12-month figures;
 *       days that fell out of the 12 months before the day the sums were kept are dropped;</li>
 *   <li>promises not kept by their date, by that date (broken once it has passed; those already past are under
 *       {@link LocalDate#MIN});</li>
 *   <li>open invoices by the highest dunning level sent on them.</li>
 * </ul>
 * Each map has one entry per distinct date (or level) with something open on it: its size is bounded by the
 * distinct dates, not by the number of documents. Disputed is the part of the open invoices under dispute
 * (shown, not added again).
 *
 * @param openOrders            booked, not yet shipped nor invoiced
 * @param shippedNotInvoiced    delivered, not yet invoiced
 * @param openInvoices          invoiced and not settled (by payment, credit note, write-off or snapshot)
 * @param disputed              of the open invoices, the disputed part
 * @param unallocatedCash       received and not allocated to any invoice (counts against the exposure)
 * @param shipmentsNotInvoiced  how many shipments have something not invoiced
 * @param disputedInvoices      how many open invoices have a disputed part
 * @param paymentsOnAccount     how many payments have something not allocated
 * @param openOrdersByDelivery  open orders (count, amount) by delivery date
 * @param openInvoicesByDue     open invoices (count, amount) by due date
 * @param dunningLevels         open invoices (count, amount) by the highest dunning level sent on them (1 and up)
 * @param paymentsByDay         applied, not reversed payments: (allocations, amount, amount x days late) by day
 * @param reversalsByDay        payments reversed (count, amount) by reversal day
 * @param unkeptPromises        promises not kept (count, amount) by their date
 * @param latestOn              the latest date of an accepted event; null when none
 */
public record RunningTotals(BigDecimal openOrders, BigDecimal shippedNotInvoiced, BigDecimal openInvoices,
                            BigDecimal disputed, BigDecimal unallocatedCash, long shipmentsNotInvoiced,
                            long disputedInvoices, long paymentsOnAccount,
                            SortedMap<LocalDate, Bucket> openOrdersByDelivery,
                            SortedMap<LocalDate, Bucket> openInvoicesByDue,
                            SortedMap<Integer, Bucket> dunningLevels,
                            SortedMap<LocalDate, Bucket> paymentsByDay,
                            SortedMap<LocalDate, Bucket> reversalsByDay,
                            SortedMap<LocalDate, Bucket> unkeptPromises,
                            LocalDate latestOn) {
    public static final RunningTotals ZERO = new RunningTotals(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
            BigDecimal.ZERO, BigDecimal.ZERO);

    /** The undated (or long past) key of the dated maps. */
    static final LocalDate UNDATED = LocalDate.MIN;

    public RunningTotals {
        Objects.requireNonNull(openOrders, "openOrders");
        Objects.requireNonNull(shippedNotInvoiced, "shippedNotInvoiced");
        Objects.requireNonNull(openInvoices, "openInvoices");
        Objects.requireNonNull(disputed, "disputed");
        Objects.requireNonNull(unallocatedCash, "unallocatedCash");
        openOrdersByDelivery = frozen(openOrdersByDelivery);
        openInvoicesByDue = frozen(openInvoicesByDue);
        dunningLevels = frozen(dunningLevels);
        paymentsByDay = frozen(paymentsByDay);
        reversalsByDay = frozen(reversalsByDay);
        unkeptPromises = frozen(unkeptPromises);
    }

    /** The five category sums alone (the dated detail empty): the shape of a figure computed elsewhere. */
    public RunningTotals(BigDecimal openOrders, BigDecimal shippedNotInvoiced, BigDecimal openInvoices,
                         BigDecimal disputed, BigDecimal unallocatedCash) {
        this(openOrders, shippedNotInvoiced, openInvoices, disputed, unallocatedCash, 0, 0, 0, null, null, null, null,
                null, null, null);
    }

    /** A count, an amount and a weighted amount (amount x days late for payments; zero elsewhere). */
    public record Bucket(long count, BigDecimal amount, BigDecimal weighted) {
        public Bucket {
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(weighted, "weighted");
        }

        static Bucket of(long count, BigDecimal amount) {
            return new Bucket(count, amount, BigDecimal.ZERO);
        }

        Bucket plus(Bucket other) {
            return new Bucket(count + other.count, amount.add(other.amount), weighted.add(other.weighted));
        }

        Bucket negate() {
            return new Bucket(-count, amount.negate(), weighted.negate());
        }

        boolean empty() {
            return count == 0 && amount.signum() == 0 && weighted.signum() == 0;
        }
    }

    // ------------------------------------------------------------------ arithmetic

    public RunningTotals plus(RunningTotals other) {
        return new RunningTotals(openOrders.add(other.openOrders), shippedNotInvoiced.add(other.shippedNotInvoiced),
                openInvoices.add(other.openInvoices), disputed.add(other.disputed),
                unallocatedCash.add(other.unallocatedCash), shipmentsNotInvoiced + other.shipmentsNotInvoiced,
                disputedInvoices + other.disputedInvoices, paymentsOnAccount + other.paymentsOnAccount,
                merged(openOrdersByDelivery, other.openOrdersByDelivery),
                merged(openInvoicesByDue, other.openInvoicesByDue), merged(dunningLevels, other.dunningLevels),
                merged(paymentsByDay, other.paymentsByDay), merged(reversalsByDay, other.reversalsByDay),
                merged(unkeptPromises, other.unkeptPromises), later(latestOn, other.latestOn));
    }

    /** The difference, field by field; {@code latestOn} is this one's (a date is compared, not subtracted). */
    public RunningTotals minus(RunningTotals other) {
        return plus(other.negated()).withLatestOn(latestOn);
    }

    RunningTotals negated() {
        return new RunningTotals(openOrders.negate(), shippedNotInvoiced.negate(), openInvoices.negate(),
                disputed.negate(), unallocatedCash.negate(), -shipmentsNotInvoiced, -disputedInvoices,
                -paymentsOnAccount, negated(openOrdersByDelivery), negated(openInvoicesByDue), negated(dunningLevels),
                negated(paymentsByDay), negated(reversalsByDay), negated(unkeptPromises), latestOn);
    }

    RunningTotals withLatestOn(LocalDate day) {
        return new RunningTotals(openOrders, shippedNotInvoiced, openInvoices, disputed, unallocatedCash,
                shipmentsNotInvoiced, disputedInvoices, paymentsOnAccount, openOrdersByDelivery, openInvoicesByDue,
                dunningLevels, paymentsByDay, reversalsByDay, unkeptPromises, day);
    }

    /**
     * The same sums with what can no longer matter on {@code today} or after folded or dropped: delivery dates up
     * to today and promise dates before today under {@link #UNDATED}, payments and reversals of days before the
     * 12 months up to today dropped. Kept sums are folded on every commit, so their size stays bounded; a rebuild
     * folds the replayed sums the same way before comparing.
     */
    public RunningTotals foldedOn(LocalDate today) {
        LocalDate yearBefore = today.minusMonths(12);
        return new RunningTotals(openOrders, shippedNotInvoiced, openInvoices, disputed, unallocatedCash,
                shipmentsNotInvoiced, disputedInvoices, paymentsOnAccount,
                folded(openOrdersByDelivery, d -> !d.isAfter(today)), openInvoicesByDue, dunningLevels,
                dropped(paymentsByDay, d -> !d.isAfter(yearBefore)), dropped(reversalsByDay, d -> !d.isAfter(yearBefore)),
                folded(unkeptPromises, d -> d.isBefore(today)), latestOn);
    }

    /**
     * The total counted against the limit, without the approved order checks not yet booked (kept outside the
     * ledger) and whatever the delivery horizon: open orders + shipped not invoiced + open invoices - unallocated
     * cash.
     */
    public BigDecimal total() {
        return openOrders.add(shippedNotInvoiced).add(openInvoices).subtract(unallocatedCash);
    }

    /** Nothing in any sum, count or map (a drift without difference). Not named as a property: not in the JSON. */
    public boolean allZero() {
        return sameAs(ZERO.withLatestOn(latestOn));
    }

    /** The five category sums equal, whatever their scale ({@code 1.5} and {@code 1.50}). */
    public boolean equalsInAmount(RunningTotals other) {
        return openOrders.compareTo(other.openOrders) == 0 && shippedNotInvoiced.compareTo(other.shippedNotInvoiced) == 0
                && openInvoices.compareTo(other.openInvoices) == 0 && disputed.compareTo(other.disputed) == 0
                && unallocatedCash.compareTo(other.unallocatedCash) == 0;
    }

    /** Everything equal (amounts whatever their scale), counts, maps and the latest date included. */
    public boolean sameAs(RunningTotals other) {
        RunningTotals d = minus(other);
        return equalsInAmount(other) && d.shipmentsNotInvoiced == 0 && d.disputedInvoices == 0
                && d.paymentsOnAccount == 0 && d.openOrdersByDelivery.isEmpty() && d.openInvoicesByDue.isEmpty()
                && d.dunningLevels.isEmpty() && d.paymentsByDay.isEmpty() && d.reversalsByDay.isEmpty()
                && d.unkeptPromises.isEmpty() && Objects.equals(latestOn, other.latestOn);
    }

    // ------------------------------------------------------------------ today's figures

    /** True when these sums answer for {@code day}: no accepted event is dated after it. */
    public boolean answersFor(LocalDate day) {
        return latestOn == null || !latestOn.isAfter(day);
    }

    /**
     * The exposure on {@code day} (on or after {@link #latestOn}) by category, from these sums alone, with the
     * approved order checks not yet booked given; {@code lines} are the documents listed behind the figures (the
     * caller's choice: a page of each category).
     */
    public Exposure exposureOn(String customerId, String currency, LocalDate day, ExposureRules rules,
                               List<ApprovedOrderCheck> approved, List<ExposureLine> lines) {
        Map<ExposureCategory, BigDecimal> amounts = new EnumMap<>(ExposureCategory.class);
        for (ApprovedOrderCheck check : approved) {
            amounts.merge(ExposureCategory.APPROVED_NOT_BOOKED, check.amount(), BigDecimal::add);
        }
        Integer horizon = rules.deliveryHorizonDays();
        openOrdersByDelivery.forEach((delivery, b) -> amounts.merge(horizon != null && !delivery.equals(UNDATED)
                && delivery.isAfter(day.plusDays(horizon)) ? ExposureCategory.OPEN_ORDERS_BEYOND_HORIZON
                : ExposureCategory.OPEN_ORDERS, b.amount(), BigDecimal::add));
        amounts.put(ExposureCategory.SHIPPED_NOT_INVOICED, shippedNotInvoiced);
        openInvoicesByDue.forEach((due, b) -> amounts.merge(overdue(due, day, rules) ? ExposureCategory.OVERDUE
                : ExposureCategory.OPEN_INVOICES_NOT_DUE, b.amount(), BigDecimal::add));
        amounts.put(ExposureCategory.DISPUTED, disputed);
        amounts.put(ExposureCategory.UNALLOCATED_CASH, unallocatedCash);
        return Exposure.ofAmounts(customerId, currency, day, amounts, lines);
    }

    /** How many open documents are behind each figure on {@code day} (approved order checks not counted here). */
    public Map<ExposureCategory, Long> documentsOn(LocalDate day, ExposureRules rules) {
        Map<ExposureCategory, Long> counts = new EnumMap<>(ExposureCategory.class);
        for (ExposureCategory c : ExposureCategory.values()) {
            counts.put(c, 0L);
        }
        Integer horizon = rules.deliveryHorizonDays();
        openOrdersByDelivery.forEach((delivery, b) -> counts.merge(horizon != null && !delivery.equals(UNDATED)
                && delivery.isAfter(day.plusDays(horizon)) ? ExposureCategory.OPEN_ORDERS_BEYOND_HORIZON
                : ExposureCategory.OPEN_ORDERS, b.count(), Long::sum));
        counts.put(ExposureCategory.SHIPPED_NOT_INVOICED, shipmentsNotInvoiced);
        openInvoicesByDue.forEach((due, b) -> counts.merge(overdue(due, day, rules) ? ExposureCategory.OVERDUE
                : ExposureCategory.OPEN_INVOICES_NOT_DUE, b.count(), Long::sum));
        counts.put(ExposureCategory.DISPUTED, disputedInvoices);
        counts.put(ExposureCategory.UNALLOCATED_CASH, paymentsOnAccount);
        return counts;
    }

    /** The payment behaviour on {@code day} (on or after {@link #latestOn}), from these sums alone. */
    public PaymentBehaviour behaviourOn(LocalDate day, ExposureRules rules) {
        LocalDate yearBefore = day.minusMonths(12);
        BigDecimal overdue = BigDecimal.ZERO;
        long oldest = 0;
        for (Map.Entry<LocalDate, Bucket> e : openInvoicesByDue.entrySet()) {
            if (overdue(e.getKey(), day, rules) && e.getValue().amount().signum() > 0) {
                overdue = overdue.add(e.getValue().amount());
                oldest = Math.max(oldest, ChronoUnit.DAYS.between(e.getKey(), day));
            }
        }
        int dunning = dunningLevels.entrySet().stream().filter(e -> e.getValue().count() > 0)
                .mapToInt(Map.Entry::getKey).max().orElse(0);
        long incidents = 0;
        for (Map.Entry<LocalDate, Bucket> e : reversalsByDay.entrySet()) {
            if (e.getKey().isAfter(yearBefore) && !e.getKey().isAfter(day)) {
                incidents += e.getValue().count();
            }
        }
        BigDecimal paid = BigDecimal.ZERO;
        BigDecimal weighted = BigDecimal.ZERO;
        for (Map.Entry<LocalDate, Bucket> e : paymentsByDay.entrySet()) {
            if (e.getKey().isAfter(yearBefore) && !e.getKey().isAfter(day)) {
                paid = paid.add(e.getValue().amount());
                weighted = weighted.add(e.getValue().weighted());
            }
        }
        long broken = 0;
        for (Map.Entry<LocalDate, Bucket> e : unkeptPromises.entrySet()) {
            if (e.getKey().isBefore(day)) {
                broken += e.getValue().count();
            }
        }
        BigDecimal ratio = openInvoices.signum() == 0 ? BigDecimal.ZERO.setScale(4)
                : overdue.divide(openInvoices, 4, RoundingMode.HALF_UP);
        BigDecimal averageLate = paid.signum() == 0 ? null : weighted.divide(paid, 1, RoundingMode.HALF_UP);
        return new PaymentBehaviour(day, overdue, openInvoices, ratio, oldest, dunning, (int) incidents, averageLate,
                (int) broken, disputed);
    }

    /** An invoice due on {@code due} is overdue on {@code day} after its due date plus the grace days. */
    static boolean overdue(LocalDate due, LocalDate day, ExposureRules rules) {
        return day.isAfter(due.plusDays(rules.graceDays()));
    }

    // ------------------------------------------------------------------ maps

    private static <K> SortedMap<K, Bucket> frozen(SortedMap<K, Bucket> map) {
        if (map == null || map.isEmpty()) {
            return Collections.emptySortedMap();
        }
        TreeMap<K, Bucket> copy = new TreeMap<>();
        map.forEach((k, v) -> {
            if (!v.empty()) {
                copy.put(k, v);
            }
        });
        return Collections.unmodifiableSortedMap(copy);
    }

    private static <K> SortedMap<K, Bucket> merged(SortedMap<K, Bucket> a, SortedMap<K, Bucket> b) {
        if (b.isEmpty()) {
            return a;
        }
        TreeMap<K, Bucket> out = new TreeMap<>(a);
        b.forEach((k, v) -> out.merge(k, v, Bucket::plus));
        return out;
    }

    private static <K> SortedMap<K, Bucket> negated(SortedMap<K, Bucket> map) {
        TreeMap<K, Bucket> out = new TreeMap<>();
        map.forEach((k, v) -> out.put(k, v.negate()));
        return out;
    }

    private static SortedMap<LocalDate, Bucket> folded(SortedMap<LocalDate, Bucket> map, Predicate<LocalDate> fold) {
        TreeMap<LocalDate, Bucket> out = new TreeMap<>();
        map.forEach((k, v) -> out.merge(fold.test(k) ? UNDATED : k, v, Bucket::plus));
        return out;
    }

    private static SortedMap<LocalDate, Bucket> dropped(SortedMap<LocalDate, Bucket> map, Predicate<LocalDate> drop) {
        TreeMap<LocalDate, Bucket> out = new TreeMap<>();
        map.forEach((k, v) -> {
            if (!drop.test(k)) {
                out.put(k, v);
            }
        });
        return out;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        if (a == null) {
            return b;
        }
        return b == null || !b.isAfter(a) ? a : b;
    }

    /** One entry of a dated map (for a contribution). */
    static <K> SortedMap<K, Bucket> one(K key, Bucket bucket) {
        TreeMap<K, Bucket> map = new TreeMap<>();
        map.put(key, bucket);
        return map;
    }
}
