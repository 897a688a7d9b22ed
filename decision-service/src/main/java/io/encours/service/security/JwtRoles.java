package io.encours.service.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * A bearer token's caller: named by {@code preferred_username} (else {@code sub}), with the service's roles
 * found in the roles claim (a list, or a space- or comma-separated string); names that are not roles of the
 * service are ignored. A token whose roles break {@link Duties} (ADMIN with a credit role) is refused (401):
 * the identity provider must keep those duties apart too.
 */
final class JwtRoles implements Converter<Jwt, AbstractAuthenticationToken> {
    private final String claim;

    JwtRoles(String claim) {
        this.claim = claim;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (String name : roleNames(jwt.getClaim(claim))) {
            Role role = Role.parse(name);
            if (role != null && authorities.stream().noneMatch(a -> a.getAuthority().equals(role.authority()))) {
                authorities.add(new SimpleGrantedAuthority(role.authority()));
            }
        }
        Set<Role> roles = Role.parseAll(authorities.stream().map(GrantedAuthority::getAuthority).toList());
        Duties.personConflict(roles).ifPresent(reason -> {
            throw new BadCredentialsException("The token's roles break segregation of duties: " + reason);
        });
        String name = jwt.getClaimAsString("preferred_username");
        return new JwtAuthenticationToken(jwt, authorities, name == null || name.isBlank() ? jwt.getSubject() : name);
    }

    private static List<String> roleNames(Object value) {
        List<String> names = new ArrayList<>();
        if (value instanceof Collection<?> list) {
            list.forEach(v -> names.add(String.valueOf(v)));
        } else if (value instanceof String text) {
            for (String part : text.split("[\\s,]+")) {
                if (!part.isBlank()) {
                    names.add(part);
                }
            }
        }
        return names;
    }
}
