package io.encours.service.policy;

/**
 * Who takes a policy action: the authenticated caller's name (a username or an API key's name); the
 * {@code X-Caller} header only when the request is not authenticated. Controllers receive it resolved
 * ({@link ActorResolver}); four eyes then compares the people behind names ({@link PolicyLifecycle}).
 */
record Actor(String name) {
    static final String ANONYMOUS = "anonymous";

    Actor {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("An actor has a name");
        }
    }

    static Actor of(String authenticated, String declared) {
        if (authenticated != null) {
            return new Actor(authenticated);
        }
        return new Actor(declared == null || declared.isBlank() ? ANONYMOUS : declared.strip());
    }
}
