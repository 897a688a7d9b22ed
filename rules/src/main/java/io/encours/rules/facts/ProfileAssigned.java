package io.encours.rules.facts;

/** The debtor profile the policy settled on, inserted once the profile table has fired. */
public final class ProfileAssigned {
    private final String profile;

    public ProfileAssigned(String profile) { this.profile = profile; }

    public String getProfile() { return profile; }
}
