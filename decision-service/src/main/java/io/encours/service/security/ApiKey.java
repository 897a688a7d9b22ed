package io.encours.service.security;

import java.time.Instant;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A machine client's key as stored: its name (the caller recorded in the audit trail), the SHA-256 of the
 * key (the key itself is shown once, at creation, and kept nowhere), its first characters to recognise it,
 * its roles, and when and by whom it was created and revoked.
 */
record ApiKey(String id, String name, String hash, String prefix, Set<Role> roles, Instant createdAt,
              String createdBy, Instant revokedAt, String revokedBy) {
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
    static final String NAME_RULE = "must be 1 to 64 letters, digits or . _ : - starting with a letter or digit";

    ApiKey {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name " + NAME_RULE);
        }
        roles = Set.copyOf(roles);
    }

    boolean revoked() {
        return revokedAt != null;
    }

    ApiKey revoke(Instant at, String by) {
        return new ApiKey(id, name, hash, prefix, roles, createdAt, createdBy, at, by);
    }
}
