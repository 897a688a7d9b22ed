package io.encours.service.hold;

import io.encours.service.audit.DecisionIds;
import io.encours.service.web.FieldProblem;
import io.encours.service.web.ProblemException;
import io.encours.service.web.Problems;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The callback allowlist and the check every callback URL passes, at registration and again at each call:
 * its origin (scheme, host, port) must be listed, and unless the entry allows private addresses, every address
 * its host resolves to must be public. The call then goes to the address checked (see {@link PinnedPost}), so a
 * host that resolves differently a second later (DNS rebinding) cannot turn the call inwards.
 */
class CallbackTargets {
    private static final Logger log = LoggerFactory.getLogger(CallbackTargets.class);
    static final int MIN_SECRET = 32;
    static final int MAX_SECRET = 256;
    private static final Pattern HOST_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|[0-9a-f:.]*:[0-9a-f:.]*");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What an administrator asks to add; a null port means the scheme's default, a null secret a new one. */
    record NewTarget(String scheme, String host, Integer port, Boolean allowPrivateAddress, String secret) {
    }

    /** A URL that passed the check: its entry and the address to connect to (and nowhere else). */
    record Checked(URI uri, CallbackTarget target, InetAddress address) {
    }

    /** Why a URL is refused, in words an order-system developer can act on. */
    static final class Refused extends Exception {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    private final CallbackTargetStore store;
    private final HostResolver resolver;
    private final DecisionIds ids;
    private final Clock clock;
    /** Start-up steps (index, configured entries) the store was unreachable for: taken before the first use. */
    private volatile Runnable pending;

    CallbackTargets(CallbackTargetStore store, HostResolver resolver, DecisionIds ids, Clock clock) {
        this.store = store;
        this.resolver = resolver;
        this.ids = ids;
        this.clock = clock;
    }

    /** Runs {@code steps} now, or before the first use of the list when the store cannot be reached yet. */
    void prepare(Runnable steps) {
        try {
            steps.run();
        } catch (com.mongodb.MongoCommandException e) {
            throw e;
        } catch (com.mongodb.MongoException e) {
            log.warn("callback allowlist not prepared at start-up, the store is unreachable; done before its first "
                    + "use reason=\"{}\"", e.getMessage());
            pending = steps;
        }
    }

    private void ready() {
        if (pending != null) {
            synchronized (this) {
                Runnable steps = pending;
                if (steps != null) {
                    pending = null; // seeding adds entries, which come back here
                    try {
                        steps.run();
                    } catch (RuntimeException e) {
                        pending = steps;
                        throw e;
                    }
                }
            }
        }
    }

    List<CallbackTarget> all() {
        ready();
        return store.all();
    }

    List<CallbackTargetChange> changes(int limit) {
        ready();
        return store.changes(limit);
    }

    /** Adds an entry and records who did; refuses invalid fields (400) and an origin already listed (409). */
    CallbackTarget add(NewTarget asked, String who) {
        ready();
        CallbackTarget target = validated(asked, who);
        if (!store.insert(target)) {
            throw HoldProblems.callbackTargetExists(target.origin());
        }
        store.record(new CallbackTargetChange(ids.next(), CallbackTargetChange.ADDED, who, clock.instant(), null,
                CallbackTargetStore.withoutSecret(target)));
        log.info("callback target added origin={} allowPrivateAddress={} who={}", target.origin(),
                target.allowPrivateAddress(), who);
        return target;
    }

    /** Removes an entry and records who did: callbacks to it stop at once, registered URLs included. */
    CallbackTarget remove(String id, String who) {
        ready();
        CallbackTarget target = store.find(id).orElseThrow(() -> HoldProblems.callbackTargetNotFound(id));
        if (!store.delete(id)) {
            throw HoldProblems.callbackTargetNotFound(id);
        }
        store.record(new CallbackTargetChange(ids.next(), CallbackTargetChange.REMOVED, who, clock.instant(),
                CallbackTargetStore.withoutSecret(target), null));
        log.info("callback target removed origin={} who={}", target.origin(), who);
        return target;
    }

    /** Adds the configured entries whose origin is not listed yet (recorded as changes by "configuration"). */
    void seed(List<HoldProperties.CallbackTargetSeed> seeds) {
        for (int i = 0; i < seeds.size(); i++) {
            HoldProperties.CallbackTargetSeed seed = seeds.get(i);
            NewTarget asked = new NewTarget(seed.scheme(), seed.host(), seed.port(), seed.allowPrivateAddress(),
                    seed.secret());
            try {
                CallbackTarget target = validated(asked, "configuration");
                if (store.byOrigin(target.origin()).isEmpty()) {
                    add(asked, "configuration");
                }
            } catch (ProblemException e) {
                throw new IllegalStateException("encours.holds.callback-targets[" + i + "]: " + e.getMessage(), e);
            }
        }
    }

    /** The entry of the URL and the checked address to call, or why the URL may not be called. */
    Checked check(String url) throws Refused {
        ready();
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new Refused("must be an absolute http or https URL");
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || uri.getHost() == null || uri.getUserInfo() != null) {
            throw new Refused("must be an absolute http or https URL without user info");
        }
        int port = uri.getPort() == -1 ? CallbackTarget.defaultPort(scheme) : uri.getPort();
        String origin = CallbackTarget.origin(scheme, uri.getHost(), port);
        CallbackTarget target = store.byOrigin(origin).orElseThrow(() -> new Refused(
                "is not an allowed callback target: no allowlist entry for " + origin
                        + " (an administrator adds it at /api/v1/admin/callback-targets)"));
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(target.host());
        } catch (UnknownHostException e) {
            throw new Refused("host " + target.host() + " does not resolve");
        }
        if (addresses.isEmpty()) {
            throw new Refused("host " + target.host() + " does not resolve");
        }
        if (!target.allowPrivateAddress()) {
            for (InetAddress address : addresses) {
                Optional<String> restriction = CallbackAddresses.restriction(address);
                if (restriction.isPresent()) {
                    throw new Refused("host " + target.host() + " resolves to " + address.getHostAddress() + ", "
                            + CallbackAddresses.described(restriction.get()) + "; refused because the allowlist entry for " + origin
                            + " does not allow private addresses");
                }
            }
        }
        return new Checked(uri, target, addresses.get(0));
    }

    private CallbackTarget validated(NewTarget asked, String who) {
        List<FieldProblem> errors = new ArrayList<>();
        String scheme = asked.scheme() == null ? "" : asked.scheme().strip().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            errors.add(new FieldProblem("scheme", "must be http or https"));
        }
        String host = asked.host() == null ? "" : CallbackTarget.normalHost(asked.host());
        boolean literal = IP_LITERAL.matcher(host).matches();
        if (host.isEmpty() || host.length() > 253 || !(literal || HOST_NAME.matcher(host).matches())) {
            errors.add(new FieldProblem("host", "must be a host name or an IP address (no scheme, port or path)"));
        } else if (literal && !Boolean.TRUE.equals(asked.allowPrivateAddress())) {
            try {
                InetAddress address = InetAddress.getByName(host); // a literal: no lookup
                CallbackAddresses.restriction(address).ifPresent(r -> errors.add(new FieldProblem("host",
                        "is " + CallbackAddresses.described(r) + ": callbacks to it are refused unless allowPrivateAddress is true")));
            } catch (UnknownHostException e) {
                errors.add(new FieldProblem("host", "is not a valid IP address"));
            }
        }
        int port = asked.port() == null ? CallbackTarget.defaultPort(scheme) : asked.port();
        if (port < 1 || port > 65535) {
            errors.add(new FieldProblem("port", "must be 1 to 65535"));
        }
        String secret = asked.secret();
        if (secret != null && (secret.length() < MIN_SECRET || secret.length() > MAX_SECRET || secret.isBlank())) {
            errors.add(new FieldProblem("secret", "must be " + MIN_SECRET + " to " + MAX_SECRET
                    + " characters (or left out: the service then generates one)"));
        }
        if (!errors.isEmpty()) {
            throw Problems.invalidFields(errors);
        }
        return new CallbackTarget(ids.next(), scheme, host, port, Boolean.TRUE.equals(asked.allowPrivateAddress()),
                secret == null ? newSecret() : secret, who, clock.instant());
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
