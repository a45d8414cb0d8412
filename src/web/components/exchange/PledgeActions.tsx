import { useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Pledge, PledgeStatus } from '../../../shared/exchange.ts';
import { ApiError } from '../../api.ts';
import { errorMessage } from '../../validation.ts';
import { StatusMessage } from '../StatusMessage.tsx';
import { changePledge, useExchangeChanged } from './exchange-api.ts';
import { useExchangeI18n } from './exchange-labels.ts';

/**
 * The moves the viewer may make on a pledge now (accept, decline, mark delivered, confirm,
 * cancel), one button each, with an optional note kept in the history. The result is announced
 * politely and focus goes to this section's heading, since the button pressed is gone.
 */
export function PledgeActions({ pledge }: { pledge: Pledge }) {
  const { t, labels } = useExchangeI18n();
  const { t: tc } = useTranslation();
  const changed = useExchangeChanged();
  const [note, setNote] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  async function move(to: PledgeStatus) {
    if (busy) return;
    setBusy(true);
    setStatus(null);
    setFailure(null);
    try {
      const updated = await changePledge(pledge.id, to, note.trim());
      setNote('');
      setStatus(t('actions.done', { status: labels.pledgeStatus(updated.status) }));
      await changed(updated);
      headingRef.current?.focus();
    } catch (error) {
      setFailure(
        error instanceof ApiError && error.code === 'illegal_transition'
          ? t('actions.movedOn')
          : errorMessage(tc, error),
      );
      await changed();
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="pledge-actions-heading" className="stack section">
      <Heading level={2} data-size="sm" id="pledge-actions-heading" ref={headingRef} tabIndex={-1}>
        {t('actions.heading')}
      </Heading>
      <StatusMessage message={status} />
      {failure && (
        <Alert data-color="danger" role="alert">
          <Paragraph>{failure}</Paragraph>
        </Alert>
      )}
      {pledge.canMoveTo.length === 0 ? (
        <Paragraph>{t('actions.none')}</Paragraph>
      ) : (
        <form noValidate className="stack narrow" onSubmit={(e: FormEvent) => e.preventDefault()}>
          <Paragraph>{t('actions.lead')}</Paragraph>
          <Textfield
            id="pledge-note"
            label={`${t('actions.note')} ${tc('common.optional')}`}
            description={t('actions.noteHint')}
            multiline
            rows={2}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          <div className="button-row">
            {pledge.canMoveTo.map((to) => (
              <Button
                key={to}
                type="button"
                variant={to === 'declined' || to === 'cancelled' ? 'secondary' : 'primary'}
                loading={busy}
                onClick={() => void move(to)}
              >
                {t(`actions.to.${to}`)}
              </Button>
            ))}
          </div>
        </form>
      )}
    </section>
  );
}
