package io.encours.service.migration;

import static io.encours.service.JsonRequest.orderCheck;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.encours.service.EncoursApplication;
import io.encours.service.TestApi;
import io.encours.service.storage.EmbeddedMongo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The documented migration, {@code java -jar decision-service.jar --encours.migrate.to=mongodb://...}, run on an
 * embedded store the service filled through its own API, to a target MongoDB ({@link #targetUri()}); then the
 * service started on the target with {@code spring.mongodb.uri} finds everything there and goes on chaining.
 */
abstract class MigrationContract {

    @TempDir
    Path dataDir;

    /** A connection string of the target server (the database is set apart, per test). */
    abstract String targetUri();

    private final String database = "migrated-" + UUID.randomUUID().toString().substring(0, 8);

    record Run(int exit, String output) {
    }

    private Run migrate(String... extra) {
        List<String> args = new ArrayList<>(List.of("--encours.storage.data-dir=" + dataDir,
                "--encours.migrate.to=" + targetUri(), "--spring.mongodb.database=" + database,
                "--spring.main.banner-mode=off"));
        args.addAll(List.of(extra));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = MigrationCommand.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8));
        String output = out.toString(StandardCharsets.UTF_8);
        System.out.print(output);
        return new Run(exit, output);
    }

    private static ConfigurableApplicationContext service(String... storage) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.profiles.active=test",
                "--spring.main.banner-mode=off"));
        args.addAll(List.of(storage));
        return new SpringApplicationBuilder(EncoursApplication.class).run(args.toArray(String[]::new));
    }

    private static TestApi api(ConfigurableApplicationContext service) {
        return new TestApi(((WebServerApplicationContext) service).getWebServer().getPort());
    }

    private static String decide(TestApi api, String orderId, String accountStatus, int amount) {
        TestApi.Response answer = api.post(orderCheck().path(), orderCheck().with("customer.id", "C-MIGRATE")
                .with("customer.creditAccount.status", accountStatus).with("order.id", orderId)
                .with("order.amount", amount).body());
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json().get("decisionId").asString();
    }

    @Test
    void every_record_reaches_the_target_as_stored_and_the_service_goes_on_there() {
        // Given a store filled through the service: decisions, a held order released by the manager, an API key.
        List<String> decisions = new ArrayList<>();
        String heldOrder = "SO-HELD-" + UUID.randomUUID();
        String newKey;
        JsonNode activePolicy;
        try (ConfigurableApplicationContext source = service("--encours.storage.data-dir=" + dataDir)) {
            TestApi api = api(source);
            for (int i = 0; i < 12; i++) {
                decisions.add(decide(api, "SO-" + i + "-" + UUID.randomUUID(), "ACTIVE", 1000 + i));
            }
            decisions.add(decide(api, heldOrder, "BLOCKED", 40000));
            String holdId = api.get("/api/v1/orders/" + heldOrder + "/hold").json().get("holdId").asString();
            TestApi.Response released = api.as("manager", "secret-manager").post("/api/v1/holds/" + holdId
                    + "/release", "{\"comment\":\"Payment received\"}");
            assertThat(released.status()).as(released.text()).isEqualTo(200);
            TestApi.Response key = api.as("admin", "secret-admin").post("/api/v1/admin/api-keys",
                    "{\"name\":\"migrated-shop\",\"roles\":[\"ORDER_SYSTEM\"]}");
            assertThat(key.status()).as(key.text()).isEqualTo(201);
            newKey = key.json().get("key").asString();
            activePolicy = api.as("auditor", "secret-auditor").get("/api/v1/policies/active").json();

            // The store of a running service is refused: its file is locked.
            Run beside = migrate();
            assertThat(beside.exit()).isEqualTo(MigrationCommand.EXIT_CANNOT_RUN);
            assertThat(beside.output()).contains("Stop it first");
        }

        // When the stopped service's store is migrated, in small batches.
        Run first = migrate("--encours.migrate.batch-size=5");

        // Then every collection is copied and checked, and the chain is valid on the target.
        assertThat(first.exit()).as(first.output()).isZero();
        assertThat(first.output()).contains("MIGRATED").doesNotContain("MISMATCH")
                .containsPattern("audit chain on the target: VALID, records 1 to " + decisions.size())
                .containsPattern(Pattern.compile("^decisions +source +" + decisions.size() + " +inserted +"
                        + decisions.size() + " ", Pattern.MULTILINE));
        try (EmbeddedMongo store = EmbeddedMongo.start(dataDir);
             MongoClient sourceClient = MongoClients.create(store.connectionString("encours"));
             MongoClient targetClient = MongoClients.create(targetUri())) {
            MongoDatabase source = sourceClient.getDatabase("encours");
            MongoDatabase target = targetClient.getDatabase(database);
            Set<String> collections = new HashSet<>(source.listCollectionNames().into(new ArrayList<>()));
            assertThat(collections).contains("decisions", "audit_chain_head", "credit_holds", "hold_actions",
                    "policy_versions", "users", "api_keys", "admin_actions");
            for (String name : collections) {
                List<Document> stored = source.getCollection(name).find().into(new ArrayList<>());
                assertThat(target.getCollection(name).countDocuments()).as(name).isEqualTo(stored.size());
                for (Document d : stored) {
                    assertThat(target.getCollection(name).find(Filters.eq("_id", d.get("_id"))).first())
                            .as(name + " " + d.get("_id")).isEqualTo(d);
                }
                Set<String> targetIndexes = new HashSet<>();
                target.getCollection(name).listIndexes().forEach(i -> targetIndexes.add(i.getString("name")));
                source.getCollection(name).listIndexes().forEach(i -> assertThat(targetIndexes)
                        .as(name + " indexes").contains(i.getString("name")));
            }
            Document held = target.getCollection("decisions").find(Filters.eq("_id", decisions.get(12))).first();
            assertThat(held.get("amount")).isInstanceOf(Decimal128.class);
            assertThat(held.get("receivedAt")).isInstanceOf(Date.class);
        }
        try (MongoClient targetClient = MongoClients.create(targetUri())) {
            MongoDatabase target = targetClient.getDatabase(database);

            // Run again (a migration cut short is finished so): everything is already there, nothing is copied twice.
            Run again = migrate();
            assertThat(again.exit()).as(again.output()).isZero();
            assertThat(again.output()).containsPattern(Pattern.compile("^decisions +source +" + decisions.size()
                    + " +inserted +0 +already there +" + decisions.size() + " ", Pattern.MULTILINE));
            assertThat(target.getCollection("decisions").countDocuments()).isEqualTo(decisions.size());

            // A target holding another document under a migrated _id is a conflict, and the check fails.
            Document original = target.getCollection("decisions").find(Filters.eq("_id", decisions.get(3))).first();
            target.getCollection("decisions").replaceOne(Filters.eq("_id", decisions.get(3)),
                    new Document(original).append("outcome", "BLOCK"));
            Run conflict = migrate();
            assertThat(conflict.exit()).isEqualTo(MigrationCommand.EXIT_CHECK_FAILED);
            assertThat(conflict.output()).contains("CHECK FAILED", "audit chain on the target: INVALID")
                    .containsPattern(Pattern.compile("^decisions .* conflicts 1 .*MISMATCH", Pattern.MULTILINE));
            target.getCollection("decisions").replaceOne(Filters.eq("_id", decisions.get(3)), original);
        }

        // And the service started on the target finds decisions, chain, hold, policy, users and keys there.
        try (ConfigurableApplicationContext moved = service("--spring.mongodb.uri=" + targetUri(),
                "--spring.mongodb.database=" + database)) {
            TestApi api = api(moved);
            TestApi auditor = api.as("auditor", "secret-auditor");
            for (String id : decisions) {
                assertThat(auditor.get("/api/v1/decisions/" + id).status()).as(id).isEqualTo(200);
            }
            JsonNode chain = auditor.get("/api/v1/audit/verify").json();
            assertThat(chain.get("valid").asBoolean()).as(chain.toString()).isTrue();
            assertThat(chain.get("checked").asLong()).isEqualTo(decisions.size());
            JsonNode hold = api.get("/api/v1/orders/" + heldOrder + "/hold").json();
            assertThat(hold.get("status").asString()).isEqualTo("RELEASED");
            assertThat(auditor.get("/api/v1/policies/active").json().get("number"))
                    .isEqualTo(activePolicy.get("number"));
            assertThat(api.as("manager", "secret-manager").get("/api/v1/admin/me").status()).isEqualTo(200);

            // The key created before the move still works, and its decision chains onto the migrated trail.
            decide(api.withApiKey(newKey), "SO-AFTER-" + UUID.randomUUID(), "ACTIVE", 500);
            JsonNode after = auditor.get("/api/v1/audit/verify").json();
            assertThat(after.get("valid").asBoolean()).as(after.toString()).isTrue();
            assertThat(after.get("checked").asLong()).isEqualTo(decisions.size() + 1);
        }
    }
}
