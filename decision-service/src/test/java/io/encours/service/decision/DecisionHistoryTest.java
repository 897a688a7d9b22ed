package io.encours.service.decision;

import static io.encours.service.JsonRequest.customerScore;
import static io.encours.service.JsonRequest.dunning;
import static io.encours.service.JsonRequest.orderCheck;
import static org.assertj.core.api.Assertions.assertThat;

import io.encours.service.FullStackTest;
import io.encours.service.TestApi;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A customer's decisions, newest first, and a decision looked up by an id that does not exist. */
class DecisionHistoryTest extends FullStackTest {

    private final String customer = "C-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void a_customers_decisions_come_newest_first_in_pages() {
        String scored = decide(customerScore().with("customer.id", customer).path(), customerScore().with("customer.id", customer).body());
        String checked = decide(orderCheck().path(), orderCheck().with("customer.id", customer).body());
        String dunned = decide(dunning().path(), dunning().with("customer.id", customer).body());
        decide(orderCheck().path(), orderCheck().with("customer.id", customer + "-other").body());

        JsonNode firstPage = api().get("/api/v1/customers/" + customer + "/decisions?size=2").json();
        JsonNode secondPage = api().get("/api/v1/customers/" + customer + "/decisions?size=2&page=1").json();

        assertThat(firstPage.get("totalElements").asLong()).isEqualTo(3);
        assertThat(firstPage.get("decisions").findValuesAsString("decisionId")).containsExactly(dunned, checked);
        assertThat(secondPage.get("decisions").findValuesAsString("decisionId")).containsExactly(scored);
        JsonNode newest = firstPage.get("decisions").get(0);
        assertThat(newest.get("type").asString()).isEqualTo("DUNNING");
        assertThat(newest.get("outcome").asString()).isEqualTo("DUN");
        assertThat(newest.get("orderId").asString()).isEqualTo("INV-2026-0815");
        assertThat(newest.get("policy").get("version").asString()).isEqualTo("2026.1");
    }

    @Test
    void a_customer_without_decisions_has_an_empty_history() {
        JsonNode page = api().get("/api/v1/customers/" + customer + "/decisions").json();

        assertThat(page.get("totalElements").asLong()).isZero();
        assertThat(page.get("decisions").isEmpty()).isTrue();
        assertThat(page.get("size").asInt()).isEqualTo(20);
    }

    @Test
    void page_and_size_out_of_range_are_named() {
        for (String query : List.of("page=-1", "size=0", "size=101", "page=abc")) {
            TestApi.Response response = api().get("/api/v1/customers/" + customer + "/decisions?" + query);

            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.json().get("type").asString()).isEqualTo("/problems/invalid-field");
            assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(query.split("=")[0]);
        }
    }

    @Test
    void an_unknown_decision_is_a_404_problem() {
        TestApi.Response response = api().get("/api/v1/decisions/01a20000-0000-7000-8000-000000000000");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("/problems/decision-not-found");
    }

    private String decide(String path, String body) {
        TestApi.Response response = api().post(path, body);
        assertThat(response.status()).isEqualTo(200);
        return response.json().get("decisionId").asString();
    }
}
