import { useRef, useState, type FormEvent } from 'react';
import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { DecisionOutcome, type Decision } from '../../../shared/groups.ts';
import { fieldErrorsFromApi, fieldErrorsFromZod } from '../../validation.ts';
import { ActionFeedback, useAction } from '../ActionFeedback.tsx';
import { FormErrorSummary, useFormErrors } from '../FormErrorSummary.tsx';
import { StatusMessage } from '../StatusMessage.tsx';
import { closeDecision, setDecisionOutcome } from './groups-api.ts';
import { useGroupLabels } from './groups-labels.ts';

/**
 * For conveners and the proposer: close the decision now (e.g. when everyone has voted), and
 * once it is closed, state its outcome for the record.
 */
export function DecisionManage({
  decision,
  onChanged,
}: {
  decision: Decision;
  onChanged: (decision: Decision) => Promise<void>;
}) {
  const { t: tc } = useTranslation();
  const { t } = useGroupLabels();
  const close = useAction();
  const form = useFormErrors<'outcome'>();
  const [outcome, setOutcome] = useState(decision.outcome ?? '');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  async function closeNow() {
    const result: { decision?: Decision } = {};
    const ok = await close.run(
      async () => {
        result.decision = await closeDecision(decision.id);
      },
      t('manage.closed'),
      { closed: t('manage.alreadyClosed') },
    );
    if (ok && result.decision) {
      await onChanged(result.decision);
      headingRef.current?.focus();
    }
  }

  async function saveOutcome(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setSaved(null);
    const parsed = DecisionOutcome.safeParse({ outcome });
    if (!parsed.success) {
      const { fields, other } = fieldErrorsFromZod(tc, parsed.error, ['outcome'] as const);
      form.show(fields, other);
      return;
    }
    setBusy(true);
    try {
      const updated = await setDecisionOutcome(decision.id, parsed.data.outcome);
      form.clear();
      setSaved(t('manage.outcomeSaved'));
      await onChanged(updated);
    } catch (error) {
      const { fields, other } = fieldErrorsFromApi(tc, error, ['outcome'] as const);
      form.show(fields, other);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="decision-manage-heading" className="stack section">
      <Heading level={2} data-size="sm" id="decision-manage-heading" ref={headingRef} tabIndex={-1}>
        {t('manage.heading')}
      </Heading>
      <ActionFeedback status={close.status} failure={close.failure} />
      {!decision.closed ? (
        <>
          <Paragraph>{t('manage.closeLead')}</Paragraph>
          <div>
            <Button variant="secondary" loading={close.busy} onClick={() => void closeNow()}>
              {t('manage.close')}
            </Button>
          </div>
        </>
      ) : (
        <>
          <Paragraph>{t('manage.outcomeLead')}</Paragraph>
          <StatusMessage message={saved} />
          <FormErrorSummary
            fields={[{ name: 'outcome', id: 'decision-outcome', label: t('manage.outcome') }]}
            {...form}
          />
          <form noValidate onSubmit={(e) => void saveOutcome(e)} className="stack narrow">
            <Textfield
              id="decision-outcome"
              label={t('manage.outcome')}
              description={t('manage.outcomeHint')}
              multiline
              rows={4}
              maxLength={8000}
              value={outcome}
              error={form.errors.outcome}
              onChange={(e) => setOutcome(e.target.value)}
            />
            <div>
              <Button type="submit" loading={busy}>
                {t('manage.saveOutcome')}
              </Button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}
