package io.encours.service.hold;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One entry of the callback allowlist: the order-entry system's origin (scheme, host, port) that callback
 * URLs may point at, whether it may be on a private network, and the secret its callbacks are signed with.
 */
record CallbackTarget(String id, String scheme, String host, int port, boolean allowPrivateAddress, String secret,
                      String createdBy, Instant createdAt) {
    CallbackTarget {
        Objects.requireNonNull(id, "id");
        scheme = scheme.toLowerCase(Locale.ROOT);
        host = normalHost(host);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("scheme must be http or https");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1 to 65535");
        }
        Objects.requireNonNull(secret, "secret");
    }

    /** The key the allowlist is matched on, e.g. {@code https://erp.example:443}. */
    String origin() {
        return origin(scheme, host, port);
    }

    static String origin(String scheme, String host, int port) {
        return scheme.toLowerCase(Locale.ROOT) + "://" + normalHost(host) + ":" + port;
    }

    static int defaultPort(String scheme) {
        return "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }

    /** Host names compare without case and without a trailing dot; IPv6 literals without brackets. */
    static String normalHost(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }
}
