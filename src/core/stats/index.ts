/**
 * Statistics for the platform's research features, matching R 4.2.2 where R defines them:
 * distribution functions, two-sample tests, logistic regression (for event-history models of
 * adoption) and the Bass diffusion model, with Cohen's kappa for coder agreement.
 */
export * from './kappa.ts';
export * from './distributions.ts';
export * from './tests.ts';
export * from './logistic.ts';
export * from './bass.ts';
