package io.encours.service.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Security settings ({@code encours.security.*}).
 *
 * @param bootstrap       the accounts created at start when missing
 * @param jwt             the OIDC issuer whose bearer tokens are accepted; off while its issuer URI is empty
 * @param bcryptStrength  the bcrypt cost factor (log2 rounds) for new password hashes
 * @param apiKeyRefresh   how often each instance re-reads the API keys (a key revoked on another instance
 *                        stops working here within this delay; on this instance at once)
 * @param lockout         when failed password logins lock a user or an address
 * @param createIndexes   create the indexes of the users, API keys, login failures and administration trail at
 *                        start-up; off where a database administrator owns them
 */
@ConfigurationProperties("encours.security")
public record SecurityProperties(Bootstrap bootstrap, Jwt jwt, @DefaultValue("10") int bcryptStrength,
                                 @DefaultValue("10s") Duration apiKeyRefresh, Lockout lockout,
                                 @DefaultValue("true") boolean createIndexes) {

    public SecurityProperties {
        bootstrap = bootstrap == null ? new Bootstrap(null, null, null, null) : bootstrap;
        jwt = jwt == null ? new Jwt(null, null) : jwt;
        lockout = lockout == null ? Lockout.DEFAULTS : lockout;
        if (bcryptStrength < 4 || bcryptStrength > 31) {
            throw new IllegalArgumentException("encours.security.bcrypt-strength must be between 4 and 31");
        }
    }

    /**
     * @param adminUsername the administrator created on a fresh machine (when no user exists yet)
     * @param adminPassword its password; when empty one is generated, logged once, and must be changed at
     *                      first login
     * @param users         people created when missing, by username (password and roles)
     * @param apiKeys       machine clients created when missing, by name (the key itself and roles)
     */
    public record Bootstrap(@DefaultValue("admin") String adminUsername, String adminPassword,
                            Map<String, BootstrapUser> users, Map<String, BootstrapApiKey> apiKeys) {
        public Bootstrap {
            adminUsername = adminUsername == null || adminUsername.isBlank() ? "admin" : adminUsername;
            users = users == null ? Map.of() : Map.copyOf(users);
            apiKeys = apiKeys == null ? Map.of() : Map.copyOf(apiKeys);
        }
    }

    public record BootstrapUser(String password, List<Role> roles, @DefaultValue("false") boolean mustChangePassword) {
    }

    public record BootstrapApiKey(String key, List<Role> roles) {
    }

    /**
     * @param maxFailuresPerUser    failed logins for one username within the window that lock it
     * @param maxFailuresPerAddress failed logins from one client address within the window that lock it
     * @param window                how far back failures count; a lockout ends when enough of them age out
     */
    public record Lockout(@DefaultValue("5") int maxFailuresPerUser, @DefaultValue("50") int maxFailuresPerAddress,
                          @DefaultValue("15m") Duration window) {
        static final Lockout DEFAULTS = new Lockout(5, 50, Duration.ofMinutes(15));

        public Lockout {
            if (maxFailuresPerUser < 1) {
                throw new IllegalArgumentException("encours.security.lockout.max-failures-per-user must be at least 1");
            }
            if (maxFailuresPerAddress < 1) {
                throw new IllegalArgumentException("encours.security.lockout.max-failures-per-address must be at least 1");
            }
            if (window == null || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("encours.security.lockout.window must be positive");
            }
        }
    }

    /**
     * @param issuerUri   the issuer whose tokens are accepted (its discovery document is read at the first
     *                    token); empty: no bearer tokens
     * @param rolesClaim  the claim holding the caller's roles (a list of role names)
     */
    public record Jwt(String issuerUri, @DefaultValue("roles") String rolesClaim) {
        public Jwt {
            rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim;
        }

        boolean enabled() {
            return issuerUri != null && !issuerUri.isBlank();
        }
    }
}
