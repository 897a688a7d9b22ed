package io.encours.service.ledger;

import static io.encours.service.ledger.Events.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SnapshotReconciliationTest {
    private static final IntakeRules RULES = IntakeRules.of(d("2026-12-03"), 0);

    @Test
    void an_open_invoice_missing_from_the_snapshot_becomes_an_explicit_closure_not_a_payment() {
        CustomerLedger ledger = new CustomerLedger(CUSTOMER, EUR);
        ledger.apply(invoiced("e1", "F1", "O1", null, "2026-09-01", "400", 30), RULES);
        ledger.apply(invoiced("e2", "F2", "O2", null, "2026-09-01", "300", 30), RULES);
        ledger.apply(paid("e3", "P1", "2026-10-01", "100", to("F2", "100")), RULES);
        ledger.apply(invoiced("e4", "F4", "O4", null, "2026-11-20", "50", 30), RULES);

        SnapshotReconciliation r = SnapshotReconciliation.of(ledger, "SNAP-11", d("2026-11-15"), Set.of("F1", "F7"));

        assertThat(r.closures()).singleElement().satisfies(c -> {
            assertThat(c.invoiceId()).isEqualTo("F2");
            assertThat(c.amount()).isEqualByComparingTo("200");
            assertThat(c.eventId()).isEqualTo("snapshot:SNAP-11:F2");
        });
        assertThat(r.unknownInvoices()).containsExactly("F7");
        ApplyResult applied = ledger.apply(r.closures().get(0), RULES);
        assertThat(applied.delta().openInvoices()).isEqualByComparingTo("-200");
        assertThat(ledger.invoices().get("F2").settlements()).extracting(Invoice.Settlement::kind)
                .containsExactly(Invoice.SettlementKind.PAYMENT, Invoice.SettlementKind.CLOSED_BY_SNAPSHOT);
        // not a payment: the behaviour counts only the real payment of F2 (31 days late... on its due date: 0)
        assertThat(ledger.behaviourAsOf(d("2026-11-16"), ExposureRules.DEFAULT).averageDaysLate12m()).isEqualByComparingTo("0.0");
        // the same snapshot again: a duplicate, nothing more closed
        assertThat(SnapshotReconciliation.of(ledger, "SNAP-11", d("2026-11-15"), Set.of("F1", "F7")).closures()).isEmpty();
    }
}
