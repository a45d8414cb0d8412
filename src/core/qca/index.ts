/**
 * Qualitative Comparative Analysis engine (parity with the R package QCA 3.25.1): calibration,
 * truth tables, parameters of fit, and Boolean minimisation with conservative, parsimonious and
 * intermediate solutions.
 */
export * from './analysis.ts';
export * from './calibration.ts';
export * from './csv.ts';
export * from './dataset.ts';
export * from './errors.ts';
export * from './expression.ts';
export * from './fit.ts';
export * from './intermediate.ts';
export * from './minimize.ts';
export * from './pi-chart.ts';
export * from './prime-implicants.ts';
export * from './r-script.ts';
export * from './report.ts';
export * from './truth-table.ts';
