package io.encours.service.ledger;

import io.encours.service.ledger.OpenInvoice.PromiseMade;
import io.encours.service.ledger.OpenInvoice.PromiseState;
import io.encours.service.ledger.OpenInvoice.SentStep;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The ledger's read for a dunning run: every customer's invoices open on a date and due by that date plus a
 * window (overdue, or due soon enough for a pre-due reminder), with their open and disputed amounts, the steps
 * sent, the promises made and the customer's payment behaviour, all derived by the ledger's own rules
 * ({@link CustomerLedger}) from the stored documents, one customer at a time.
 */
@Component
public class OpenInvoices {
    private final OpenInvoiceStore store;
    private final Ledger ledger;

    OpenInvoices(MongoTemplate mongo, Ledger ledger) {
        this.store = new OpenInvoiceStore(mongo);
        this.ledger = ledger;
    }

    /**
     * Hands each customer with at least one invoice open on {@code asOf} and due on or before {@code asOf} +
     * {@code windowDays} to {@code customer}, in customer id order. A batch a crash left half-written is
     * completed first, so that no document is read half-written.
     */
    public void forEachCustomer(LocalDate asOf, int windowDays, Consumer<CustomerReceivables> customer) {
        for (String pending : store.customersWithPendingBatches()) {
            ledger.positionOf(pending, asOf);
        }
        LocalDate dueBy = asOf.plusDays(windowDays);
        store.forEachCustomer((customerId, docs) -> {
            CustomerLedger book = CustomerLedger.restore(LedgerDocuments.toState(customerId, "-", docs, Map.of()));
            List<OpenInvoice> open = openInvoices(book, asOf, dueBy);
            if (!open.isEmpty()) {
                customer.accept(new CustomerReceivables(customerId, book.behaviourAsOf(asOf, ExposureRules.DEFAULT),
                        open));
            }
        });
    }

    static List<OpenInvoice> openInvoices(CustomerLedger book, LocalDate asOf, LocalDate dueBy) {
        List<OpenInvoice> open = new ArrayList<>();
        for (Invoice i : book.invoices().values()) {
            if (i.dueOn().isAfter(dueBy)) {
                continue;
            }
            java.math.BigDecimal openOn = i.openOn(asOf);
            if (openOn.signum() <= 0) {
                continue;
            }
            List<SentStep> steps = i.dunning().stream().filter(d -> !d.on().isAfter(asOf))
                    .map(d -> new SentStep(d.level(), d.on())).toList();
            List<PromiseMade> promises = new ArrayList<>();
            for (Promise p : book.promises()) {
                if (p.invoiceIds().contains(i.invoiceId()) && !p.madeOn().isAfter(asOf)) {
                    PromiseState state = !p.promisedOn().isBefore(asOf) ? PromiseState.PENDING
                            : book.kept(p, asOf) ? PromiseState.KEPT : PromiseState.BROKEN;
                    promises.add(new PromiseMade(p.promisedOn(), p.amount(), state));
                }
            }
            open.add(new OpenInvoice(book.customerId(), i.invoiceId(), i.issuedOn(), i.dueOn(), i.amount(), openOn,
                    i.disputedOn(asOf), i.dunningLevelOn(asOf), steps, promises));
        }
        open.sort(Comparator.comparing(OpenInvoice::dueOn).thenComparing(OpenInvoice::invoiceId));
        return open;
    }
}
