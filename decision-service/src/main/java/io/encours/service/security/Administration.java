package io.encours.service.security;

import io.encours.service.security.AdminActions.Action;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * What administrators do to accounts and keys, and what every person may do to their own password. Each
 * change is written to the store and to {@link AdminActions} before it is answered.
 */
class Administration {
    private final UserAccountStore users;
    private final ApiKeys apiKeys;
    private final PasswordEncoder passwords;
    private final AdminActions events;
    private final LoginFailures loginFailures;
    private final Clock clock;

    Administration(UserAccountStore users, ApiKeys apiKeys, PasswordEncoder passwords, AdminActions events,
                   LoginFailures loginFailures, Clock clock) {
        this.users = users;
        this.apiKeys = apiKeys;
        this.passwords = passwords;
        this.events = events;
        this.loginFailures = loginFailures;
        this.clock = clock;
    }

    /** A user just created or reset: the account, and the password to hand over when the service chose it. */
    record WithPassword(UserAccount account, String temporaryPassword) {
    }

    List<UserAccount> users() {
        return users.all();
    }

    UserAccount user(String username) {
        return users.find(username).orElseThrow(() -> AdministrationProblems.userNotFound(username));
    }

    /**
     * A new person. The password, given or generated, was chosen by the administrator, not its owner: it
     * opens nothing but the password change until the owner sets their own.
     */
    WithPassword createUser(String username, Set<Role> roles, String password, String by) {
        if (username == null || !UserAccount.USERNAME.matcher(username).matches()) {
            throw AdministrationProblems.invalidField("username", UserAccount.USERNAME_RULE);
        }
        if (password != null && !PasswordChange.acceptable(password)) {
            throw AdministrationProblems.invalidField("password", PasswordChange.RULE);
        }
        requireCompatible(roles);
        if (apiKeys.findByName(username).isPresent()) {
            throw AdministrationProblems.nameTaken(username, "an API key");
        }
        String initial = password == null ? PasswordChange.generate() : password;
        Instant now = clock.instant();
        UserAccount account = new UserAccount(username, passwords.encode(initial), roles, true, true, now, by, now);
        if (!users.create(account)) {
            throw AdministrationProblems.userExists(username);
        }
        events.record(by, Action.USER_CREATED, username, Map.of("roles", Role.namesOf(roles)));
        return new WithPassword(account, password == null ? initial : null);
    }

    UserAccount setRoles(String username, Set<Role> roles, String by) {
        if (username.equals(by)) {
            throw AdministrationProblems.ownRoles(username);
        }
        UserAccount account = user(username);
        requireCompatible(roles);
        UserAccount changed = account.withRoles(roles, clock.instant());
        users.save(changed);
        events.record(by, Action.USER_ROLES_SET, username,
                Map.of("from", Role.namesOf(account.roles()), "to", Role.namesOf(roles)));
        return changed;
    }

    UserAccount setEnabled(String username, boolean enabled, String by) {
        UserAccount account = user(username);
        if (!enabled && username.equals(by)) {
            throw AdministrationProblems.selfLockout("You cannot disable your own account; ask another administrator");
        }
        if (account.enabled() == enabled) {
            return account;
        }
        UserAccount changed = account.withEnabled(enabled, clock.instant());
        users.save(changed);
        events.record(by, enabled ? Action.USER_ENABLED : Action.USER_DISABLED, username, Map.of());
        return changed;
    }

    /** A new generated password for someone who lost theirs; they must change it at their next login. */
    WithPassword resetPassword(String username, String by) {
        UserAccount account = user(username);
        String temporary = PasswordChange.generate();
        UserAccount changed = account.withPassword(passwords.encode(temporary), true, clock.instant());
        users.save(changed);
        events.record(by, Action.USER_PASSWORD_RESET, username, Map.of());
        return new WithPassword(changed, temporary);
    }

    /** A person sets their own password, knowing the current one. */
    void changeOwnPassword(String username, String currentPassword, String newPassword) {
        UserAccount account = users.find(username).orElseThrow(() -> AdministrationProblems.notAPasswordAccount(username));
        if (currentPassword == null || !passwords.matches(currentPassword, account.passwordHash())) {
            throw AdministrationProblems.invalidField("currentPassword", "is not your current password");
        }
        if (!PasswordChange.acceptable(newPassword)) {
            throw AdministrationProblems.invalidField("newPassword", PasswordChange.RULE);
        }
        if (newPassword.equals(currentPassword)) {
            throw AdministrationProblems.invalidField("newPassword", "must differ from the current password");
        }
        users.save(account.withPassword(passwords.encode(newPassword), false, clock.instant()));
        events.record(username, Action.PASSWORD_CHANGED, username,
                Map.of("wasRequired", account.passwordChangeRequired()));
    }

    /** Lifts a user's login lockout (the failures counted against the username); the address count stays. */
    UserAccount unlock(String username, String by) {
        UserAccount account = user(username);
        int cleared = loginFailures.clearUser(username);
        events.record(by, Action.USER_UNLOCKED, username, Map.of("failuresCleared", cleared));
        return account;
    }

    private static void requireCompatible(Set<Role> roles) {
        Duties.personConflict(roles).ifPresent(reason -> {
            throw AdministrationProblems.incompatibleRoles(reason);
        });
    }

    List<ApiKey> apiKeys() {
        return apiKeys.all();
    }

    ApiKeys.Created createApiKey(String name, Set<Role> roles, String by) {
        if (name == null || !ApiKey.NAME.matcher(name).matches()) {
            throw AdministrationProblems.invalidField("name", ApiKey.NAME_RULE);
        }
        Duties.keyConflict(roles).ifPresent(reason -> {
            throw AdministrationProblems.incompatibleRoles(reason);
        });
        if (users.find(name).isPresent()) {
            throw AdministrationProblems.nameTaken(name, "a user");
        }
        ApiKeys.Created created = apiKeys.create(name, roles, by)
                .orElseThrow(() -> AdministrationProblems.apiKeyExists(name));
        events.record(by, Action.API_KEY_CREATED, name,
                Map.of("id", created.apiKey().id(), "prefix", created.apiKey().prefix(), "roles", Role.namesOf(roles)));
        return created;
    }

    ApiKey revokeApiKey(String id, String by) {
        ApiKey before = apiKeys.findById(id).orElseThrow(() -> AdministrationProblems.apiKeyNotFound(id));
        if (before.revoked()) {
            return before;
        }
        ApiKey revoked = apiKeys.revoke(id, by).orElseThrow(() -> AdministrationProblems.apiKeyNotFound(id));
        events.record(by, Action.API_KEY_REVOKED, revoked.name(), Map.of("id", id, "prefix", revoked.prefix()));
        return revoked;
    }
}
