package dk.tilsyn.platform.web;

import dk.tilsyn.platform.tenancy.CurrentUser;
import dk.tilsyn.platform.tenancy.Role;

import java.util.Set;

/**
 * One entry of the main navigation. Each feature declares its own as a bean, so adding a feature adds its menu
 * entry without touching the layout.
 *
 * @param roles who sees it: any of these roles in the current institution; empty means every member
 */
public record NavigationItem(String id, String path, String messageKey, int order, Set<Role> roles) {

    public boolean visibleTo(CurrentUser user) {
        if (!user.isMember()) {
            return false;
        }
        return roles.isEmpty() || roles.stream().anyMatch(role -> user.roles().contains(role));
    }
}
