/**
 * Policy bundles (the files a credit committee authors), the compiler that turns them into an
 * executable {@link io.encours.rules.policy.CompiledPolicy} or a list of located
 * {@link io.encours.rules.policy.PolicyError}s, and the evaluator.
 */
package io.encours.rules.policy;
