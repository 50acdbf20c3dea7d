package dk.tilsyn.access.internal;

import dk.tilsyn.platform.tenancy.Role;
import dk.tilsyn.platform.web.DashboardTile;
import dk.tilsyn.platform.web.DashboardTiles;
import dk.tilsyn.platform.web.NavigationItem;
import dk.tilsyn.platform.web.UploadLimit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The feature's menu entries, front-page figures and upload limit. */
@Configuration(proxyBeanMethods = false)
class AccessWiring {

    @Bean
    NavigationItem accessNavigationItem() {
        return new NavigationItem("access", "/analyser", "nav.runs", 30, Set.of());
    }

    @Bean
    NavigationItem ruleSetNavigationItem() {
        return new NavigationItem("ruleset", "/regelsaet", "nav.ruleset", 31, Set.of());
    }

    @Bean
    NavigationItem actionsNavigationItem() {
        return new NavigationItem("actions", "/handlinger", "nav.actions", 32, Set.of());
    }

    @Bean
    NavigationItem noticesNavigationItem() {
        return new NavigationItem("notices", "/beskeder", "nav.notices", 34, Set.of());
    }

    @Bean
    NavigationItem responsibilityNavigationItem() {
        return new NavigationItem("responsibility", "/ansvar", "nav.responsibility", 36,
                Set.of(Role.ADMINISTRATOR, Role.SECURITY_COORDINATOR));
    }

    /** A system's extracts may be far larger than the persons file (five million rows are about 550 MB). */
    @Bean
    UploadLimit extractsUploadLimit(@Value("${tilsyn.extracts.max-file-size}") DataSize maxFileSize) {
        return new UploadLimit("/systemer/*/udtraek/**", maxFileSize);
    }

    @Bean
    DashboardTiles accessTiles(RunRepository runs, DecisionRepository decisions, NoticeRepository notices) {
        return user -> {
            List<DashboardTile> tiles = new ArrayList<>();
            Optional<AnalysisRun> latest = runs.latestDone();
            if (latest.isPresent()) {
                tiles.add(new DashboardTile("dashboard.tile.openFindings", runs.countOpen(latest.get().id()),
                        "/analyser/" + latest.get().id() + "?status=open", 30));
            } else if (user.hasAnyRole(Role.ADMINISTRATOR, Role.SECURITY_COORDINATOR, Role.CONTROLLER)) {
                // Before the first finished analysis, those who may start one are shown where, so a new controller
                // finds it; "finished" holds while a first run is queued or running, or after one failed.
                tiles.add(new DashboardTile("dashboard.tile.noRun", 0, "/analyser", 30));
            }
            tiles.add(new DashboardTile("dashboard.tile.myActions", decisions.countOpenActions(user.id()), "/handlinger", 32));
            tiles.add(new DashboardTile("dashboard.tile.notices", notices.unread(user.id()), "/beskeder", 34));
            return tiles;
        };
    }
}
