package io.encours.service.security;

import static io.encours.service.security.Role.ADMIN;
import static io.encours.service.security.Role.AUDITOR;
import static io.encours.service.security.Role.CREDIT_ANALYST;
import static io.encours.service.security.Role.CREDIT_COMMITTEE;
import static io.encours.service.security.Role.CREDIT_MANAGER;
import static io.encours.service.security.Role.ORDER_SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.encours.service.storage.EmbeddedMongo;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** Which roles one person, or one key, may hold; and a configuration that breaks the rules does not start. */
class DutiesTest {

    @TempDir
    Path dataDir;

    @Test
    void administration_and_credit_work_are_never_held_by_one_person() {
        for (Role credit : List.of(CREDIT_ANALYST, CREDIT_MANAGER, CREDIT_COMMITTEE)) {
            assertThat(Duties.personConflict(EnumSet.of(ADMIN, credit))).as(credit.name()).isPresent();
        }
        assertThat(Duties.personConflict(EnumSet.of(ADMIN))).isEmpty();
        assertThat(Duties.personConflict(EnumSet.of(ADMIN, AUDITOR))).isEmpty();
        assertThat(Duties.personConflict(EnumSet.of(CREDIT_COMMITTEE, CREDIT_ANALYST, AUDITOR))).isEmpty();
    }

    @Test
    void a_key_carries_machine_roles_only() {
        assertThat(Duties.keyConflict(EnumSet.of(ORDER_SYSTEM))).isEmpty();
        assertThat(Duties.keyConflict(EnumSet.of(AUDITOR))).isEmpty();
        assertThat(Duties.keyConflict(EnumSet.of(ORDER_SYSTEM, AUDITOR))).isEmpty();
        assertThat(Duties.keyConflict(EnumSet.of(Role.ERP_FEED))).isEmpty();
        for (Role person : List.of(ADMIN, CREDIT_ANALYST, CREDIT_MANAGER, CREDIT_COMMITTEE)) {
            assertThat(Duties.keyConflict(EnumSet.of(ORDER_SYSTEM, person))).as(person.name()).isPresent();
        }
    }

    @Test
    void a_configuration_that_breaks_the_rules_stops_the_start_naming_the_property() {
        assertThatThrownBy(() -> bootstrap(Map.of("boss", new SecurityProperties.BootstrapUser("boss-password-1",
                List.of(ADMIN, CREDIT_COMMITTEE), false)), Map.of()))
                .hasMessageContaining("encours.security.bootstrap.users.boss.roles");
        assertThatThrownBy(() -> bootstrap(Map.of(), Map.of("robot",
                new SecurityProperties.BootstrapApiKey("robot-key-1234", List.of(CREDIT_COMMITTEE)))))
                .hasMessageContaining("encours.security.bootstrap.api-keys.robot.roles");
        assertThatThrownBy(() -> bootstrap(Map.of("ops", new SecurityProperties.BootstrapUser("ops-password-1",
                List.of(AUDITOR), false)), Map.of("ops", new SecurityProperties.BootstrapApiKey("ops-key-1234",
                List.of(ORDER_SYSTEM))))).hasMessageContaining("never share a name");
    }

    @Test
    void the_events_of_the_former_security_events_collection_move_to_the_administration_trail() {
        try (EmbeddedMongo store = EmbeddedMongo.start(dataDir);
             MongoClient client = MongoClients.create(store.connectionString("encours"))) {
            MongoTemplate mongo = new MongoTemplate(client, "encours");
            mongo.insert(new Document("_id", "old-1").append("at", new Date()).append("actor", "admin")
                    .append("action", "USER_ROLES_SET").append("target", "someone")
                    .append("details", new Document("from", List.of()).append("to", List.of("AUDITOR"))), "security_events");

            run(mongo, store, Map.of(), Map.of());
            run(mongo, store, Map.of(), Map.of());

            assertThat(mongo.collectionExists("security_events")).isFalse();
            assertThat(mongo.findById("old-1", Document.class, "admin_actions").getString("target")).isEqualTo("someone");
            assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), "admin_actions"))
                    .isEqualTo(2); // the moved event and the first administrator's creation
        }
    }

    private void bootstrap(Map<String, SecurityProperties.BootstrapUser> users,
                           Map<String, SecurityProperties.BootstrapApiKey> keys) {
        try (EmbeddedMongo store = EmbeddedMongo.start(dataDir.resolve("refused"));
             MongoClient client = MongoClients.create(store.connectionString("encours"))) {
            run(new MongoTemplate(client, "encours"), store, users, keys);
        }
    }

    private static void run(MongoTemplate mongo, EmbeddedMongo store, Map<String, SecurityProperties.BootstrapUser> users,
                            Map<String, SecurityProperties.BootstrapApiKey> keys) {
        Clock clock = Clock.systemUTC();
        new SecurityBootstrap(new UserAccounts(mongo, store), new ApiKeys(mongo, store, clock),
                new BCryptPasswordEncoder(4), new AdminActions(mongo, store, clock),
                new SecurityProperties.Bootstrap("admin", "admin-password-1", users, keys), clock).run();
    }

}
