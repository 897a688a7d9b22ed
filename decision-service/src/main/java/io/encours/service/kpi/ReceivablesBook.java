package io.encours.service.kpi;

import io.encours.service.account.CreditAccount;
import io.encours.service.account.CreditAccounts;
import io.encours.service.ledger.Invoice;
import io.encours.service.ledger.Promise;
import io.encours.service.ledger.ReceivableHistories;
import io.encours.service.ledger.ReceivableHistories.StoredCustomer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole book in memory, one {@link CustomerBook} per customer, read from the ledger once (at the first
 * request) and then kept up to date: before each report, the stored ledger version of every customer is read
 * (one small document per customer) and only the customers whose version moved are read again. A report thus
 * sees every event accepted before it, on whichever service instance it was accepted.
 */
class ReceivablesBook {
    private static final Logger log = LoggerFactory.getLogger(ReceivablesBook.class);

    private final ReceivableHistories histories;
    private final CreditAccounts accounts;
    private final KpiProperties properties;
    private final Clock clock;
    private final Map<String, CustomerBook> books = new ConcurrentHashMap<>();
    private boolean loaded;

    ReceivablesBook(ReceivableHistories histories, CreditAccounts accounts, KpiProperties properties, Clock clock) {
        this.histories = histories;
        this.accounts = accounts;
        this.properties = properties;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    KpiConventions conventions() {
        return properties.conventions();
    }

    /** A report over the scope's customers, from the book as of now. */
    ReceivablesReport report(KpiScope scope) {
        refresh();
        List<CustomerBook> selected = select(scope);
        TreeSet<String> currencies = new TreeSet<>();
        selected.forEach(b -> currencies.add(b.currency));
        String currency = scope.currency();
        if (currency == null) {
            if (currencies.size() > 1) {
                throw KpiProblems.mixedCurrencies(currencies);
            }
            currency = currencies.isEmpty() ? null : currencies.first();
        } else {
            String wanted = currency;
            selected = selected.stream().filter(b -> wanted.equals(b.currency)).toList();
        }
        return new ReceivablesReport(selected, currency, conventions());
    }

    private List<CustomerBook> select(KpiScope scope) {
        if (!scope.selectsAccounts()) {
            return new ArrayList<>(books.values());
        }
        List<CreditAccount> chosen = new ArrayList<>();
        if (scope.customerId() != null) {
            chosen.add(accounts.find(scope.customerId())
                    .orElseThrow(() -> KpiProblems.noSuchAccount("customerId", scope.customerId())));
        }
        if (scope.group() != null) {
            CreditAccount parent = accounts.find(scope.group())
                    .orElseThrow(() -> KpiProblems.noSuchAccount("group", scope.group()));
            List<CreditAccount> members = new ArrayList<>(List.of(parent));
            accounts.all().stream().filter(a -> scope.group().equals(a.parentAccountId())).forEach(members::add);
            if (scope.customerId() != null) {
                members.removeIf(a -> !a.customerId().equals(scope.customerId()));
            }
            chosen = members;
        } else if (scope.customerId() == null) {
            chosen = accounts.all();
        }
        List<CustomerBook> selected = new ArrayList<>();
        for (CreditAccount a : chosen) {
            CustomerBook b = books.get(a.customerId());
            if (b != null && scope.matchesSegment(a)) {
                selected.add(b);
            }
        }
        return selected;
    }

    /** Reads again the customers whose ledger moved since they were read (all of them the first time). */
    synchronized void refresh() {
        if (!loaded) {
            loadAll();
            loaded = true;
            return;
        }
        Map<String, StoredCustomer> stored = histories.customers();
        for (Map.Entry<String, StoredCustomer> c : stored.entrySet()) {
            CustomerBook held = books.get(c.getKey());
            if (held == null || held.ledgerVersion != c.getValue().ledgerVersion() || c.getValue().ledgerVersion() < 0) {
                reload(c.getKey());
            }
        }
        books.keySet().retainAll(stored.keySet());
    }

    private void reload(String customerId) {
        Optional<ReceivableHistories.CustomerReceivables> read = histories.of(customerId);
        if (read.isEmpty()) {
            books.remove(customerId);
            return;
        }
        ReceivableHistories.CustomerReceivables r = read.get();
        books.put(customerId, CustomerBook.of(customerId, r.currency(), r.ledgerVersion(), r.invoices(), r.promises()));
    }

    private void loadAll() {
        long started = System.nanoTime();
        Map<String, StoredCustomer> stored = histories.customers();
        Map<String, List<Invoice>> invoices = new HashMap<>();
        Map<String, List<Promise>> promises = new HashMap<>();
        histories.readAll((c, i) -> invoices.computeIfAbsent(c, k -> new ArrayList<>()).add(i),
                (c, p) -> promises.computeIfAbsent(c, k -> new ArrayList<>()).add(p));
        int count = 0;
        for (Map.Entry<String, StoredCustomer> c : stored.entrySet()) {
            String id = c.getKey();
            List<Invoice> theirs = invoices.remove(id);
            // the version is read before the documents: a customer that moved meanwhile is read again next time
            books.put(id, CustomerBook.of(id, c.getValue().currency(), c.getValue().ledgerVersion(),
                    theirs == null ? List.of() : theirs, promises.getOrDefault(id, List.of())));
            count += theirs == null ? 0 : theirs.size();
        }
        log.info("receivables book loaded customers={} invoices={} ms={}", books.size(), count,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Replaces the whole book (the benchmark and tests build one without a store). */
    synchronized void replace(List<CustomerBook> all) {
        books.clear();
        all.forEach(b -> books.put(b.customerId, b));
        loaded = true;
    }
}
