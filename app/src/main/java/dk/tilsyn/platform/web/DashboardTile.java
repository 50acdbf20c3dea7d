package dk.tilsyn.platform.web;

/**
 * One figure on the front page, e.g. "152 persons". Features contribute tiles through a {@link DashboardTiles}
 * bean, so the dashboard grows with the features without knowing them.
 *
 * @param labelKey message key of the label
 * @param link     where the tile leads, or null
 */
public record DashboardTile(String labelKey, long figure, String link, int order) {
}
