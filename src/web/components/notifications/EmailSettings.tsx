import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Fieldset, Heading, Paragraph, Radio } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { EMAIL_FREQUENCIES, type EmailFrequency } from '../../../shared/notifications.ts';
import { useLabels } from '../../case-labels.ts';
import { errorMessage } from '../../validation.ts';
import { LoadError } from '../LoadError.tsx';
import { Loading } from '../Loading.tsx';
import { StatusMessage } from '../StatusMessage.tsx';
import {
  notificationSettingsKey,
  saveNotificationSettings,
  useNotificationSettings,
} from './notifications-api.ts';
import { useNotificationsTranslation } from './notifications-i18n.ts';

/** How often the signed-in person gets e-mail about new notifications. */
export function EmailSettings() {
  const { t } = useNotificationsTranslation();
  const settings = useNotificationSettings();
  return (
    <section aria-labelledby="email-settings-heading" className="stack section">
      <Heading level={2} data-size="sm" id="email-settings-heading">
        {t('email.heading')}
      </Heading>
      {settings.isPending && <Loading />}
      {settings.isError && (
        <LoadError error={settings.error} onRetry={() => void settings.refetch()} />
      )}
      {settings.data && <EmailSettingsForm saved={settings.data.emailFrequency} />}
    </section>
  );
}

function EmailSettingsForm({ saved }: { saved: EmailFrequency }) {
  const { t: tc } = useTranslation();
  const { t } = useNotificationsTranslation();
  const labels = useLabels();
  const queryClient = useQueryClient();
  const [frequency, setFrequency] = useState(saved);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setStatus(null);
    try {
      const settings = await saveNotificationSettings(frequency);
      queryClient.setQueryData(notificationSettingsKey, settings);
      setFailure(null);
      setStatus(
        t('email.saved', { frequency: labels.label(EMAIL_FREQUENCIES, settings.emailFrequency) }),
      );
    } catch (error) {
      setFailure(errorMessage(tc, error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <form noValidate onSubmit={(e) => void onSubmit(e)} className="stack narrow">
        <Fieldset>
          <Fieldset.Legend>{t('email.legend')}</Fieldset.Legend>
          {EMAIL_FREQUENCIES.values.map((f) => (
            <Radio
              key={f}
              id={`email-frequency-${f}`}
              name="email-frequency"
              value={f}
              label={labels.label(EMAIL_FREQUENCIES, f)}
              description={t(`email.hints.${f}`)}
              checked={frequency === f}
              onChange={() => setFrequency(f)}
            />
          ))}
        </Fieldset>
        <div>
          <Button type="submit" loading={busy}>
            {t('email.save')}
          </Button>
        </div>
      </form>
      <StatusMessage message={status} />
      {failure && (
        <Alert data-color="danger" role="alert">
          <Paragraph>{failure}</Paragraph>
        </Alert>
      )}
    </>
  );
}
