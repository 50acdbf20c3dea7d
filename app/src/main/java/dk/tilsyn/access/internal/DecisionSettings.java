package dk.tilsyn.access.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits for positions taken on findings.
 *
 * @param defaultMonths             an acceptance's proposed validity (the issue: 12 months)
 * @param maxMonths                 the longest validity an acceptance or a documentation may have
 * @param documentationMonths       a privileged assignment's documentation's proposed validity: 004 §5.8.1 asks for
 *                                  follow-up on privileged rights "min. hver 6. måned"
 * @param actionDays                a removal action's proposed deadline
 */
@ConfigurationProperties("tilsyn.decisions")
public record DecisionSettings(int defaultMonths, int maxMonths, int documentationMonths, int actionDays) {
}
