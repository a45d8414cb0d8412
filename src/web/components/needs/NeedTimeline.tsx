import type { ReactNode } from 'react';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { NEED_STATUSES, type NeedEvent } from '../../../shared/needs.ts';
import { useLabels } from '../../case-labels.ts';
import { formatDateTime } from '../../format.ts';
import { AppLink } from '../AppLink.tsx';
import { useNeedsTranslation } from './needs-i18n.ts';

/** The public record of a need, oldest first: what changed, why, by whom, for which organisation, when. */
export function NeedTimeline({ events }: { events: readonly NeedEvent[] }) {
  const { t } = useNeedsTranslation();
  return (
    <section aria-labelledby="need-timeline-heading" className="stack section">
      <Heading level={2} data-size="sm" id="need-timeline-heading">
        {t('timeline.heading')}
      </Heading>
      <ol className="plain-list stack need-timeline" aria-labelledby="need-timeline-heading">
        {events.map((event, i) => (
          <TimelineEntry key={i} event={event} />
        ))}
      </ol>
    </section>
  );
}

function TimelineEntry({ event }: { event: NeedEvent }) {
  const { t, lang } = useNeedsTranslation();
  const labels = useLabels();
  const status = (s: NeedEvent['toStatus']) => (s ? labels.label(NEED_STATUSES, s) : '');
  // The other need, when the viewer may see it (the server leaves out a merged duplicate).
  const other = (withLink: string, plain: string): ReactNode =>
    event.otherNeed ? (
      <>
        {withLink} <AppLink to={`/needs/${event.otherNeed.id}`}>{event.otherNeed.title}</AppLink>
      </>
    ) : (
      plain
    );

  let what: ReactNode;
  switch (event.kind) {
    case 'created':
      what = t('timeline.created');
      break;
    case 'status':
      what = t('timeline.status', { from: status(event.fromStatus), to: status(event.toStatus) });
      break;
    case 'reopened':
      what = t('timeline.reopened', { from: status(event.fromStatus) });
      break;
    case 'merged_into':
      what = other(t('timeline.mergedInto'), t('timeline.mergedIntoPlain'));
      break;
    case 'merged_from':
      what = other(t('timeline.mergedFrom'), t('timeline.mergedFromPlain'));
      break;
  }
  const by =
    event.actor && event.organisation
      ? t('timeline.byFor', { name: event.actor, organisation: event.organisation.name })
      : event.actor
        ? t('timeline.by', { name: event.actor })
        : event.organisation
          ? t('timeline.by', { name: event.organisation.name })
          : null;

  return (
    <li className="need-event">
      <Paragraph className="need-event-what">{what}</Paragraph>
      {event.reason && (
        <Paragraph className="prose">{t('timeline.reason', { reason: event.reason })}</Paragraph>
      )}
      <Paragraph data-size="sm" className="need-event-meta">
        {by && `${by} · `}
        <time dateTime={event.at}>{formatDateTime(event.at, lang)}</time>
      </Paragraph>
    </li>
  );
}
