import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Heading, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import type { ModerationItem } from '../../shared/moderation.ts';
import { AppLink } from '../components/AppLink.tsx';
import { ActionFeedback, useAction } from '../components/ActionFeedback.tsx';
import { LoadError } from '../components/LoadError.tsx';
import { Loading } from '../components/Loading.tsx';
import {
  moderate,
  moderationQueueKey,
  useModerationQueue,
} from '../components/moderation/moderation-api.ts';
import { useModerationTranslation } from '../components/moderation/moderation-i18n.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { RequireUser } from '../components/RequireUser.tsx';
import { formatDateTime } from '../format.ts';
import { usePageTitle } from '../pageTitle.ts';
import { isModerator } from '../session.ts';

/** The moderators' queue: reported content and needs awaiting approval; hide or restore each. */
export function ModerationPage() {
  const { t } = useModerationTranslation();
  usePageTitle(t('queue.title'));
  return (
    <div className="stack">
      <PageHeading>{t('queue.title')}</PageHeading>
      <RequireUser>
        {(user) =>
          isModerator(user) ? (
            <Queue />
          ) : (
            <Alert data-color="warning">
              <Paragraph>{t('queue.forbidden')}</Paragraph>
            </Alert>
          )
        }
      </RequireUser>
    </div>
  );
}

function Queue() {
  const { t } = useModerationTranslation();
  const query = useModerationQueue(true);
  // One action for the queue: a decided item leaves the list, its outcome stays said here.
  const action = useAction();
  const items = query.data?.items;
  return (
    <>
      <Paragraph className="prose">{t('queue.lead')}</Paragraph>
      <ActionFeedback status={action.status} failure={action.failure} />
      {query.isPending && <Loading />}
      {query.isError && <LoadError error={query.error} onRetry={() => void query.refetch()} />}
      {items && items.length === 0 && <Paragraph>{t('queue.empty')}</Paragraph>}
      {items && items.length > 0 && (
        <ol className="plain-list stack" aria-label={t('queue.listLabel')}>
          {items.map((item) => (
            <QueueItem key={`${item.targetType}-${item.targetId}`} item={item} action={action} />
          ))}
        </ol>
      )}
    </>
  );
}

function QueueItem({
  item,
  action,
}: {
  item: ModerationItem;
  action: ReturnType<typeof useAction>;
}) {
  const { t, lang } = useModerationTranslation();
  const queryClient = useQueryClient();
  const [justification, setJustification] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const fieldId = `moderation-${item.targetId}-justification`;
  const headingId = `moderation-${item.targetId}-heading`;

  async function decide(kind: 'hide' | 'restore') {
    if (justification.trim().length < 3) {
      setError(t('queue.justificationNeeded'));
      document.getElementById(fieldId)?.focus();
      return;
    }
    setError(undefined);
    const ok = await action.run(
      () =>
        moderate(kind, {
          targetType: item.targetType,
          targetId: item.targetId,
          justification: justification.trim(),
        }),
      kind === 'hide' ? t('queue.hidden') : t('queue.restored'),
    );
    if (ok) setJustification('');
    await queryClient.invalidateQueries({ queryKey: moderationQueueKey });
    // What the pages show changes too.
    await queryClient.invalidateQueries({ queryKey: ['needs'] });
    await queryClient.invalidateQueries({ queryKey: ['initiatives'] });
  }

  return (
    <li className="stack section">
      <Heading level={2} data-size="xs" id={headingId}>
        <AppLink to={item.link}>{item.excerpt}</AppLink>
      </Heading>
      <div className="button-row">
        <Tag data-color="neutral" data-size="sm">
          {t(`types.${item.targetType}`)}
        </Tag>
        {item.awaitingApproval && (
          <Tag data-color="info" data-size="sm">
            {t('queue.awaiting')}
          </Tag>
        )}
        {item.hidden && !item.awaitingApproval && (
          <Tag data-color="warning" data-size="sm">
            {t('queue.isHidden')}
          </Tag>
        )}
        <span>{t('queue.author', { name: item.author?.name ?? t('queue.formerAccount') })}</span>
      </div>
      {item.hiddenReason && (
        <Paragraph data-size="sm">
          {t('notice.justification', { reason: item.hiddenReason })}
        </Paragraph>
      )}
      {item.reports.length > 0 && (
        <>
          <Paragraph data-size="sm">{t('queue.reports', { count: item.reports.length })}</Paragraph>
          <ul className="stack">
            {item.reports.map((r, i) => (
              <li key={i}>
                {t('queue.reportAt', { date: formatDateTime(r.at, lang), reason: r.reason })}
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="stack narrow">
        <Textfield
          id={fieldId}
          label={t('queue.justification')}
          description={t('queue.justificationHint')}
          multiline
          rows={2}
          maxLength={2000}
          value={justification}
          error={error}
          onChange={(e) => setJustification(e.target.value)}
        />
        <div className="button-row">
          {!item.hidden && (
            <Button
              variant="secondary"
              data-size="sm"
              loading={action.busy}
              aria-describedby={headingId}
              onClick={() => void decide('hide')}
            >
              {t('queue.hide')}
            </Button>
          )}
          {item.hidden && (
            <Button
              data-size="sm"
              loading={action.busy}
              aria-describedby={headingId}
              onClick={() => void decide('restore')}
            >
              {item.awaitingApproval ? t('queue.approve') : t('queue.restore')}
            </Button>
          )}
        </div>
      </div>
    </li>
  );
}
