package io.encours.service.security;

import static io.encours.service.JsonRequest.orderCheck;
import static io.encours.service.security.AccessByRoleTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.encours.service.FullStackTest;
import io.encours.service.TestApi;
import io.encours.service.policy.PolicyLifecycle;
import io.encours.service.policy.PolicyStatus;
import io.encours.service.web.ProblemException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The way around four eyes found by the hardening review, step by step, and each step now refused: the
 * administrator gives itself CREDIT_COMMITTEE, mints a committee key, drafts and submits with the key and
 * approves as itself. Then the administration trail that records it, and the login lockout.
 */
class SegregationOfDutiesTest extends FullStackTest {

    @Autowired
    PolicyLifecycle lifecycle;

    private TestApi admin() {
        return api().as("admin", "secret-admin");
    }

    private TestApi auditor() {
        return api().as("auditor", "secret-auditor");
    }

    // ---- roles

    @Test
    void the_administrator_cannot_give_itself_the_credit_committee_role() {
        TestApi.Response own = put(admin(), "/api/v1/admin/users/admin/roles", "{\"roles\":[\"ADMIN\",\"CREDIT_COMMITTEE\"]}");

        assertProblem(own, 403, "/problems/own-roles");
        assertThat(admin().get("/api/v1/admin/me").json().get("roles").toString()).isEqualTo("[\"ADMIN\"]");
    }

    @Test
    void nobody_changes_their_own_roles_not_even_to_drop_one() {
        TestApi second = person("e.roux", "[\"ADMIN\"]");

        assertProblem(put(second, "/api/v1/admin/users/e.roux/roles", "{\"roles\":[\"ADMIN\",\"AUDITOR\"]}"), 403,
                "/problems/own-roles");
        assertProblem(put(second, "/api/v1/admin/users/e.roux/roles", "{\"roles\":[]}"), 403, "/problems/own-roles");
    }

    @Test
    void another_administrator_cannot_give_an_administrator_a_credit_role_either() {
        TestApi second = person("f.blanc", "[\"ADMIN\"]");

        TestApi.Response refused = put(second, "/api/v1/admin/users/admin/roles", "{\"roles\":[\"ADMIN\",\"CREDIT_COMMITTEE\"]}");

        assertProblem(refused, 409, "/problems/incompatible-roles");
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("roles");
        assertThat(refused.json().get("detail").asString()).contains("ADMIN", "CREDIT_COMMITTEE");
        for (String credit : List.of("CREDIT_ANALYST", "CREDIT_MANAGER", "CREDIT_COMMITTEE")) {
            assertProblem(admin().post("/api/v1/admin/users", "{\"username\":\"g.noir-" + credit.toLowerCase().replace('_', '-')
                    + "\",\"roles\":[\"ADMIN\",\"" + credit + "\"]}"), 409, "/problems/incompatible-roles");
        }
        assertThat(admin().get("/api/v1/admin/users/g.noir-credit-committee").status()).isEqualTo(404);
        // An administrator may still make someone else a committee member
        admin().post("/api/v1/admin/users", "{\"username\":\"g.rose\",\"roles\":[\"CREDIT_MANAGER\"]}");
        assertThat(put(second, "/api/v1/admin/users/g.rose/roles", "{\"roles\":[\"CREDIT_COMMITTEE\"]}").status()).isEqualTo(200);
    }

    @Test
    void a_stored_account_that_breaks_the_rule_cannot_log_in() {
        LegacyCredentials.user(mongo, "old.admin", "old-admin-password", List.of("ADMIN", "CREDIT_COMMITTEE"));

        assertProblem(api().as("old.admin", "old-admin-password").get("/api/v1/admin/me"), 401, "/problems/unauthenticated");
        assertProblem(api().as("old.admin", "old-admin-password").get("/api/v1/policies"), 401, "/problems/unauthenticated");
    }

    // ---- API keys

    @Test
    void an_administrator_cannot_mint_a_key_with_administration_or_credit_roles() {
        for (String role : List.of("ADMIN", "CREDIT_COMMITTEE", "CREDIT_MANAGER", "CREDIT_ANALYST")) {
            TestApi.Response refused = admin().post("/api/v1/admin/api-keys",
                    "{\"name\":\"bot-" + role.toLowerCase() + "\",\"roles\":[\"ORDER_SYSTEM\",\"" + role + "\"]}");
            assertProblem(refused, 409, "/problems/incompatible-roles");
            assertThat(refused.json().get("detail").asString()).contains(role);
        }
        assertThat(admin().get("/api/v1/admin/api-keys").json().findValuesAsString("name"))
                .noneMatch(name -> name.startsWith("bot-"));

        TestApi.Response machine = admin().post("/api/v1/admin/api-keys",
                "{\"name\":\"insurer-export\",\"roles\":[\"AUDITOR\"]}");
        assertThat(machine.status()).isEqualTo(201);
        TestApi exports = api().withApiKey(machine.json().get("key").asString());
        assertThat(exports.get("/api/v1/audit/verify").status()).isNotIn(401, 403);
        assertProblem(exports.post(orderCheck().path(), orderCheck().body()), 403, "/problems/forbidden");
    }

    @Test
    void a_key_never_administers_and_an_old_admin_key_no_longer_authenticates() {
        assertProblem(api().post("/api/v1/admin/api-keys", "{\"name\":\"by-a-key\",\"roles\":[\"ORDER_SYSTEM\"]}"), 403,
                "/problems/forbidden");
        LegacyCredentials.apiKey(mongo, "old-admin-key", "enc_old-admin-key-0001", List.of("ADMIN"), "admin");

        TestApi oldKey = api().withApiKey("enc_old-admin-key-0001");

        assertProblem(oldKey.post("/api/v1/admin/api-keys", "{\"name\":\"minted\",\"roles\":[\"CREDIT_COMMITTEE\"]}"), 401,
                "/problems/unauthenticated");
        assertProblem(oldKey.get("/api/v1/admin/users"), 401, "/problems/unauthenticated");
    }

    @Test
    void people_and_keys_never_share_a_name() {
        assertProblem(admin().post("/api/v1/admin/users", "{\"username\":\"erp\",\"roles\":[\"AUDITOR\"]}"), 409,
                "/problems/name-taken");
        assertProblem(admin().post("/api/v1/admin/api-keys", "{\"name\":\"analyst\",\"roles\":[\"ORDER_SYSTEM\"]}"), 409,
                "/problems/name-taken");
    }

    // ---- four eyes by person

    @Test
    void a_version_drafted_and_submitted_with_a_key_cannot_be_approved_by_the_key_s_creator() {
        // A committee key from before the rule: the service refuses it at the door...
        LegacyCredentials.apiKey(mongo, "committee1-bot", "enc_committee1-bot-0001", List.of("CREDIT_COMMITTEE"), "committee1");
        assertProblem(api().withApiKey("enc_committee1-bot-0001").post("/api/v1/policies/drafts", "{}"), 401,
                "/problems/unauthenticated");
        // ...and were it let in, four eyes would still see committee1 behind it.
        int draft = lifecycle.draftFromActive("committee1-bot", "drafted with a key").number();
        lifecycle.submit(draft, "committee1-bot", null);

        ProblemException refused = catchThrowableOfType(ProblemException.class,
                () -> lifecycle.approve(draft, "committee1", "looks good to me"));

        assertThat(refused.problem().getType()).hasToString("/problems/four-eyes");
        assertThat(lifecycle.version(draft).status()).isEqualTo(PolicyStatus.SUBMITTED);
        assertThat(lifecycle.approve(draft, "committee2", null).status()).isEqualTo(PolicyStatus.APPROVED);
    }

    @Test
    void whoever_submitted_a_version_cannot_approve_it_even_when_someone_else_drafted_it() {
        LegacyCredentials.apiKey(mongo, "committee2-bot", "enc_committee2-bot-0001", List.of("CREDIT_COMMITTEE"), "committee2");
        int draft = lifecycle.draftFromActive("committee1", "drafted by committee1").number();
        lifecycle.submit(draft, "committee2-bot", "submitted with committee2's key");

        assertProblem(committee2().post("/api/v1/policies/" + draft + "/approve", "{\"comment\":\"checked\"}"), 403, "/problems/four-eyes");
        assertProblem(api().as("committee1", "secret-committee1").post("/api/v1/policies/" + draft + "/approve", "{\"comment\":\"checked\"}"),
                403, "/problems/four-eyes");
    }

    private TestApi committee2() {
        return api().as("committee2", "secret-committee2");
    }

    // ---- the administration trail

    @Test
    void a_role_change_and_a_key_creation_are_in_the_administration_trail_searchable_by_auditors() {
        String since = java.time.Instant.now().minusSeconds(1).toString();
        person("h.vert", "[\"CREDIT_ANALYST\"]");
        assertThat(put(admin(), "/api/v1/admin/users/h.vert/roles", "{\"roles\":[\"CREDIT_MANAGER\"]}").status()).isEqualTo(200);
        TestApi.Response key = admin().post("/api/v1/admin/api-keys", "{\"name\":\"erp-h-vert\",\"roles\":[\"ORDER_SYSTEM\"]}");

        JsonNode roles = auditor().get("/api/v1/audit/admin-actions?action=USER_ROLES_SET&target=h.vert&from=" + since)
                .json().get("items");
        JsonNode keys = auditor().get("/api/v1/audit/admin-actions?actor=admin&action=API_KEY_CREATED&target=erp-h-vert")
                .json().get("items");

        assertThat(roles.size()).isEqualTo(1);
        assertThat(roles.get(0).get("actor").asString()).isEqualTo("admin");
        assertThat(roles.get(0).get("details").get("from").toString()).isEqualTo("[\"CREDIT_ANALYST\"]");
        assertThat(roles.get(0).get("details").get("to").toString()).isEqualTo("[\"CREDIT_MANAGER\"]");
        assertThat(roles.get(0).get("actionId").asString()).isNotBlank();
        assertThat(keys.size()).isEqualTo(1);
        assertThat(keys.get(0).get("details").get("roles").toString()).isEqualTo("[\"ORDER_SYSTEM\"]");
        assertThat(keys.toString()).doesNotContain(key.json().get("key").asString());
        assertThat(auditor().get("/api/v1/audit/admin-actions?target=h.vert&to=" + since).json().get("items").size())
                .isZero();
        assertProblem(admin().get("/api/v1/audit/admin-actions"), 403, "/problems/forbidden");
    }

    @Test
    void the_administration_trail_pages_with_a_cursor() {
        TestApi another = person("p.admin", "[\"ADMIN\"]");
        for (String name : List.of("i.one", "i.two", "i.three")) {
            another.post("/api/v1/admin/users", "{\"username\":\"" + name + "\",\"roles\":[\"AUDITOR\"]}");
        }
        String query = "/api/v1/audit/admin-actions?actor=p.admin&action=USER_CREATED&sort=at&size=2";

        JsonNode first = auditor().get(query).json();
        JsonNode second = auditor().get(query + "&cursor=" + first.get("nextCursor").asString()).json();

        assertThat(first.get("items").size()).isEqualTo(2);
        assertThat(second.get("items").size()).isEqualTo(1);
        assertThat(second.get("nextCursor")).as("no cursor after the last page").isNull();
        List<String> seen = new java.util.ArrayList<>(first.get("items").findValuesAsString("target"));
        seen.addAll(second.get("items").findValuesAsString("target"));
        assertThat(seen).containsExactlyInAnyOrder("i.one", "i.two", "i.three");
    }

    // ---- login lockout

    @Test
    void five_failed_logins_lock_the_user_until_an_administrator_unlocks_it() {
        person("j.lemoine", "[\"CREDIT_ANALYST\"]");
        TestApi wrong = api().as("j.lemoine", "not-the-password");
        TestApi right = api().as("j.lemoine", "chosen-by-j.lemoine");
        for (int i = 0; i < 5; i++) {
            assertProblem(wrong.get("/api/v1/admin/me"), 401, "/problems/unauthenticated");
        }

        TestApi.Response locked = right.get("/api/v1/admin/me");

        assertProblem(locked, 429, "/problems/too-many-failed-logins");
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 15 * 60L);
        assertProblem(wrong.get("/api/v1/holds"), 429, "/problems/too-many-failed-logins");
        JsonNode lockout = auditor().get("/api/v1/audit/admin-actions?action=LOGIN_LOCKED&target=user:j.lemoine")
                .json().get("items");
        assertThat(lockout.size()).isEqualTo(1);
        assertThat(lockout.get(0).get("details").get("failures").asInt()).isEqualTo(5);
        assertProblem(api().post("/api/v1/admin/users/j.lemoine/unlock", ""), 403, "/problems/forbidden");
        assertProblem(auditor().post("/api/v1/admin/users/j.lemoine/unlock", ""), 403, "/problems/forbidden");

        TestApi.Response unlocked = admin().post("/api/v1/admin/users/j.lemoine/unlock", "");

        assertThat(unlocked.status()).isEqualTo(200);
        assertThat(right.get("/api/v1/admin/me").json().get("name").asString()).isEqualTo("j.lemoine");
        JsonNode unlocks = auditor().get("/api/v1/audit/admin-actions?action=USER_UNLOCKED&target=j.lemoine")
                .json().get("items");
        assertThat(unlocks.size()).isEqualTo(1);
        assertThat(unlocks.get(0).get("actor").asString()).isEqualTo("admin");
        assertThat(unlocks.get(0).get("details").get("failuresCleared").asInt()).isEqualTo(5);
        assertProblem(admin().post("/api/v1/admin/users/nobody-here/unlock", ""), 404, "/problems/user-not-found");
    }

    @Test
    void a_locked_user_does_not_lock_the_others_and_keys_are_never_locked() {
        person("k.brun", "[\"AUDITOR\"]");
        for (int i = 0; i < 6; i++) {
            api().as("k.brun", "wrong-" + i).get("/api/v1/admin/me");
        }

        assertProblem(api().as("k.brun", "chosen-by-k.brun").get("/api/v1/admin/me"), 429, "/problems/too-many-failed-logins");
        assertThat(auditor().get("/api/v1/admin/me").status()).isEqualTo(200);
        assertThat(api().post(orderCheck().path(), orderCheck().body()).status()).isEqualTo(200);
    }

    /** A person with these roles who has already chosen their password ({@code chosen-by-<username>}). */
    private TestApi person(String username, String roles) {
        TestApi.Response created = admin().post("/api/v1/admin/users",
                "{\"username\":\"" + username + "\",\"roles\":" + roles + ",\"password\":\"given-by-admin-1\"}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        TestApi.Response changed = api().as(username, "given-by-admin-1").post("/api/v1/admin/me/password",
                "{\"currentPassword\":\"given-by-admin-1\",\"newPassword\":\"chosen-by-" + username + "\"}");
        assertThat(changed.status()).as(changed.text()).isEqualTo(204);
        return api().as(username, "chosen-by-" + username);
    }

    private static TestApi.Response put(TestApi api, String path, String body) {
        return api.send(HttpRequest.newBuilder(URI.create(api.url(path))).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }
}
