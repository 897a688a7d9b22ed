package io.encours.service.security;

import java.time.Instant;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A person who logs in with a username and password; only the bcrypt hash of the password is kept.
 *
 * @param passwordChangeRequired the password was set by someone else (generated at bootstrap or by an
 *                               administrator): until its owner changes it, it opens nothing but the
 *                               password change
 */
record UserAccount(String username, String passwordHash, Set<Role> roles, boolean enabled,
                   boolean passwordChangeRequired, Instant createdAt, String createdBy, Instant updatedAt) {
    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,63}");
    static final String USERNAME_RULE = "must be 2 to 64 lower-case letters, digits or . _ @ - starting with a letter or digit";

    UserAccount {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("username " + USERNAME_RULE);
        }
        roles = Set.copyOf(roles);
    }

    UserAccount withRoles(Set<Role> newRoles, Instant now) {
        return new UserAccount(username, passwordHash, newRoles, enabled, passwordChangeRequired, createdAt, createdBy, now);
    }

    UserAccount withEnabled(boolean newEnabled, Instant now) {
        return new UserAccount(username, passwordHash, roles, newEnabled, passwordChangeRequired, createdAt, createdBy, now);
    }

    UserAccount withPassword(String newHash, boolean changeRequired, Instant now) {
        return new UserAccount(username, newHash, roles, enabled, changeRequired, createdAt, createdBy, now);
    }
}
