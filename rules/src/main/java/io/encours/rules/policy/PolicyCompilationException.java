package io.encours.rules.policy;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a policy that must compile (the default one, say) does not. */
public class PolicyCompilationException extends RuntimeException {
    private final List<PolicyError> errors;

    public PolicyCompilationException(List<PolicyError> errors) {
        super("The policy does not compile:\n" + errors.stream().map(PolicyError::toString)
                .collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<PolicyError> errors() {
        return errors;
    }
}
