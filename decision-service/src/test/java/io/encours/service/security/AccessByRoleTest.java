package io.encours.service.security;

import static io.encours.service.JsonRequest.orderCheck;
import static io.encours.service.security.Role.ADMIN;
import static io.encours.service.security.Role.AUDITOR;
import static io.encours.service.security.Role.CREDIT_ANALYST;
import static io.encours.service.security.Role.CREDIT_COMMITTEE;
import static io.encours.service.security.Role.CREDIT_MANAGER;
import static io.encours.service.security.Role.ERP_FEED;
import static io.encours.service.security.Role.ORDER_SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;

import io.encours.service.FullStackTest;
import io.encours.service.TestApi;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The URL map, row by row: every kind of caller against every endpoint group. "Let through" means the
 * request reached the endpoint (2xx, or a 4xx that is neither 401 nor 403: a hold or a policy version that
 * does not exist, a body the administration API refuses); the endpoints' own finer checks (four eyes,
 * delegated authority) are tested by their features.
 */
class AccessByRoleTest extends FullStackTest {
    private static final Set<Role> ANY_ROLE = EnumSet.allOf(Role.class);
    private static final Set<Role> DECIDERS = EnumSet.of(ORDER_SYSTEM, CREDIT_ANALYST, CREDIT_MANAGER, CREDIT_COMMITTEE);
    private static final Set<Role> DECISION_READERS =
            EnumSet.of(ORDER_SYSTEM, CREDIT_ANALYST, CREDIT_MANAGER, CREDIT_COMMITTEE, AUDITOR);
    private static final Set<Role> CREDIT_STAFF = EnumSet.of(CREDIT_ANALYST, CREDIT_MANAGER, CREDIT_COMMITTEE);
    private static final Set<Role> READERS = EnumSet.of(CREDIT_ANALYST, CREDIT_MANAGER, CREDIT_COMMITTEE, AUDITOR);
    private static final String NO_SUCH_DECISION = "01a20000-0000-7000-8000-000000000000";

    private static String revokedKey;
    private static String auditorKey;
    /** Keys stored before segregation of duties (ADMIN, CREDIT_COMMITTEE): refused at authentication. */
    private static final String LEGACY_ADMIN_KEY = "enc_legacy-admin-key-for-access-test";
    private static final String LEGACY_COMMITTEE_KEY = "enc_legacy-committee-key-for-access-test";

    /** Who calls: a role, nobody, a revoked key, or a key stored with roles a key may no longer carry. */
    enum Caller {
        ANONYMOUS(null), REVOKED_KEY(null), LEGACY_ADMIN_KEY(null), LEGACY_COMMITTEE_KEY(null),
        ERP(ORDER_SYSTEM), ERP_FEED_KEY(ERP_FEED), AUDITOR_KEY(AUDITOR), ANALYST(CREDIT_ANALYST), MANAGER(CREDIT_MANAGER), COMMITTEE(CREDIT_COMMITTEE),
        AUDITOR_USER(AUDITOR), ADMIN_USER(ADMIN);

        final Role role;

        Caller(Role role) {
            this.role = role;
        }
    }

    /** One endpoint group: a representative request and the roles the contract lets through. */
    record Endpoint(String method, String path, String body, Set<Role> allowed, boolean isPublic) {
        static Endpoint of(String method, String path, String body, Set<Role> allowed) {
            return new Endpoint(method, path, body, allowed, false);
        }

        static Endpoint open(String method, String path) {
            return new Endpoint(method, path, null, ANY_ROLE, true);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static List<Endpoint> endpoints() {
        return List.of(
                Endpoint.open("GET", "/actuator/health"),
                Endpoint.open("GET", "/actuator/health/liveness"),
                Endpoint.open("GET", "/v3/api-docs"),
                Endpoint.of("POST", "/api/v1/decisions/order-check", orderCheck().body(), DECIDERS),
                Endpoint.of("POST", "/api/v1/decisions/customer-score", "{}", DECIDERS),
                Endpoint.of("GET", "/api/v1/decisions/" + NO_SUCH_DECISION, null, DECISION_READERS),
                Endpoint.of("GET", "/api/v1/customers/C-1000/decisions", null, DECISION_READERS),
                Endpoint.of("POST", "/api/v1/noop", "{}", ANY_ROLE),
                Endpoint.of("GET", "/api/v1/policies", null, READERS),
                Endpoint.of("GET", "/api/v1/policies/active", null, READERS),
                Endpoint.of("POST", "/api/v1/policies/999999/submit", "{}", EnumSet.of(CREDIT_COMMITTEE)),
                Endpoint.of("POST", "/api/v1/policies/999999/approve", "{}", EnumSet.of(CREDIT_COMMITTEE)),
                Endpoint.of("PUT", "/api/v1/policies/999999/files/parameters.csv", "x", EnumSet.of(CREDIT_COMMITTEE)),
                Endpoint.of("GET", "/api/v1/backtests", null, READERS),
                Endpoint.of("GET", "/api/v1/backtests/no-such-backtest", null, READERS),
                Endpoint.of("POST", "/api/v1/backtests?version=999999", "{}", EnumSet.of(CREDIT_MANAGER, CREDIT_COMMITTEE)),
                Endpoint.of("GET", "/api/v1/holds", null, READERS),
                Endpoint.of("GET", "/api/v1/holds/no-such-hold", null, READERS),
                Endpoint.of("POST", "/api/v1/holds/no-such-hold/release", "{\"comment\":\"access test\"}", CREDIT_STAFF),
                Endpoint.of("POST", "/api/v1/holds/no-such-hold/reject", "{\"comment\":\"access test\"}", CREDIT_STAFF),
                Endpoint.of("GET", "/api/v1/orders/NO-SUCH-ORDER/hold", null,
                        EnumSet.of(ORDER_SYSTEM, CREDIT_ANALYST, CREDIT_MANAGER, CREDIT_COMMITTEE)),
                Endpoint.of("POST", "/api/v1/orders/NO-SUCH-ORDER/hold/callback", "{}", EnumSet.of(ORDER_SYSTEM)),
                Endpoint.of("PUT", "/api/v1/orders/NO-SUCH-ORDER/hold/callback", "{}", EnumSet.of(ORDER_SYSTEM)),
                Endpoint.of("GET", "/api/v1/accounts", null, READERS),
                Endpoint.of("GET", "/api/v1/accounts/NO-SUCH-ACCOUNT", null, READERS),
                Endpoint.of("GET", "/api/v1/accounts/NO-SUCH-ACCOUNT/history", null, READERS),
                Endpoint.of("POST", "/api/v1/accounts", "{}", CREDIT_STAFF),
                Endpoint.of("PUT", "/api/v1/accounts/NO-SUCH-ACCOUNT", "{}", CREDIT_STAFF),
                Endpoint.of("PATCH", "/api/v1/accounts/NO-SUCH-ACCOUNT", "{}", CREDIT_STAFF),
                Endpoint.of("POST", "/api/v1/accounts/imports", "customerId", EnumSet.of(ERP_FEED, CREDIT_ANALYST,
                        CREDIT_MANAGER, CREDIT_COMMITTEE)),
                Endpoint.of("POST", "/api/v1/ledger/events", "[]", EnumSet.of(ERP_FEED)),
                Endpoint.of("GET", "/api/v1/ledger/events", null, EnumSet.of(ERP_FEED, CREDIT_ANALYST, CREDIT_MANAGER,
                        CREDIT_COMMITTEE, AUDITOR)),
                Endpoint.of("POST", "/api/v1/ledger/imports/invoices", "x", EnumSet.of(ERP_FEED)),
                Endpoint.of("POST", "/api/v1/ledger/checks", null, CREDIT_STAFF),
                Endpoint.of("GET", "/api/v1/accounts/NO-SUCH-CUSTOMER/exposure", null, READERS),
                Endpoint.of("GET", "/api/v1/accounts/NO-SUCH-CUSTOMER/ledger/events", null, READERS),
                Endpoint.of("POST", "/api/v1/accounts/NO-SUCH-CUSTOMER/rebuild", null, CREDIT_STAFF),
                Endpoint.of("GET", "/api/v1/kpis/receivables?asOf=not-a-date", null, READERS),
                Endpoint.of("GET", "/api/v1/kpis/receivables/series?step=week", null, READERS),
                Endpoint.of("GET", "/api/v1/kpis/receivables/customers?asOf=not-a-date", null, READERS),
                Endpoint.of("GET", "/api/v1/kpis/receivables/customers/export?format=pdf", null, READERS),
                Endpoint.of("GET", "/api/v1/kpis/receivables/series/export?format=pdf", null, READERS),
                Endpoint.of("POST", "/api/v1/collections/runs", "{\"asOf\":\"1999-01-01\"}", CREDIT_STAFF),
                Endpoint.of("GET", "/api/v1/collections/runs/no-such-run", null, READERS),
                Endpoint.of("GET", "/api/v1/collections/worklist", null, READERS),
                Endpoint.of("GET", "/api/v1/collections/worklist/no-such-line", null, READERS),
                Endpoint.of("POST", "/api/v1/collections/worklist/no-such-line/state", "{\"state\":\"DONE\"}", CREDIT_STAFF),
                Endpoint.of("GET", "/api/v1/audit/decisions", null, EnumSet.of(AUDITOR)),
                Endpoint.of("GET", "/api/v1/audit/verify", null, EnumSet.of(AUDITOR)),
                Endpoint.of("GET", "/api/v1/audit/admin-actions", null, EnumSet.of(AUDITOR)),
                Endpoint.of("GET", "/api/v1/audit/archives", null, EnumSet.of(AUDITOR)),
                Endpoint.of("POST", "/api/v1/admin/audit-archives?period=not-a-month", null, EnumSet.of(ADMIN)),
                Endpoint.of("POST", "/api/v1/admin/audit-archives/not-a-month/prune", null, EnumSet.of(ADMIN)),
                Endpoint.of("POST", "/api/v1/admin/record-archives/holds?period=not-a-month", null, EnumSet.of(ADMIN)),
                Endpoint.of("POST", "/api/v1/admin/record-archives/holds/not-a-month/prune", null, EnumSet.of(ADMIN)),
                Endpoint.of("GET", "/api/v1/audit/record-archives/holds/not-a-month", null, EnumSet.of(AUDITOR)),
                Endpoint.of("GET", "/api/v1/admin/users", null, EnumSet.of(ADMIN)),
                Endpoint.of("POST", "/api/v1/admin/users", "{}", EnumSet.of(ADMIN)),
                Endpoint.of("GET", "/api/v1/admin/api-keys", null, EnumSet.of(ADMIN)),
                Endpoint.of("POST", "/api/v1/admin/api-keys/no-such-key/revoke", null, EnumSet.of(ADMIN)),
                Endpoint.of("POST", "/api/v1/admin/api-keys", "{}", EnumSet.of(ADMIN)),
                Endpoint.of("PUT", "/api/v1/admin/users/no-such-user/roles", "{\"roles\":[\"AUDITOR\"]}", EnumSet.of(ADMIN)),
                Endpoint.of("POST", "/api/v1/admin/users/no-such-user/unlock", null, EnumSet.of(ADMIN)),
                Endpoint.of("GET", "/api/v1/admin/callback-targets", null, EnumSet.of(ADMIN)),
                Endpoint.of("POST", "/api/v1/admin/callback-targets", "{}", EnumSet.of(ADMIN)),
                Endpoint.of("DELETE", "/api/v1/admin/callback-targets/no-such-target", null, EnumSet.of(ADMIN)),
                Endpoint.of("GET", "/api/v1/audit/callback-target-changes", null, EnumSet.of(AUDITOR)),
                Endpoint.of("GET", "/api/v1/admin/me", null, ANY_ROLE),
                Endpoint.of("GET", "/actuator/prometheus", null, EnumSet.of(ADMIN, AUDITOR)),
                Endpoint.of("GET", "/actuator/metrics", null, EnumSet.of(ADMIN, AUDITOR)),
                Endpoint.of("GET", "/actuator/info", null, EnumSet.of(ADMIN)),
                Endpoint.of("GET", "/api/v1/not-an-endpoint", null, EnumSet.noneOf(Role.class)),
                Endpoint.of("DELETE", "/api/v1/decisions/" + NO_SUCH_DECISION, null, EnumSet.noneOf(Role.class)));
    }

    static Stream<Arguments> everyCallerAgainstEveryEndpoint() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (Caller caller : Caller.values()) {
                cases.add(Arguments.of(endpoint, caller, expected(endpoint, caller)));
            }
        }
        return cases.stream();
    }

    enum Expected { LET_THROUGH, FORBIDDEN, UNAUTHENTICATED }

    static Expected expected(Endpoint endpoint, Caller caller) {
        if (caller == Caller.REVOKED_KEY || caller == Caller.LEGACY_ADMIN_KEY || caller == Caller.LEGACY_COMMITTEE_KEY) {
            return Expected.UNAUTHENTICATED; // wrong or no longer valid credentials are refused even where none are needed
        }
        if (endpoint.isPublic()) {
            return Expected.LET_THROUGH;
        }
        if (caller == Caller.ANONYMOUS) {
            return Expected.UNAUTHENTICATED;
        }
        return endpoint.allowed().contains(caller.role) ? Expected.LET_THROUGH : Expected.FORBIDDEN;
    }

    @BeforeEach
    void aRevokedKey() {
        if (revokedKey == null) {
            TestApi.Response created = api().as("admin", "secret-admin").post("/api/v1/admin/api-keys",
                    "{\"name\":\"retired-erp\",\"roles\":[\"ORDER_SYSTEM\"]}");
            assertThat(created.status()).isEqualTo(201);
            String id = created.json().get("id").asString();
            assertThat(api().as("admin", "secret-admin").post("/api/v1/admin/api-keys/" + id + "/revoke", "").status())
                    .isEqualTo(200);
            revokedKey = created.json().get("key").asString();
        }
        if (auditorKey == null) {
            TestApi.Response created = api().as("admin", "secret-admin").post("/api/v1/admin/api-keys",
                    "{\"name\":\"insurer-access-test\",\"roles\":[\"AUDITOR\"]}");
            assertThat(created.status()).isEqualTo(201);
            auditorKey = created.json().get("key").asString();
        }
        LegacyCredentials.apiKey(mongo, "legacy-admin-key", LEGACY_ADMIN_KEY, List.of("ADMIN"), "admin");
        LegacyCredentials.apiKey(mongo, "legacy-committee-key", LEGACY_COMMITTEE_KEY, List.of("CREDIT_COMMITTEE"), "admin");
    }

    @ParameterizedTest(name = "{0} as {1}: {2}")
    @MethodSource("everyCallerAgainstEveryEndpoint")
    void the_url_map_lets_through_refuses_or_asks_for_credentials(Endpoint endpoint, Caller caller, Expected expected) {
        TestApi.Response response = call(endpoint, caller);

        switch (expected) {
            case LET_THROUGH -> assertThat(response.status()).as(response.text()).isNotIn(401, 403).isLessThan(500);
            case FORBIDDEN -> assertProblem(response, 403, "/problems/forbidden");
            case UNAUTHENTICATED -> {
                assertProblem(response, 401, "/problems/unauthenticated");
                assertThat(response.headers().allValues("WWW-Authenticate")).anyMatch(h -> h.startsWith("Basic"));
            }
        }
    }

    private TestApi.Response call(Endpoint endpoint, Caller caller) {
        TestApi api = switch (caller) {
            case ANONYMOUS -> api().anonymous();
            case REVOKED_KEY -> api().withApiKey(revokedKey);
            case LEGACY_ADMIN_KEY -> api().withApiKey(LEGACY_ADMIN_KEY);
            case LEGACY_COMMITTEE_KEY -> api().withApiKey(LEGACY_COMMITTEE_KEY);
            case ERP -> api();
            case ERP_FEED_KEY -> api().withApiKey("test-erp-feed-key");
            case AUDITOR_KEY -> api().withApiKey(auditorKey);
            case ANALYST -> api().as("analyst", "secret-analyst");
            case MANAGER -> api().as("manager", "secret-manager");
            case COMMITTEE -> api().as("committee1", "secret-committee1");
            case AUDITOR_USER -> api().as("auditor", "secret-auditor");
            case ADMIN_USER -> api().as("admin", "secret-admin");
        };
        HttpRequest.BodyPublisher body = endpoint.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(endpoint.body());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.url(endpoint.path())))
                .method(endpoint.method(), body);
        if (endpoint.body() != null) {
            request.header("Content-Type", "application/json");
        }
        return api.send(request);
    }

    static void assertProblem(TestApi.Response response, int status, String type) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo(type);
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.json().get("title").asString()).isNotBlank();
        assertThat(response.json().get("detail").asString()).isNotBlank();
    }
}
