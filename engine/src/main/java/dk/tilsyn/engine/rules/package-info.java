/**
 * Versioned rule sets: which functions of the payment process each system's entitlements give, which
 * combinations of functions are forbidden or watched, which combinations a system already separates itself,
 * and the configuration baselines. Loaded from YAML ({@link dk.tilsyn.engine.rules.RuleSetLoader}), layered
 * (an institution's layer extends a base without copying it) and identified by a content hash.
 */
package dk.tilsyn.engine.rules;
