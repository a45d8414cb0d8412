import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';
import { AppLink } from '../components/AppLink.tsx';
import { unsubscribe } from '../components/notifications/notifications-api.ts';
import { useNotificationsTranslation } from '../components/notifications/notifications-i18n.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { usePageTitle } from '../pageTitle.ts';
import { errorMessage } from '../validation.ts';

/**
 * Where an e-mail's "stop these e-mails" link leads. Nothing happens until the button is pressed:
 * mail scanners open links in e-mails, and must not unsubscribe anyone.
 */
export function UnsubscribePage() {
  const { t } = useNotificationsTranslation();
  usePageTitle(t('unsubscribe.title'));
  const token = useSearchParams()[0].get('token') ?? '';
  return (
    <div className="stack narrow">
      <PageHeading>{t('unsubscribe.title')}</PageHeading>
      {token ? (
        <UnsubscribeForm token={token} />
      ) : (
        <Alert data-color="warning">
          <Paragraph>{t('unsubscribe.missing')}</Paragraph>
          <Paragraph>
            <SettingsLink />
          </Paragraph>
        </Alert>
      )}
    </div>
  );
}

function SettingsLink() {
  const { t } = useNotificationsTranslation();
  return <AppLink to="/notifications">{t('unsubscribe.settingsLink')}</AppLink>;
}

function UnsubscribeForm({ token }: { token: string }) {
  const { t: tc } = useTranslation();
  const { t } = useNotificationsTranslation();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);

  // The button is gone once it has worked: move focus to what happened.
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  async function stop() {
    if (busy) return;
    setBusy(true);
    try {
      await unsubscribe(token);
      setFailure(null);
      setDone(true);
    } catch (error) {
      // 404: unknown or already used (each use replaces the token); 400: not a token at all.
      const invalid = error instanceof ApiError && (error.status === 404 || error.status === 400);
      setFailure(invalid ? t('unsubscribe.invalid') : errorMessage(tc, error));
    } finally {
      setBusy(false);
    }
  }

  if (done) {
    return (
      <Alert ref={doneRef} tabIndex={-1} data-color="success" className="focus-target">
        <Paragraph>{t('unsubscribe.done')}</Paragraph>
        <Paragraph>
          <SettingsLink />
        </Paragraph>
      </Alert>
    );
  }
  return (
    <>
      <Paragraph>{t('unsubscribe.lead')}</Paragraph>
      <div>
        <Button loading={busy} onClick={() => void stop()}>
          {t('unsubscribe.button')}
        </Button>
      </div>
      {failure && (
        <Alert data-color="danger" role="alert">
          <Paragraph>{failure}</Paragraph>
          <Paragraph>
            <SettingsLink />
          </Paragraph>
        </Alert>
      )}
    </>
  );
}
