package io.encours.service.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** What a caller may do; Spring sees each role as the authority {@code ROLE_<NAME>}. */
public enum Role {
    /** An order-entry system: asks for decisions and reads its holds. */
    ORDER_SYSTEM,
    /** The ERP's feed: sends its events to the ledger and loads accounts and open items from its exports. */
    ERP_FEED,
    CREDIT_ANALYST,
    CREDIT_MANAGER,
    /** Authors, approves and activates policies. */
    CREDIT_COMMITTEE,
    /** Reads decisions, policies, holds and accounts; changes nothing. */
    AUDITOR,
    /** Manages users and API keys. */
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }

    /** A role by name, with or without the {@code ROLE_} prefix, in any case; null when there is none. */
    static Role parse(String name) {
        if (name == null) {
            return null;
        }
        String plain = name.trim().toUpperCase(Locale.ROOT);
        if (plain.startsWith("ROLE_")) {
            plain = plain.substring(5);
        }
        for (Role role : values()) {
            if (role.name().equals(plain)) {
                return role;
            }
        }
        return null;
    }

    /** The roles named in a stored list; names that are no longer roles are dropped. */
    static Set<Role> parseAll(List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) {
            Role role = parse(name);
            if (role != null) {
                roles.add(role);
            }
        }
        return roles;
    }

    /** Role names in a stable order, for documents and events. */
    static List<String> namesOf(Collection<Role> roles) {
        return roles.stream().sorted().map(Role::name).toList();
    }

    static Set<Role> setOf(List<Role> roles) {
        return roles == null || roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
    }

    static List<GrantedAuthority> authorities(Collection<Role> roles) {
        return roles.stream().sorted().map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority())).toList();
    }

    static String[] names(Role... roles) {
        return Arrays.stream(roles).map(Role::name).toArray(String[]::new);
    }
}
