package dk.tilsyn.platform.web;

import dk.tilsyn.platform.tenancy.CurrentUser;

import java.util.List;

/** A feature's tiles for the current user in their current institution (empty when the user may not see them). */
@FunctionalInterface
public interface DashboardTiles {
    List<DashboardTile> tilesFor(CurrentUser user);
}
