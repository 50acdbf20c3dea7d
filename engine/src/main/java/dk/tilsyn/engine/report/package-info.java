/** The analysis report: its data basis, and writers for JSON and XLSX (the overview matrix of 004 §5.7). */
package dk.tilsyn.engine.report;
