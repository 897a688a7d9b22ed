package io.encours.service.replay;

import io.encours.rules.policy.CompilationResult;
import io.encours.rules.policy.CompiledPolicy;
import io.encours.rules.policy.PolicyCompiler;
import io.encours.service.policy.ActivePolicy;
import io.encours.service.policy.PolicyLifecycle;
import io.encours.service.policy.PolicyProblems;
import io.encours.service.policy.PolicyVersion;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Stored policy versions, compiled from their sources on demand and kept in a small least-recently-used
 * cache (a compile takes 0.4 to 3 s; a compiled version holds a rule base and a session pool). The version
 * in force is never compiled again: when the content hash asked for is the active one's, the active
 * compiled policy is used. Two versions with the same sources have the same hash and the same rules, so the
 * cache is keyed by hash.
 */
@Component
public class CompiledVersions {
    private static final Logger log = LoggerFactory.getLogger(CompiledVersions.class);
    static final int CAPACITY = 4;

    private final PolicyLifecycle lifecycle;
    private final ActivePolicy activePolicy;
    private final PolicyCompiler compiler = new PolicyCompiler();
    /** Hash to compiled version, in access order; a compile in progress is a future, so it runs once. */
    private final Map<String, CompletableFuture<CompiledPolicy>> cache = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<CompiledPolicy>> eldest) {
            return size() > CAPACITY;
        }
    };

    /** Hash to the number of the stored version found with it, so that a replay reads one version, not all. */
    private final Map<String, Integer> numbers = new ConcurrentHashMap<>();

    CompiledVersions(PolicyLifecycle lifecycle, ActivePolicy activePolicy) {
        this.lifecycle = lifecycle;
        this.activePolicy = activePolicy;
    }

    /**
     * Version {@code number}, compiled.
     *
     * @throws io.encours.service.web.ProblemException 404 when there is no such version, 422 when it does not
     *                                                 compile
     */
    public CompiledVersion byNumber(int number) {
        PolicyVersion version = lifecycle.version(number);
        return compiledVersion(version);
    }

    /**
     * The stored version with these sources (the lowest number when several have them), compiled.
     *
     * @throws io.encours.service.web.ProblemException 409 when no stored version has this content hash
     */
    public CompiledVersion byHash(String hash) {
        Integer known = numbers.get(hash);
        PolicyVersion version = known == null ? null : lifecycle.version(known);
        if (version == null || !version.contentHash().equals(hash)) {
            // A draft's hash changes with its files: a number seen before is only a hint.
            version = lifecycle.versions().stream()
                    .filter(v -> v.contentHash().equals(hash))
                    .min(Comparator.comparingInt(PolicyVersion::number))
                    .orElseThrow(() -> ReplayProblems.policyNotStored(hash));
            numbers.put(hash, version.number());
        }
        return compiledVersion(version);
    }

    private CompiledVersion compiledVersion(PolicyVersion version) {
        CompiledPolicy policy = compiled(version);
        return new CompiledVersion(version.number(), policy.stamp().version(), version.contentHash(), policy);
    }

    private CompiledPolicy compiled(PolicyVersion version) {
        CompiledPolicy active = activePolicy.current();
        if (active.stamp().contentHash().equals(version.contentHash())) {
            return active;
        }
        CompletableFuture<CompiledPolicy> entry;
        boolean mine = false;
        synchronized (cache) {
            entry = cache.get(version.contentHash());
            if (entry == null) {
                entry = new CompletableFuture<>();
                cache.put(version.contentHash(), entry);
                mine = true;
            }
        }
        if (mine) {
            compileInto(version, entry);
        }
        try {
            return entry.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while version " + version.number() + " compiled", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void compileInto(PolicyVersion version, CompletableFuture<CompiledPolicy> entry) {
        long start = System.nanoTime();
        try {
            CompilationResult result = compiler.compile(version.bundle());
            if (!result.succeeded()) {
                // Not cached: a failed compile is not a version anyone can evaluate with.
                synchronized (cache) {
                    cache.remove(version.contentHash(), entry);
                }
                entry.completeExceptionally(PolicyProblems.doesNotCompile(version.number(), result.errors()));
                return;
            }
            log.info("policy version {} compiled for replay in {} ms", version.number(),
                    (System.nanoTime() - start) / 1_000_000);
            entry.complete(result.policy());
        } catch (RuntimeException e) {
            synchronized (cache) {
                cache.remove(version.contentHash(), entry);
            }
            entry.completeExceptionally(e);
        }
    }
}
