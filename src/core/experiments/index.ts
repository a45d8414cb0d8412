/**
 * Experiments in the registry: seeded, reproducible random assignment of units to arms (simple,
 * permuted-block and stratified randomisation) and its exportable allocation list.
 */
export * from './assignment.ts';
export * from './outcomes.ts';
