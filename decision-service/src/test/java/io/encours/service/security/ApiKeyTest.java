package io.encours.service.security;

import static io.encours.service.JsonRequest.orderCheck;
import static io.encours.service.security.AccessByRoleTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.encours.service.FullStackTest;
import io.encours.service.TestApi;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

/** A machine client's key from creation to revocation, as an administrator and the client see it. */
class ApiKeyTest extends FullStackTest {

    private TestApi admin() {
        return api().as("admin", "secret-admin");
    }

    @Test
    void a_new_key_is_shown_once_stored_as_its_hash_and_names_the_caller_of_each_decision() throws Exception {
        TestApi.Response created = admin().post("/api/v1/admin/api-keys", "{\"name\":\"webshop\",\"roles\":[\"ORDER_SYSTEM\"]}");

        assertThat(created.status()).isEqualTo(201);
        String key = created.json().get("key").asString();
        String id = created.json().get("id").asString();
        assertThat(key).startsWith("enc_").hasSizeGreaterThan(40);
        assertThat(created.header("Location")).isEqualTo("/api/v1/admin/api-keys/" + id);

        JsonNode listed = find(admin().get("/api/v1/admin/api-keys").json(), "webshop");
        assertThat(listed.has("key")).as("the key is never shown again").isFalse();
        assertThat(listed.get("prefix").asString()).isEqualTo(key.substring(0, 8));
        assertThat(listed.get("active").asBoolean()).isTrue();
        assertThat(listed.get("createdBy").asString()).isEqualTo("admin");

        Document stored = mongo.findById(id, Document.class, "api_keys");
        assertThat(stored.getString("hash")).isEqualTo(sha256(key));
        assertThat(stored.toJson()).doesNotContain(key);

        TestApi.Response decided = api().withApiKey(key).post(orderCheck().path(), orderCheck().body(),
                "X-Caller", "someone-else");
        assertThat(decided.status()).isEqualTo(200);
        assertThat(auditRecord(decided.json().get("decisionId").asString()).getString("caller")).isEqualTo("webshop");
    }

    @Test
    void a_revoked_key_is_refused_at_once_and_stays_listed_with_who_revoked_it() {
        TestApi.Response created = admin().post("/api/v1/admin/api-keys", "{\"name\":\"old-erp\",\"roles\":[\"ORDER_SYSTEM\"]}");
        String key = created.json().get("key").asString();
        String id = created.json().get("id").asString();
        assertThat(api().withApiKey(key).post(orderCheck().path(), orderCheck().body()).status()).isEqualTo(200);

        TestApi.Response revoked = admin().post("/api/v1/admin/api-keys/" + id + "/revoke", "");

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().get("active").asBoolean()).isFalse();
        assertThat(revoked.json().get("revokedBy").asString()).isEqualTo("admin");
        assertProblem(api().withApiKey(key).post(orderCheck().path(), orderCheck().body()), 401, "/problems/unauthenticated");
        assertThat(find(admin().get("/api/v1/admin/api-keys").json(), "old-erp").get("revokedAt").isNull()).isFalse();
        Document event = mongo.findOne(Query.query(Criteria.where("action").is("API_KEY_REVOKED").and("target").is("old-erp")),
                Document.class, "admin_actions");
        assertThat(event.getString("actor")).isEqualTo("admin");
        assertThat(event.toJson()).doesNotContain(key);
    }

    @Test
    void a_name_is_given_once_and_must_be_a_plain_token() {
        admin().post("/api/v1/admin/api-keys", "{\"name\":\"billing\",\"roles\":[\"ORDER_SYSTEM\"]}");

        TestApi.Response again = admin().post("/api/v1/admin/api-keys", "{\"name\":\"billing\",\"roles\":[\"ORDER_SYSTEM\"]}");
        TestApi.Response badName = admin().post("/api/v1/admin/api-keys", "{\"name\":\"bill ing\",\"roles\":[\"ORDER_SYSTEM\"]}");
        TestApi.Response badRole = admin().post("/api/v1/admin/api-keys", "{\"name\":\"billing2\",\"roles\":[\"KING\"]}");

        assertProblem(again, 409, "/problems/api-key-exists");
        assertProblem(badName, 400, "/problems/invalid-field");
        assertThat(badName.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
        assertProblem(badRole, 400, "/problems/invalid-field");
    }

    @Test
    void an_unknown_key_is_refused_even_with_valid_basic_credentials() {
        TestApi.Response response = api().withApiKey("enc_not-a-key").get("/api/v1/admin/me",
                "Authorization", "Basic YWRtaW46c2VjcmV0LWFkbWlu");

        assertProblem(response, 401, "/problems/unauthenticated");
    }

    @Test
    void a_key_says_who_it_is() {
        JsonNode me = api().get("/api/v1/admin/me").json();

        assertThat(me.get("name").asString()).isEqualTo("erp");
        assertThat(me.get("kind").asString()).isEqualTo("api-key");
        assertThat(me.get("roles").toString()).isEqualTo("[\"ORDER_SYSTEM\"]");
    }

    private static JsonNode find(JsonNode keys, String name) {
        for (JsonNode key : keys) {
            if (key.get("name").asString().equals(name)) {
                return key;
            }
        }
        throw new AssertionError("no key named " + name + " in " + keys);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
