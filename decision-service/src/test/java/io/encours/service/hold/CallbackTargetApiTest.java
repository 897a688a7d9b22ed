package io.encours.service.hold;

import static org.assertj.core.api.Assertions.assertThat;

import io.encours.service.FullStackTest;
import io.encours.service.TestApi;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The callback allowlist over HTTP: the administrator adds and removes entries, each change is recorded with
 * who, when, before and after, and auditors read those records; secrets are shown once and never again.
 */
class CallbackTargetApiTest extends FullStackTest {
    private static final String TARGETS = "/api/v1/admin/callback-targets";
    private static final String CHANGES = "/api/v1/audit/callback-target-changes";

    @Test
    void an_administrator_adds_and_removes_an_entry_and_auditors_read_both_changes() {
        TestApi admin = api().as("admin", "secret-admin");
        TestApi auditor = api().as("auditor", "secret-auditor");
        String secret = "shared-with-the-erp-team-0123456789abcdef";

        TestApi.Response added = admin.post(TARGETS,
                "{\"scheme\":\"HTTPS\",\"host\":\"ERP.Example.com.\",\"secret\":\"" + secret + "\"}");

        assertThat(added.status()).as(added.text()).isEqualTo(201);
        JsonNode entry = added.json();
        String id = entry.get("id").asString();
        assertThat(added.header("Location")).isEqualTo(TARGETS + "/" + id);
        assertThat(entry.get("scheme").asString()).isEqualTo("https");
        assertThat(entry.get("host").asString()).isEqualTo("erp.example.com");
        assertThat(entry.get("port").asInt()).isEqualTo(443);
        assertThat(entry.get("allowPrivateAddress").asBoolean()).isFalse();
        assertThat(entry.get("secret").asString()).isEqualTo(secret);
        assertThat(entry.get("createdBy").asString()).isEqualTo("admin");
        TestApi.Response listed = admin.get(TARGETS);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.text()).contains(id).doesNotContain(secret);

        TestApi.Response removed = admin.send(HttpRequest.newBuilder(URI.create(admin.url(TARGETS + "/" + id))).DELETE());
        assertThat(removed.status()).isEqualTo(200);
        assertThat(admin.get(TARGETS).text()).doesNotContain(id);

        TestApi.Response changes = auditor.get(CHANGES);
        assertThat(changes.status()).isEqualTo(200);
        assertThat(changes.text()).doesNotContain(secret);
        JsonNode removal = change(changes.json(), id, "REMOVED");
        JsonNode addition = change(changes.json(), id, "ADDED");
        assertThat(addition.get("who").asString()).isEqualTo("admin");
        assertThat(addition.get("at").asString()).isNotBlank();
        assertThat(addition.path("before").isMissingNode() || addition.get("before").isNull()).isTrue();
        assertThat(addition.get("after").get("host").asString()).isEqualTo("erp.example.com");
        assertThat(addition.get("after").get("port").asInt()).isEqualTo(443);
        assertThat(removal.get("who").asString()).isEqualTo("admin");
        assertThat(removal.get("before").get("host").asString()).isEqualTo("erp.example.com");
        assertThat(removal.path("after").isMissingNode() || removal.get("after").isNull()).isTrue();
    }

    @Test
    void an_origin_is_listed_once_and_an_unknown_entry_cannot_be_removed() {
        TestApi admin = api().as("admin", "secret-admin");
        String body = "{\"scheme\":\"https\",\"host\":\"erp-twice.example.com\",\"port\":8443}";
        assertThat(admin.post(TARGETS, body).status()).isEqualTo(201);

        TestApi.Response again = admin.post(TARGETS, body);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).isEqualTo("/problems/callback-target-exists");

        TestApi.Response missing = admin.send(HttpRequest.newBuilder(
                URI.create(admin.url(TARGETS + "/no-such-entry"))).DELETE());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.json().get("type").asString()).isEqualTo("/problems/callback-target-not-found");
    }

    @Test
    void invalid_entries_are_refused_naming_each_field() {
        TestApi.Response refused = api().as("admin", "secret-admin").post(TARGETS,
                "{\"scheme\":\"ftp\",\"host\":\"erp.example.com/holds\",\"port\":70000,\"secret\":\"short\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asString()).isEqualTo("/problems/invalid-field");
        assertThat(refused.json().get("errors").findValuesAsString("field"))
                .containsExactly("scheme", "host", "port", "secret");
        assertThat(refused.json().get("errors").findValuesAsString("reason")).allMatch(r -> !r.isBlank());
    }

    @Test
    void only_administrators_change_the_list_and_only_auditors_read_its_changes() {
        String body = "{\"scheme\":\"https\",\"host\":\"erp-roles.example.com\"}";
        assertThat(api().post(TARGETS, body).status()).isEqualTo(403);
        assertThat(api().as("manager", "secret-manager").post(TARGETS, body).status()).isEqualTo(403);
        assertThat(api().as("auditor", "secret-auditor").get(TARGETS).status()).isEqualTo(403);
        assertThat(api().as("admin", "secret-admin").get(CHANGES).status()).isEqualTo(403);
        assertThat(api().anonymous().get(CHANGES).status()).isEqualTo(401);
    }

    private static JsonNode change(JsonNode changes, String entryId, String action) {
        for (JsonNode change : changes) {
            JsonNode entry = change.path("after").isObject() ? change.get("after") : change.get("before");
            if (change.get("action").asString().equals(action) && entry.get("id").asString().equals(entryId)) {
                return change;
            }
        }
        throw new AssertionError("no " + action + " change for " + entryId + " in " + changes);
    }
}
