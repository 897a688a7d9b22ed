package io.encours.service.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Users and API keys (role ADMIN), and every caller's own identity and password. Passwords and keys chosen
 * by the service appear once, in the answer that creates them; the store keeps only their hashes.
 */
@RestController
@RequestMapping(path = "/api/v1/admin", produces = "application/json")
@Tag(name = "Administration", description = "Users, API keys and one's own password")
@ApiResponse(responseCode = "400", description = "An invalid field (the problem names it)",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "401", description = "No or wrong credentials",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "403", description = "Not an administrator, or a password change is due first",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
class AdminController {
    private final Administration administration;

    AdminController(Administration administration) {
        this.administration = administration;
    }

    // ---- one's own account

    /** permissions: what the roles allow, named for clients such as the policy editor ({@link Permissions}). */
    record Me(String name, String kind, List<String> roles, List<String> permissions, boolean passwordChangeRequired) {
    }

    record PasswordChangeBody(@NotNull String currentPassword, @NotNull String newPassword) {
    }

    @GetMapping("/me")
    @Operation(summary = "Who am I", description = "The authenticated caller's name, kind (user, api-key, token), roles "
            + "and the permissions they grant (decisions.request, decisions.read, policies.read, policies.evaluate, "
            + "policies.change, holds.read, holds.settle, simulations.read, simulations.start, backtests.read, "
            + "backtests.start, stats.read, audit.read, administration): a client shows what they allow, the "
            + "service enforces them.")
    Me me(Authentication who) {
        List<String> roles = who.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).sorted().toList();
        boolean changeRequired = who.getAuthorities().stream()
                .anyMatch(a -> PasswordChange.REQUIRED_AUTHORITY.equals(a.getAuthority()));
        return new Me(who.getName(), kindOf(who), roles, Permissions.of(roles), changeRequired);
    }

    @PostMapping(path = "/me/password", consumes = "application/json")
    @ResponseStatus(org.springframework.http.HttpStatus.NO_CONTENT)
    @Operation(summary = "Change my password",
            description = "For people who log in with a password held by this service. Required before anything else "
                    + "when the password was set by someone else (first start, new account, reset). The new password "
                    + "must be " + PasswordChange.MIN_LENGTH + " to " + PasswordChange.MAX_LENGTH + " characters.")
    void changeMyPassword(@Valid @RequestBody PasswordChangeBody body, Authentication who) {
        if (!"user".equals(kindOf(who))) {
            throw AdministrationProblem.notAPasswordAccount(who.getName());
        }
        administration.changeOwnPassword(who.getName(), body.currentPassword(), body.newPassword());
    }

    // ---- users

    record UserView(String username, List<Role> roles, boolean enabled, boolean passwordChangeRequired,
                    Instant createdAt, String createdBy, Instant updatedAt, String temporaryPassword) {
        static UserView of(UserAccount a, String temporaryPassword) {
            return new UserView(a.username(), a.roles().stream().sorted().toList(), a.enabled(),
                    a.passwordChangeRequired(), a.createdAt(), a.createdBy(), a.updatedAt(), temporaryPassword);
        }
    }

    record NewUser(@NotBlank String username, @NotNull List<@NotNull Role> roles, String password) {
    }

    record RolesBody(@NotNull List<@NotNull Role> roles) {
    }

    @GetMapping("/users")
    @Operation(summary = "List users")
    List<UserView> users() {
        return administration.users().stream().map(a -> UserView.of(a, null)).toList();
    }

    @GetMapping("/users/{username}")
    @Operation(summary = "Show a user")
    UserView user(@PathVariable String username) {
        return UserView.of(administration.user(username), null);
    }

    @PostMapping(path = "/users", consumes = "application/json")
    @Operation(summary = "Create a user",
            description = "Without a password the service generates one and returns it once as temporaryPassword. "
                    + "Either way the person must change it at first login (POST /api/v1/admin/me/password).")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "409", description = "The username is taken (by a user or a key), or roles one person may not hold together",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<UserView> createUser(@Valid @RequestBody NewUser body, Authentication who) {
        Administration.WithPassword created = administration.createUser(body.username(),
                Role.setOf(body.roles()), body.password(), who.getName());
        return ResponseEntity.created(URI.create("/api/v1/admin/users/" + body.username()))
                .body(UserView.of(created.account(), created.temporaryPassword()));
    }

    @PutMapping(path = "/users/{username}/roles", consumes = "application/json")
    @Operation(summary = "Set a user's roles", description = "Replaces the user's roles; effective at their next request. "
            + "Nobody changes their own roles (403 /problems/own-roles); ADMIN is never held with a credit role "
            + "(CREDIT_ANALYST, CREDIT_MANAGER, CREDIT_COMMITTEE): 409 /problems/incompatible-roles.")
    @ApiResponse(responseCode = "409", description = "Roles that one person may not hold together",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    UserView setRoles(@PathVariable String username, @Valid @RequestBody RolesBody body, Authentication who) {
        return UserView.of(administration.setRoles(username, Role.setOf(body.roles()), who.getName()), null);
    }

    @PostMapping("/users/{username}/unlock")
    @Operation(operationId = "unlock", summary = "Unlock a user's logins",
            description = "Forgets the failed logins counted against the username (encours.security.lockout.*), so "
                    + "the person may log in again at once; recorded in the administration trail.")
    UserView unlock(@PathVariable String username, Authentication who) {
        return UserView.of(administration.unlock(username, who.getName()), null);
    }

    @PostMapping("/users/{username}/disable")
    @Operation(summary = "Disable a user", description = "The user can no longer log in; the account and its history stay.")
    UserView disable(@PathVariable String username, Authentication who) {
        return UserView.of(administration.setEnabled(username, false, who.getName()), null);
    }

    @PostMapping("/users/{username}/enable")
    @Operation(summary = "Enable a user again")
    UserView enable(@PathVariable String username, Authentication who) {
        return UserView.of(administration.setEnabled(username, true, who.getName()), null);
    }

    @PostMapping("/users/{username}/password-reset")
    @Operation(summary = "Reset a user's password",
            description = "Generates a temporary password, returned once; the user must change it at next login.")
    UserView resetPassword(@PathVariable String username, Authentication who) {
        Administration.WithPassword reset = administration.resetPassword(username, who.getName());
        return UserView.of(reset.account(), reset.temporaryPassword());
    }

    // ---- API keys

    record ApiKeyView(String id, String name, String prefix, List<Role> roles, boolean active, Instant createdAt,
                      String createdBy, Instant revokedAt, String revokedBy, String key) {
        static ApiKeyView of(ApiKey k, String key) {
            return new ApiKeyView(k.id(), k.name(), k.prefix(), k.roles().stream().sorted().toList(), !k.revoked(),
                    k.createdAt(), k.createdBy(), k.revokedAt(), k.revokedBy(), key);
        }
    }

    record NewApiKey(@NotBlank String name, @NotNull List<@NotNull Role> roles) {
    }

    @GetMapping("/api-keys")
    @Operation(summary = "List API keys", description = "Names, prefixes, roles and status; never the keys themselves.")
    List<ApiKeyView> apiKeys() {
        return administration.apiKeys().stream().map(k -> ApiKeyView.of(k, null)).toList();
    }

    @PostMapping(path = "/api-keys", consumes = "application/json")
    @Operation(summary = "Create an API key for a machine client",
            description = "The answer's key field is the only time the key is shown: hand it to the client's "
                    + "operators, who send it as the X-API-Key header. The name is what the audit trail records. "
                    + "A key carries machine roles only (ORDER_SYSTEM, ERP_FEED, AUDITOR), never ADMIN or a credit role "
                    + "(409 /problems/incompatible-roles); for four eyes it counts as the administrator who "
                    + "created it.")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "409", description = "The name is taken (by a key or a user), or a role a key may not carry",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<ApiKeyView> createApiKey(@Valid @RequestBody NewApiKey body, Authentication who) {
        ApiKeys.Created created = administration.createApiKey(body.name(), Role.setOf(body.roles()),
                who.getName());
        return ResponseEntity.created(URI.create("/api/v1/admin/api-keys/" + created.apiKey().id()))
                .body(ApiKeyView.of(created.apiKey(), created.key()));
    }

    @PostMapping("/api-keys/{id}/revoke")
    @Operation(summary = "Revoke an API key", description = "At once on this instance, within encours.security."
            + "api-key-refresh on the others. The key stays listed as revoked.")
    ApiKeyView revoke(@PathVariable String id, Authentication who) {
        return ApiKeyView.of(administration.revokeApiKey(id, who.getName()), null);
    }

    private static String kindOf(Authentication who) {
        if (who instanceof ApiKeyAuthentication) {
            return "api-key";
        }
        if (who instanceof org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken) {
            return "token";
        }
        return "user";
    }
}
