package io.encours.service.security;

import com.mongodb.MongoException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * The {@code api_keys} collection, and the keys in force held in memory: the decision endpoints check a key
 * on every call, in microseconds, and keep working while the store is briefly out of reach (the decision
 * then fails on its audit record, with the right problem). The memory copy is re-read every
 * {@code encours.security.api-key-refresh}; a key created or revoked on this instance counts at once.
 */
class ApiKeys {
    private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Marks the service's keys, so secret scanners can recognise a leaked one. */
    static final String KEY_PREFIX = "enc_";

    private final ApiKeyStore store;
    private final Clock clock;
    private volatile Map<String, ApiKey> activeByHash = Map.of();

    ApiKeys(ApiKeyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A key just created: the stored form, and the key itself, which nobody can see again. */
    record Created(ApiKey apiKey, String key) {
    }

    void createIndexes() {
        store.createIndexes();
    }

    /** A new random key for a client; empty when a key of that name exists (revoked or not). */
    Optional<Created> create(String name, Set<Role> roles, String createdBy) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String key = KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return store(name, key, roles, createdBy).map(k -> new Created(k, key));
    }

    /** Stores a key chosen in configuration (bootstrap); empty when a key of that name exists. */
    Optional<ApiKey> store(String name, String key, Set<Role> roles, String createdBy) {
        ApiKey apiKey = new ApiKey(UUID.randomUUID().toString(), name, hash(key),
                key.substring(0, Math.min(8, key.length())), roles, clock.instant(), createdBy, null, null);
        if (findByName(name).isPresent()) {
            return Optional.empty();
        }
        if (!store.insert(apiKey)) {
            return Optional.empty();
        }
        remember(apiKey);
        return Optional.of(apiKey);
    }

    Optional<ApiKey> findByName(String name) {
        return store.findByName(name);
    }

    Optional<ApiKey> findById(String id) {
        return store.findById(id);
    }

    List<ApiKey> all() {
        return store.all();
    }

    /** Revokes a key for good; the revoked key stays listed, with who revoked it and when. */
    Optional<ApiKey> revoke(String id, String by) {
        Optional<ApiKey> found = findById(id);
        if (found.isEmpty() || found.get().revoked()) {
            return found;
        }
        ApiKey revoked = found.get().revoke(clock.instant(), by);
        store.save(revoked);
        forget(revoked);
        return Optional.of(revoked);
    }

    /**
     * The key in force that a caller presents, if any. A stored key whose roles break {@link Duties} (made
     * before the rule) is refused, with a log line, until it is revoked and replaced.
     *
     * @throws MongoException a key not known to this instance could not be looked up in the store
     */
    Optional<ApiKey> authenticate(String presentedKey) {
        return find(presentedKey).filter(key -> {
            Optional<String> conflict = Duties.keyConflict(key.roles());
            conflict.ifPresent(reason -> log.warn("API key refused name={} roles={}: {}", key.name(),
                    Role.namesOf(key.roles()), reason));
            return conflict.isEmpty();
        });
    }

    private Optional<ApiKey> find(String presentedKey) {
        String hash = hash(presentedKey);
        ApiKey known = activeByHash.get(hash);
        if (known != null) {
            return Optional.of(known);
        }
        // Created on another instance since the last refresh?
        try {
            ApiKey found = store.findByHash(hash).orElse(null);
            if (found == null || found.revoked()) {
                return Optional.empty();
            }
            remember(found);
            return Optional.of(found);
        } catch (DataAccessException | MongoException e) {
            // Not "unknown key": the store cannot say. The filter answers 503, not 401 (issue 12, outage).
            log.warn("API key lookup failed: {}", e.getMessage());
            throw e;
        }
    }

    /**
     * Re-reads the keys in force; keeps the previous copy when the store cannot be read. Under the same lock as
     * {@link #forget}: a refresh that read the store before a revocation was saved would otherwise publish its
     * copy after the revocation had removed the key, and bring the revoked key back until the next refresh.
     */
    synchronized void refresh() {
        try {
            Map<String, ApiKey> active = new ConcurrentHashMap<>();
            for (ApiKey key : store.active()) {
                active.put(key.hash(), key);
            }
            activeByHash = active;
        } catch (DataAccessException | MongoException e) {
            log.warn("API keys not refreshed, the previous ones stay in force: {}", e.getMessage());
        }
    }

    private synchronized void remember(ApiKey key) {
        Map<String, ApiKey> copy = new ConcurrentHashMap<>(activeByHash);
        copy.put(key.hash(), key);
        activeByHash = copy;
    }

    private synchronized void forget(ApiKey key) {
        Map<String, ApiKey> copy = new ConcurrentHashMap<>(activeByHash);
        copy.remove(key.hash());
        activeByHash = copy;
    }

    static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
