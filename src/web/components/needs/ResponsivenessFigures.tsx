import { Heading, List, Paragraph } from '@digdir/designsystemet-react';
import type { ResponsivenessFigures as Figures } from '../../../shared/needs.ts';
import { formatDays, formatShare } from '../../needs-responsiveness.ts';
import { NotSet } from '../NotSet.tsx';
import { useNeedsTranslation } from './needs-i18n.ts';

type Summary = Omit<Figures, 'byMonth'>;

/** A median number of days in words, or "not set" when no need reached the status. */
export function Days({ value }: { value: number | null }) {
  const { t, lang } = useNeedsTranslation();
  return value === null ? (
    <NotSet />
  ) : (
    <>{t('figures.days', { count: value, days: formatDays(value, lang) })}</>
  );
}

/** "2 of 3 (67%)", or "not set" while no need is 30 days old. */
export function AnsweredShare({ figures }: { figures: Summary }) {
  const { t, lang } = useNeedsTranslation();
  if (figures.dueFor30Days === 0 || figures.shareAnsweredWithin30Days === null) return <NotSet />;
  return (
    <>
      {t('figures.answeredOf', {
        answered: figures.answeredWithin30Days,
        due: figures.dueFor30Days,
        share: formatShare(figures.shareAnsweredWithin30Days, lang),
      })}
    </>
  );
}

/** The figures of one organisation, or of all together, as a list of terms. */
export function ResponsivenessSummary({ figures }: { figures: Summary }) {
  const { t } = useNeedsTranslation();
  return (
    <dl className="details-list">
      <dt>{t('figures.needs')}</dt>
      <dd>{figures.needs}</dd>
      <dt>{t('figures.toAcknowledged')}</dt>
      <dd>
        <Days value={figures.medianDaysToAcknowledged} />
      </dd>
      <dt>{t('figures.toAddressed')}</dt>
      <dd>
        <Days value={figures.medianDaysToAddressed} />
      </dd>
      <dt>{t('figures.toResolved')}</dt>
      <dd>
        <Days value={figures.medianDaysToResolved} />
      </dd>
      <dt>{t('figures.answered')}</dt>
      <dd>
        <AnsweredShare figures={figures} />
      </dd>
    </dl>
  );
}

/** How the figures are counted, in plain words (the definitions of commands/responsiveness.ts). */
export function ResponsivenessDefinitions() {
  const { t } = useNeedsTranslation();
  return (
    <section aria-labelledby="responsiveness-definitions-heading" className="stack section">
      <Heading level={2} data-size="sm" id="responsiveness-definitions-heading">
        {t('definitions.heading')}
      </Heading>
      <List.Unordered>
        <List.Item>{t('definitions.days')}</List.Item>
        <List.Item>{t('definitions.median')}</List.Item>
        <List.Item>{t('definitions.answered')}</List.Item>
        <List.Item>{t('definitions.excluded')}</List.Item>
        <List.Item>{t('definitions.asOf')}</List.Item>
      </List.Unordered>
      <Paragraph data-size="sm">{t('definitions.empty')}</Paragraph>
    </section>
  );
}
