package io.encours.service.security;

import io.encours.service.web.ProblemException;
import io.encours.service.web.Problems;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The refusals of user and API key administration, with their problem types. */
final class AdministrationProblems {
    static final String USER_NOT_FOUND = "/problems/user-not-found";
    static final String USER_EXISTS = "/problems/user-exists";
    static final String API_KEY_NOT_FOUND = "/problems/api-key-not-found";
    static final String API_KEY_EXISTS = "/problems/api-key-exists";
    static final String SELF_LOCKOUT = "/problems/self-lockout";
    static final String NOT_A_PASSWORD_ACCOUNT = "/problems/not-a-password-account";
    static final String INCOMPATIBLE_ROLES = "/problems/incompatible-roles";
    static final String OWN_ROLES = "/problems/own-roles";
    static final String NAME_TAKEN = "/problems/name-taken";

    private AdministrationProblems() {
    }

    static ProblemException userNotFound(String username) {
        return of(HttpStatus.NOT_FOUND, USER_NOT_FOUND, "User not found", "No user named " + username);
    }

    static ProblemException userExists(String username) {
        return of(HttpStatus.CONFLICT, USER_EXISTS, "User exists", "A user named " + username + " exists already");
    }

    static ProblemException apiKeyNotFound(String id) {
        return of(HttpStatus.NOT_FOUND, API_KEY_NOT_FOUND, "API key not found", "No API key with id " + id);
    }

    static ProblemException apiKeyExists(String name) {
        return of(HttpStatus.CONFLICT, API_KEY_EXISTS, "API key exists",
                "An API key named " + name + " exists already (revoked keys keep their name); choose another name");
    }

    static ProblemException selfLockout(String detail) {
        return of(HttpStatus.CONFLICT, SELF_LOCKOUT, "Administrators cannot lock themselves out", detail);
    }

    static ProblemException incompatibleRoles(String reason) {
        ProblemException refused = of(HttpStatus.CONFLICT, INCOMPATIBLE_ROLES, "Incompatible roles",
                "Segregation of duties: " + reason);
        refused.problem().setProperty("errors", List.of(Map.of("field", "roles", "reason", reason)));
        return refused;
    }

    static ProblemException ownRoles(String username) {
        return of(HttpStatus.FORBIDDEN, OWN_ROLES, "Nobody changes their own roles",
                username + " cannot change their own roles; another administrator must");
    }

    /** People and keys share one namespace: the audit trail names the caller, and must name one. */
    static ProblemException nameTaken(String name, String holder) {
        return of(HttpStatus.CONFLICT, NAME_TAKEN, "Name taken",
                name + " is already the name of " + holder + "; people and API keys never share a name");
    }

    static ProblemException notAPasswordAccount(String name) {
        return of(HttpStatus.CONFLICT, NOT_A_PASSWORD_ACCOUNT, "No password here",
                name + " does not log in with a password held by this service (API key or identity provider)");
    }

    static ProblemException invalidField(String field, String reason) {
        return Problems.invalidField(field, reason);
    }

    private static ProblemException of(HttpStatus status, String type, String title, String detail) {
        return Problems.refuse(status, type, title, detail);
    }
}
