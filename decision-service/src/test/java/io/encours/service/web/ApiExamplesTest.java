package io.encours.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.encours.service.TestApi;
import io.encours.service.hold.ExampleHosts;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The API's examples are real: every operation of /v3/api-docs has an example answer and, when it takes a body, an
 * example request (files by operationId under openapi/examples/); the request examples, sent in the order a
 * newcomer would follow (people and keys, decisions, holds, credit accounts, a policy version from draft to activation, a
 * back-test, a simulation, the audit), are all answered 2xx, each answer with the fields of its example.
 * {@code -Dencours.api-examples.record=true} rewrites the answer examples from this run (arrays cut to three).
 * Runs on its own application: it activates a policy version and creates people.
 */
@Import(ExampleHosts.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "encours.storage.data-dir=target/test-data/api-examples-${random.uuid}")
class ApiExamplesTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String EXAMPLES = "openapi/examples/";
    private static final Path SOURCE = Path.of("src/main/resources", EXAMPLES);
    private static final boolean RECORD = Boolean.getBoolean("encours.api-examples.record");

    @LocalServerPort
    private int port;

    private final Map<String, Integer> called = new LinkedHashMap<>();
    private final SoftAssertions softly = new SoftAssertions();

    @Test
    void every_operation_has_an_example_answer_and_every_body_an_example_request() {
        JsonNode paths = api().anonymous().get("/v3/api-docs").json().get("paths");
        List<String> missing = new ArrayList<>();
        Set<String> ids = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                JsonNode operation = method.getValue();
                String id = operation.path("operationId").asString();
                String where = method.getKey().toUpperCase() + " " + path.getKey() + " (" + id + ")";
                assertThat(id).as("operationId of %s: springdoc's _1 suffixes depend on the order of handlers", where)
                        .isNotBlank().doesNotMatch(".*_\\d+$");
                assertThat(ids.add(id)).as("operationId %s is unique", id).isTrue();
                if (operation.has("requestBody") && !hasExample(operation.get("requestBody"))) {
                    missing.add(where + ": no request example (openapi/examples/requests/" + id + ".json)");
                }
                boolean answered = false;
                for (Map.Entry<String, JsonNode> response : operation.path("responses").properties()) {
                    answered |= response.getKey().startsWith("2")
                            && (response.getKey().equals("204") || hasExample(response.getValue()));
                }
                if (!answered) {
                    missing.add(where + ": no example answer (openapi/examples/responses/" + id + ".json)");
                }
            }
        }
        assertThat(missing).as("operations without examples").isEmpty();
        assertThat(ids).hasSizeGreaterThanOrEqualTo(68);
    }

    @Test
    void every_request_example_is_answered_2xx_with_the_fields_of_its_answer_example() throws IOException {
        // People and machine keys (the administrator).
        call("createUser", admin(), "POST", "/api/v1/admin/users");
        call("users", admin(), "GET", "/api/v1/admin/users");
        call("user", admin(), "GET", "/api/v1/admin/users/lea.moreau");
        call("changeMyPassword", api().as("lea.moreau", "Tulipe-Verte-2026"), "POST", "/api/v1/admin/me/password");
        call("setRoles", admin(), "PUT", "/api/v1/admin/users/lea.moreau/roles");
        call("disable", admin(), "POST", "/api/v1/admin/users/lea.moreau/disable");
        call("enable", admin(), "POST", "/api/v1/admin/users/lea.moreau/enable");
        call("resetPassword", admin(), "POST", "/api/v1/admin/users/lea.moreau/password-reset");
        String keyId = call("createApiKey", admin(), "POST", "/api/v1/admin/api-keys").json().get("id").asString();
        call("apiKeys", admin(), "GET", "/api/v1/admin/api-keys");
        call("revoke", admin(), "POST", "/api/v1/admin/api-keys/" + keyId + "/revoke");
        call("me", api(), "GET", "/api/v1/admin/me");
        call("noop", api(), "POST", "/api/v1/noop");
        call("unlock", admin(), "POST", "/api/v1/admin/users/lea.moreau/unlock");
        // The order system's callback origin, allowlisted before any callback URL is registered.
        String target = call("addCallbackTarget", admin(), "POST", "/api/v1/admin/callback-targets")
                .json().get("id").asString();
        call("listCallbackTargets", admin(), "GET", "/api/v1/admin/callback-targets");

        // Decisions (the order-entry system), two of them held.
        String decisionId = call("orderCheck", api(), "POST", "/api/v1/decisions/order-check")
                .json().get("decisionId").asString();
        call("customerScore", api(), "POST", "/api/v1/decisions/customer-score");
        call("paymentTerms", api(), "POST", "/api/v1/decisions/payment-terms");
        call("dunning", api(), "POST", "/api/v1/decisions/dunning");
        call("decision", api(), "GET", "/api/v1/decisions/" + decisionId);
        call("history", api(), "GET", "/api/v1/customers/C-1000/decisions");
        String released = heldOrder("SO-2026-0044");
        String rejected = heldOrder("SO-2026-0045");
        call("registerHoldCallback", api(), "POST", "/api/v1/orders/SO-2026-0044/hold/callback");
        call("registerHoldCallbackPut", api(), "PUT", "/api/v1/orders/SO-2026-0044/hold/callback");

        // Credit holds (credit staff).
        call("listHolds", as("manager"), "GET", "/api/v1/holds?status=OPEN");
        call("showHold", as("manager"), "GET", "/api/v1/holds/" + released);
        call("releaseHold", as("manager"), "POST", "/api/v1/holds/" + released + "/release");
        call("rejectHold", as("manager"), "POST", "/api/v1/holds/" + rejected + "/reject");
        call("orderHold", api(), "GET", "/api/v1/orders/SO-2026-0044/hold");

        // Credit accounts (credit staff; changes name the version they were made on), then an ERP export loaded.
        call("createAccount", as("manager"), "POST", "/api/v1/accounts");
        call("account", as("manager"), "GET", "/api/v1/accounts/C-1000");
        call("replaceAccount", as("manager"), "PUT", "/api/v1/accounts/C-1000");
        call("patchAccount", as("manager"), "PATCH", "/api/v1/accounts/C-1000");
        call("importAccounts", as("manager"), "POST", "/api/v1/accounts/imports?separator=%3B&decimalSeparator=%2C"
                + "&dateFormat=dd/MM/yyyy&currency=EUR&customerId=Code%20client&name=Raison%20sociale&sector=Secteur"
                + "&legalForm=Forme&internalLimit=Encours%20autoris%C3%A9&limitValidTo=Fin%20limite&insurer=Assureur"
                + "&insuredAmount=Montant%20garanti");
        call("listAccounts", as("auditor"), "GET", "/api/v1/accounts?sector=MANUFACTURING&limit=1");
        call("accountHistory", as("auditor"), "GET", "/api/v1/accounts/C-1000/history");

        // The ledger: the ERP's events and its invoice export, then the account's exposure, events and checks.
        call("recordLedgerEvents", api().withApiKey("test-erp-feed-key"), "POST", "/api/v1/ledger/events");
        call("importInvoices", api().withApiKey("test-erp-feed-key"), "POST", "/api/v1/ledger/imports/invoices"
                + "?customerId=customerID&invoiceId=invoiceNumber&issuedOn=InvoiceDate&dueOn=DueDate&amount=InvoiceAmount"
                + "&paidOn=SettledDate&disputed=Disputed&dateFormat=M/d/yyyy&currency=EUR&createAccounts=true");
        call("accountExposure", as("manager"), "GET", "/api/v1/accounts/C-1000/exposure");
        call("accountLedgerEvents", as("auditor"), "GET", "/api/v1/accounts/C-1000/ledger/events?limit=2");
        call("rebuildAccountLedger", as("manager"), "POST", "/api/v1/accounts/C-1000/rebuild");
        call("checkLedger", as("manager"), "POST", "/api/v1/ledger/checks");
        // Receivables KPIs of the imported invoices (2012-2013) at a month end, by month, by customer, as files.
        call("receivablesKpis", as("manager"), "GET", "/api/v1/kpis/receivables?asOf=2013-06-30&top=3");
        call("receivablesSeries", as("auditor"), "GET", "/api/v1/kpis/receivables/series?from=2013-01-01&to=2013-06-30&step=month");
        call("receivablesByCustomer", as("manager"), "GET", "/api/v1/kpis/receivables/customers?asOf=2013-06-30&size=3");
        call("exportReceivablesByCustomer", as("manager"), "GET", "/api/v1/kpis/receivables/customers/export?asOf=2013-06-30&format=csv");
        call("exportReceivablesSeries", as("manager"), "GET", "/api/v1/kpis/receivables/series/export?from=2013-01-01&to=2013-06-30&format=csv");

        // Collections: an invoice of C-1000 100 days overdue today (the account is BLOCKED by now: only formal steps),
        // a dunning run, its worklist, a line marked done
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris"));
        assertThat(api().withApiKey("test-erp-feed-key").post("/api/v1/ledger/events", "[{\"eventId\": \"EX-DUN-1\", "
                + "\"type\": \"INVOICE_ISSUED\", \"customerId\": \"C-1000\", \"occurredOn\": \"" + today.minusDays(130)
                + "\", \"currency\": \"EUR\", \"invoiceId\": \"INV-EX-DUN-1\", \"orderId\": \"SO-EX-DUN-1\", "
                + "\"amount\": 2500.00, \"dueOn\": \"" + today.minusDays(100) + "\"}]").status()).isEqualTo(200);
        String dunningRun = call("startDunningRun", as("manager"), "POST", "/api/v1/collections/runs")
                .json().get("run").get("id").asString();
        awaitDunningRun(dunningRun);
        call("dunningRun", as("auditor"), "GET", "/api/v1/collections/runs/" + dunningRun);
        JsonNode worklist = call("worklist", as("auditor"), "GET", "/api/v1/collections/worklist?date=" + today
                + "&customerId=C-1000&state=TO_DO").json();
        String worklistLine = null;
        for (JsonNode line : worklist.get("lines")) {
            if (line.get("customerId").asString().equals("C-1000")) {
                worklistLine = line.get("id").asString();
            }
        }
        assertThat(worklistLine).as("a line of C-1000 in %s", worklist).isNotNull();
        call("worklistLine", as("auditor"), "GET", "/api/v1/collections/worklist/" + worklistLine);
        call("markWorklistLine", as("manager"), "POST", "/api/v1/collections/worklist/" + worklistLine + "/state");

        // The policy in force, read by the committee.
        call("listPolicies", as("committee1"), "GET", "/api/v1/policies");
        call("active", as("committee1"), "GET", "/api/v1/policies/active");
        call("show", as("committee1"), "GET", "/api/v1/policies/1");
        call("file", as("committee1"), "GET", "/api/v1/policies/1/files/parameters.csv");
        call("bundle", as("committee1"), "GET", "/api/v1/policies/1/bundle");
        call("tables", as("committee1"), "GET", "/api/v1/policies/1/tables");

        // A new version from draft to activation (four eyes), another one rejected, then a rollback.
        int draft = call("upload", as("committee1"), "POST", "/api/v1/policies/drafts").json().get("number").asInt();
        String version = "/api/v1/policies/" + draft;
        call("editTable", as("committee1"), "PUT", version + "/tables/sector-caps.drl.csv");
        call("editParameters", as("committee1"), "PUT", version + "/parameters");
        call("replaceFile", as("committee1"), "PUT", version + "/files/parameters.csv");
        call("diff", as("committee1"), "GET", "/api/v1/policies/1/diff/" + draft);
        call("validation", as("committee1"), "GET", version + "/validation");
        call("verification", as("committee1"), "GET", version + "/verification");
        call("scenarios", as("committee1"), "GET", version + "/scenario-results");
        call("evaluate", as("committee1"), "POST", version + "/evaluate");
        call("submit", as("committee1"), "POST", version + "/submit");
        call("approve", as("committee2"), "POST", version + "/approve");
        // A back-test of the approved version on labelled outcomes, before it is activated (a few rows: at once).
        String backtest = call("startBacktest", as("manager"), "POST", "/api/v1/backtests?version=" + draft
                + "&asOf=2026-06-15").json().get("id").asString();
        awaitEnd("/api/v1/backtests/" + backtest);
        call("backtest", as("manager"), "GET", "/api/v1/backtests/" + backtest);
        call("listBacktests", as("manager"), "GET", "/api/v1/backtests?version=" + draft);
        call("latestBacktest", as("committee2"), "GET", "/api/v1/backtests/latest?version=" + draft);
        String simulation = call("start", as("manager"), "POST", "/api/v1/simulations").json().get("id").asString();
        call("activate", as("committee2"), "POST", version + "/activate");
        int second = call("upload", as("committee1"), "POST", "/api/v1/policies/drafts").json().get("number").asInt();
        call("submit", as("committee1"), "POST", "/api/v1/policies/" + second + "/submit");
        call("rejectPolicyVersion", as("committee2"), "POST", "/api/v1/policies/" + second + "/reject");
        call("rollback", as("committee1"), "POST", "/api/v1/policies/rollback");
        call("actionsOf", as("committee1"), "GET", version + "/actions");
        call("actions", as("committee1"), "GET", "/api/v1/policies/actions");

        // The simulation of that version over the decisions above, once it has ended (a few decisions: at once).
        awaitEnd("/api/v1/simulations/" + simulation);
        call("simulation", as("manager"), "GET", "/api/v1/simulations/" + simulation);
        call("list", as("manager"), "GET", "/api/v1/simulations");
        call("cancel", as("manager"), "POST", "/api/v1/simulations/" + simulation + "/cancel");

        // The audit (auditors).
        call("search", as("auditor"), "GET", "/api/v1/audit/decisions?customerId=C-1000");
        call("exportJsonLines", as("auditor"), "GET", "/api/v1/audit/decisions/export.jsonl?customerId=C-1000");
        call("exportCsv", as("auditor"), "GET", "/api/v1/audit/decisions/export.csv?customerId=C-1000");
        call("verify", as("auditor"), "GET", "/api/v1/audit/verify");
        call("holds", as("auditor"), "GET", "/api/v1/audit/holds");
        call("holdActions", as("auditor"), "GET", "/api/v1/audit/hold-actions");
        call("policyActions", as("auditor"), "GET", "/api/v1/audit/policy-actions");
        call("replay", as("auditor"), "GET", "/api/v1/audit/decisions/" + decisionId + "/replay");
        call("whatIf", as("auditor"), "GET", "/api/v1/audit/decisions/" + decisionId + "/what-if?version=" + draft);
        call("decisions", as("auditor"), "GET", "/api/v1/stats/decisions?days=7");
        call("adminActions", as("auditor"), "GET", "/api/v1/audit/admin-actions?target=lea.moreau");
        // Retention: a month long past archived (it holds no record here) and pruned, then listed and downloaded.
        call("archiveDecisions", admin(), "POST", "/api/v1/admin/audit-archives?period=2015-03");
        call("pruneDecisions", admin(), "POST", "/api/v1/admin/audit-archives/2015-03/prune");
        call("archiveRecords", admin(), "POST", "/api/v1/admin/record-archives/holds?period=2015-03");
        call("pruneRecords", admin(), "POST", "/api/v1/admin/record-archives/holds/2015-03/prune");
        call("recordArchiveFile", as("auditor"), "GET", "/api/v1/audit/record-archives/holds/2015-03");
        call("archives", as("auditor"), "GET", "/api/v1/audit/archives");
        call("archiveFile", as("auditor"), "GET", "/api/v1/audit/archives/2015-03");
        call("removeCallbackTarget", admin(), "DELETE", "/api/v1/admin/callback-targets/" + target);
        call("callbackTargetChanges", as("auditor"), "GET", "/api/v1/audit/callback-target-changes");

        softly.assertAll();
        JsonNode paths = api().anonymous().get("/v3/api-docs").json().get("paths");
        Set<String> all = new TreeSet<>();
        paths.properties().forEach(p -> p.getValue().properties()
                .forEach(m -> all.add(m.getValue().path("operationId").asString())));
        assertThat(called.keySet()).as("operations the sequence calls").containsExactlyInAnyOrderElementsOf(all);
    }

    private void awaitDunningRun(String run) {
        for (int i = 0; i < 1200; i++) {
            if (!as("manager").get("/api/v1/collections/runs/" + run).json().get("run").get("state").asString()
                    .equals("RUNNING")) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the dunning run did not end within 4 minutes");
    }

    private void awaitEnd(String simulation) {
        for (int i = 0; i < 600; i++) {
            String status = as("manager").get(simulation).json().path("status").asString();
            if (!status.equals("RUNNING") && !status.equals("PENDING")) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the simulation did not end within 2 minutes");
    }

    /** An order of a blocked account: the decision is BLOCK and a hold opens; returns the hold's id. */
    private String heldOrder(String orderId) {
        ObjectNode body = (ObjectNode) example("requests/orderCheck.json").orElseThrow();
        ((ObjectNode) body.get("customer").get("creditAccount")).put("status", "BLOCKED");
        ((ObjectNode) body.get("order")).put("id", orderId);
        TestApi.Response held = api().post("/api/v1/decisions/order-check", body.toString());
        assertThat(held.status()).as("order check of %s: %s", orderId, held.text()).isEqualTo(200);
        return api().get("/api/v1/orders/" + orderId + "/hold").json().get("holdId").asString();
    }

    /** Sends the operation's request example (if it has one) and checks the answer against its answer example. */
    private TestApi.Response call(String operationId, TestApi caller, String method, String path) throws IOException {
        called.merge(operationId, 1, Integer::sum);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(caller.url(path)));
        String body = requestExample(operationId);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            boolean csv = text("requests/" + operationId + ".json") == null;
            request.header("Content-Type", csv ? "text/csv" : "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        TestApi.Response answer = caller.send(request, "Accept-Language", "en");
        // The only simulation here ends before it can be cancelled: 409 /problems/simulation-not-running is the
        // documented answer then (SimulationApiTest cancels a running one); cancel.json shows a running one's answer.
        boolean cancelOfAFinishedSimulation = operationId.equals("cancel") && answer.status() == 409;
        if (!cancelOfAFinishedSimulation) {
            assertThat(answer.status()).as("%s %s (%s): %s", method, path, operationId, answer.text())
                    .isBetween(200, 299);
        }
        if (cancelOfAFinishedSimulation) {
            assertThat(answer.json().path("type").asString()).isEqualTo("/problems/simulation-not-running");
        }
        if (answer.status() == 204 || cancelOfAFinishedSimulation) {
            return answer;
        }
        String extension = extensionOf(answer.contentType());
        if (RECORD && called.get(operationId) == 1) {
            record(operationId, extension, answer.text());
        }
        Path recorded = SOURCE.resolve("responses/" + operationId + "." + extension);
        String example = RECORD ? (Files.exists(recorded) ? Files.readString(recorded) : null)
                : text("responses/" + operationId + "." + extension);
        softly.assertThat(example).as("answer example responses/%s.%s", operationId, extension).isNotNull();
        if (example == null) {
            return answer;
        }
        switch (extension) {
            case "json" -> softly.assertThat(fields(answer.json(), "")).as("fields of the answer of %s", operationId)
                    .isEqualTo(fields(JSON.readTree(example), ""));
            case "jsonl" -> softly.assertThat(fields(JSON.readTree(answer.text().lines().findFirst().orElse("{}")), ""))
                    .as("fields of the first line of %s", operationId)
                    .isEqualTo(fields(JSON.readTree(example.lines().findFirst().orElse("{}")), ""));
            case "csv" -> softly.assertThat(answer.text().lines().findFirst())
                    .as("header of %s", operationId).isEqualTo(example.lines().findFirst());
            default -> softly.assertThat(answer.text()).as("answer of %s", operationId).isNotEmpty();
        }
        return answer;
    }

    /**
     * The field names of a JSON answer, with their paths ({@code reasons[].source.rule}): objects by their fields,
     * arrays by their first element, so that examples cut short still match.
     */
    private static Set<String> fields(JsonNode node, String prefix) {
        Set<String> names = new LinkedHashSet<>();
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String name = prefix + field.getKey();
                names.add(name);
                names.addAll(fields(field.getValue(), name + "."));
            }
        } else if (node.isArray() && !node.isEmpty()) {
            names.addAll(fields(node.get(0), prefix.isEmpty() ? "[]." : prefix.substring(0, prefix.length() - 1) + "[]."));
        }
        return new TreeSet<>(names);
    }

    private static String extensionOf(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase();
        if (type.contains("ndjson") || type.contains("jsonl")) {
            return "jsonl";
        }
        if (type.contains("json")) {
            return "json";
        }
        return type.contains("csv") ? "csv" : "txt";
    }

    private String requestExample(String operationId) {
        String json = text("requests/" + operationId + ".json");
        return json != null ? json : text("requests/" + operationId + ".csv");
    }

    private static java.util.Optional<JsonNode> example(String name) {
        return java.util.Optional.ofNullable(text(name)).map(JSON::readTree);
    }

    private static String text(String name) {
        try (InputStream in = ApiExamplesTest.class.getClassLoader().getResourceAsStream(EXAMPLES + name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void record(String operationId, String extension, String answer) throws IOException {
        String text = switch (extension) {
            case "json" -> JSON.writerWithDefaultPrettyPrinter().writeValueAsString(shortened(JSON.readTree(answer))) + "\n";
            case "jsonl", "csv" -> String.join("\n", answer.lines().limit(3).toList()) + "\n";
            default -> answer.isEmpty() || answer.chars().anyMatch(c -> c == 0)
                    ? "(binary: a zip archive with the policy's files and manifest)\n" : answer;
        };
        Path file = SOURCE.resolve("responses/" + operationId + "." + extension);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /** Arrays cut to three elements, so that an example stays readable. */
    private static JsonNode shortened(JsonNode node) {
        if (node.isArray()) {
            ArrayNode cut = JSON.createArrayNode();
            Iterator<JsonNode> elements = node.values().iterator();
            for (int i = 0; i < 3 && elements.hasNext(); i++) {
                cut.add(shortened(elements.next()));
            }
            return cut;
        }
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            node.properties().forEach(f -> copy.set(f.getKey(), shortened(f.getValue())));
            return copy;
        }
        return node;
    }

    private static boolean hasExample(JsonNode bodyOrResponse) {
        for (JsonNode media : bodyOrResponse.path("content")) {
            if (media.has("example") || (media.has("examples") && !media.get("examples").isEmpty())) {
                return true;
            }
        }
        return false;
    }

    private TestApi api() {
        return new TestApi(port);
    }

    private TestApi admin() {
        return as("admin");
    }

    /** A test user of application-test.properties (password secret-&lt;name&gt;). */
    private TestApi as(String user) {
        return api().as(user, "secret-" + user);
    }
}
