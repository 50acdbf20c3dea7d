/**
 * The engine's tabular input layer: reads CSV and XLSX files row by row, detects format,
 * encoding and delimiter, maps headers, parses Danish dates and amounts, enforces size limits,
 * and reports every problem in Danish with file, line and column. Entry point:
 * {@link dk.tilsyn.engine.io.TabularReader}.
 */
package dk.tilsyn.engine.io;
