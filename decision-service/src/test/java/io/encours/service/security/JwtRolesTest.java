package io.encours.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** A bearer token's roles claim becomes the service's roles; anything else in it is ignored. */
class JwtRolesTest {

    private static Jwt.Builder token() {
        return Jwt.withTokenValue("t").header("alg", "RS256").subject("8f1c-42")
                .issuedAt(Instant.parse("2026-06-15T08:00:00Z")).expiresAt(Instant.parse("2026-06-15T09:00:00Z"));
    }

    @Test
    void roles_come_from_the_roles_claim_and_the_name_from_preferred_username() {
        var authentication = new JwtRoles("roles").convert(token().claim("preferred_username", "c.lefebvre")
                .claim("roles", List.of("CREDIT_COMMITTEE", "ROLE_AUDITOR", "superuser", "credit_committee")).build());

        assertThat(authentication.getName()).isEqualTo("c.lefebvre");
        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_CREDIT_COMMITTEE", "ROLE_AUDITOR");
    }

    @Test
    void a_space_separated_claim_works_and_without_a_username_the_subject_names_the_caller() {
        var authentication = new JwtRoles("groups").convert(token().claim("groups", "CREDIT_ANALYST AUDITOR").build());

        assertThat(authentication.getName()).isEqualTo("8f1c-42");
        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_CREDIT_ANALYST", "ROLE_AUDITOR");
    }

    @Test
    void without_the_claim_a_token_has_no_role() {
        assertThat(new JwtRoles("roles").convert(token().build()).getAuthorities()).isEmpty();
    }

    @Test
    void a_token_holding_administration_and_a_credit_role_is_refused() {
        Jwt both = token().claim("preferred_username", "boss").claim("roles", List.of("ADMIN", "CREDIT_COMMITTEE")).build();

        assertThatThrownBy(() -> new JwtRoles("roles").convert(both))
                .isInstanceOf(BadCredentialsException.class).hasMessageContaining("segregation of duties");
        assertThat(new JwtRoles("roles").convert(token().claim("roles", List.of("ADMIN", "AUDITOR")).build())
                .getAuthorities()).hasSize(2);
    }
}
