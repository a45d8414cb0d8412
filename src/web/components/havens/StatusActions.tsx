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
  CompleteRequest,
  EXPERIMENT_RESULTS,
  StopRequest,
  type Experiment,
  type ExperimentResult,
} from '../../../shared/havens.ts';
import { ApiError } from '../../api.ts';
import { useLabels } from '../../case-labels.ts';
import { errorMessage, issueMessage } from '../../validation.ts';
import { StatusMessage } from '../StatusMessage.tsx';
import {
  completeExperiment,
  startExperiment,
  stopExperiment,
  useExperimentSaved,
} from './havens-api.ts';
import { useHavensTranslation } from './havens-i18n.ts';

/**
 * Start a planned experiment, stop it early (with the reason) or complete it (with the result).
 * When the server refuses — a plan without a hypothesis or success criterion cannot start — its
 * message says what is missing.
 */
export function StatusActions({ experiment }: { experiment: Experiment }) {
  const { t: tc } = useTranslation();
  const { t } = useHavensTranslation();
  const saved = useExperimentSaved();
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { status: state } = experiment;
  const open = state === 'planned' || state === 'running';

  async function run(action: () => Promise<Experiment>, done: string): Promise<boolean> {
    if (busy) return false;
    setBusy(true);
    try {
      const updated = await action();
      setFailure(null);
      setStatus(done);
      await saved(updated);
      return true;
    } catch (error) {
      setStatus(null);
      // A 409 says why in words (what the plan lacks, or that it changed meanwhile).
      setFailure(
        error instanceof ApiError && error.status === 409 ? error.message : errorMessage(tc, error),
      );
      return false;
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="experiment-status-heading" className="stack section">
      <Heading level={2} data-size="sm" id="experiment-status-heading">
        {t('status.heading')}
      </Heading>
      <StatusMessage message={status} />
      {failure && (
        <Alert data-color="danger" role="alert">
          <Heading level={3} data-size="xs">
            {t('status.failed')}
          </Heading>
          <Paragraph>{failure}</Paragraph>
        </Alert>
      )}
      {state === 'planned' && (
        <>
          <Paragraph>{t('status.startLead')}</Paragraph>
          <div>
            <Button
              loading={busy}
              onClick={() => void run(() => startExperiment(experiment.id), t('status.started'))}
            >
              {t('status.start')}
            </Button>
          </div>
        </>
      )}
      {state === 'running' && (
        <CompleteForm
          onComplete={(result) =>
            run(() => completeExperiment(experiment.id, result), t('status.completed'))
          }
        />
      )}
      {open && (
        <StopForm
          onStop={(reason) => run(() => stopExperiment(experiment.id, reason), t('status.stopped'))}
          messageFor={(issue) => issueMessage(tc, issue)}
        />
      )}
      {!open && <Paragraph>{t('status.ended')}</Paragraph>}
    </section>
  );
}

function CompleteForm({
  onComplete,
}: {
  onComplete: (result: ExperimentResult) => Promise<boolean>;
}) {
  const { t: tc } = useTranslation();
  const { t } = useHavensTranslation();
  const labels = useLabels();
  const [result, setResult] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = CompleteRequest.safeParse({ result });
    if (!parsed.success) {
      setError(tc('validation.choose'));
      document.getElementById('complete-result-supported')?.focus();
      return;
    }
    setError(null);
    if (await onComplete(parsed.data.result)) setResult('');
  }

  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="stack narrow">
      <Fieldset>
        <Fieldset.Legend>{t('status.completeLegend')}</Fieldset.Legend>
        <Fieldset.Description>{t('status.completeHint')}</Fieldset.Description>
        {EXPERIMENT_RESULTS.values.map((r) => (
          <Radio
            key={r}
            id={`complete-result-${r}`}
            name="complete-result"
            value={r}
            label={labels.label(EXPERIMENT_RESULTS, r)}
            checked={result === r}
            onChange={() => setResult(r)}
          />
        ))}
        {error && <ValidationMessage>{error}</ValidationMessage>}
      </Fieldset>
      <div>
        <Button type="submit">{t('status.complete')}</Button>
      </div>
    </form>
  );
}

function StopForm({
  onStop,
  messageFor,
}: {
  onStop: (reason: string) => Promise<boolean>;
  messageFor: (issue: Parameters<typeof issueMessage>[1]) => string;
}) {
  const { t } = useHavensTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = StopRequest.safeParse({ reason });
    if (!parsed.success) {
      setError(messageFor(parsed.error.issues[0]!));
      document.getElementById('stop-reason')?.focus();
      return;
    }
    setError(undefined);
    if (await onStop(parsed.data.reason)) setReason('');
  }

  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="stack narrow">
      <Textfield
        id="stop-reason"
        label={t('status.stopReason')}
        description={t('status.stopHint')}
        multiline
        rows={3}
        required
        value={reason}
        error={error}
        onChange={(e) => setReason(e.target.value)}
      />
      <div>
        <Button type="submit" variant="secondary" data-color="danger">
          {t('status.stop')}
        </Button>
      </div>
    </form>
  );
}
