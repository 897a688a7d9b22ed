package io.encours.service.security;

import java.util.Objects;
import java.util.Optional;

/**
 * The person behind a credential, for four eyes: a person is themselves (password or bearer token); an API
 * key is the person who created it. People and keys never share a name, so a name recorded as an author or
 * an approver says which it was. Four eyes compares these people, never the credentials.
 */
public class CredentialOwners {
    /** Keys made by keys (before keys lost the ADMIN role) are followed back this far, then refused. */
    private static final int MAX_CHAIN = 8;

    private final ApiKeys apiKeys;

    CredentialOwners(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    /** The person who acts under this name: the name itself, or the creator of the API key of that name. */
    public String personOf(String name) {
        String person = name;
        for (int i = 0; i < MAX_CHAIN; i++) {
            Optional<ApiKey> key = person == null ? Optional.empty() : apiKeys.findByName(person);
            if (key.isEmpty()) {
                return person;
            }
            person = key.get().createdBy();
        }
        throw new IllegalStateException("API key " + name + " was created through more than " + MAX_CHAIN + " keys");
    }

    /** Whether two names (callers, authors, approvers) are the same person. */
    public boolean samePerson(String one, String other) {
        return Objects.equals(personOf(one), personOf(other));
    }
}
