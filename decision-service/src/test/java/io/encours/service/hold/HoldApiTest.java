package io.encours.service.hold;

import static io.encours.service.JsonRequest.orderCheck;
import static io.encours.service.hold.HeldDecisions.aDecision;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.encours.service.FullStackTest;
import io.encours.service.JsonRequest;
import io.encours.service.TestApi;
import io.encours.service.audit.AuditRecord;
import io.encours.service.audit.AuditTrail;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

/**
 * The holds over HTTP, as credit staff (HTTP Basic) and the order-entry system (its API key, the test
 * client's default) use them, on the whole running service.
 */
class HoldApiTest extends FullStackTest {

    @Autowired
    private CreditHolds holds;

    @Autowired
    private AuditTrail auditTrail;

    /** The end-to-end flow: BLOCK, an analyst refused above their authority, a manager's release. */
    @Test
    void a_blocked_order_is_held_refused_to_the_analyst_and_released_by_the_manager() {
        String orderId = "SO-" + UUID.randomUUID();
        String customerId = "C-" + UUID.randomUUID();

        // The order system checks a 40,000 EUR order of a blocked account: BLOCK, and a hold is opened.
        TestApi.Response check = api().post(orderCheck().path(), blockedOrder(customerId, orderId, 40000).body());
        assertThat(check.status()).isEqualTo(200);
        assertThat(check.json().get("outcome").asString()).isEqualTo("BLOCK");
        String decisionId = check.json().get("decisionId").asString();

        TestApi.Response forOrder = api().get("/api/v1/orders/" + orderId + "/hold");
        assertThat(forOrder.status()).isEqualTo(200);
        assertThat(forOrder.json().get("status").asString()).isEqualTo("OPEN");
        String holdId = forOrder.json().get("holdId").asString();

        // The analyst finds it among the open holds of the customer...
        JsonNode open = as("analyst").get("/api/v1/holds?status=OPEN&customerId=" + customerId).json();
        assertThat(open.get("totalElements").asLong()).isEqualTo(1);
        assertThat(open.get("holds").get(0).get("holdId").asString()).isEqualTo(holdId);
        assertThat(open.get("holds").get(0).get("amount").decimalValue()).isEqualByComparingTo("40000");
        assertThat(open.get("holds").get(0).get("reasonCodes").get(0).asString()).isEqualTo("ACCOUNT_BLOCKED");

        // The hold's page tells the analyst their limit before they try...
        JsonNode authority = as("analyst").get("/api/v1/holds/" + holdId).json().get("authority");
        assertThat(authority.get("limit").decimalValue()).isEqualByComparingTo("25000");
        assertThat(authority.get("currency").asString()).isEqualTo("EUR");
        assertThat(authority.get("allowed").asBoolean()).isFalse();

        // ...but may release only up to 25,000 EUR: refused, and the refusal recorded.
        TestApi.Response refused = release(holdId, "analyst", "Customer promised to pay on Friday");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asString()).isEqualTo("/problems/beyond-authority");
        assertThat(refused.json().get("limit").decimalValue()).isEqualByComparingTo("25000");
        assertThat(refused.json().get("detail").asString()).contains("CREDIT_ANALYST may release up to 25,000 EUR");

        // The credit manager (up to 150,000 EUR) releases it: valid 7 days, up to 10 % more.
        TestApi.Response released = release(holdId, "manager", "Payment of 30,000 EUR received, account unblocked");
        assertThat(released.status()).isEqualTo(200);
        assertThat(released.json().get("status").asString()).isEqualTo("RELEASED");
        assertThat(released.json().get("settledBy").asString()).isEqualTo("manager");
        assertThat(released.json().get("maxAmount").decimalValue()).isEqualByComparingTo("44000.00");
        Instant validUntil = Instant.parse(released.json().get("validUntil").asString());
        assertThat(validUntil).isAfter(Instant.now().plus(Duration.ofDays(6)));

        // The order system reads the release by its order id.
        JsonNode settled = api().get("/api/v1/orders/" + orderId + "/hold").json();
        assertThat(settled.get("status").asString()).isEqualTo("RELEASED");
        assertThat(settled.get("maxAmount").decimalValue()).isEqualByComparingTo("44000.00");
        assertThat(settled.get("comment").asString()).isEqualTo("Payment of 30,000 EUR received, account unblocked");

        // The audit trail holds all three, who and why, linked to the decision.
        Document decision = auditRecord(decisionId);
        assertThat(decision.getString("outcome")).isEqualTo("BLOCK");
        assertThat(decision.getString("caller")).isEqualTo("erp");
        List<Document> actions = mongo.find(Query.query(Criteria.where("decisionId").is(decisionId))
                .with(Sort.by("at", "_id")), Document.class, "hold_actions");
        assertThat(actions).extracting(a -> a.getString("action")).containsExactly("REFUSED_ATTEMPT", "RELEASE");
        assertThat(actions).extracting(a -> a.getString("who")).containsExactly("analyst", "manager");
        assertThat(actions).extracting(a -> a.getString("comment")).containsExactly(
                "Customer promised to pay on Friday", "Payment of 30,000 EUR received, account unblocked");
        assertThat(actions).allSatisfy(a -> assertThat(a.getString("holdId")).isEqualTo(holdId));

        // And the hold, read by an auditor, shows the decision's reasons and both actions.
        JsonNode detail = as("auditor").get("/api/v1/holds/" + holdId).json();
        assertThat(detail.get("decision").get("decisionId").asString()).isEqualTo(decisionId);
        assertThat(detail.get("decision").get("outcome").asString()).isEqualTo("BLOCK");
        assertThat(detail.get("decision").get("reasons").get(0).get("code").asString()).isEqualTo("ACCOUNT_BLOCKED");
        assertThat(detail.get("actions").get(0).get("action").asString()).isEqualTo("REFUSED_ATTEMPT");
        assertThat(detail.get("actions").get(0).get("limit").decimalValue()).isEqualByComparingTo("25000");
        assertThat(detail.get("actions").get(1).get("action").asString()).isEqualTo("RELEASE");
    }

    @Test
    void a_release_or_rejection_without_a_comment_is_refused_naming_the_field() {
        String holdId = heldFor(aDecision().inReview().of("1000.00")).holdId();

        for (String body : new String[] {"{}", "{\"comment\": \"  \"}"}) {
            TestApi.Response response = as("analyst").post("/api/v1/holds/" + holdId + "/release", body);
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().get("type").asString()).isEqualTo("/problems/invalid-field");
            assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("comment");
        }
        TestApi.Response noBody = as("analyst").send(HttpRequest.newBuilder(URI.create(api().url(
                "/api/v1/holds/" + holdId + "/reject"))).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(noBody.status()).isEqualTo(400);
        assertThat(noBody.json().get("errors").get(0).get("field").asString()).isEqualTo("comment");
        assertThat(holds.find(holdId).orElseThrow().status()).isEqualTo(HoldStatus.OPEN);
    }

    @Test
    void holds_are_filtered_sorted_and_paged() {
        String customerId = "C-" + UUID.randomUUID();
        String small = heldFor(aDecision().forCustomer(customerId).inReview().of("1000.00").inRiskClass("A")).holdId();
        String middle = heldFor(aDecision().forCustomer(customerId).blocked().of("30000.00").inRiskClass("C")).holdId();
        String large = heldFor(aDecision().forCustomer(customerId).inReview().of("60000.00").inRiskClass("E")).holdId();
        String of = "/api/v1/holds?customerId=" + customerId;

        assertThat(ids(of + "&sort=amount&direction=desc")).containsExactly(large, middle, small);
        assertThat(ids(of + "&sort=amount")).containsExactly(small, middle, large);
        assertThat(ids(of + "&sort=riskClass&direction=desc")).containsExactly(large, middle, small);
        assertThat(ids(of + "&minAmount=5000&maxAmount=50000")).containsExactly(middle);
        assertThat(ids(of + "&outcome=REVIEW&sort=amount")).containsExactly(small, large);

        JsonNode secondPage = as("manager").get(of + "&sort=amount&size=2&page=1").json();
        assertThat(secondPage.get("totalElements").asLong()).isEqualTo(3);
        assertThat(secondPage.get("holds")).hasSize(1);
        assertThat(secondPage.get("holds").get(0).get("holdId").asString()).isEqualTo(large);

        assertThat(as("analyst").post("/api/v1/holds/" + small + "/reject", "{\"comment\":\"Duplicate order\"}")
                .status()).isEqualTo(200);
        assertThat(ids(of + "&status=OPEN&sort=amount")).containsExactly(middle, large);
        assertThat(ids(of + "&status=REJECTED")).containsExactly(small);

        TestApi.Response badSort = as("analyst").get(of + "&sort=customer");
        assertThat(badSort.status()).isEqualTo(400);
        assertThat(badSort.json().get("errors").get(0).get("field").asString()).isEqualTo("sort");
    }

    @Test
    void a_replayed_order_check_opens_no_second_hold() {
        String orderId = "SO-" + UUID.randomUUID();
        String body = blockedOrder("C-" + UUID.randomUUID(), orderId, 40000).body();
        String[] headers = {"Idempotency-Key", "replay-" + orderId};

        TestApi.Response first = api().post(orderCheck().path(), body, headers);
        TestApi.Response again = api().post(orderCheck().path(), body, headers);

        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        String decisionId = first.json().get("decisionId").asString();
        assertThat(again.json().get("decisionId").asString()).isEqualTo(decisionId);
        assertThat(mongo.count(Query.query(Criteria.where("decisionId").is(decisionId)), "credit_holds")).isEqualTo(1);
        assertThat(mongo.count(Query.query(Criteria.where("orderId").is(orderId)), "credit_holds")).isEqualTo(1);
    }

    @Test
    void an_approved_order_opens_no_hold() {
        String orderId = "SO-" + UUID.randomUUID();
        TestApi.Response check = api().post(orderCheck().path(), orderCheck().with("order.id", orderId).body());
        assertThat(check.json().get("outcome").asString()).isEqualTo("APPROVE");

        TestApi.Response hold = api().get("/api/v1/orders/" + orderId + "/hold");
        assertThat(hold.status()).isEqualTo(404);
        assertThat(hold.json().get("type").asString()).isEqualTo("/problems/hold-not-found");
        assertThat(mongo.count(Query.query(Criteria.where("decisionId").is(check.json().get("decisionId").asString())),
                "credit_holds")).isZero();
    }

    /** The order system's callback fails once, then succeeds: both attempts are recorded, both signed. */
    @Test
    void the_order_system_is_called_back_on_release_with_a_retry() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        List<String> signatures = new CopyOnWriteArrayList<>();
        List<String> eventIds = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        HttpServer orderSystem = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        orderSystem.createContext("/holds", exchange -> {
            signatures.add(exchange.getRequestHeaders().getFirst("Encours-Signature"));
            eventIds.add(exchange.getRequestHeaders().getFirst("Encours-Event-Id"));
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(calls.incrementAndGet() == 1 ? 503 : 204, -1);
            exchange.close();
        });
        orderSystem.start();
        try {
            int port = orderSystem.getAddress().getPort();
            // The administrator allowlists the order system (on this machine, so private addresses allowed).
            TestApi.Response allowed = as("admin").post("/api/v1/admin/callback-targets",
                    "{\"scheme\":\"http\",\"host\":\"127.0.0.1\",\"port\":" + port + ",\"allowPrivateAddress\":true}");
            assertThat(allowed.status()).as(allowed.text()).isEqualTo(201);
            String secret = allowed.json().get("secret").asString();
            assertThat(secret).hasSizeGreaterThanOrEqualTo(32);
            String orderId = "SO-" + UUID.randomUUID();
            String url = "http://127.0.0.1:" + port + "/holds";
            assertThat(registerCallback(orderId, url).status()).isEqualTo(200);
            String holdId = heldFor(aDecision().forOrder(orderId).inReview().of("2000.00")).holdId();
            long before = Instant.now().getEpochSecond();

            assertThat(release(holdId, "analyst", "Known customer, deposit received").status()).isEqualTo(200);

            List<Document> attempts = callbackAttempts(holdId, 2);
            assertThat(attempts).extracting(a -> a.getInteger("attempt")).containsExactly(1, 2);
            assertThat(attempts).extracting(a -> a.getInteger("statusCode")).containsExactly(503, 204);
            assertThat(attempts.get(0).getString("error")).isEqualTo("HTTP 503");
            assertThat(attempts.get(1).getString("error")).isNull();
            assertThat(attempts).allSatisfy(a -> assertThat(a.getString("url")).isEqualTo(url));
            assertThat(received).hasSize(2);
            JsonNode payload = tools.jackson.databind.json.JsonMapper.builder().build().readTree(received.get(1));
            assertThat(payload.get("holdId").asString()).isEqualTo(holdId);
            assertThat(payload.get("orderId").asString()).isEqualTo(orderId);
            assertThat(payload.get("status").asString()).isEqualTo("RELEASED");
            assertThat(payload.get("comment").asString()).isEqualTo("Known customer, deposit received");
            assertThat(payload.get("validUntil").asString()).isNotBlank();
            // The receiver verifies each call with the secret it was given; a retry is the same event.
            for (int i = 0; i < 2; i++) {
                Signatures.assertSigned(signatures.get(i), secret, received.get(i), before);
            }
            assertThat(eventIds.get(0)).isNotBlank().isEqualTo(eventIds.get(1));
        } finally {
            orderSystem.stop(0);
        }
    }

    @Test
    void only_http_and_https_callback_urls_are_accepted() {
        for (String url : new String[] {"ftp://erp.example/holds", "file:///etc/passwd", "erp/holds", ""}) {
            TestApi.Response response = registerCallback("SO-1", url);
            assertThat(response.status()).as(url).isEqualTo(400);
            assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("url");
        }
    }

    /** The two forged callbacks: the cloud metadata endpoint and the service's own admin API. */
    @Test
    void callback_urls_to_the_metadata_endpoint_or_the_service_itself_are_refused() {
        String ownAdmin = api().url("/api/v1/admin/users").replace("localhost", "127.0.0.1");
        for (String url : new String[] {"http://169.254.169.254/latest/meta-data/iam/security-credentials/", ownAdmin}) {
            TestApi.Response response = registerCallback("SO-SSRF", url);
            assertThat(response.status()).as(url).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("type").asString()).isEqualTo("/problems/invalid-field");
            assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("url");
            assertThat(response.json().get("errors").get(0).get("reason").asString())
                    .contains("not an allowed callback target");
        }
        assertThat(mongo.count(Query.query(Criteria.where("_id").is("SO-SSRF")), "hold_callbacks")).isZero();
    }

    @Test
    void a_listed_host_that_resolves_to_the_loopback_is_refused_unless_its_entry_allows_private_addresses() {
        int port = Integer.parseInt(api().url("").replaceAll(".*:", ""));
        // An administrator lists localhost without allowing private addresses: the name resolves to 127.0.0.1.
        assertThat(as("admin").post("/api/v1/admin/callback-targets",
                "{\"scheme\":\"http\",\"host\":\"localhost\",\"port\":" + port + "}").status()).isEqualTo(201);

        TestApi.Response response = registerCallback("SO-SSRF-2", "http://localhost:" + port + "/api/v1/admin/users");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("url");
        assertThat(response.json().get("errors").get(0).get("reason").asString())
                .contains("loopback", "does not allow private addresses");
        // Listing a private IP address itself without allowing it is refused at once, naming the field.
        for (String host : new String[] {"169.254.169.254", "10.0.0.7", "::ffff:127.0.0.1", "[fe80::1]", "0.0.0.0"}) {
            TestApi.Response refused = as("admin").post("/api/v1/admin/callback-targets",
                    "{\"scheme\":\"http\",\"host\":\"" + host + "\"}");
            assertThat(refused.status()).as(host).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("host");
        }
    }

    private TestApi.Response registerCallback(String orderId, String url) {
        return api().send(HttpRequest.newBuilder(URI.create(api().url("/api/v1/orders/" + orderId + "/hold/callback")))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + url + "\"}"))
                .header("Content-Type", "application/json"));
    }

    private List<Document> callbackAttempts(String holdId, int expected) throws InterruptedException {
        Query query = Query.query(Criteria.where("holdId").is(holdId).and("action").is("CALLBACK_ATTEMPT"))
                .with(Sort.by("attempt"));
        // Attempts run in the background, one second apart by default: wait for them, up to half a minute.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<Document> found = mongo.find(query, Document.class, "hold_actions");
        while (found.size() < expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
            found = mongo.find(query, Document.class, "hold_actions");
        }
        return found;
    }

    private List<String> ids(String path) {
        TestApi.Response response = as("analyst").get(path);
        assertThat(response.status()).as(path).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.json().get("holds").forEach(h -> ids.add(h.get("holdId").asString()));
        return ids;
    }

    private TestApi.Response release(String holdId, String user, String comment) {
        return as(user).post("/api/v1/holds/" + holdId + "/release", "{\"comment\":\"" + comment + "\"}");
    }

    private CreditHold heldFor(HeldDecisions decision) {
        AuditRecord record = decision.build();
        auditTrail.record(record);
        holds.openFor(record);
        return holds.search(new CreditHolds.Search(null, record.customerId(), null, null, null, "openedAt", false, 0,
                100)).holds().stream().filter(h -> h.decisionId().equals(record.decisionId())).findFirst().orElseThrow();
    }

    private static JsonRequest blockedOrder(String customerId, String orderId, int amount) {
        return orderCheck().with("customer.id", customerId).with("customer.creditAccount.status", "BLOCKED")
                .with("order.id", orderId).with("order.amount", amount);
    }

    /** The service called as a test user with HTTP Basic (password secret-&lt;name&gt;, application-test.properties). */
    private TestApi as(String user) {
        return api().as(user, "secret-" + user);
    }
}
