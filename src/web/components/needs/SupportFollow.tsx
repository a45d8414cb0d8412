import { useState } from 'react';
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Need } from '../../../shared/needs.ts';
import { ApiError } from '../../api.ts';
import { useSession } from '../../session.ts';
import { errorMessage } from '../../validation.ts';
import { AppLink } from '../AppLink.tsx';
import { StatusMessage } from '../StatusMessage.tsx';
import { setFollow, setSupport, useNeedChanged } from './needs-api.ts';
import { useNeedsTranslation } from './needs-i18n.ts';

/**
 * How many people support and follow a need; support it (once) or withdraw, follow it or stop.
 * Each button keeps its place and focus when its words change.
 */
export function SupportFollow({ need }: { need: Need }) {
  const { t } = useNeedsTranslation();
  const { t: tc } = useTranslation();
  const { user, isLoading } = useSession();
  const changed = useNeedChanged();
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState<'support' | 'follow' | null>(null);

  async function run(kind: 'support' | 'follow', on: boolean) {
    if (busy) return;
    setBusy(kind);
    setFailure(null);
    try {
      await (kind === 'support' ? setSupport(need.id, on) : setFollow(need.id, on));
      setStatus(
        kind === 'support'
          ? on
            ? t('support.supported')
            : t('support.withdrawn')
          : on
            ? t('support.followed')
            : t('support.unfollowed'),
      );
    } catch (error) {
      setStatus(null);
      // Supported already (in another tab, say): that is what was wanted.
      if (error instanceof ApiError && error.code === 'already_supported')
        setStatus(t('support.already'));
      else setFailure(errorMessage(tc, error));
    } finally {
      await changed();
      setBusy(null);
    }
  }

  const path = `/needs/${need.id}`;
  return (
    <section aria-labelledby="need-support-heading" className="stack section">
      <Heading level={2} data-size="sm" id="need-support-heading">
        {t('support.heading')}
      </Heading>
      <Paragraph>
        {t('support.count', { count: need.supports })} {t('followers', { count: need.followers })}
      </Paragraph>
      {user && (
        <>
          <Paragraph data-size="sm">{t('support.hint')}</Paragraph>
          <div className="button-row">
            <Button
              variant={need.supportedByMe ? 'secondary' : 'primary'}
              loading={busy === 'support'}
              onClick={() => void run('support', !need.supportedByMe)}
            >
              {need.supportedByMe ? t('support.withdraw') : t('support.support')}
            </Button>
            <Button
              variant="secondary"
              loading={busy === 'follow'}
              onClick={() => void run('follow', !need.followedByMe)}
            >
              {need.followedByMe ? t('support.unfollow') : t('support.follow')}
            </Button>
          </div>
        </>
      )}
      {!user && !isLoading && (
        <Paragraph>
          <AppLink to={`/sign-in?next=${encodeURIComponent(path)}`}>{t('support.signIn')}</AppLink>
        </Paragraph>
      )}
      <StatusMessage message={status} />
      {failure && (
        <Alert data-color="danger" role="alert">
          <Paragraph>{failure}</Paragraph>
        </Alert>
      )}
    </section>
  );
}
