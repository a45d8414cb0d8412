/**
 * The plan form of an experiment: what its fields hold while being typed (text), what is sent
 * (the shared schema's input), and — after the start, when every change is an amendment — only
 * the fields that really changed.
 */
import { PLAN_FIELDS, type Experiment, type ExperimentCreate } from '../shared/havens.ts';

export type PlanField = (typeof PLAN_FIELDS)[number];

/** The plan as the form holds it: text in every field but the outcome kind. */
export interface PlanValues {
  title: string;
  question: string;
  hypothesis: string;
  intervention: string;
  design: string;
  population: string;
  plannedSampleSize: string;
  primaryMetric: string;
  successCriterion: string;
  startsOn: string;
  endsOn: string;
  budget: string;
  currency: string;
  risks: string;
  ethics: string;
  dataProtection: string;
  /** Comma-separated. */
  arms: string;
  outcomeKind: string;
  sector: string;
  country: string;
}

type Plan = Pick<Experiment, PlanField>;

const text = (value: string | null) => value ?? '';
const number = (value: number | null) => (value === null ? '' : String(value));

/** The form's values for an existing plan, or for a new one (two arms, a 0/1 outcome, EUR). */
export function planValues(plan?: Plan): PlanValues {
  return {
    title: plan?.title ?? '',
    question: plan?.question ?? '',
    hypothesis: plan?.hypothesis ?? '',
    intervention: plan?.intervention ?? '',
    design: plan?.design ?? 'pilot',
    population: plan?.population ?? '',
    plannedSampleSize: number(plan?.plannedSampleSize ?? null),
    primaryMetric: plan?.primaryMetric ?? '',
    successCriterion: plan?.successCriterion ?? '',
    startsOn: text(plan?.startsOn ?? null),
    endsOn: text(plan?.endsOn ?? null),
    budget: number(plan?.budget ?? null),
    currency: plan?.currency ?? 'EUR',
    risks: plan?.risks ?? '',
    ethics: plan?.ethics ?? '',
    dataProtection: plan?.dataProtection ?? '',
    arms: (plan?.arms ?? ['control', 'treatment']).join(', '),
    outcomeKind: plan?.outcomeKind ?? 'binary',
    sector: text(plan?.sector ?? null),
    country: text(plan?.country ?? null),
  };
}

/** A number typed in either notation (`12.5` or `12,5`); NaN for text that is not one. */
function toNumber(value: string): number | null {
  const s = value.trim().replace(/\s/g, '').replace(',', '.');
  return s === '' ? null : Number(s);
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

/**
 * What the form sends, for the shared schema to check (`ExperimentCreate`): empty optional
 * fields as null, numbers as numbers, the arms as a list.
 *
 * @example
 * planInput({ ...planValues(), title: 'Reminder letters', arms: 'control, letter,' }).arms;
 * // ['control', 'letter']
 */
export function planInput(values: PlanValues): Record<PlanField, unknown> {
  return {
    ...values,
    plannedSampleSize: toNumber(values.plannedSampleSize),
    budget: toNumber(values.budget),
    currency: values.currency.trim().toUpperCase(),
    startsOn: orNull(values.startsOn),
    endsOn: orNull(values.endsOn),
    sector: orNull(values.sector),
    country: orNull(values.country),
    arms: values.arms
      .split(',')
      .map((a) => a.trim())
      .filter((a) => a !== ''),
  };
}

/**
 * The plan fields whose value differs from the experiment's: the body of a PATCH, so that
 * untouched fields never show up as amendments.
 */
export function planChanges(plan: Plan, next: ExperimentCreate): Partial<ExperimentCreate> {
  const out: Record<string, unknown> = {};
  for (const field of PLAN_FIELDS) {
    if (JSON.stringify(plan[field]) !== JSON.stringify(next[field])) out[field] = next[field];
  }
  return out as Partial<ExperimentCreate>;
}
