/**
 * The strength of agreement a Cohen's kappa stands for, after Landis & Koch (1977), "The
 * measurement of observer agreement for categorical data", Biometrics 33(1): 159–174.
 *
 * @example
 * kappaBand(0.72); // 'substantial'
 */
export type KappaBand = 'poor' | 'slight' | 'fair' | 'moderate' | 'substantial' | 'almostPerfect';

export function kappaBand(kappa: number): KappaBand {
  if (kappa < 0) return 'poor';
  if (kappa <= 0.2) return 'slight';
  if (kappa <= 0.4) return 'fair';
  if (kappa <= 0.6) return 'moderate';
  if (kappa <= 0.8) return 'substantial';
  return 'almostPerfect';
}
