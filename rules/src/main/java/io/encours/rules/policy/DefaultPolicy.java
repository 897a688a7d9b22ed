package io.encours.rules.policy;

/** The default French credit policy shipped in this module ({@code policies/credit-policy-fr}). */
public final class DefaultPolicy {
    public static final String CLASSPATH_FOLDER = "policies/credit-policy-fr";

    private DefaultPolicy() {
    }

    public static PolicyBundle bundle() {
        return PolicyBundle.fromClasspath(CLASSPATH_FOLDER);
    }

    public static CompiledPolicy compile() {
        return new PolicyCompiler().compile(bundle()).orThrow();
    }
}
