package io.encours.service.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A machine client authenticated by its API key; its name is the key's name. */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {
    private final ApiKey apiKey;

    ApiKeyAuthentication(ApiKey apiKey) {
        super(Role.authorities(apiKey.roles()));
        this.apiKey = apiKey;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return apiKey.name();
    }

    @Override
    public String getName() {
        return apiKey.name();
    }

    String keyId() {
        return apiKey.id();
    }
}
