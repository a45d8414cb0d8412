import { useState, type FormEvent } from 'react';
import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DecisionCreate, type Experiment } from '../../../shared/havens.ts';
import { formatDateTime } from '../../format.ts';
import { errorMessage, issueMessage } from '../../validation.ts';
import { StatusMessage } from '../StatusMessage.tsx';
import { addDecision, experimentKey } from './havens-api.ts';
import { useHavensTranslation } from './havens-i18n.ts';

/** The decisions taken along the way, oldest first, and (for those who write) one more. */
export function DecisionLog({ experiment }: { experiment: Experiment }) {
  const { t, lang } = useHavensTranslation();
  const { decisions } = experiment;

  return (
    <section aria-labelledby="experiment-decisions-heading" className="stack section">
      <Heading level={2} data-size="sm" id="experiment-decisions-heading">
        {t('decisions.heading')}
      </Heading>
      {decisions.length === 0 && <Paragraph>{t('decisions.none')}</Paragraph>}
      {decisions.length > 0 && (
        <ol className="plain-list stack" aria-labelledby="experiment-decisions-heading">
          {decisions.map((d) => (
            <li key={d.id}>
              <Paragraph className="prose">{d.text}</Paragraph>
              <Paragraph data-size="sm">
                {d.by
                  ? t('decisions.byAt', { name: d.by.name, date: formatDateTime(d.at, lang) })
                  : t('decisions.at', { date: formatDateTime(d.at, lang) })}
              </Paragraph>
            </li>
          ))}
        </ol>
      )}
      {experiment.canWrite && <DecisionForm experimentId={experiment.id} />}
    </section>
  );
}

function DecisionForm({ experimentId }: { experimentId: string }) {
  const { t: tc } = useTranslation();
  const { t } = useHavensTranslation();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setStatus(null);
    const parsed = DecisionCreate.safeParse({ text });
    if (!parsed.success) {
      setError(issueMessage(tc, parsed.error.issues[0]!));
      document.getElementById('decision-text')?.focus();
      return;
    }
    setError(undefined);
    setBusy(true);
    try {
      await addDecision(experimentId, parsed.data.text);
      setText('');
      setStatus(t('decisions.added'));
      await queryClient.invalidateQueries({ queryKey: experimentKey(experimentId) });
    } catch (err) {
      setError(errorMessage(tc, err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="stack narrow">
      <Textfield
        id="decision-text"
        label={t('decisions.text')}
        description={t('decisions.textHint')}
        multiline
        rows={3}
        required
        value={text}
        error={error}
        onChange={(e) => setText(e.target.value)}
      />
      <StatusMessage message={status} />
      <div>
        <Button type="submit" loading={busy}>
          {t('decisions.submit')}
        </Button>
      </div>
    </form>
  );
}
