import { useId, useState, type FormEvent } from 'react';
import { Button, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { ReportCreate, type ModeratedType } from '../../../shared/moderation.ts';
import { useSession } from '../../session.ts';
import { issueMessage } from '../../validation.ts';
import { ActionFeedback, useAction } from '../ActionFeedback.tsx';
import { report } from './moderation-api.ts';
import { useModerationTranslation } from './moderation-i18n.ts';

/**
 * "Report" for the signed in: a small disclosure (a native `details`, so keyboard and screen
 * readers know it) with the reason for the moderators.
 */
export function ReportControl({
  targetType,
  targetId,
  label,
}: {
  targetType: ModeratedType;
  targetId: string;
  /** What is reported, for screen readers ("Report the update of 3 May"). */
  label: string;
}) {
  const { t } = useModerationTranslation();
  const { t: tc } = useTranslation();
  const { user } = useSession();
  const id = useId();
  const action = useAction();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [sent, setSent] = useState(false);
  if (!user) return null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = ReportCreate.safeParse({ targetType, targetId, reason });
    if (!parsed.success) {
      setError(issueMessage(tc, parsed.error.issues[0]!));
      document.getElementById(`${id}-reason`)?.focus();
      return;
    }
    setError(undefined);
    const ok = await action.run(
      () => report(targetType, targetId, parsed.data.reason),
      t('report.sent'),
      {
        already_reported: t('report.already'),
      },
    );
    if (ok) {
      setReason('');
      setSent(true);
    }
  }

  return (
    <details className="report-control">
      <summary>
        <span aria-hidden="true">{t('report.summary')}</span>
        <span className="visually-hidden">{label}</span>
      </summary>
      <div className="stack narrow">
        <ActionFeedback status={action.status} failure={action.failure} />
        {!sent && (
          <form noValidate onSubmit={(e) => void submit(e)} className="stack">
            <Textfield
              id={`${id}-reason`}
              label={t('report.reason')}
              description={t('report.reasonHint')}
              multiline
              rows={2}
              required
              maxLength={2000}
              value={reason}
              error={error}
              onChange={(e) => setReason(e.target.value)}
            />
            <div>
              <Button type="submit" variant="secondary" data-size="sm" loading={action.busy}>
                {t('report.submit')}
              </Button>
            </div>
          </form>
        )}
      </div>
    </details>
  );
}
