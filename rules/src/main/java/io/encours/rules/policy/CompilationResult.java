package io.encours.rules.policy;

import java.util.List;

/** Either an executable policy or the errors that prevent it; never both. */
public record CompilationResult(CompiledPolicy policy, List<PolicyError> errors) {

    public CompilationResult {
        errors = List.copyOf(errors);
        if ((policy == null) == errors.isEmpty()) {
            throw new IllegalArgumentException("a compilation result has a policy or errors, not both");
        }
    }

    public boolean succeeded() {
        return policy != null;
    }

    /** The policy, or an exception listing every error. */
    public CompiledPolicy orThrow() {
        if (policy == null) {
            throw new PolicyCompilationException(errors);
        }
        return policy;
    }
}
