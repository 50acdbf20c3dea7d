package dk.tilsyn.dashboard;

import dk.tilsyn.platform.tenancy.CurrentUser;
import dk.tilsyn.platform.tenancy.MemberOnly;
import dk.tilsyn.platform.tenancy.TenantContext;
import dk.tilsyn.platform.web.DashboardTile;
import dk.tilsyn.platform.web.DashboardTiles;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.Comparator;
import java.util.List;

@Controller
class DashboardController {

    private final List<DashboardTiles> sources;

    DashboardController(List<DashboardTiles> sources) {
        this.sources = sources;
    }

    @MemberOnly
    @GetMapping("/")
    String dashboard(Model model) {
        CurrentUser user = TenantContext.user().orElseThrow();
        List<DashboardTile> tiles = sources.stream()
                .flatMap(source -> source.tilesFor(user).stream())
                .sorted(Comparator.comparingInt(DashboardTile::order))
                .toList();
        model.addAttribute("tiles", tiles);
        return "dashboard/index";
    }
}
