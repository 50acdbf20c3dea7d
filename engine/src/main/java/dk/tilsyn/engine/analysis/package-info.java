/**
 * Evaluates an effective rule set against subjects (a person with their accounts, or a non-personal account on its
 * own): which functions each account grants on the as-of date, which rules fire, the findings with their evidence,
 * what-if for a grant not yet made, configuration baselines and the overview matrix (ACC-9). The rule set is
 * compiled once into bitmask form so a full analysis of a large institution stays fast.
 */
package dk.tilsyn.engine.analysis;
