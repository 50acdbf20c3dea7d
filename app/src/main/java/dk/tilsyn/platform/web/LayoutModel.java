package dk.tilsyn.platform.web;

import dk.tilsyn.platform.tenancy.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.util.Comparator;
import java.util.List;

/** What every page's header needs: the user, their institutions and the navigation they may see. */
@ControllerAdvice
class LayoutModel {

    private final List<NavigationItem> navigation;

    LayoutModel(List<NavigationItem> navigation) {
        this.navigation = navigation.stream().sorted(Comparator.comparingInt(NavigationItem::order)).toList();
    }

    @ModelAttribute("navigation")
    List<NavigationItem> navigation(HttpServletRequest request) {
        Object user = request.getAttribute(AccessInterceptor.USER_ATTRIBUTE);
        if (!(user instanceof CurrentUser current)) {
            return List.of();
        }
        return navigation.stream().filter(item -> item.visibleTo(current)).toList();
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getServletPath();
    }
}
