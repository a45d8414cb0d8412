import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useModerationTranslation } from './moderation-i18n.ts';

/**
 * What its author (and moderators) see on content others cannot: hidden by a moderator with the
 * justification, or waiting for a moderator's approval (pre-moderation).
 */
export function HiddenNotice({
  hidden,
  reason,
  awaitingApproval = false,
}: {
  hidden: boolean;
  reason: string | null;
  awaitingApproval?: boolean;
}) {
  const { t } = useModerationTranslation();
  if (awaitingApproval)
    return (
      <Alert data-color="info">
        <Heading level={2} data-size="xs">
          {t('notice.awaitingHeading')}
        </Heading>
        <Paragraph>{t('notice.awaiting')}</Paragraph>
      </Alert>
    );
  if (!hidden) return null;
  return (
    <Alert data-color="warning">
      <Heading level={2} data-size="xs">
        {t('notice.hiddenHeading')}
      </Heading>
      <Paragraph>{t('notice.hidden')}</Paragraph>
      {reason && <Paragraph>{t('notice.justification', { reason })}</Paragraph>}
    </Alert>
  );
}
