import { Fragment } from 'react';
import type { Experiment } from '../../../shared/havens.ts';
import { useLabels } from '../../case-labels.ts';
import { formatDate } from '../../format.ts';
import { planValueText } from '../../havens-format.ts';
import type { PlanField } from '../../havens-plan.ts';
import { NotSet } from '../NotSet.tsx';
import { useHavensTranslation } from './havens-i18n.ts';

/** The plan fields in the order a reader follows them; a lesson leaves some out. */
const ORDER: readonly PlanField[] = [
  'design',
  'question',
  'hypothesis',
  'intervention',
  'population',
  'plannedSampleSize',
  'primaryMetric',
  'successCriterion',
  'arms',
  'outcomeKind',
  'startsOn',
  'endsOn',
  'sector',
  'country',
  'budget',
  'risks',
  'ethics',
  'dataProtection',
];

type Plan = Partial<Pick<Experiment, PlanField>>;

/** An experiment's (or a lesson's) plan as a description list; empty fields say so. */
export function PlanDetails({ plan }: { plan: Plan }) {
  const { t, lang } = useHavensTranslation();
  const labels = useLabels();

  function value(field: PlanField) {
    const raw = plan[field];
    if (field === 'startsOn' || field === 'endsOn') {
      return typeof raw === 'string' ? formatDate(raw, lang) : null;
    }
    if (field === 'outcomeKind') {
      return raw === 'binary' || raw === 'numeric' ? t(`plan.outcomeKinds.${raw}`) : null;
    }
    if (field === 'budget' && typeof raw === 'number') {
      return new Intl.NumberFormat(lang, {
        style: 'currency',
        currency: plan.currency ?? 'EUR',
      }).format(raw);
    }
    return planValueText(field, raw, labels.lang);
  }

  return (
    <dl className="details-list">
      {ORDER.filter((f) => f in plan).map((field) => {
        const text = value(field);
        return (
          <Fragment key={field}>
            <dt>{t(`plan.fields.${field}`)}</dt>
            <dd className="prose">{text ?? <NotSet />}</dd>
          </Fragment>
        );
      })}
    </dl>
  );
}
