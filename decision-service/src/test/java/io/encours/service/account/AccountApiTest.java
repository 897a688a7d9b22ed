package io.encours.service.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.encours.service.FullStackTest;
import io.encours.service.TestApi;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The accounts over HTTP on the whole running service, as credit staff, auditors and the ERP's feed use them. */
class AccountApiTest extends FullStackTest {
    private static final String ERP_FEED_KEY = "test-erp-feed-key";

    @Autowired
    private AccountStore store;

    @Test
    void an_account_is_created_read_with_its_version_and_changed_on_that_version() {
        String id = newCustomer();
        TestApi.Response created = as("manager").post("/api/v1/accounts", account(id, "50000"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/v1/accounts/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(created.json().get("status").get("status").asString()).isEqualTo("ACTIVE");
        assertThat(created.json().get("status").get("setBy").asString()).isEqualTo("manager");

        TestApi.Response read = as("auditor").get("/api/v1/accounts/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"1\"");
        assertThat(read.json().get("internalLimit").get("amount").decimalValue()).isEqualByComparingTo("50000");
        assertThat(read.json().get("cover").get("insurer").asString()).isEqualTo("Allianz Trade");
        assertThat(read.json().get("cover").get("notificationDelayDays").asInt()).isEqualTo(30);

        TestApi.Response changed = send(as("analyst"), "PUT", "/api/v1/accounts/" + id, account(id, "60000"),
                "application/json", "If-Match", "\"1\"");
        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        assertThat(changed.header("ETag")).isEqualTo("\"2\"");
        assertThat(changed.json().get("version").asLong()).isEqualTo(2);
        assertThat(changed.json().get("updatedBy").asString()).isEqualTo("analyst");
        assertThat(changed.json().get("internalLimit").get("amount").decimalValue()).isEqualByComparingTo("60000");
    }

    @Test
    void a_change_made_on_a_stale_version_is_refused_and_changes_nothing() {
        String id = created(account(id(), "50000"));
        assertThat(send(as("analyst"), "PUT", "/api/v1/accounts/" + id, account(id, "60000"), "application/json",
                "If-Match", "\"1\"").status()).isEqualTo(200);

        // The manager read version 1 before the analyst's change and sends a change made on it
        TestApi.Response stale = send(as("manager"), "PUT", "/api/v1/accounts/" + id, account(id, "90000"),
                "application/json", "If-Match", "\"1\"");

        assertProblem(stale, 409, "/problems/account-version-conflict");
        assertThat(stale.json().get("currentVersion").asLong()).isEqualTo(2);
        assertThat(stale.json().get("expectedVersion").asLong()).isEqualTo(1);
        JsonNode now = as("manager").get("/api/v1/accounts/" + id).json();
        assertThat(now.get("internalLimit").get("amount").decimalValue()).isEqualByComparingTo("60000");
        assertThat(as("manager").get("/api/v1/accounts/" + id + "/history").json()).hasSize(2);
    }

    @Test
    void a_change_without_a_version_is_refused_as_it_could_overwrite_an_unseen_change() {
        String id = created(account(id(), "50000"));

        TestApi.Response blind = send(as("manager"), "PUT", "/api/v1/accounts/" + id, account(id, "90000"),
                "application/json");

        assertProblem(blind, 428, "/problems/account-version-required");
        assertThat(blind.json().get("field").asString()).isEqualTo("If-Match");
    }

    @Test
    void two_changes_racing_from_the_same_version_one_wins_the_other_is_told() throws Exception {
        String id = created(account(id(), "50000"));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> send(as("manager"), "PUT", "/api/v1/accounts/" + id, account(id, "70000"),
                    "application/json", "If-Match", "\"1\""));
            var second = pool.submit(() -> send(as("analyst"), "PUT", "/api/v1/accounts/" + id, account(id, "80000"),
                    "application/json", "If-Match", "\"1\""));
            assertThat(java.util.List.of(first.get().status(), second.get().status())).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdown();
        }
        JsonNode history = as("manager").get("/api/v1/accounts/" + id + "/history").json();
        assertThat(history).hasSize(2);
        JsonNode account = as("manager").get("/api/v1/accounts/" + id).json();
        assertThat(account.get("version").asLong()).isEqualTo(2);
        assertThat(history.get(1).get("after").get("internalLimit").get("amount").decimalValue())
                .isEqualByComparingTo(account.get("internalLimit").get("amount").decimalValue());
    }

    @Test
    void every_change_is_in_the_history_with_who_when_why_before_and_after() {
        String id = created(account(id(), "50000"));
        TestApi.Response blocked = send(as("manager"), "PATCH", "/api/v1/accounts/" + id,
                "{\"status\":{\"status\":\"BLOCKED\",\"reason\":\"Cheque returned unpaid\"},\"reason\":\"Payment incident\"}",
                "application/merge-patch+json", "If-Match", "\"1\"");
        assertThat(blocked.status()).as(blocked.text()).isEqualTo(200);
        assertThat(blocked.json().get("status").get("status").asString()).isEqualTo("BLOCKED");
        assertThat(blocked.json().get("status").get("setBy").asString()).isEqualTo("manager");
        assertThat(blocked.json().get("internalLimit").get("amount").decimalValue()).isEqualByComparingTo("50000");

        JsonNode history = as("auditor").get("/api/v1/accounts/" + id + "/history").json();

        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("version").asLong()).isEqualTo(1);
        assertThat(history.get(0).get("by").asString()).isEqualTo("analyst");
        assertThat(absent(history.get(0).path("before"))).isTrue();
        assertThat(history.get(0).get("after").get("internalLimit").get("amount").decimalValue())
                .isEqualByComparingTo("50000");
        JsonNode change = history.get(1);
        assertThat(change.get("version").asLong()).isEqualTo(2);
        assertThat(change.get("by").asString()).isEqualTo("manager");
        assertThat(change.get("reason").asString()).isEqualTo("Payment incident");
        assertThat(Instant.parse(change.get("at").asString())).isAfterOrEqualTo(
                Instant.parse(history.get(0).get("at").asString()));
        assertThat(change.get("before").get("status").get("status").asString()).isEqualTo("ACTIVE");
        assertThat(change.get("after").get("status").get("status").asString()).isEqualTo("BLOCKED");
        assertThat(change.get("after").get("status").get("reason").asString()).isEqualTo("Cheque returned unpaid");
    }

    @Test
    void a_merge_patch_clears_a_field_given_as_null_and_keeps_the_others() {
        String id = created(account(id(), "50000"));

        TestApi.Response uninsured = send(as("manager"), "PATCH", "/api/v1/accounts/" + id,
                "{\"cover\":null,\"version\":1}", "application/merge-patch+json");

        assertThat(uninsured.status()).as(uninsured.text()).isEqualTo(200);
        assertThat(absent(uninsured.json().path("cover"))).isTrue();
        assertThat(uninsured.json().get("sector").asString()).isEqualTo("MANUFACTURING");
    }

    @Test
    void a_merge_patch_keeps_every_digit_of_an_amount_beyond_what_a_double_holds() {
        String id = created(account(id(), "50000"));

        TestApi.Response patched = send(as("manager"), "PATCH", "/api/v1/accounts/" + id,
                "{\"internalLimit\":{\"amount\":12345678901234567.89},\"cover\":{\"insuredAmount\":9007199254740993.01},"
                        + "\"version\":1}", "application/merge-patch+json");

        assertThat(patched.status()).as(patched.text()).isEqualTo(200);
        assertThat(patched.text()).contains("12345678901234567.89").contains("9007199254740993.01");
        String stored = as("manager").get("/api/v1/accounts/" + id).text();
        assertThat(stored).contains("\"amount\":12345678901234567.89").contains("\"insuredAmount\":9007199254740993.01");
        // the fields the patch left out keep their values
        assertThat(stored).contains("\"validTo\":\"2027-12-31\"").contains("\"insurer\":\"Allianz Trade\"");
    }

    @Test
    void a_change_that_holds_the_same_data_writes_no_new_version() {
        String id = created(account(id(), "50000"));

        TestApi.Response same = send(as("manager"), "PUT", "/api/v1/accounts/" + id, account(id, "50000.00"),
                "application/json", "If-Match", "\"1\"");

        assertThat(same.status()).isEqualTo(200);
        assertThat(same.header("ETag")).isEqualTo("\"1\"");
        assertThat(as("manager").get("/api/v1/accounts/" + id + "/history").json()).hasSize(1);
    }

    @Test
    void an_unknown_customer_is_a_404_naming_it() {
        TestApi.Response missing = as("manager").get("/api/v1/accounts/C-NOBODY-1");

        assertProblem(missing, 404, "/problems/account-not-found");
        assertThat(missing.json().get("customerId").asString()).isEqualTo("C-NOBODY-1");
        assertThat(missing.json().get("detail").asString()).contains("C-NOBODY-1");
        assertProblem(as("manager").get("/api/v1/accounts/C-NOBODY-1/history"), 404, "/problems/account-not-found");
    }

    @Test
    void a_second_account_for_the_same_customer_is_refused() {
        String id = created(account(id(), "50000"));

        assertProblem(as("manager").post("/api/v1/accounts", account(id, "1")), 409, "/problems/account-exists");
    }

    @Test
    void invalid_fields_are_named() {
        String id = id();
        assertField(as("manager").post("/api/v1/accounts", account(id, "-5")), "internalLimit.amount");
        assertField(as("manager").post("/api/v1/accounts", account(id, "5").replace("\"coveragePercent\":90",
                "\"coveragePercent\":120")), "cover.coveragePercent");
        assertField(as("manager").post("/api/v1/accounts", account(id, "5").replace("\"validTo\":\"2027-12-31\"",
                "\"validTo\":\"2025-12-31\"")), "internalLimit.validTo");
        assertField(as("manager").post("/api/v1/accounts", account(id, "5").replace("\"EUR\"", "\"EURO\"")), "currency");
        assertField(as("manager").post("/api/v1/accounts", account(id, "5").replace("\"status\":\"ACTIVE\"",
                "\"status\":\"BLOCKED\"")), "status.reason");
        assertThat(as("manager").get("/api/v1/accounts/" + id).status()).isEqualTo(404); // nothing written
    }

    @Test
    void the_list_filters_and_pages_by_customer_id() {
        String group = "G-" + UUID.randomUUID();
        String a = created(account(group + "-A", "50000").replace("\"parentAccountId\":null", "\"parentAccountId\":\"" + group + "\""));
        String b = created(account(group + "-B", "50000").replace("\"parentAccountId\":null", "\"parentAccountId\":\"" + group + "\""));
        String c = created(account(group + "-C", "50000").replace("\"parentAccountId\":null", "\"parentAccountId\":\"" + group + "\"")
                .replace("\"status\":\"ACTIVE\"", "\"status\":\"LITIGATION\",\"reason\":\"Injonction de payer\""));

        JsonNode first = as("auditor").get("/api/v1/accounts?parentAccountId=" + group + "&limit=2").json();
        assertThat(first.get("accounts")).extracting(n -> n.get("customerId").asString()).containsExactly(a, b);
        assertThat(first.get("next").asString()).isEqualTo(b);
        JsonNode second = as("auditor").get("/api/v1/accounts?parentAccountId=" + group + "&limit=2&after=" + b).json();
        assertThat(second.get("accounts")).extracting(n -> n.get("customerId").asString()).containsExactly(c);
        assertThat(absent(second.path("next"))).isTrue();

        JsonNode litigation = as("manager").get("/api/v1/accounts?parentAccountId=" + group + "&status=LITIGATION").json();
        assertThat(litigation.get("accounts")).extracting(n -> n.get("customerId").asString()).containsExactly(c);
        JsonNode insured = as("manager").get("/api/v1/accounts?parentAccountId=" + group
                + "&insurer=Allianz%20Trade&sector=MANUFACTURING&country=FR&reviewDueBefore=2027-06-02").json();
        assertThat(insured.get("accounts")).hasSize(3);
        assertThat(as("manager").get("/api/v1/accounts?parentAccountId=" + group + "&reviewDueBefore=2027-06-01")
                .json().get("accounts")).isEmpty();
        assertField(as("manager").get("/api/v1/accounts?limit=0"), "limit");
    }

    @Test
    void a_csv_export_is_loaded_with_its_bad_line_reported_and_loading_it_again_changes_nothing() {
        String p = "IMP-" + UUID.randomUUID().toString().substring(0, 8);
        String csv = "Code client;Raison sociale;Secteur;Forme;Encours autorisé;Fin limite;Assureur;Montant garanti;Statut\n"
                + p + "-1;Dupont SA;MANUFACTURING;SA;50 000,00;31/12/2027;Allianz Trade;40 000;ACTIVE\n"
                + p + "-2;\"Martin; fils\";RETAIL;SARL;12 500,50;;;;BLOCKED\n"
                + p + "-3;Durand;RETAIL;SAS;-10;;;;ACTIVE\n"
                + p + "-4;Petit;CONSTRUCTION;SAS;1 000;31/02/2027;;;ACTIVE\n";
        String query = "?separator=%3B&decimalSeparator=%2C&dateFormat=dd/MM/yyyy&currency=EUR"
                + "&customerId=" + enc("Code client") + "&name=" + enc("Raison sociale") + "&sector=Secteur"
                + "&legalForm=Forme&internalLimit=" + enc("Encours autorisé") + "&limitValidTo=" + enc("Fin limite")
                + "&insurer=Assureur&insuredAmount=" + enc("Montant garanti") + "&status=Statut&statusReason=Statut";

        TestApi.Response report = csv(ERP_FEED_KEY, query, csv, StandardCharsets.UTF_8);

        assertThat(report.status()).as(report.text()).isEqualTo(200);
        assertThat(report.json().get("imported").asInt()).isEqualTo(2);
        assertThat(report.json().get("rejected").asInt()).isEqualTo(2);
        JsonNode rejections = report.json().get("rejections");
        assertThat(rejections.get(0).get("line").asInt()).isEqualTo(4);
        assertThat(rejections.get(0).get("field").asString()).isEqualTo("internalLimit");
        assertThat(rejections.get(1).get("line").asInt()).isEqualTo(5);
        assertThat(rejections.get(1).get("field").asString()).isEqualTo("limitValidTo");
        JsonNode first = as("manager").get("/api/v1/accounts/" + p + "-1").json();
        assertThat(first.get("internalLimit").get("amount").decimalValue()).isEqualByComparingTo("50000");
        assertThat(first.get("internalLimit").get("validTo").asString()).isEqualTo("2027-12-31");
        assertThat(first.get("cover").get("insuredAmount").decimalValue()).isEqualByComparingTo("40000");
        assertThat(first.get("updatedBy").asString()).isEqualTo("erp-feed");
        JsonNode second = as("manager").get("/api/v1/accounts/" + p + "-2").json();
        assertThat(second.get("name").asString()).isEqualTo("Martin; fils");
        assertThat(second.get("status").get("status").asString()).isEqualTo("BLOCKED");
        assertThat(absent(second.path("cover"))).isTrue();

        TestApi.Response again = csv(ERP_FEED_KEY, query, csv, StandardCharsets.UTF_8);

        assertThat(again.json().get("imported").asInt()).isZero();
        assertThat(again.json().get("updated").asInt()).isZero();
        assertThat(again.json().get("unchanged").asInt()).isEqualTo(2);
        assertThat(as("manager").get("/api/v1/accounts/" + p + "-1/history").json()).hasSize(1);

        TestApi.Response raised = csv(ERP_FEED_KEY, query, csv.replace("50 000,00", "55 000,00"), StandardCharsets.UTF_8);
        assertThat(raised.json().get("updated").asInt()).isEqualTo(1);
        JsonNode history = as("manager").get("/api/v1/accounts/" + p + "-1/history").json();
        assertThat(history).hasSize(2);
        assertThat(history.get(1).get("before").get("internalLimit").get("amount").decimalValue()).isEqualByComparingTo("50000");
        assertThat(history.get(1).get("after").get("internalLimit").get("amount").decimalValue()).isEqualByComparingTo("55000");
    }

    @Test
    void an_import_keeps_the_fields_it_has_no_column_for_and_reads_windows_1252() {
        String id = created(account(id(), "50000"));
        String csv = "customerId,name,sector,legalForm\n" + id + ",Société Générale de Tôlerie,MANUFACTURING,SAS\n";

        TestApi.Response report = csv(ERP_FEED_KEY, "?charset=windows-1252", csv, Charset.forName("windows-1252"));

        assertThat(report.json().get("updated").asInt()).as(report.text()).isEqualTo(1);
        JsonNode account = as("manager").get("/api/v1/accounts/" + id).json();
        assertThat(account.get("name").asString()).isEqualTo("Société Générale de Tôlerie");
        assertThat(account.get("internalLimit").get("amount").decimalValue()).isEqualByComparingTo("50000");
        assertThat(account.get("cover").get("insurer").asString()).isEqualTo("Allianz Trade");
    }

    @Test
    void an_import_naming_a_column_the_file_has_not_is_refused_before_any_line() {
        TestApi.Response refused = csv(ERP_FEED_KEY, "?internalLimit=Plafond", "customerId,sector,legalForm\nX-1,RETAIL,SAS\n",
                StandardCharsets.UTF_8);

        assertField(refused, "internalLimit");
        assertThat(as("manager").get("/api/v1/accounts/X-1").status()).isEqualTo(404);
        assertField(csv(ERP_FEED_KEY, "?colour=red", "customerId\nX-1\n", StandardCharsets.UTF_8), "colour");
    }

    @Test
    void a_change_left_half_written_by_a_crash_is_not_history_and_is_taken_over_later() {
        String id = created(account(id(), "50000"));
        CreditAccount current = store.find(id).orElseThrow();
        CreditAccount never = current.asVersion(2, Instant.now(), "crashed");
        // A crash after the change record was claimed, before the account was written: recent, then old
        store.claimOnly(new AccountChange(id, 2, Instant.now(), "crashed", "lost", current, never), new Date());

        assertThat(as("manager").get("/api/v1/accounts/" + id + "/history").json()).hasSize(1);
        assertProblem(send(as("manager"), "PUT", "/api/v1/accounts/" + id, account(id, "60000"), "application/json",
                "If-Match", "\"1\""), 409, "/problems/account-version-conflict");

        mongo.getCollection(AccountDocuments.CHANGES).updateOne(
                com.mongodb.client.model.Filters.eq("_id", AccountDocuments.changeId(id, 2)),
                com.mongodb.client.model.Updates.set("at", Date.from(Instant.now().minusSeconds(3600))));
        TestApi.Response later = send(as("manager"), "PUT", "/api/v1/accounts/" + id, account(id, "60000"),
                "application/json", "If-Match", "\"1\"");

        assertThat(later.status()).as(later.text()).isEqualTo(200);
        JsonNode history = as("manager").get("/api/v1/accounts/" + id + "/history").json();
        assertThat(history).hasSize(2);
        assertThat(history.get(1).get("by").asString()).isEqualTo("manager");
    }

    @Test
    void the_order_system_reads_no_account_and_an_auditor_changes_none() {
        String id = created(account(id(), "50000"));

        assertProblem(api().get("/api/v1/accounts/" + id), 403, "/problems/forbidden");
        assertProblem(send(as("auditor"), "PUT", "/api/v1/accounts/" + id, account(id, "1"), "application/json",
                "If-Match", "\"1\""), 403, "/problems/forbidden");
        assertProblem(csv(TestApi.ORDER_SYSTEM_KEY, "", "customerId\nX\n", StandardCharsets.UTF_8), 403,
                "/problems/forbidden");
        assertProblem(api().withApiKey(ERP_FEED_KEY).get("/api/v1/accounts/" + id), 403, "/problems/forbidden");
    }

    // ---- helpers

    private String created(String body) {
        TestApi.Response created = as("analyst").post("/api/v1/accounts", body);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().get("customerId").asString();
    }

    private static String id() {
        return "C-" + UUID.randomUUID();
    }

    private static String newCustomer() {
        return id();
    }

    static String account(String id, String limit) {
        return """
                {"customerId":"%s","name":"Ateliers Dupont SAS","country":"FR","sector":"MANUFACTURING",
                 "legalForm":"SAS","foundingDate":"2004-03-01","currency":"EUR","standardTermsDays":30,
                 "status":{"status":"ACTIVE"},
                 "internalLimit":{"amount":%s,"validFrom":"2026-01-01","validTo":"2027-12-31"},
                 "cover":{"insurer":"Allianz Trade","insuredAmount":40000,"coveragePercent":90,
                          "validTo":"2027-06-30","maxPaymentTermDays":90,"notificationDelayDays":30},
                 "lastReviewDate":"2026-06-01","nextReviewDate":"2027-06-01","openedOn":"2010-01-15",
                 "parentAccountId":null,"reason":"Opened after the credit committee of 2026-11-30"}
                """.formatted(id, limit);
    }

    private TestApi as(String user) {
        return api().as(user, "secret-" + user);
    }

    private TestApi.Response send(TestApi caller, String method, String path, String body, String contentType,
                                  String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(caller.url(path)))
                .header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        return caller.send(request, headers);
    }

    private TestApi.Response csv(String key, String query, String csv, Charset charset) {
        TestApi caller = api().withApiKey(key);
        return caller.send(HttpRequest.newBuilder(URI.create(caller.url("/api/v1/accounts/imports" + query)))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofByteArray(csv.getBytes(charset))));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static boolean absent(JsonNode node) {
        return node.isMissingNode() || node.isNull();
    }

    private static void assertField(TestApi.Response response, String field) {
        assertProblem(response, 400, "/problems/invalid-field");
        assertThat(response.json().get("errors")).extracting(e -> e.get("field").asString()).contains(field);
    }

    private static void assertProblem(TestApi.Response response, int status, String type) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo(type);
    }
}
