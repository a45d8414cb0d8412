import { useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Fieldset,
  Heading,
  Paragraph,
  Radio,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import {
  NEED_STATUSES,
  NeedReopen,
  NeedStatusChange,
  type Need,
  type NeedStatus,
} from '../../../shared/needs.ts';
import { useLabels } from '../../case-labels.ts';
import { answerConflict, canReopen, nextStatuses, type AnswerStatus } from '../../needs-status.ts';
import { errorMessage, issueMessage } from '../../validation.ts';
import { StatusMessage } from '../StatusMessage.tsx';
import { changeStatus, reopenNeed, useNeedChanged } from './needs-api.ts';
import { useNeedsTranslation } from './needs-i18n.ts';

/**
 * For members of the responsible organisation: move the need on to one of the statuses that may
 * come next (a reason is needed to decline), or reopen it once resolved or declined. Each answer
 * goes on the public timeline and to the need's followers.
 */
export function AnswerSection({ need }: { need: Need }) {
  const { t } = useNeedsTranslation();
  const { t: tc } = useTranslation();
  const labels = useLabels();
  const changed = useNeedChanged();
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<Need>): Promise<boolean> {
    if (busy) return false;
    setBusy(true);
    try {
      const updated = await action();
      setFailure(null);
      setStatus(t('answer.saved', { status: labels.label(NEED_STATUSES, updated.status) }));
      await changed(updated);
      return true;
    } catch (error) {
      setStatus(null);
      const conflict = answerConflict(error);
      setFailure(conflict ? t(`answer.conflicts.${conflict}`) : errorMessage(tc, error));
      return false;
    } finally {
      setBusy(false);
    }
  }

  const next = nextStatuses(need.status);
  return (
    <section aria-labelledby="need-answer-heading" className="stack section">
      <Heading level={2} data-size="sm" id="need-answer-heading">
        {t('answer.heading')}
      </Heading>
      <Paragraph>
        {t('answer.lead', { organisation: need.responsibleOrganisation?.name ?? '' })}
      </Paragraph>
      <StatusMessage message={status} />
      {failure && (
        <Alert data-color="danger" role="alert">
          <Heading level={3} data-size="xs">
            {t('answer.failed')}
          </Heading>
          <Paragraph>{failure}</Paragraph>
        </Alert>
      )}
      {next.length > 0 && (
        <StatusForm
          current={need.status}
          next={next}
          busy={busy}
          onAnswer={(to, reason) => run(() => changeStatus(need.id, to, reason))}
        />
      )}
      {canReopen(need.status) && (
        <ReopenForm busy={busy} onReopen={(reason) => run(() => reopenNeed(need.id, reason))} />
      )}
    </section>
  );
}

function StatusForm({
  current,
  next,
  busy,
  onAnswer,
}: {
  current: NeedStatus;
  next: readonly AnswerStatus[];
  busy: boolean;
  onAnswer: (status: AnswerStatus, reason: string | undefined) => Promise<boolean>;
}) {
  const { t } = useNeedsTranslation();
  const { t: tc } = useTranslation();
  const labels = useLabels();
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ status?: string; reason?: string }>({});
  // After an answer the choices change: a choice no longer offered is no choice.
  const chosen = next.find((s) => s === to) ?? '';

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = NeedStatusChange.safeParse({
      status: chosen,
      reason: reason.trim() || undefined,
    });
    if (!parsed.success) {
      const out: { status?: string; reason?: string } = {};
      for (const issue of parsed.error.issues) {
        if (issue.path[0] === 'status') out.status ??= tc('validation.choose');
        else if (issue.code === 'custom') out.reason ??= t('answer.reasonRequired');
        else out.reason ??= issueMessage(tc, issue);
      }
      setErrors(out);
      document.getElementById(out.status ? `answer-status-${next[0]}` : 'answer-reason')?.focus();
      return;
    }
    setErrors({});
    if (await onAnswer(parsed.data.status, parsed.data.reason)) {
      setTo('');
      setReason('');
    }
  }

  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="stack narrow">
      <Fieldset>
        <Fieldset.Legend>{t('answer.legend')}</Fieldset.Legend>
        <Fieldset.Description>
          {t('answer.current', { status: labels.label(NEED_STATUSES, current) })}
        </Fieldset.Description>
        {next.map((s) => (
          <Radio
            key={s}
            id={`answer-status-${s}`}
            name="answer-status"
            value={s}
            label={labels.label(NEED_STATUSES, s)}
            description={t(`answer.hints.${s}`)}
            checked={chosen === s}
            aria-invalid={errors.status ? true : undefined}
            onChange={() => setTo(s)}
          />
        ))}
        {errors.status && <ValidationMessage>{errors.status}</ValidationMessage>}
      </Fieldset>
      <Textfield
        id="answer-reason"
        label={t('answer.reason')}
        description={t('answer.reasonHint')}
        multiline
        rows={3}
        maxLength={2000}
        value={reason}
        error={errors.reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <div>
        <Button type="submit" loading={busy}>
          {t('answer.submit')}
        </Button>
      </div>
    </form>
  );
}

function ReopenForm({
  busy,
  onReopen,
}: {
  busy: boolean;
  onReopen: (reason: string) => Promise<boolean>;
}) {
  const { t } = useNeedsTranslation();
  const { t: tc } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = NeedReopen.safeParse({ reason });
    if (!parsed.success) {
      setError(issueMessage(tc, parsed.error.issues[0]!));
      document.getElementById('reopen-reason')?.focus();
      return;
    }
    setError(undefined);
    if (await onReopen(parsed.data.reason)) setReason('');
  }

  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="stack narrow">
      <Paragraph>{t('answer.reopenLead')}</Paragraph>
      <Textfield
        id="reopen-reason"
        label={t('answer.reopenReason')}
        multiline
        rows={3}
        required
        maxLength={2000}
        value={reason}
        error={error}
        onChange={(e) => setReason(e.target.value)}
      />
      <div>
        <Button type="submit" variant="secondary" loading={busy}>
          {t('answer.reopen')}
        </Button>
      </div>
    </form>
  );
}
