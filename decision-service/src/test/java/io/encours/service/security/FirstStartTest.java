package io.encours.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.encours.service.storage.EmbeddedMongo;
import io.encours.service.storage.TimeOrder;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * A fresh machine: the administrator is created with a generated password, printed once in the log, that
 * opens nothing but its own change; a second start creates nothing and prints nothing. Runs the bootstrap
 * on its own embedded store, without the shared application.
 */
@ExtendWith(OutputCaptureExtension.class)
class FirstStartTest {
    private static final Pattern PRINTED = Pattern.compile("generated password\\s+(\\S+)");

    @TempDir
    Path dataDir;

    private final BCryptPasswordEncoder passwords = new BCryptPasswordEncoder(4);
    private final Clock clock = Clock.systemUTC();

    @Test
    void the_first_administrator_gets_a_generated_password_printed_once_to_be_changed_at_first_login(CapturedOutput log) {
        try (EmbeddedMongo store = EmbeddedMongo.start(dataDir);
             MongoClient client = MongoClients.create(store.connectionString("encours"))) {
            MongoTemplate mongo = new MongoTemplate(client, "encours");
            UserAccountStore users = new UserAccountStore(mongo, store);

            bootstrap(mongo, store, users, null);

            Matcher printed = PRINTED.matcher(log.getOut());
            assertThat(printed.find()).as(log.getOut()).isTrue();
            String password = printed.group(1);
            UserAccount admin = users.find("admin").orElseThrow();
            assertThat(passwords.matches(password, admin.passwordHash())).isTrue();
            assertThat(admin.passwordChangeRequired()).isTrue();
            assertThat(mongo.getCollection("users").find().first().toJson()).doesNotContain(password);
            UserDetails login = new PeopleDirectory(users).loadUserByUsername("admin");
            assertThat(login.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                    .containsExactly(PasswordChange.REQUIRED_AUTHORITY);

            AdminActions actions = new AdminActions(new AdminTrailStore(mongo, store, true), clock);
            Administration administration = new Administration(users, new ApiKeys(new ApiKeyStore(mongo, store, true), clock), passwords,
                    actions, new LoginFailures(new LoginFailureStore(mongo, true), actions, SecurityProperties.Lockout.DEFAULTS, clock), clock);
            administration.changeOwnPassword("admin", password, "the-admin-chose-this");

            assertThat(new PeopleDirectory(users).loadUserByUsername("admin").getAuthorities())
                    .extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_ADMIN");
            int printedSoFar = PRINTED.matcher(log.getOut()).results().mapToInt(m -> 1).sum();

            bootstrap(mongo, store, users, null);

            assertThat(PRINTED.matcher(log.getOut()).results().mapToInt(m -> 1).sum()).isEqualTo(printedSoFar);
            assertThat(passwords.matches("the-admin-chose-this", users.find("admin").orElseThrow().passwordHash())).isTrue();
            assertThat(new AdminTrailStore(mongo, store, false).search(AdminActionCriteria.ofAction("ADMIN_BOOTSTRAPPED"),
                    TimeOrder.OLDEST_FIRST, null, 10).records()).hasSize(1);
        }
    }

    @Test
    void a_configured_administrator_password_is_used_as_is_and_configured_accounts_are_created_once(CapturedOutput log) {
        try (EmbeddedMongo store = EmbeddedMongo.start(dataDir);
             MongoClient client = MongoClients.create(store.connectionString("encours"))) {
            MongoTemplate mongo = new MongoTemplate(client, "encours");
            UserAccountStore users = new UserAccountStore(mongo, store);
            SecurityProperties.Bootstrap settings = new SecurityProperties.Bootstrap("root", "configured-secret",
                    Map.of("ops", new SecurityProperties.BootstrapUser("ops-password-1", List.of(Role.AUDITOR), true)),
                    Map.of("erp", new SecurityProperties.BootstrapApiKey("erp-key-from-config", List.of(Role.ORDER_SYSTEM))));

            bootstrap(mongo, store, users, settings);
            bootstrap(mongo, store, users, settings);

            assertThat(log.getOut()).doesNotContain("generated password");
            UserAccount root = users.find("root").orElseThrow();
            assertThat(root.passwordChangeRequired()).isFalse();
            assertThat(passwords.matches("configured-secret", root.passwordHash())).isTrue();
            assertThat(users.find("ops").orElseThrow().passwordChangeRequired()).isTrue();
            assertThat(users.all()).hasSize(2);
            ApiKeys keys = new ApiKeys(new ApiKeyStore(mongo, store, true), clock);
            keys.refresh();
            assertThat(keys.authenticate("erp-key-from-config")).get().extracting(ApiKey::name).isEqualTo("erp");
            assertThat(keys.all()).hasSize(1);
        }
    }

    private void bootstrap(MongoTemplate mongo, EmbeddedMongo store, UserAccountStore users,
                           SecurityProperties.Bootstrap settings) {
        SecurityProperties.Bootstrap effective = settings != null ? settings
                : new SecurityProperties.Bootstrap("admin", null, Map.of(), Map.of());
        new SecurityBootstrap(users, new ApiKeys(new ApiKeyStore(mongo, store, true), clock), passwords, new AdminActions(new AdminTrailStore(mongo, store, true), clock),
                effective, clock).run();
    }
}
