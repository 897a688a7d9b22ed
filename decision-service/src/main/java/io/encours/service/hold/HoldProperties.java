package io.encours.service.hold;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Callbacks to the order-entry system when a hold is settled.
 *
 * @param callbackAttempts     calls before giving up (the first one included)
 * @param callbackFirstDelay   wait before the second call; each further wait doubles (1 s, 2 s, 4 s, 8 s)
 * @param callbackTimeout      how long connecting may take, and then how long each read may wait
 * @param callbackTargets      allowlist entries added at start-up when their origin is not listed yet
 *                             ({@code encours.holds.callback-targets[0].host=erp.example} and so on); the
 *                             administrator manages the list at {@code /api/v1/admin/callback-targets}
 * @param callbackThreads      threads of the {@code hold-callbacks} pool that makes the calls and their retries
 * @param createIndexes        create the holds' and the allowlist's indexes at start-up; off where a database
 *                             administrator owns them
 */
@ConfigurationProperties("encours.holds")
public record HoldProperties(
        @DefaultValue("5") int callbackAttempts,
        @DefaultValue("1s") Duration callbackFirstDelay,
        @DefaultValue("5s") Duration callbackTimeout,
        List<CallbackTargetSeed> callbackTargets,
        @DefaultValue("1") int callbackThreads,
        @DefaultValue("true") boolean createIndexes) {

    public HoldProperties {
        callbackTargets = callbackTargets == null ? List.of() : List.copyOf(callbackTargets);
        if (callbackThreads < 1) {
            throw new IllegalArgumentException("encours.holds.callback-threads must be at least 1");
        }
    }

    /**
     * One configured allowlist entry.
     *
     * @param scheme              http or https
     * @param host                host name or IP address
     * @param port                the scheme's default when left out
     * @param allowPrivateAddress whether the host may resolve to a loopback, link-local or private address
     * @param secret              the HMAC secret (32 to 256 characters; from an environment variable, not a file
     *                            under version control); generated when left out, and then unknown to the receiver
     *                            until an administrator replaces the entry
     */
    public record CallbackTargetSeed(String scheme, String host, Integer port, boolean allowPrivateAddress,
                                     String secret) {
    }
}
