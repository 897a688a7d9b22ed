package io.encours.service.ledger;

import io.encours.service.ledger.LedgerEvent.Allocation;
import io.encours.service.ledger.LedgerEvent.EventType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the wire form of an event (a JSON object as a {@code Map}, as Jackson's {@code convertValue} or a
 * BSON document gives it) into a {@link LedgerEvent}, collecting every problem with the path of its field,
 * so one bad event is refused alone and its sender sees all that is wrong at once.
 *
 * <p>Amounts are JSON numbers or decimal strings ({@code "1234.50"}), not negative, at most
 * {@value #MAX_DECIMALS} decimals; dates are ISO {@code yyyy-MM-dd}; ids are non-blank strings of at most
 * {@value #MAX_ID_LENGTH} characters. Fields the type does not know are refused (a misspelt optional field
 * would otherwise be dropped without a word).
 */
public final class LedgerEventParser {
    static final int MAX_DECIMALS = 2;
    static final int MAX_ID_LENGTH = 100;
    private static final Set<String> COMMON = Set.of("eventId", "type", "customerId", "occurredOn", "currency");

    private LedgerEventParser() {
    }

    public static ParsedEvent parse(Map<String, ?> wire) {
        Fields f = new Fields(wire);
        String eventId = f.id("eventId", true);
        String typeName = f.text("type", true);
        String customerId = f.id("customerId", true);
        LocalDate occurredOn = f.date("occurredOn", true);
        String currency = f.text("currency", true);
        if (currency != null && !currency.matches("[A-Z]{3}")) {
            f.problem("currency", "must be an ISO 4217 code such as EUR");
        }
        EventType type = null;
        if (typeName != null) {
            try {
                type = EventType.valueOf(typeName);
            } catch (IllegalArgumentException e) {
                f.problem("type", "unknown type; one of " + Arrays.toString(EventType.values()));
            }
        }
        if (type == null) {
            return new ParsedEvent(eventId, null, f.problems);
        }
        LedgerEvent event = null;
        try {
            event = read(type, f, eventId, customerId, occurredOn, currency);
        } catch (RuntimeException e) {
            // the record's own invariant caught what the field checks did not: still the sender's problem
            if (f.problems.isEmpty()) {
                f.problem("", e.getMessage() == null ? "invalid event" : e.getMessage());
            }
        }
        f.refuseUnknownFields();
        return f.problems.isEmpty() ? new ParsedEvent(eventId, event, List.of()) : new ParsedEvent(eventId, null, f.problems);
    }

    private static LedgerEvent read(EventType type, Fields f, String eventId, String customerId, LocalDate on, String currency) {
        switch (type) {
            case ORDER_BOOKED, ORDER_CHANGED -> {
                String orderId = f.id("orderId", true);
                BigDecimal amount = f.amount("amount", true, true);
                LocalDate deliveryOn = f.date("deliveryOn", false);
                if (!f.problems.isEmpty()) return null;
                return type == EventType.ORDER_BOOKED
                        ? new LedgerEvent.OrderBooked(eventId, customerId, on, currency, orderId, amount, deliveryOn)
                        : new LedgerEvent.OrderChanged(eventId, customerId, on, currency, orderId, amount, deliveryOn);
            }
            case ORDER_CANCELLED -> {
                String orderId = f.id("orderId", true);
                if (!f.problems.isEmpty()) return null;
                return new LedgerEvent.OrderCancelled(eventId, customerId, on, currency, orderId);
            }
            case ORDER_SHIPPED -> {
                String orderId = f.id("orderId", true);
                String shipmentId = f.id("shipmentId", true);
                BigDecimal amount = f.amount("amount", true, true);
                Boolean complete = f.bool("complete");
                if (!f.problems.isEmpty()) return null;
                return new LedgerEvent.OrderShipped(eventId, customerId, on, currency, orderId, shipmentId, amount,
                        Boolean.TRUE.equals(complete));
            }
            case INVOICE_ISSUED -> {
                String invoiceId = f.id("invoiceId", true);
                String orderId = f.id("orderId", false);
                String shipmentId = f.id("shipmentId", false);
                BigDecimal amount = f.amount("amount", true, true);
                LocalDate dueOn = f.date("dueOn", false);
                Integer terms = f.integer("termsDays", 0, 3650);
                if (orderId == null && shipmentId == null && !f.has("orderId") && !f.has("shipmentId")) {
                    f.problem("orderId", "an invoice refers to its order or its shipment (orderId or shipmentId)");
                }
                if (dueOn == null && terms == null && !f.has("dueOn") && !f.has("termsDays")) {
                    f.problem("dueOn", "dueOn or termsDays is required");
                }
                if (f.has("dueOn") && f.has("termsDays")) {
                    f.problem("termsDays", "give dueOn or termsDays, not both");
                }
                if (dueOn != null && on != null && dueOn.isBefore(on)) {
                    f.problem("dueOn", "is before the invoice date occurredOn");
                }
                if (!f.problems.isEmpty()) return null;
                return new LedgerEvent.InvoiceIssued(eventId, customerId, on, currency, invoiceId, orderId, shipmentId,
                        amount, dueOn, terms);
            }
            case CREDIT_NOTE -> {
                String creditNoteId = f.id("creditNoteId", true);
                String invoiceId = f.id("invoiceId", true);
                BigDecimal amount = f.amount("amount", true, true);
                if (!f.problems.isEmpty()) return null;
                return new LedgerEvent.CreditNote(eventId, customerId, on, currency, creditNoteId, invoiceId, amount);
            }
            case PAYMENT_RECEIVED -> {
                String paymentId = f.id("paymentId", true);
                BigDecimal amount = f.amount("amount", true, true);
                List<Allocation> allocations = f.allocations();
                if (amount != null && allocations != null) {
                    BigDecimal allocated = allocations.stream().map(Allocation::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
                    if (allocated.compareTo(amount) > 0) {
                        f.problem("allocations", "allocate " + allocated.toPlainString() + ", more than the payment's "
                                + amount.toPlainString());
                    }
                }
                if (!f.problems.isEmpty()) return null;
                return new LedgerEvent.PaymentReceived(eventId, customerId, on, currency, paymentId, amount,
                        allocations == null ? List.of() : allocations);
            }
            case PAYMENT_REVERSED -> {
                String paymentId = f.id("paymentId", true);
                String reason = f.text("reason", false);
                if (!f.problems.isEmpty()) return null;
                return new LedgerEvent.PaymentReversed(eventId, customerId, on, currency, paymentId, reason);
            }
            case WRITE_OFF, DISPUTE_OPENED, DISPUTE_RESOLVED -> {
                String invoiceId = f.id("invoiceId", true);
                BigDecimal amount = f.amount("amount", true, true);
                if (!f.problems.isEmpty()) return null;
                return type == EventType.WRITE_OFF
                        ? new LedgerEvent.WriteOff(eventId, customerId, on, currency, invoiceId, amount)
                        : type == EventType.DISPUTE_OPENED
                        ? new LedgerEvent.DisputeOpened(eventId, customerId, on, currency, invoiceId, amount)
                        : new LedgerEvent.DisputeResolved(eventId, customerId, on, currency, invoiceId, amount);
            }
            case PROMISE_TO_PAY -> {
                List<String> invoiceIds = f.ids("invoiceIds");
                LocalDate promisedOn = f.date("promisedOn", true);
                BigDecimal amount = f.amount("amount", true, true);
                if (promisedOn != null && on != null && promisedOn.isBefore(on)) {
                    f.problem("promisedOn", "is before the date of the promise occurredOn");
                }
                if (!f.problems.isEmpty()) return null;
                return new LedgerEvent.PromiseToPay(eventId, customerId, on, currency, invoiceIds, promisedOn, amount);
            }
            case DUNNING_STEP_SENT -> {
                String invoiceId = f.id("invoiceId", true);
                Integer level = f.integer("level", 1, 99);
                if (level == null && !f.has("level")) {
                    f.problem("level", "is required");
                }
                if (!f.problems.isEmpty()) return null;
                return new LedgerEvent.DunningStepSent(eventId, customerId, on, currency, invoiceId, level);
            }
            case INVOICE_CLOSED_BY_SNAPSHOT -> {
                String invoiceId = f.id("invoiceId", true);
                String snapshotId = f.id("snapshotId", true);
                BigDecimal amount = f.amount("amount", true, true);
                if (!f.problems.isEmpty()) return null;
                return new LedgerEvent.InvoiceClosedBySnapshot(eventId, customerId, on, currency, invoiceId, snapshotId, amount);
            }
            default -> throw new IllegalStateException(type.name());
        }
    }

    /** The fields of one wire object, read one by one; each problem is collected with its path. */
    private static final class Fields {
        private final Map<String, ?> wire;
        private final String prefix;
        private final Set<String> read = new LinkedHashSet<>(COMMON);
        final List<LedgerProblem> problems;

        Fields(Map<String, ?> wire) {
            this(wire, "", new ArrayList<>());
        }

        private Fields(Map<String, ?> wire, String prefix, List<LedgerProblem> problems) {
            this.wire = wire;
            this.prefix = prefix;
            this.problems = problems;
            if (!prefix.isEmpty()) {
                read.clear();
            }
        }

        void problem(String field, String reason) {
            problems.add(LedgerProblem.of(field.isEmpty() ? prefix.replaceAll("\\.$", "") : prefix + field, reason));
        }

        boolean has(String name) {
            return wire.get(name) != null;
        }

        private Object raw(String name, boolean required) {
            read.add(name);
            Object value = wire.get(name);
            if (value == null && required) {
                problem(name, "is required");
            }
            return value;
        }

        String text(String name, boolean required) {
            Object value = raw(name, required);
            if (value == null) return null;
            if (!(value instanceof String s)) {
                problem(name, "must be a string");
                return null;
            }
            if (s.isBlank()) {
                problem(name, required ? "is required" : "must not be blank");
                return null;
            }
            return s;
        }

        String id(String name, boolean required) {
            String s = text(name, required);
            if (s != null && s.length() > MAX_ID_LENGTH) {
                problem(name, "is longer than " + MAX_ID_LENGTH + " characters");
                return null;
            }
            return s;
        }

        LocalDate date(String name, boolean required) {
            String s = text(name, required);
            if (s == null) return null;
            try {
                return LocalDate.parse(s);
            } catch (DateTimeParseException e) {
                problem(name, "must be a date yyyy-MM-dd");
                return null;
            }
        }

        BigDecimal amount(String name, boolean required, boolean positive) {
            Object value = raw(name, required);
            if (value == null) return null;
            BigDecimal amount;
            try {
                if (value instanceof BigDecimal b) amount = b;
                else if (value instanceof Integer || value instanceof Long || value instanceof Short) amount = BigDecimal.valueOf(((Number) value).longValue());
                else if (value instanceof Number n) amount = new BigDecimal(n.toString());
                else if (value instanceof String s) amount = new BigDecimal(s.trim());
                else {
                    problem(name, "must be a number");
                    return null;
                }
            } catch (NumberFormatException e) {
                problem(name, "must be a decimal number such as 1234.50");
                return null;
            }
            if (amount.signum() < 0) {
                problem(name, "must not be negative");
                return null;
            }
            if (positive && amount.signum() == 0) {
                problem(name, "must be more than zero");
                return null;
            }
            if (amount.stripTrailingZeros().scale() > MAX_DECIMALS) {
                problem(name, "has more than " + MAX_DECIMALS + " decimals");
                return null;
            }
            return amount.setScale(MAX_DECIMALS, RoundingMode.UNNECESSARY);
        }

        Integer integer(String name, int min, int max) {
            Object value = raw(name, false);
            if (value == null) return null;
            long n;
            if (value instanceof Integer || value instanceof Long || value instanceof Short) {
                n = ((Number) value).longValue();
            } else if (value instanceof BigDecimal b && b.stripTrailingZeros().scale() <= 0) {
                n = b.longValue();
            } else {
                problem(name, "must be a whole number");
                return null;
            }
            if (n < min || n > max) {
                problem(name, "must be between " + min + " and " + max);
                return null;
            }
            return (int) n;
        }

        Boolean bool(String name) {
            Object value = raw(name, false);
            if (value == null) return null;
            if (!(value instanceof Boolean b)) {
                problem(name, "must be true or false");
                return null;
            }
            return b;
        }

        List<String> ids(String name) {
            Object value = raw(name, true);
            if (value == null) return null;
            if (!(value instanceof List<?> list) || list.isEmpty()) {
                problem(name, "must be a non-empty list of ids");
                return null;
            }
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) instanceof String s && !s.isBlank() && s.length() <= MAX_ID_LENGTH) {
                    ids.add(s);
                } else {
                    problem(name + "[" + i + "]", "must be an id");
                }
            }
            return ids;
        }

        List<Allocation> allocations() {
            Object value = raw("allocations", false);
            if (value == null) return List.of();
            if (!(value instanceof List<?> list)) {
                problem("allocations", "must be a list of {invoiceId, amount}");
                return null;
            }
            List<Allocation> allocations = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            for (int i = 0; i < list.size(); i++) {
                String path = "allocations[" + i + "]";
                if (!(list.get(i) instanceof Map<?, ?> m)) {
                    problem(path, "must be an object {invoiceId, amount}");
                    continue;
                }
                @SuppressWarnings("unchecked")
                Fields item = new Fields((Map<String, ?>) m, prefix + path + ".", problems);
                String invoiceId = item.id("invoiceId", true);
                BigDecimal amount = item.amount("amount", true, true);
                item.refuseUnknownFields();
                if (invoiceId != null && !seen.add(invoiceId)) {
                    item.problem("invoiceId", "is allocated twice in this payment");
                } else if (invoiceId != null && amount != null) {
                    allocations.add(new Allocation(invoiceId, amount));
                }
            }
            return allocations;
        }

        void refuseUnknownFields() {
            for (String name : wire.keySet()) {
                if (!read.contains(name)) {
                    problem(name, "is not a field of this event type");
                }
            }
        }
    }
}
