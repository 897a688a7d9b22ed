package io.encours.service.security;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Who may log in with a password: the stored accounts, as Spring Security sees them. A person whose password
 * must be changed gets no role at all, only the right to change it. An account whose stored roles break
 * {@link Duties} (made before the rule) cannot log in.
 */
class PeopleDirectory implements UserDetailsService {
    private static final Logger log = LoggerFactory.getLogger(PeopleDirectory.class);
    private final UserAccountStore accounts;

    PeopleDirectory(UserAccountStore accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserAccount account = accounts.find(username)
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
        Duties.personConflict(account.roles()).ifPresent(reason -> {
            // Stored before segregation of duties was enforced: refused until an administrator fixes the roles.
            log.warn("login refused user={} roles={}: {}", username, Role.namesOf(account.roles()), reason);
            throw new UsernameNotFoundException("roles break segregation of duties");
        });
        List<GrantedAuthority> authorities = account.passwordChangeRequired()
                ? List.of(new SimpleGrantedAuthority(PasswordChange.REQUIRED_AUTHORITY))
                : Role.authorities(account.roles());
        return User.withUsername(account.username())
                .password(account.passwordHash())
                .authorities(authorities)
                .disabled(!account.enabled())
                .build();
    }
}
