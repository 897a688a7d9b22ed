package io.encours.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.encours.service.FullStackTest;
import io.encours.service.TestApi;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The permissions {@code GET /api/v1/admin/me} lists, which the policy editor uses to show only what a person
 * may do, agree with the URL map: for every kind of caller, each permission's representative request is let
 * through when the permission is listed and refused (403) when it is not.
 */
class PermissionsTest extends FullStackTest {
    private static final String NO_SUCH_DECISION = "01a20000-0000-7000-8000-000000000000";

    /** One representative request per permission. */
    record Probe(String method, String path, String body) {
    }

    private static final Map<String, Probe> PROBES = new LinkedHashMap<>();

    static {
        PROBES.put("decisions.request", new Probe("POST", "/api/v1/decisions/customer-score", "{}"));
        PROBES.put("decisions.read", new Probe("GET", "/api/v1/decisions/" + NO_SUCH_DECISION, null));
        PROBES.put("policies.read", new Probe("GET", "/api/v1/policies", null));
        PROBES.put("policies.evaluate", new Probe("POST", "/api/v1/policies/999999/evaluate", "{}"));
        PROBES.put("policies.change", new Probe("POST", "/api/v1/policies/999999/submit", "{}"));
        PROBES.put("holds.read", new Probe("GET", "/api/v1/holds", null));
        PROBES.put("holds.settle", new Probe("POST", "/api/v1/holds/no-such-hold/release", "{\"comment\":\"permissions test\"}"));
        PROBES.put("simulations.read", new Probe("GET", "/api/v1/simulations", null));
        PROBES.put("simulations.start", new Probe("POST", "/api/v1/simulations/no-such-simulation/cancel", null));
        PROBES.put("backtests.read", new Probe("GET", "/api/v1/backtests", null));
        PROBES.put("backtests.start", new Probe("POST", "/api/v1/backtests?version=999999", "{}"));
        PROBES.put("stats.read", new Probe("GET", "/api/v1/stats/decisions?days=1", null));
        PROBES.put("accounts.read", new Probe("GET", "/api/v1/accounts?limit=1", null));
        PROBES.put("audit.read", new Probe("GET", "/api/v1/audit/decisions?size=1", null));
        PROBES.put("administration", new Probe("GET", "/api/v1/admin/users", null));
    }

    enum Caller { ERP, ANALYST, MANAGER, COMMITTEE, AUDITOR, ADMIN }

    private TestApi as(Caller caller) {
        return switch (caller) {
            case ERP -> api();
            case ANALYST -> api().as("analyst", "secret-analyst");
            case MANAGER -> api().as("manager", "secret-manager");
            case COMMITTEE -> api().as("committee1", "secret-committee1");
            case AUDITOR -> api().as("auditor", "secret-auditor");
            case ADMIN -> api().as("admin", "secret-admin");
        };
    }

    private List<String> permissionsOf(Caller caller) {
        TestApi.Response me = as(caller).get("/api/v1/admin/me");
        assertThat(me.status()).as(me.text()).isEqualTo(200);
        List<String> permissions = new ArrayList<>();
        me.json().get("permissions").forEach(p -> permissions.add(p.asString()));
        return permissions;
    }

    @Test
    void every_permission_has_a_representative_request_here() {
        assertThat(PROBES.keySet()).containsExactlyElementsOf(Permissions.all());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Caller.class)
    void a_listed_permission_is_let_through_and_an_unlisted_one_refused(Caller caller) {
        List<String> listed = permissionsOf(caller);
        assertThat(Permissions.all()).containsAll(listed);

        for (Map.Entry<String, Probe> probe : PROBES.entrySet()) {
            TestApi.Response response = call(as(caller), probe.getValue());
            if (listed.contains(probe.getKey())) {
                assertThat(response.status()).as("%s lists %s: %s", caller, probe.getKey(), response.text())
                        .isNotIn(401, 403).isLessThan(500);
            } else {
                assertThat(response.status()).as("%s does not list %s: %s", caller, probe.getKey(), response.text())
                        .isEqualTo(403);
            }
        }
    }

    @Test
    void a_committee_member_changes_policies_and_starts_runs_but_does_not_audit() {
        assertThat(permissionsOf(Caller.COMMITTEE)).containsExactly("decisions.request", "decisions.read",
                "policies.read", "policies.evaluate", "policies.change", "holds.read", "holds.settle",
                "simulations.read", "simulations.start", "backtests.read", "backtests.start", "stats.read",
                "accounts.read");
    }

    @Test
    void an_analyst_settles_holds_and_reads_runs_without_starting_them() {
        assertThat(permissionsOf(Caller.ANALYST)).contains("holds.settle", "policies.evaluate", "simulations.read")
                .doesNotContain("simulations.start", "backtests.start", "policies.change", "audit.read");
    }

    @Test
    void an_auditor_reads_and_audits_and_changes_nothing() {
        assertThat(permissionsOf(Caller.AUDITOR)).containsExactly("decisions.read", "policies.read", "holds.read",
                "simulations.read", "backtests.read", "stats.read", "accounts.read", "audit.read");
    }

    @Test
    void an_administrator_administers_and_does_no_credit_work() {
        assertThat(permissionsOf(Caller.ADMIN)).containsExactly("administration");
    }

    private static TestApi.Response call(TestApi api, Probe probe) {
        HttpRequest.BodyPublisher body = probe.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(probe.body());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.url(probe.path())))
                .method(probe.method(), body);
        if (probe.body() != null) {
            request.header("Content-Type", "application/json");
        }
        return api.send(request);
    }
}
