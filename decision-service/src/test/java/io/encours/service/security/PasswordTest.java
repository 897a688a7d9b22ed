package io.encours.service.security;

import static io.encours.service.JsonRequest.orderCheck;
import static io.encours.service.security.AccessByRoleTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.encours.service.FullStackTest;
import io.encours.service.TestApi;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Query;

/** People's accounts: bcrypt in the store, a password set by someone else opens nothing but its change. */
class PasswordTest extends FullStackTest {

    private TestApi admin() {
        return api().as("admin", "secret-admin");
    }

    @Test
    void the_store_holds_bcrypt_hashes_and_no_password() {
        for (Document user : mongo.find(new Query(), Document.class, "users")) {
            String username = user.getString("_id");
            assertThat(user.getString("passwordHash")).as(username).matches("\\$2[aby]\\$\\d\\d\\$.{53}");
            assertThat(user.toJson()).as(username).doesNotContain("secret-").doesNotContain("\"password\"");
        }
        assertThat(mongo.findById("committee1", Document.class, "users").getList("roles", String.class))
                .containsExactly("CREDIT_COMMITTEE");
    }

    @Test
    void a_new_user_changes_the_generated_password_before_doing_anything_else() {
        TestApi.Response created = admin().post("/api/v1/admin/users",
                "{\"username\":\"a.martin\",\"roles\":[\"CREDIT_ANALYST\"]}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("passwordChangeRequired").asBoolean()).isTrue();
        String temporary = created.json().get("temporaryPassword").asString();
        assertThat(temporary).hasSize(20);
        assertThat(mongo.findById("a.martin", Document.class, "users").toJson()).doesNotContain(temporary);
        TestApi firstLogin = api().as("a.martin", temporary);

        assertProblem(firstLogin.get("/api/v1/holds"), 403, "/problems/password-change-required");
        assertThat(firstLogin.get("/api/v1/admin/me").json().get("passwordChangeRequired").asBoolean()).isTrue();
        assertProblem(firstLogin.post("/api/v1/admin/me/password",
                "{\"currentPassword\":\"wrong\",\"newPassword\":\"a-long-new-password\"}"), 400, "/problems/invalid-field");
        assertProblem(firstLogin.post("/api/v1/admin/me/password",
                "{\"currentPassword\":\"" + temporary + "\",\"newPassword\":\"short\"}"), 400, "/problems/invalid-field");

        TestApi.Response changed = firstLogin.post("/api/v1/admin/me/password",
                "{\"currentPassword\":\"" + temporary + "\",\"newPassword\":\"a-long-new-password\"}");

        assertThat(changed.status()).isEqualTo(204);
        assertProblem(firstLogin.get("/api/v1/admin/me"), 401, "/problems/unauthenticated");
        TestApi analyst = api().as("a.martin", "a-long-new-password");
        assertThat(analyst.get("/api/v1/admin/me").json().get("roles").toString()).isEqualTo("[\"CREDIT_ANALYST\"]");
        TestApi.Response decided = analyst.post(orderCheck().path(), orderCheck().body());
        assertThat(decided.status()).isEqualTo(200);
        assertThat(auditRecord(decided.json().get("decisionId").asString()).getString("caller")).isEqualTo("a.martin");
        assertThat(mongo.count(Query.query(org.springframework.data.mongodb.core.query.Criteria.where("action")
                .is("PASSWORD_CHANGED").and("actor").is("a.martin")), "admin_actions")).isEqualTo(1);
    }

    @Test
    void roles_and_disabling_take_effect_at_the_next_request() {
        admin().post("/api/v1/admin/users", "{\"username\":\"b.durand\",\"roles\":[\"AUDITOR\"],"
                + "\"password\":\"given-by-admin-1\"}");
        api().as("b.durand", "given-by-admin-1").post("/api/v1/admin/me/password",
                "{\"currentPassword\":\"given-by-admin-1\",\"newPassword\":\"chosen-by-b-durand\"}");
        TestApi user = api().as("b.durand", "chosen-by-b-durand");
        assertThat(user.get("/api/v1/policies").status()).isNotIn(401, 403);
        assertProblem(user.post(orderCheck().path(), orderCheck().body()), 403, "/problems/forbidden");

        TestApi.Response promoted = admin().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(api().url("/api/v1/admin/users/b.durand/roles")))
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"roles\":[\"CREDIT_MANAGER\"]}")));
        assertThat(promoted.status()).isEqualTo(200);
        assertThat(user.post(orderCheck().path(), orderCheck().body()).status()).isEqualTo(200);

        assertThat(admin().post("/api/v1/admin/users/b.durand/disable", "").json().get("enabled").asBoolean()).isFalse();
        assertProblem(user.get("/api/v1/admin/me"), 401, "/problems/unauthenticated");
        admin().post("/api/v1/admin/users/b.durand/enable", "");
        assertThat(user.get("/api/v1/admin/me").status()).isEqualTo(200);
    }

    @Test
    void an_administrator_cannot_lock_themselves_out_and_usernames_are_unique() {
        assertProblem(admin().post("/api/v1/admin/users/admin/disable", ""), 409, "/problems/self-lockout");
        assertProblem(admin().post("/api/v1/admin/users", "{\"username\":\"analyst\",\"roles\":[]}"), 409,
                "/problems/user-exists");
        assertProblem(admin().post("/api/v1/admin/users", "{\"username\":\"Bad Name\",\"roles\":[]}"), 400,
                "/problems/invalid-field");
        assertProblem(admin().get("/api/v1/admin/users/nobody"), 404, "/problems/user-not-found");
        assertThat(admin().get("/api/v1/admin/me").status()).isEqualTo(200);
    }

    @Test
    void a_reset_gives_a_new_temporary_password_and_the_old_one_stops_working() {
        admin().post("/api/v1/admin/users", "{\"username\":\"c.petit\",\"roles\":[\"AUDITOR\"],\"password\":\"first-password-1\"}");

        TestApi.Response reset = admin().post("/api/v1/admin/users/c.petit/password-reset", "");

        String temporary = reset.json().get("temporaryPassword").asString();
        assertProblem(api().as("c.petit", "first-password-1").get("/api/v1/admin/me"), 401, "/problems/unauthenticated");
        assertProblem(api().as("c.petit", temporary).get("/api/v1/holds"), 403, "/problems/password-change-required");
        assertThat(admin().get("/api/v1/admin/users").json().toString()).doesNotContain(temporary)
                .doesNotContain("passwordHash");
    }

    @Test
    void a_machine_client_has_no_password_to_change() {
        assertProblem(api().post("/api/v1/admin/me/password", "{\"currentPassword\":\"x\",\"newPassword\":\"y-long-enough-1\"}"),
                409, "/problems/not-a-password-account");
    }
}
