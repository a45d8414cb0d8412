import { useState } from 'react';
import { Details, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { Experiment } from '../../../shared/havens.ts';
import { StatusMessage } from '../StatusMessage.tsx';
import { AmendmentList } from './AmendmentList.tsx';
import { updateExperiment, useExperimentSaved } from './havens-api.ts';
import { useHavensTranslation } from './havens-i18n.ts';
import { PlanDetails } from './PlanDetails.tsx';
import { PlanForm } from './PlanForm.tsx';

/**
 * The plan as registered, the form to change it, and — once the experiment has started and the
 * plan is frozen — every amendment with its reason.
 */
export function PlanSection({ experiment }: { experiment: Experiment }) {
  const { t } = useHavensTranslation();
  const saved = useExperimentSaved();
  const [status, setStatus] = useState<string | null>(null);
  const started = experiment.status !== 'planned';

  return (
    <>
      <section aria-labelledby="experiment-plan-heading" className="stack section">
        <Heading level={2} data-size="sm" id="experiment-plan-heading">
          {t('experiment.planHeading')}
        </Heading>
        {started && <Paragraph>{t('experiment.planFrozen')}</Paragraph>}
        <PlanDetails plan={experiment} />
        <StatusMessage
          message={status}
          color={status === t('plan.unchanged') ? 'info' : 'success'}
        />
        {experiment.canWrite && (
          <Details>
            <Details.Summary>
              {started ? t('experiment.amendPlan') : t('experiment.editPlan')}
            </Details.Summary>
            <Details.Content>
              <PlanForm
                experiment={experiment}
                submitLabel={started ? t('plan.submitAmendment') : t('plan.submitChanges')}
                onUnchanged={() => setStatus(t('plan.unchanged'))}
                onUpdate={async (input) => {
                  const updated = await updateExperiment(experiment.id, input);
                  await saved(updated);
                  setStatus(started ? t('plan.amended') : t('plan.saved'));
                }}
              />
            </Details.Content>
          </Details>
        )}
      </section>
      {(started || experiment.amendments.length > 0) && (
        <section aria-labelledby="experiment-amendments-heading" className="stack section">
          <Heading level={2} data-size="sm" id="experiment-amendments-heading">
            {t('amendments.heading')}
          </Heading>
          <AmendmentList amendments={experiment.amendments} />
        </section>
      )}
    </>
  );
}
