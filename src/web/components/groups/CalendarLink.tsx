import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import type { Group } from '../../../shared/groups.ts';
import { useGroupLabels } from './groups-labels.ts';

/**
 * The group's meetings as an iCalendar feed to subscribe to. A private group's address carries
 * the member's own token: it is personal, and the page says so.
 */
export function CalendarLink({ group }: { group: Group }) {
  const { t } = useGroupLabels();
  if (!group.calendarUrl) return null;
  const address = new URL(group.calendarUrl, window.location.origin).href;
  return (
    <section aria-labelledby="group-calendar-heading" className="stack section">
      <Heading level={2} data-size="sm" id="group-calendar-heading">
        {t('calendar.heading')}
      </Heading>
      <Paragraph>
        <Link href={address}>{t('calendar.subscribe')}</Link>
      </Paragraph>
      <Paragraph>{t('calendar.how')}</Paragraph>
      <Paragraph>
        {group.visibility === 'private' ? t('calendar.personal') : t('calendar.public')}
      </Paragraph>
      <Paragraph data-size="sm">
        <code className="calendar-address">{address}</code>
      </Paragraph>
    </section>
  );
}
