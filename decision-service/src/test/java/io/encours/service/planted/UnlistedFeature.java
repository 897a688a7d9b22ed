package io.encours.service.planted;

/**
 * A planted violation, never run: a feature package ({@code planted}) that ArchitectureTest.ALLOWED_FEATURE_DEPENDENCIES
 * does not list. ArchitectureRuleTest shows that a new feature must be given its line there.
 */
public final class UnlistedFeature {
    private UnlistedFeature() {
    }
}
