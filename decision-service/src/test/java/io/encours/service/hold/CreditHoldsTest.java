package io.encours.service.hold;

import static io.encours.service.hold.HeldDecisions.aDecision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.encours.rules.model.DecisionType;
import io.encours.service.FullStackTest;
import io.encours.service.audit.AuditRecord;
import io.encours.service.audit.AuditTrail;
import io.encours.service.web.ProblemException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** The holds' rules at the service level, on the embedded store: what opens a hold, who may settle it. */
class CreditHoldsTest extends FullStackTest {
    private static final CreditHolds.Person ANALYST = new CreditHolds.Person("analyst", List.of("CREDIT_ANALYST"));
    private static final CreditHolds.Person MANAGER = new CreditHolds.Person("manager", List.of("CREDIT_MANAGER"));

    @Autowired
    private CreditHolds holds;

    @Autowired
    private AuditTrail auditTrail;

    @Test
    void a_blocked_order_opens_one_hold_with_the_decisions_figures() {
        AuditRecord decision = recorded(aDecision().blocked().of("40000.00").inRiskClass("C"));

        holds.openFor(decision);

        CreditHold hold = onlyHoldOf(decision);
        assertThat(hold.status()).isEqualTo(HoldStatus.OPEN);
        assertThat(hold.orderId()).isEqualTo(decision.orderId());
        assertThat(hold.customerId()).isEqualTo(decision.customerId());
        assertThat(hold.amount()).isEqualByComparingTo("40000.00");
        assertThat(hold.currency()).isEqualTo("EUR");
        assertThat(hold.outcome()).isEqualTo("BLOCK");
        assertThat(hold.riskClass()).isEqualTo("C");
        assertThat(hold.reasonCodes()).containsExactly("ACCOUNT_BLOCKED");
        assertThat(hold.openedAt()).isNotNull();
    }

    @Test
    void opening_the_same_decisions_hold_twice_keeps_one_hold() {
        AuditRecord decision = recorded(aDecision().inReview());

        holds.openFor(decision);
        holds.openFor(decision);

        assertThat(holdsOf(decision)).hasSize(1);
    }

    @Test
    void approved_orders_and_other_decisions_open_no_hold() {
        AuditRecord approved = recorded(aDecision().approved());
        AuditRecord terms = recorded(aDecision().ofType(DecisionType.PAYMENT_TERMS, "REFUSED"));

        holds.openFor(approved);
        holds.openFor(terms);

        assertThat(holdsOf(approved)).isEmpty();
        assertThat(holdsOf(terms)).isEmpty();
    }

    @Test
    void an_analyst_is_refused_above_25000_and_the_attempt_is_recorded() {
        CreditHold hold = heldFor(aDecision().blocked().of("40000.00"));

        assertThatThrownBy(() -> holds.release(hold.holdId(), ANALYST, "Customer paid"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.problem().getType().toString()).isEqualTo("/problems/beyond-authority");
                    assertThat(e.problem().getProperties()).containsEntry("limit", new java.math.BigDecimal("25000"));
                });

        assertThat(holds.find(hold.holdId()).orElseThrow().status()).isEqualTo(HoldStatus.OPEN);
        assertThat(holds.actionsOf(hold.holdId())).singleElement().satisfies(action -> {
            assertThat(action.action()).isEqualTo(HoldAction.REFUSED_ATTEMPT);
            assertThat(action.who()).isEqualTo("analyst");
            assertThat(action.roles()).containsExactly("CREDIT_ANALYST");
            assertThat(action.amount()).isEqualByComparingTo("40000.00");
            assertThat(action.limit()).isEqualByComparingTo("25000");
            assertThat(action.decisionId()).isEqualTo(hold.decisionId());
            assertThat(action.at()).isNotNull();
        });
    }

    @Test
    void a_manager_releases_it_for_seven_days_and_ten_percent_more() {
        CreditHold hold = heldFor(aDecision().blocked().of("40000.00"));
        Instant before = Instant.now();

        CreditHold released = holds.release(hold.holdId(), MANAGER, "Payment of 30k received this morning");

        assertThat(released.status()).isEqualTo(HoldStatus.RELEASED);
        assertThat(released.settledBy()).isEqualTo("manager");
        assertThat(released.comment()).isEqualTo("Payment of 30k received this morning");
        assertThat(released.maxAmount()).isEqualByComparingTo("44000.00");
        // the store keeps milliseconds
        assertThat(released.validUntil()).isBetween(before.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).plus(Duration.ofDays(7)),
                Instant.now().plus(Duration.ofDays(7)));
        assertThat(holds.actionsOf(hold.holdId())).singleElement().satisfies(action -> {
            assertThat(action.action()).isEqualTo(HoldAction.RELEASE);
            assertThat(action.who()).isEqualTo("manager");
            assertThat(action.comment()).isEqualTo("Payment of 30k received this morning");
            assertThat(action.limit()).isEqualByComparingTo("150000");
        });
    }

    @Test
    void a_settled_hold_cannot_be_settled_again() {
        CreditHold hold = heldFor(aDecision().inReview().of("1000.00"));
        holds.reject(hold.holdId(), ANALYST, "Customer in receivership");

        assertThatThrownBy(() -> holds.release(hold.holdId(), MANAGER, "Changed my mind"))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.problem().getType().toString()).isEqualTo("/problems/hold-not-open"));
        assertThat(holds.find(hold.holdId()).orElseThrow().status()).isEqualTo(HoldStatus.REJECTED);
        assertThat(holds.actionsOf(hold.holdId())).extracting(HoldActionRecord::action).containsExactly(HoldAction.REJECT);
    }

    @Test
    void anyone_with_a_credit_role_may_reject_whatever_the_amount() {
        CreditHold hold = heldFor(aDecision().blocked().of("500000.00"));

        CreditHold rejected = holds.reject(hold.holdId(), ANALYST, "Account blocked by the committee");

        assertThat(rejected.status()).isEqualTo(HoldStatus.REJECTED);
        assertThat(rejected.validUntil()).isNull();
        assertThat(rejected.maxAmount()).isNull();
    }

    @Test
    void a_release_past_its_validity_reads_as_expired() {
        CreditHold released = holds.release(heldFor(aDecision().inReview().of("100.00")).holdId(), ANALYST, "ok");

        assertThat(released.statusAt(Instant.now())).isEqualTo(HoldStatus.RELEASED);
        assertThat(released.statusAt(released.validUntil().plusSeconds(1))).isEqualTo(HoldStatus.EXPIRED);
    }

    @Test
    void the_status_filter_tells_valid_releases_from_expired_ones() {
        String customerId = "C-" + java.util.UUID.randomUUID();
        CreditHold valid = holds.release(heldFor(aDecision().forCustomer(customerId).inReview().of("100.00")).holdId(),
                ANALYST, "ok");
        CreditHold old = heldFor(aDecision().forCustomer(customerId).inReview().of("200.00"));
        mongo.getCollection(HoldStore.HOLDS).updateOne(new Document("_id", old.holdId()), new Document("$set",
                new Document("status", "RELEASED").append("validUntil", java.util.Date.from(Instant.now().minusSeconds(60)))));

        assertThat(holdIds(customerId, HoldStatus.RELEASED)).containsExactly(valid.holdId());
        assertThat(holdIds(customerId, HoldStatus.EXPIRED)).containsExactly(old.holdId());
        assertThat(holdIds(customerId, HoldStatus.OPEN)).isEmpty();
        assertThat(holds.find(old.holdId()).orElseThrow().statusAt(Instant.now())).isEqualTo(HoldStatus.EXPIRED);
    }

    private List<String> holdIds(String customerId, HoldStatus status) {
        return holds.search(new CreditHolds.Search(status, customerId, null, null, null, "openedAt", false, 0, 20))
                .holds().stream().map(CreditHold::holdId).toList();
    }

    private AuditRecord recorded(HeldDecisions decision) {
        AuditRecord record = decision.build();
        auditTrail.record(record);
        return record;
    }

    private CreditHold heldFor(HeldDecisions decision) {
        AuditRecord record = recorded(decision);
        holds.openFor(record);
        return onlyHoldOf(record);
    }

    private CreditHold onlyHoldOf(AuditRecord decision) {
        List<Document> found = holdsOf(decision);
        assertThat(found).hasSize(1);
        return HoldDocuments.toHold(found.get(0));
    }

    private List<Document> holdsOf(AuditRecord decision) {
        return mongo.find(Query.query(Criteria.where("decisionId").is(decision.decisionId())), Document.class,
                "credit_holds");
    }
}
