package io.encours.service.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The accounts a machine starts with. On a fresh store (no user at all) it creates the administrator: with
 * {@code encours.security.bootstrap.admin-password} when set, otherwise with a generated password that is
 * logged once and must be changed at first login. Users and API keys listed under
 * {@code encours.security.bootstrap.users.*} and {@code .api-keys.*} are created when missing and never
 * changed afterwards: once created, they belong to the administration API. Configured roles that break
 * {@link Duties} stop the start. The administration trail of earlier releases ({@code security_events})
 * is moved to {@code admin_actions} here.
 */
class SecurityBootstrap {
    static final String BOOTSTRAP = "bootstrap";
    private static final Logger log = LoggerFactory.getLogger(SecurityBootstrap.class);

    private final UserAccountStore users;
    private final ApiKeys apiKeys;
    private final PasswordEncoder passwords;
    private final AdminActions events;
    private final SecurityProperties.Bootstrap settings;
    private final Clock clock;

    SecurityBootstrap(UserAccountStore users, ApiKeys apiKeys, PasswordEncoder passwords, AdminActions events,
                      SecurityProperties.Bootstrap settings, Clock clock) {
        this.users = users;
        this.apiKeys = apiKeys;
        this.passwords = passwords;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    void run() {
        checkDuties();
        events.takeOverFormerCollection();
        events.createIndexes();
        apiKeys.createIndexes();
        if (users.isEmpty()) {
            createAdministrator();
        }
        for (Map.Entry<String, SecurityProperties.BootstrapUser> user : settings.users().entrySet()) {
            createUser(user.getKey(), user.getValue());
        }
        for (Map.Entry<String, SecurityProperties.BootstrapApiKey> key : settings.apiKeys().entrySet()) {
            SecurityProperties.BootstrapApiKey value = key.getValue();
            if (value.key() == null || value.key().isBlank()) {
                throw new IllegalStateException("encours.security.bootstrap.api-keys." + key.getKey() + ".key is empty");
            }
            apiKeys.store(key.getKey(), value.key(), Role.setOf(value.roles()), BOOTSTRAP)
                    .ifPresent(k -> events.record(BOOTSTRAP, AdminActions.Action.API_KEY_CREATED, k.name(),
                            Map.of("id", k.id(), "prefix", k.prefix(), "roles", Role.namesOf(k.roles()))));
        }
        apiKeys.refresh();
    }

    /** A configuration that breaks segregation of duties stops the start, naming the property. */
    private void checkDuties() {
        settings.users().forEach((username, user) -> Duties.personConflict(Role.setOf(user.roles())).ifPresent(reason -> {
            throw new IllegalStateException("encours.security.bootstrap.users." + username + ".roles: " + reason);
        }));
        settings.apiKeys().forEach((name, key) -> {
            Duties.keyConflict(Role.setOf(key.roles())).ifPresent(reason -> {
                throw new IllegalStateException("encours.security.bootstrap.api-keys." + name + ".roles: " + reason);
            });
            if (settings.users().containsKey(name) || settings.adminUsername().equals(name)) {
                throw new IllegalStateException("encours.security.bootstrap.api-keys." + name
                        + ": a user has that name; people and API keys never share a name");
            }
        });
    }

    private void createAdministrator() {
        String username = settings.adminUsername();
        String configured = settings.adminPassword();
        boolean generated = configured == null || configured.isBlank();
        String password = generated ? PasswordChange.generate() : configured;
        Instant now = clock.instant();
        if (!users.create(new UserAccount(username, passwords.encode(password), Set.of(Role.ADMIN), true, generated,
                now, BOOTSTRAP, now))) {
            return; // another instance on the same store was first
        }
        events.record(BOOTSTRAP, AdminActions.Action.ADMIN_BOOTSTRAPPED, username,
                Map.of("passwordGenerated", generated));
        if (generated) {
            // Printed once, on the machine's console only: the store keeps the bcrypt hash.
            log.warn("""

                    ==========================================================================
                    First start: administrator '{}' created with the generated password
                        {}
                    It must be changed at first login: POST /api/v1/admin/me/password
                    (see docs/security.md). This password is not shown again.
                    ==========================================================================""",
                    username, password);
        }
    }

    private void createUser(String username, SecurityProperties.BootstrapUser user) {
        if (user.password() == null || user.password().isBlank()) {
            throw new IllegalStateException("encours.security.bootstrap.users." + username + ".password is empty");
        }
        Instant now = clock.instant();
        if (users.find(username).isEmpty() && users.create(new UserAccount(username, passwords.encode(user.password()),
                Role.setOf(user.roles()), true, user.mustChangePassword(), now, BOOTSTRAP, now))) {
            events.record(BOOTSTRAP, AdminActions.Action.USER_CREATED, username,
                    Map.of("roles", Role.namesOf(Role.setOf(user.roles()))));
        }
    }

}
