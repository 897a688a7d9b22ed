package io.encours.service.auditor;

import static io.encours.service.JsonRequest.orderCheck;
import static org.assertj.core.api.Assertions.assertThat;

import io.encours.service.FullStackTest;
import io.encours.service.JsonRequest;
import io.encours.service.TestApi;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Holds, what was done to them and the policy's actions, searched by an auditor: each filter, paging while
 * new records arrive, roles. Four held orders of one customer: A blocked and rejected by the manager, B in
 * review and released by the analyst, C blocked and left open, D blocked, its release refused to the analyst.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrailSearchTest extends FullStackTest {
    private final String customer = "C-TS-" + UUID.randomUUID();
    private final List<String> orders = new ArrayList<>();
    private final List<String> decisions = new ArrayList<>();
    private final List<String> holdIds = new ArrayList<>();
    private int draft;

    @BeforeAll
    void holdFourOrdersAndActOnThem() {
        hold(blocked(40000));
        hold(orderCheck().with("customer.id", customer).with("order.id", "SO-" + UUID.randomUUID())
                .with("exposure.openInvoices", 70000).with("order.amount", 20001));
        hold(blocked(3000));
        hold(blocked(30000));
        assertThat(as("manager").post("/api/v1/holds/" + holdIds.get(0) + "/reject", "{\"comment\":\"no\"}").status())
                .isEqualTo(200);
        assertThat(as("analyst").post("/api/v1/holds/" + holdIds.get(1) + "/release", "{\"comment\":\"ok\"}").status())
                .isEqualTo(200);
        assertThat(as("analyst").post("/api/v1/holds/" + holdIds.get(3) + "/release", "{\"comment\":\"try\"}").status())
                .isEqualTo(403);
        TestApi.Response created = as("committee2").post("/api/v1/policies/drafts", "{\"comment\":\"trail search\"}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        draft = created.json().get("number").asInt();
    }

    private TestApi as(String user) {
        return api().as(user, "secret-" + user);
    }

    private JsonRequest blocked(int amount) {
        return orderCheck().with("customer.id", customer).with("order.id", "SO-" + UUID.randomUUID())
                .with("customer.creditAccount.status", "BLOCKED").with("order.amount", amount);
    }

    private void hold(JsonRequest order) {
        TestApi.Response decided = api().post(order.path(), order.body());
        assertThat(decided.json().get("outcome").asString()).isIn("BLOCK", "REVIEW");
        String orderId = decided.json().get("orderId").asString();
        orders.add(orderId);
        decisions.add(decided.json().get("decisionId").asString());
        holdIds.add(api().get("/api/v1/orders/" + orderId + "/hold").json().get("holdId").asString());
    }

    private JsonNode page(String path) {
        TestApi.Response r = as("auditor").get(path);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    /** The letters, A to D, of the four holds a query finds (a hold the paging test adds is left out). */
    private List<String> holds(String query) {
        List<String> letters = new ArrayList<>();
        for (JsonNode item : page("/api/v1/audit/holds?size=1000&customer=" + customer + query).get("items")) {
            int index = holdIds.indexOf(item.get("holdId").asString());
            if (index >= 0) {
                letters.add(String.valueOf((char) ('A' + index)));
            }
        }
        return letters;
    }

    @Test
    void every_hold_filter_selects_exactly_its_holds() {
        assertThat(holds("")).containsExactly("D", "C", "B", "A");
        assertThat(holds("&sort=openedAt")).containsExactly("A", "B", "C", "D");
        assertThat(holds("&orderId=" + orders.get(2))).containsExactly("C");
        assertThat(holds("&decisionId=" + decisions.get(1))).containsExactly("B");
        assertThat(holds("&status=OPEN")).containsExactly("D", "C");
        assertThat(holds("&status=RELEASED")).containsExactly("B");
        assertThat(holds("&status=REJECTED")).containsExactly("A");
        assertThat(holds("&status=EXPIRED")).isEmpty();
        assertThat(holds("&outcome=REVIEW")).containsExactly("B");
        assertThat(holds("&reasonCode=CREDIT_LIMIT_EXCEEDED")).containsExactly("B");
        assertThat(holds("&settledBy=manager")).containsExactly("A");
        assertThat(holds("&minAmount=25000")).containsExactly("D", "A");
        assertThat(holds("&maxAmount=20001")).containsExactly("C", "B");
        assertThat(holds("&minAmount=3000&maxAmount=3000.00")).containsExactly("C");
        JsonNode all = page("/api/v1/audit/holds?sort=openedAt&customer=" + customer).get("items");
        String from = all.get(1).get("openedAt").asString();
        String to = all.get(3).get("openedAt").asString();
        List<String> inRange = holds("&from=" + from + "&to=" + to);
        assertThat(inRange).contains("B").doesNotContain("D");
        assertThat(page("/api/v1/audit/holds?orderId=" + orders.get(3)).get("items").get(0).get("amount").asString())
                .isEqualTo("30000");
    }

    @Test
    void every_hold_action_filter_selects_exactly_its_actions() {
        String base = "/api/v1/audit/hold-actions?size=1000";
        assertThat(actions(base + "&holdId=" + holdIds.get(0))).containsExactly("REJECT manager");
        assertThat(actions(base + "&decisionId=" + decisions.get(1))).containsExactly("RELEASE analyst");
        assertThat(actions(base + "&orderId=" + orders.get(3))).containsExactly("REFUSED_ATTEMPT analyst");
        assertThat(actions(base + "&orderId=" + orders.get(3) + "&action=RELEASE")).isEmpty();
        assertThat(actions(base + "&orderId=" + orders.get(1) + "&actor=analyst")).containsExactly("RELEASE analyst");
        assertThat(actions(base + "&orderId=" + orders.get(1) + "&actor=manager")).isEmpty();
        JsonNode reject = page(base + "&holdId=" + holdIds.get(0)).get("items").get(0);
        String at = reject.get("at").asString();
        assertThat(actions(base + "&holdId=" + holdIds.get(0) + "&from=" + at)).hasSize(1);
        assertThat(actions(base + "&holdId=" + holdIds.get(0) + "&to=" + at)).isEmpty();
    }

    @Test
    void every_policy_action_filter_selects_exactly_its_actions() {
        String base = "/api/v1/audit/policy-actions?size=1000";
        assertThat(actions(base + "&version=" + draft)).containsExactly("CREATE committee2");
        assertThat(actions(base + "&version=" + draft + "&action=CREATE&actor=committee2")).hasSize(1);
        assertThat(actions(base + "&version=" + draft + "&actor=committee1")).isEmpty();
        JsonNode created = page(base + "&version=" + draft).get("items").get(0);
        assertThat(created.get("comment").asString()).isEqualTo("trail search");
        assertThat(actions(base + "&contentHash=" + created.get("contentHash").asString() + "&action=CREATE"))
                .contains("CREATE committee2");
        assertThat(actions(base + "&version=" + draft + "&from=" + created.get("at").asString())).hasSize(1);
        assertThat(actions(base + "&version=" + draft + "&to=" + created.get("at").asString())).isEmpty();
    }

    @Test
    void paging_shows_each_hold_once_while_new_holds_arrive() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = page("/api/v1/audit/holds?size=1&customer=" + customer
                    + (cursor == null ? "" : "&cursor=" + cursor));
            page.get("items").forEach(i -> seen.add(i.get("holdId").asString()));
            cursor = page.has("nextCursor") ? page.get("nextCursor").asString() : null;
            if (seen.size() == 1) {
                // A new hold of the same customer: newer than every page still to come, so not among them.
                api().post(orderCheck().path(), blocked(1000).body());
            }
        } while (cursor != null);

        assertThat(seen).containsExactly(holdIds.get(3), holdIds.get(2), holdIds.get(1), holdIds.get(0));
    }

    @Test
    void a_bad_parameter_is_a_problem_and_only_auditors_search() {
        TestApi.Response badStatus = as("auditor").get("/api/v1/audit/holds?status=LOST");
        TestApi.Response badCursor = as("auditor").get("/api/v1/audit/policy-actions?cursor=bm9wZQ");
        TestApi.Response badSort = as("auditor").get("/api/v1/audit/hold-actions?sort=amount");
        TestApi.Response manager = as("manager").get("/api/v1/audit/holds");

        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.json().get("errors").findValuesAsString("field")).containsExactly("status");
        assertThat(badCursor.json().get("errors").findValuesAsString("field")).containsExactly("cursor");
        assertThat(badSort.json().get("errors").findValuesAsString("field")).containsExactly("sort");
        assertThat(manager.status()).isEqualTo(403);
    }

    private List<String> actions(String path) {
        List<String> found = new ArrayList<>();
        for (JsonNode item : page(path).get("items")) {
            found.add(item.get("action").asString() + " " + (item.has("who") ? item.get("who") : item.get("by"))
                    .asString());
        }
        return found;
    }

    /** The trail searches read the stores themselves, so their request checks are tested here rather than in a slice. */
    @Test
    void each_bad_parameter_of_a_trail_search_is_named_in_an_invalid_field_problem() {
        java.util.Map<String, String> fieldByQuery = new java.util.LinkedHashMap<>();
        fieldByQuery.put("/api/v1/audit/holds?size=0", "size");
        fieldByQuery.put("/api/v1/audit/holds?minAmount=lots", "minAmount");
        fieldByQuery.put("/api/v1/audit/holds?from=yesterday", "from");
        fieldByQuery.put("/api/v1/audit/hold-actions?to=tomorrow", "to");
        fieldByQuery.put("/api/v1/audit/policy-actions?sort=-openedAt", "sort");
        fieldByQuery.put("/api/v1/audit/admin-actions?size=1001", "size");
        fieldByQuery.put("/api/v1/audit/admin-actions?cursor=bm9wZQ", "cursor");
        fieldByQuery.forEach((query, field) -> {
            TestApi.Response refused = as("auditor").get(query);
            assertThat(refused.status()).as(query).isEqualTo(400);
            assertThat(refused.json().get("type").asString()).as(query).isEqualTo("/problems/invalid-field");
            assertThat(refused.json().get("errors").findValuesAsString("field")).as(query).containsExactly(field);
        });
    }
}
