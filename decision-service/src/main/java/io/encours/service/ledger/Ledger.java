package io.encours.service.ledger;

import io.encours.service.account.CreditAccount;
import io.encours.service.account.CreditAccounts;
import io.encours.service.ledger.ApplyResult.Outcome;
import io.encours.service.ledger.LedgerDocuments.AcceptedEvent;
import io.encours.service.ledger.LedgerDocuments.Position;
import io.encours.service.ledger.LedgerDocuments.Reservation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;

/**
 * The receivables ledger with its store: takes the ERP's events, answers exposures and positions, keeps the
 * reservations of approved order checks, rebuilds and checks the running totals. Every write is one
 * customer's, committed by one conditional update of that customer's position ({@link LedgerStore}); a writer
 * that finds the position moved reads it again and applies its events again, so two service instances on one
 * store give the answers one would.
 *
 * <p>A customer's ledger, restored from the store, is kept in memory between calls together with the
 * {@code ledgerVersion} it was read at, and used only while the stored position is still at that version (one
 * read of the position by id): today's exposure and every check of an event then cost nothing per document
 * read from the store.
 */
public class Ledger implements CreditPositions {
    private static final int ATTEMPTS = 20;

    private final LedgerStore store;
    private final CreditAccounts accounts;
    private final LedgerProperties properties;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    Ledger(LedgerStore store, CreditAccounts accounts, LedgerProperties properties, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.properties = properties;
        this.clock = clock;
    }

    /** What became of one event of a batch: its place in the batch, its id as read, the outcome and why. */
    record EventOutcome(int index, String eventId, Outcome outcome, List<LedgerProblem> problems) {
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    // ------------------------------------------------------------------ intake

    /**
     * Records a batch of events in their wire form. Each is accepted, a duplicate or rejected on its own; the
     * accepted events of one customer are committed together, durable before this returns.
     */
    List<EventOutcome> record(List<Map<String, Object>> batch) {
        try {
            return recordUndurably(batch);
        } finally {
            store.durable();
        }
    }

    /**
     * The intake of a batch, customers together: one read of their accounts, one of their positions, one of the
     * ids of their new events (an id another customer's event already has is refused), one of the owners of the
     * invoices their events name and this customer's ledger does not hold, then every customer's events applied
     * to its ledger in memory and all their commits written at once ({@link LedgerStore#commitAll}); a customer
     * whose position moved in the meantime (another instance) is read again and applied again, alone or with the
     * others that moved.
     */
    private List<EventOutcome> recordUndurably(List<Map<String, Object>> batch) {
        EventOutcome[] outcomes = new EventOutcome[batch.size()];
        Map<String, List<Item>> byCustomer = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            ParsedEvent parsed = LedgerEventParser.parse(batch.get(i));
            if (!parsed.isValid()) {
                outcomes[i] = new EventOutcome(i, parsed.eventId(), Outcome.REJECTED, parsed.problems());
                continue;
            }
            byCustomer.computeIfAbsent(parsed.event().customerId(), c -> new ArrayList<>())
                    .add(new Item(i, parsed.event(), batch.get(i)));
        }
        Map<String, CreditAccount> found = byCustomer.isEmpty() ? Map.of() : accounts.findAll(byCustomer.keySet());
        Map<String, String> currencies = new LinkedHashMap<>();
        for (Map.Entry<String, List<Item>> group : byCustomer.entrySet()) {
            CreditAccount account = found.get(group.getKey());
            if (account == null) {
                // fail closed: an event of a customer without an account would count nowhere (docs/ledger.md)
                for (Item item : group.getValue()) {
                    outcomes[item.index()] = new EventOutcome(item.index(), item.event().eventId(), Outcome.REJECTED,
                            List.of(new LedgerProblem("customerId", "no credit account for customer " + group.getKey()
                                    + "; create the account (POST /api/v1/accounts) and send the event again")));
                }
            } else {
                currencies.put(group.getKey(), account.currency());
            }
        }
        for (int attempt = 1; !currencies.isEmpty(); attempt++) {
            for (String customerId : recordForCustomers(currencies, byCustomer, outcomes)) {
                currencies.remove(customerId);
            }
            if (!currencies.isEmpty() && attempt == ATTEMPTS) {
                throw LedgerProblems.busy(currencies.keySet().iterator().next());
            }
        }
        return List.of(outcomes);
    }

    private record Item(int index, LedgerEvent event, Map<String, Object> wire) {
    }

    /**
     * One attempt at these customers' events (customer id to its account's currency): fills their outcomes and
     * returns the customers done (committed, or nothing to commit); the others found their position moved.
     */
    private Set<String> recordForCustomers(Map<String, String> currencies, Map<String, List<Item>> byCustomer,
                                           EventOutcome[] outcomes) {
        Map<String, Position> positions = store.positions(currencies);
        Map<String, CustomerLedger> ledgers = new LinkedHashMap<>();
        Set<String> newIds = new HashSet<>();
        Set<String> invoiceIds = new HashSet<>();
        for (String customerId : currencies.keySet()) {
            CustomerLedger ledger = take(positions.get(customerId));
            ledger.takeWritten();
            ledgers.put(customerId, ledger);
            for (Item item : byCustomer.get(customerId)) {
                if (!ledger.knowsEvent(item.event().eventId())) {
                    newIds.add(item.event().eventId());
                }
                for (String invoiceId : invoiceIds(item.event())) {
                    if (!ledger.invoices().containsKey(invoiceId)) {
                        invoiceIds.add(invoiceId);
                    }
                }
            }
        }
        Map<String, AcceptedEvent> elsewhere = store.events(newIds);
        // the invoices' owners as stored, and those of invoices accepted in this batch, as they are accepted
        Map<String, String> owners = new HashMap<>(store.invoiceOwners(invoiceIds));
        IntakeRules rules = new IntakeRules(today(), properties.futureToleranceDays(), invoiceId ->
                owners.containsKey(invoiceId) ? Optional.of(owners.get(invoiceId))
                        : invoiceIds.contains(invoiceId) ? Optional.empty() : store.invoiceOwner(invoiceId));
        Map<String, String> taken = new HashMap<>();
        Instant now = clock.instant();
        Set<String> done = new HashSet<>();
        List<LedgerStore.Commit> commits = new ArrayList<>();
        Map<String, List<EventOutcome>> waiting = new HashMap<>();
        for (Map.Entry<String, CustomerLedger> entry : ledgers.entrySet()) {
            String customerId = entry.getKey();
            CustomerLedger ledger = entry.getValue();
            Position position = positions.get(customerId);
            List<EventOutcome> own = new ArrayList<>();
            List<AcceptedEvent> accepted = new ArrayList<>();
            RunningTotals totals = position.totals();
            for (Item item : byCustomer.get(customerId)) {
                LedgerEvent event = item.event();
                AcceptedEvent other = elsewhere.get(event.eventId());
                String takenBy = taken.get(event.eventId());
                if ((other != null && !other.customerId().equals(customerId))
                        || (takenBy != null && !takenBy.equals(customerId))) {
                    own.add(new EventOutcome(item.index(), event.eventId(), Outcome.REJECTED, List.of(
                            new LedgerProblem("eventId", "was already received for another customer; an ERP event "
                                    + "id names one event"))));
                    continue;
                }
                ApplyResult result = ledger.apply(event, rules);
                own.add(new EventOutcome(item.index(), event.eventId(), result.outcome(), result.problems()));
                if (result.isAccepted()) {
                    totals = totals.plus(result.delta());
                    accepted.add(new AcceptedEvent(event.eventId(), customerId, position.ledgerVersion() + 1,
                            accepted.size(), event.type(), event.occurredOn(), now, result.fingerprint(), item.wire()));
                    taken.put(event.eventId(), customerId);
                    if (event instanceof LedgerEvent.InvoiceIssued issued) {
                        owners.putIfAbsent(issued.invoiceId(), customerId);
                    }
                }
            }
            if (accepted.isEmpty()) {
                giveBack(customerId, position.ledgerVersion(), ledger);
                own.forEach(o -> outcomes[o.index()] = o);
                done.add(customerId);
                continue;
            }
            // the running totals committed folded on today (RunningTotals.foldedOn), as a rebuild compares them
            commits.add(new LedgerStore.Commit(position, totals.foldedOn(today()), accepted,
                    LedgerDocuments.toDocuments(customerId, ledger.takeWritten()),
                    stillHeld(position.reservations(), ledger, now)));
            waiting.put(customerId, own);
        }
        Set<String> committed = store.commitAll(commits, now);
        for (LedgerStore.Commit commit : commits) {
            String customerId = commit.read().customerId();
            if (committed.contains(customerId)) {
                giveBack(customerId, commit.read().ledgerVersion() + 1, ledgers.get(customerId));
                waiting.get(customerId).forEach(o -> outcomes[o.index()] = o);
                done.add(customerId);
            }
            // else: its ledger, which holds the refused events, is dropped; the next attempt reads it again
        }
        return done;
    }

    /** The invoices an event names (to find their owners before the batch is applied). */
    private static List<String> invoiceIds(LedgerEvent event) {
        if (event instanceof LedgerEvent.PaymentReceived e) {
            return e.allocations().stream().map(LedgerEvent.Allocation::invoiceId).filter(Objects::nonNull).toList();
        }
        if (event instanceof LedgerEvent.PromiseToPay e) {
            return e.invoiceIds();
        }
        String one = event instanceof LedgerEvent.InvoiceIssued e ? e.invoiceId()
                : event instanceof LedgerEvent.CreditNote e ? e.invoiceId()
                : event instanceof LedgerEvent.WriteOff e ? e.invoiceId()
                : event instanceof LedgerEvent.DisputeOpened e ? e.invoiceId()
                : event instanceof LedgerEvent.DisputeResolved e ? e.invoiceId()
                : event instanceof LedgerEvent.DunningStepSent e ? e.invoiceId()
                : event instanceof LedgerEvent.InvoiceClosedBySnapshot e ? e.invoiceId() : null;
        return one == null ? List.of() : List.of(one);
    }

    /** Reservations whose order the ledger does not hold yet (booked or cancelled ends them) and not expired. */
    private static List<Reservation> stillHeld(List<Reservation> reservations, CustomerLedger ledger, Instant now) {
        return reservations.stream().filter(r -> r.expiresAt().isAfter(now)
                && !ledger.orders().containsKey(r.check().orderId())).toList();
    }

    // ------------------------------------------------------------------ CSV import

    /** A line (or one of its events) not imported: its number in the file (the header is line 1) and why. */
    record ImportRejection(int line, String customerId, String invoiceId, String eventId, String field, String reason) {
    }

    /** An invoice the snapshot no longer lists, closed by an explicit event. */
    record SnapshotClosure(String customerId, String invoiceId, String eventId, java.math.BigDecimal amount,
                           Outcome outcome) {
    }

    /**
     * What an import did: lines whose events were taken, lines already imported (all duplicates), lines
     * rejected, the accounts it opened, and in snapshot mode the invoices it closed and those the snapshot
     * lists that the ledger does not hold.
     */
    record ImportReport(int lines, int imported, int duplicates, int rejected, int accountsCreated,
                        List<ImportRejection> rejections, List<SnapshotClosure> closedBySnapshot) {
    }

    ImportReport importInvoices(String text, Map<String, String> parameters, String by) {
        InvoiceImport reader = new InvoiceImport(parameters);
        List<InvoiceImport.Line> lines = reader.read(text);
        List<ImportRejection> rejections = new ArrayList<>();
        int created = 0;
        Map<String, Boolean> known = new java.util.HashMap<>();
        for (InvoiceImport.Line line : lines) {
            if (line.readable() && !known.containsKey(line.customerId())) {
                boolean exists = accounts.find(line.customerId()).isPresent();
                if (!exists && reader.createAccounts) {
                    try {
                        accounts.openMinimal(line.customerId(), reader.currency, by);
                        exists = true;
                        created++;
                    } catch (io.encours.service.web.ProblemException e) {
                        exists = false;
                    }
                }
                known.put(line.customerId(), exists);
            }
        }
        // one customer's events together, in the file's order, so that each customer is committed in few steps
        List<Object[]> events = new ArrayList<>();
        lines.stream().filter(InvoiceImport.Line::readable)
                .sorted(Comparator.comparing(InvoiceImport.Line::customerId))
                .forEach(line -> line.events().forEach(e -> events.add(new Object[] {line, e})));
        Map<Integer, List<EventOutcome>> byLine = new java.util.HashMap<>();
        try {
            for (int from = 0; from < events.size(); from += properties.maxBatchSize()) {
                List<Object[]> chunk = events.subList(from, Math.min(events.size(), from + properties.maxBatchSize()));
                @SuppressWarnings("unchecked")
                List<EventOutcome> outcomes = recordUndurably(chunk.stream().map(e -> (Map<String, Object>) e[1]).toList());
                for (int i = 0; i < chunk.size(); i++) {
                    InvoiceImport.Line line = (InvoiceImport.Line) chunk.get(i)[0];
                    byLine.computeIfAbsent(line.number(), n -> new ArrayList<>()).add(outcomes.get(i));
                }
            }
            int imported = 0;
            int duplicates = 0;
            for (InvoiceImport.Line line : lines) {
                if (!line.readable()) {
                    rejections.add(new ImportRejection(line.number(), line.customerId(), line.invoiceId(), null,
                            line.field(), line.reason()));
                    continue;
                }
                List<EventOutcome> outcomes = byLine.get(line.number());
                List<EventOutcome> refused = outcomes.stream().filter(o -> o.outcome() == Outcome.REJECTED).toList();
                if (!refused.isEmpty()) {
                    refused.forEach(o -> o.problems().forEach(p -> rejections.add(new ImportRejection(line.number(),
                            line.customerId(), line.invoiceId(), o.eventId(), p.field(), p.reason()))));
                } else if (outcomes.stream().allMatch(o -> o.outcome() == Outcome.DUPLICATE)) {
                    duplicates++;
                } else {
                    imported++;
                }
            }
            List<SnapshotClosure> closures = reader.snapshot ? reconcile(reader, lines, known) : List.of();
            int rejectedLines = (int) rejections.stream().mapToInt(ImportRejection::line).distinct().count();
            return new ImportReport(lines.size(), imported, duplicates, rejectedLines, created, rejections, closures);
        } finally {
            store.durable();
        }
    }

    /**
     * Snapshot mode: for each customer the file names, every invoice the ledger holds as open and the file does
     * not list as open becomes an explicit INVOICE_CLOSED_BY_SNAPSHOT event (see {@link SnapshotReconciliation}).
     */
    private List<SnapshotClosure> reconcile(InvoiceImport reader, List<InvoiceImport.Line> lines,
                                            Map<String, Boolean> known) {
        Map<String, Set<String>> openByCustomer = new LinkedHashMap<>();
        for (InvoiceImport.Line line : lines) {
            if (line.readable() && known.getOrDefault(line.customerId(), false)) {
                Set<String> open = openByCustomer.computeIfAbsent(line.customerId(), c -> new java.util.TreeSet<>());
                if (line.open()) {
                    open.add(line.invoiceId());
                }
            }
        }
        List<SnapshotClosure> closures = new ArrayList<>();
        for (Map.Entry<String, Set<String>> customer : openByCustomer.entrySet()) {
            CreditAccount account = accounts.find(customer.getKey()).orElseThrow();
            Position position = store.position(customer.getKey(), account.currency());
            CustomerLedger ledger = take(position);
            SnapshotReconciliation reconciliation = SnapshotReconciliation.of(ledger, reader.snapshotId,
                    reader.snapshotOn, customer.getValue());
            giveBack(customer.getKey(), position.ledgerVersion(), ledger);
            List<Map<String, Object>> wire = new ArrayList<>();
            for (LedgerEvent.InvoiceClosedBySnapshot c : reconciliation.closures()) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("eventId", c.eventId());
                e.put("type", c.type());
                e.put("customerId", c.customerId());
                e.put("occurredOn", c.occurredOn().toString());
                e.put("currency", c.currency());
                e.put("invoiceId", c.invoiceId());
                e.put("snapshotId", c.snapshotId());
                e.put("amount", c.amount());
                wire.add(e);
            }
            List<EventOutcome> outcomes = recordUndurably(wire);
            for (int i = 0; i < wire.size(); i++) {
                LedgerEvent.InvoiceClosedBySnapshot c = reconciliation.closures().get(i);
                closures.add(new SnapshotClosure(c.customerId(), c.invoiceId(), c.eventId(), c.amount(),
                        outcomes.get(i).outcome()));
            }
        }
        return closures;
    }

    // ------------------------------------------------------------------ positions and exposure

    @Override
    public Optional<CreditPosition> positionOf(String customerId, LocalDate asOf) {
        return positionOf(customerId, asOf, ExposureRules.DEFAULT);
    }

    /** The position with the exposure conventions the policy sets (delivery horizon, grace days). */
    public Optional<CreditPosition> positionOf(String customerId, LocalDate asOf, ExposureRules rules) {
        return read(customerId, asOf, rules, Listing.NONE).map(Read::position);
    }

    /**
     * A position as read, with the running totals it was read with; {@code documents}: how many open documents
     * are behind each figure (the lines of the exposure are a page of them), {@code next}: per category, the
     * cursor of the next page (absent: none); {@code fromTotals}: answered from the running totals alone.
     */
    record Read(CreditPosition position, RunningTotals runningTotals, CreditAccount account,
                Map<ExposureCategory, Long> documents, Map<ExposureCategory, String> next, boolean fromTotals) {
    }

    /** Which open documents to list behind the figures: at most {@code limit} per category, one category or all. */
    record Listing(int limit, ExposureCategory category, String after) {
        static final Listing NONE = new Listing(0, null, null);
    }

    @Override
    public Optional<CreditPosition> positionOf(CreditAccount account, LocalDate asOf) {
        return read(account.customerId(), Optional.of(account), asOf, ExposureRules.DEFAULT, Listing.NONE)
                .map(Read::position);
    }

    @Override
    public Optional<GroupExposure> groupOf(String parentAccountId, LocalDate asOf) {
        return accounts.find(parentAccountId)
                .map(parent -> GroupExposure.of(parent, accounts.membersOf(parentAccountId), asOf, this));
    }

    /** The group {@code account} heads on a day; empty when no account names it as its parent. */
    Optional<GroupExposure> groupHeadedBy(CreditAccount account, LocalDate asOf) {
        List<CreditAccount> members = accounts.membersOf(account.customerId());
        return members.isEmpty() ? Optional.empty() : Optional.of(GroupExposure.of(account, members, asOf, this));
    }

    Optional<Read> read(String customerId, LocalDate asOf, ExposureRules rules) {
        return read(customerId, asOf, rules, new Listing(Integer.MAX_VALUE, null, null));
    }

    /**
     * Today (and a later day) from the position document alone: the figures from its running totals, the
     * documents behind them by one indexed query per category listed, limited; so the answer time does not grow
     * with the number of documents. A past day (or a day before an event dated ahead of today, within the
     * tolerance) from the documents' own dates.
     */
    Optional<Read> read(String customerId, LocalDate asOf, ExposureRules rules, Listing listing) {
        return read(customerId, accounts.find(customerId), asOf, rules, listing);
    }

    private Optional<Read> read(String customerId, Optional<CreditAccount> account, LocalDate asOf, ExposureRules rules,
                                Listing listing) {
        if (account.isEmpty()) {
            return Optional.empty();
        }
        Position position = store.position(customerId, account.get().currency());
        Instant now = clock.instant();
        List<ApprovedOrderCheck> held = position.reservations().stream()
                .filter(r -> r.expiresAt().isAfter(now) && !r.check().approvedOn().isAfter(asOf))
                .map(Reservation::check).toList();
        RunningTotals totals = position.totals();
        if (!asOf.isBefore(today()) && totals.answersFor(asOf)) {
            Set<String> booked = new HashSet<>();
            store.orders(customerId, held.stream().map(ApprovedOrderCheck::orderId).toList()).stream()
                    .filter(o -> !o.bookedOn().isAfter(asOf)).forEach(o -> booked.add(o.orderId()));
            List<ApprovedOrderCheck> approved = held.stream().filter(c -> !booked.contains(c.orderId())).toList();
            Map<ExposureCategory, Long> counts = totals.documentsOn(asOf, rules);
            counts.put(ExposureCategory.APPROVED_NOT_BOOKED, (long) approved.size());
            Map<ExposureCategory, String> next = new java.util.EnumMap<>(ExposureCategory.class);
            List<ExposureLine> lines = listing.limit() == 0 ? List.of()
                    : listed(customerId, asOf, rules, approved, listing, next);
            Exposure exposure = totals.exposureOn(customerId, account.get().currency(), asOf, rules, approved, lines);
            PaymentBehaviour behaviour = totals.behaviourOn(asOf, rules);
            return Optional.of(new Read(new CreditPosition(customerId, position.version(), exposure, behaviour),
                    totals, account.get(), counts, next, true));
        }
        CustomerLedger ledger = take(position);
        try {
            Exposure all = ledger.exposureAsOf(asOf, rules, held);
            PaymentBehaviour behaviour = ledger.behaviourAsOf(asOf, rules);
            Map<ExposureCategory, Long> counts = new java.util.EnumMap<>(ExposureCategory.class);
            Map<ExposureCategory, String> next = new java.util.EnumMap<>(ExposureCategory.class);
            List<ExposureLine> lines = new ArrayList<>();
            for (ExposureCategory category : ExposureCategory.values()) {
                List<ExposureLine> of = all.lines(category).stream()
                        .sorted(Comparator.comparing(Ledger::lineKey)).toList();
                counts.put(category, (long) of.size());
                if (listing.limit() == 0 || (listing.category() != null && listing.category() != category)) {
                    continue;
                }
                List<ExposureLine> after = of.stream().filter(l -> listing.after() == null
                        || lineKey(l).compareTo(listing.after()) > 0).toList();
                List<ExposureLine> page = after.stream().limit(listing.limit()).toList();
                lines.addAll(page);
                if (after.size() > page.size()) {
                    next.put(category, lineKey(page.get(page.size() - 1)));
                }
            }
            Exposure exposure = new Exposure(all.customerId(), all.currency(), asOf, all.amounts(), all.total(), lines);
            return Optional.of(new Read(new CreditPosition(customerId, position.version(), exposure, behaviour),
                    totals, account.get(), counts, next, false));
        } finally {
            giveBack(customerId, position.ledgerVersion(), ledger);
        }
    }

    /** The key that orders a category's documents and pages through them: its date, then its id. */
    static String lineKey(ExposureLine line) {
        return (line.dated() == null ? "" : line.dated().toString()) + "|" + line.documentId();
    }

    /** Today's documents behind each figure listed: one indexed query per category, limited (docs/ledger.md). */
    private List<ExposureLine> listed(String customerId, LocalDate day, ExposureRules rules,
                                      List<ApprovedOrderCheck> approved, Listing listing,
                                      Map<ExposureCategory, String> next) {
        List<ExposureLine> lines = new ArrayList<>();
        String dueBy = (day.minusDays(rules.graceDays())).toString();
        String beyond = rules.deliveryHorizonDays() == null ? null
                : day.plusDays(rules.deliveryHorizonDays() + 1L).toString();
        for (ExposureCategory category : ExposureCategory.values()) {
            if (listing.category() != null && listing.category() != category) {
                continue;
            }
            int limit = listing.limit() == Integer.MAX_VALUE ? Integer.MAX_VALUE : listing.limit() + 1;
            String after = listing.after();
            List<ExposureLine> found = switch (category) {
                case APPROVED_NOT_BOOKED -> approved.stream().map(c -> new ExposureLine(category, c.decisionId(),
                                c.approvedOn(), c.amount(), 0)).sorted(Comparator.comparing(Ledger::lineKey))
                        .filter(l -> after == null || lineKey(l).compareTo(after) > 0).limit(limit).toList();
                case OPEN_ORDERS -> open(category, store.openDocuments(customerId, "ORDER", null, beyond, after, limit), day, rules);
                case OPEN_ORDERS_BEYOND_HORIZON -> beyond == null ? List.of()
                        : open(category, store.openDocuments(customerId, "ORDER", beyond, null, after, limit), day, rules);
                case SHIPPED_NOT_INVOICED -> open(category, store.openDocuments(customerId, "SHIPMENT", null, null, after, limit), day, rules);
                case OPEN_INVOICES_NOT_DUE -> open(category, store.openDocuments(customerId, "INVOICE", dueBy, null, after, limit), day, rules);
                case OVERDUE -> open(category, store.openDocuments(customerId, "INVOICE", null, dueBy, after, limit), day, rules);
                case DISPUTED -> open(category, store.disputedDocuments(customerId, after, limit), day, rules);
                case UNALLOCATED_CASH -> open(category, store.openDocuments(customerId, "PAYMENT", null, null, after, limit), day, rules);
            };
            if (found.size() > listing.limit()) {
                found = found.subList(0, listing.limit());
                next.put(category, lineKey(found.get(found.size() - 1)));
            }
            lines.addAll(found);
        }
        return lines;
    }

    private static List<ExposureLine> open(ExposureCategory category, List<Document> documents, LocalDate day,
                                           ExposureRules rules) {
        List<ExposureLine> lines = new ArrayList<>(documents.size());
        for (Document d : documents) {
            String key = d.getString(LedgerDocuments.OPEN_KEY);
            LocalDate dated = LocalDate.parse(key.substring(0, key.indexOf('|')));
            boolean invoice = "INVOICE".equals(d.getString(LedgerDocuments.OPEN));
            long days = invoice && RunningTotals.overdue(dated, day, rules) ? java.time.temporal.ChronoUnit.DAYS.between(dated, day) : 0;
            Object amount = d.get(category == ExposureCategory.DISPUTED ? LedgerDocuments.DISPUTED_AMOUNT : LedgerDocuments.OPEN_AMOUNT);
            lines.add(new ExposureLine(category, d.getString(LedgerDocuments.DOCUMENT_ID), dated,
                    io.encours.service.storage.BsonValues.bigDecimal(amount), days));
        }
        return lines;
    }

    @Override
    public boolean reserve(String customerId, long expectedVersion, ApprovedOrderCheck check, Instant expiresAt) {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(expiresAt, "expiresAt");
        return store.reserve(customerId, expectedVersion, new Reservation(check, expiresAt));
    }

    /** A page of a customer's accepted events, in their order of acceptance, after a cursor (null: first page). */
    record EventPage(List<AcceptedEvent> events, String next) {
    }

    EventPage events(String customerId, String after, int limit) {
        long afterVersion = -1;
        int afterIndex = -1;
        if (after != null) {
            String[] parts = after.split("\\.", 2);
            try {
                afterVersion = Long.parseLong(parts[0]);
                afterIndex = parts.length > 1 ? Integer.parseInt(parts[1]) : Integer.MAX_VALUE;
            } catch (NumberFormatException e) {
                throw io.encours.service.web.Problems.invalidField("after", "is a cursor from a previous page (next)");
            }
        }
        if (accounts.find(customerId).isEmpty()) {
            throw LedgerProblems.accountNotFound(customerId);
        }
        List<AcceptedEvent> found = store.eventsOf(customerId, afterVersion, afterIndex, limit + 1);
        boolean more = found.size() > limit;
        List<AcceptedEvent> page = more ? found.subList(0, limit) : found;
        AcceptedEvent last = page.isEmpty() ? null : page.get(page.size() - 1);
        return new EventPage(List.copyOf(page), more ? last.ledgerVersion() + "." + last.index() : null);
    }

    // ------------------------------------------------------------------ rebuild and check

    /**
     * The running totals of a customer recomputed by replaying its events from the start, in their order of
     * acceptance, against the totals the position holds.
     */
    record Drift(String customerId, long ledgerVersion, int events, RunningTotals stored, RunningTotals rebuilt,
                 RunningTotals drift, boolean fixed) {
        boolean hasDrift() {
            return !stored.sameAs(rebuilt);
        }
    }

    /**
     * Replays the customer's events and compares every part of the running totals (sums, counts, the dated
     * maps and the latest date), both folded on today ({@link RunningTotals#foldedOn}); with {@code fix}, a drift
     * is corrected and every document written again with its open mark.
     */
    Drift rebuild(String customerId, boolean fix) {
        CreditAccount account = accounts.find(customerId).orElse(null);
        if (account == null) {
            throw LedgerProblems.accountNotFound(customerId);
        }
        for (int attempt = 1; ; attempt++) {
            Position position = store.position(customerId, account.currency());
            CustomerLedger replayed = new CustomerLedger(customerId, account.currency());
            List<AcceptedEvent> all = new ArrayList<>();
            long afterVersion = -1;
            int afterIndex = -1;
            while (true) {
                List<AcceptedEvent> page = store.eventsOf(customerId, afterVersion, afterIndex, 1000);
                if (page.isEmpty()) {
                    break;
                }
                all.addAll(page);
                AcceptedEvent last = page.get(page.size() - 1);
                afterVersion = last.ledgerVersion();
                afterIndex = last.index();
            }
            all.sort(Comparator.comparingLong(AcceptedEvent::ledgerVersion).thenComparingInt(AcceptedEvent::index));
            for (AcceptedEvent e : all) {
                ParsedEvent parsed = LedgerEventParser.parse(e.wire());
                LocalDate receivedOn = LocalDate.ofInstant(e.receivedAt(), ZoneOffset.UTC);
                // the checks as on the day the event was accepted; an invoice owned by another customer is not
                // looked up again (it was refused then, or it was not another's)
                replayed.apply(parsed.event(), IntakeRules.of(receivedOn.plusDays(1), properties.futureToleranceDays()));
            }
            LocalDate today = today();
            RunningTotals rebuilt = replayed.totalsFromDocuments().foldedOn(today);
            RunningTotals stored = position.totals().foldedOn(today);
            RunningTotals drift = stored.minus(rebuilt);
            boolean same = stored.sameAs(rebuilt);
            if (!fix || same) {
                return new Drift(customerId, position.ledgerVersion(), all.size(), stored, rebuilt, drift, false);
            }
            LedgerState nothing = new LedgerState(customerId, account.currency(), List.of(), List.of(), List.of(),
                    List.of(), List.of(), Map.of());
            Collection<Document> changed = LedgerDocuments.changed(nothing, replayed.state());
            cache.remove(customerId);
            if (store.commit(position, rebuilt, List.of(), changed, position.reservations(), clock.instant())) {
                store.durable();
                return new Drift(customerId, position.ledgerVersion() + 1, all.size(), stored, rebuilt, drift, true);
            }
            if (attempt == ATTEMPTS) {
                throw LedgerProblems.busy(customerId);
            }
        }
    }

    /** Every account with a ledger, rebuilt and compared; the ones with drift listed (and fixed if asked). */
    record Check(int accounts, int withDrift, List<Drift> drifts) {
    }

    Check check(boolean fix) {
        List<Drift> drifts = new ArrayList<>();
        List<String> customers = store.customersWithPositions();
        for (String customerId : customers) {
            if (accounts.find(customerId).isEmpty()) {
                continue;
            }
            Drift drift = rebuild(customerId, fix);
            if (drift.hasDrift()) {
                drifts.add(drift);
            }
        }
        return new Check(customers.size(), drifts.size(), drifts);
    }

    // ------------------------------------------------------------------ the in-memory copy

    private record Cached(long ledgerVersion, CustomerLedger ledger) {
    }

    /** The customer's ledger at the position's version: the kept copy if it is that one, else read from the store. */
    private CustomerLedger take(Position position) {
        Cached cached = cache.remove(position.customerId());
        if (cached != null && cached.ledgerVersion() == position.ledgerVersion()) {
            return cached.ledger();
        }
        return CustomerLedger.restore(store.state(position.customerId(), position.currency()));
    }

    private void giveBack(String customerId, long ledgerVersion, CustomerLedger ledger) {
        if (cache.size() < properties.cachedLedgers()) {
            cache.merge(customerId, new Cached(ledgerVersion, ledger),
                    (old, fresh) -> fresh.ledgerVersion() >= old.ledgerVersion() ? fresh : old);
        }
    }
}
