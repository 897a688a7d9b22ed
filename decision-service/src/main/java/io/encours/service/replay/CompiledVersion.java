package io.encours.service.replay;

import io.encours.rules.policy.CompiledPolicy;
import java.util.Objects;

/**
 * A stored policy version, compiled from its sources.
 *
 * @param number the version's number in the store
 * @param label  the version label of its manifest, e.g. 2026.1
 * @param hash   the content hash of its sources, the one each decision's audit record carries
 */
public record CompiledVersion(int number, String label, String hash, CompiledPolicy policy) {
    public CompiledVersion {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(policy, "policy");
    }

    /** The version as a replay report names it. */
    public PolicyRef ref() {
        return new PolicyRef(number, label, hash);
    }

    /** Which policy version: number (null when no stored version has the hash), label and content hash. */
    public record PolicyRef(Integer number, String label, String hash) {
    }
}
