package dk.tilsyn.platform.security;

import dk.tilsyn.platform.identity.AppUser;
import dk.tilsyn.platform.identity.UserRepository;
import dk.tilsyn.platform.jdbc.Clock;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Local accounts for form login. Roles are not authorities here: they depend on the institution chosen per
 * request and are checked by the access interceptor.
 */
@Service
class TilsynUserDetailsService implements UserDetailsService {

    private final UserRepository users;

    TilsynUserDetailsService(UserRepository users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        AppUser user = users.findByUsername(username)
                .filter(AppUser::hasLocalPassword)
                .orElseThrow(() -> new UsernameNotFoundException("No local account"));
        return User.withUsername(user.username())
                .password(user.passwordHash())
                .disabled(!user.enabled())
                .accountLocked(user.isLockedAt(Clock.now()))
                .authorities("USER")
                .build();
    }
}
