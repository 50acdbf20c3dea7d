/**
 * One analysis from files to results: read and check every input, correlate accounts to persons, evaluate the rule
 * set, the change logs, the parameter baselines and reconciliations, and build the overview matrix. The CLI, the
 * web app and batch jobs all run analyses through {@link dk.tilsyn.engine.pipeline.AnalysisPipeline}.
 */
package dk.tilsyn.engine.pipeline;
