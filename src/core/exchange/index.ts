/**
 * The resource exchange matcher: offers and requests of seven kinds, ranked by a transparent,
 * weighted score with machine-readable reasons (see docs/matching.md).
 */
export * from './types.ts';
export * from './text.ts';
export * from './score.ts';
export * from './match-index.ts';
