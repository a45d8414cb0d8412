/**
 * How the values of an experiment read on the page: a plan field's value before and after an
 * amendment (the API sends them as they were stored), and the figures of an analysis.
 */
import type { Locale } from '../shared/accounts.ts';
import { CASE_SECTORS } from '../shared/case-vocabulary.ts';
import { EXPERIMENT_DESIGNS } from '../shared/havens.ts';
import { vocabLabel } from './case-labels.ts';
import { countryName } from './format.ts';

/**
 * A plan field's stored value in words, or null when it is empty: vocabulary values by their
 * label, countries by name, lists joined, numbers in the language's notation.
 *
 * @example
 * planValueText('design', 'ab_test', 'nl'); // 'A/B-test'
 * planValueText('arms', ['control', 'letter'], 'en'); // 'control, letter'
 * planValueText('hypothesis', '', 'en'); // null
 */
export function planValueText(field: string, value: unknown, lang: Locale): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (Array.isArray(value)) return value.length === 0 ? null : value.map(String).join(', ');
  if (typeof value === 'number') return new Intl.NumberFormat(lang).format(value);
  if (typeof value === 'string') {
    if (field === 'design') return vocabLabel(EXPERIMENT_DESIGNS, value, lang);
    if (field === 'sector') return vocabLabel(CASE_SECTORS, value, lang);
    if (field === 'country') return countryName(value, lang);
    return value;
  }
  if (typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** A figure with a fixed number of decimals (3 unless told), in the language's notation. */
export function formatFigure(value: number, lang: string, digits = 3): string {
  return new Intl.NumberFormat(lang, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

/**
 * A p-value as reports write it: three decimals, and "< 0.001" below that.
 *
 * @example
 * formatPValue(0.0412, 'en'); // '0.041'
 * formatPValue(0.00002, 'nl'); // '< 0,001'
 */
export function formatPValue(p: number, lang: string): string {
  return p < 0.001 ? `< ${formatFigure(0.001, lang)}` : formatFigure(p, lang);
}

/** A proportion as a percentage with one decimal. */
export function formatPercent(value: number, lang: string): string {
  return new Intl.NumberFormat(lang, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(value);
}

/** What the access log of a space records, each with its label in the catalogues. */
export const ACCESS_ACTIONS = [
  'space.view',
  'space.create',
  'space.update',
  'member.add',
  'member.remove',
  'invitation.create',
  'invitation.revoke',
  'invitation.accept',
  'invitation.decline',
  'experiment.view',
  'experiment.create',
  'experiment.update',
  'experiment.amend',
  'experiment.start',
  'experiment.stop',
  'experiment.complete',
  'experiment.allocate',
  'experiment.allocation.export',
  'experiment.outcomes',
  'experiment.decision',
  'experiment.publish',
  'experiment.withdraw',
] as const;
type AccessAction = (typeof ACCESS_ACTIONS)[number];
type Snake<S extends string> = S extends `${infer A}.${infer B}` ? `${A}_${Snake<B>}` : S;
export type AccessActionKey = Snake<AccessAction>;

/**
 * The catalogue key of an access-log action (`experiment.allocation.export` →
 * `experiment_allocation_export`), or null for one this version does not know.
 */
export function accessActionKey(action: string): AccessActionKey | null {
  const known = ACCESS_ACTIONS.find((a) => a === action);
  return known ? (known.replaceAll('.', '_') as AccessActionKey) : null;
}
