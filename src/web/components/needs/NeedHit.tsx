import { Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { CASE_SECTORS } from '../../../shared/case-vocabulary.ts';
import { NEED_STATUSES, type NeedStatus, type NeedSummary } from '../../../shared/needs.ts';
import { useLabels } from '../../case-labels.ts';
import { formatDate } from '../../format.ts';
import { AppLink } from '../AppLink.tsx';
import { useNeedsTranslation } from './needs-i18n.ts';

const STATUS_COLOURS: Record<NeedStatus, 'info' | 'neutral' | 'success' | 'warning'> = {
  open: 'neutral',
  acknowledged: 'info',
  being_addressed: 'info',
  resolved: 'success',
  declined: 'warning',
};

/** A need's status as a tag (its colour repeats what the words say). */
export function NeedStatusTag({ status }: { status: NeedStatus }) {
  const labels = useLabels();
  return (
    <Tag data-color={STATUS_COLOURS[status]} data-size="sm">
      {labels.label(NEED_STATUSES, status)}
    </Tag>
  );
}

/** One need in a list: its title as a link, its status and supporters, where and for whom. */
export function NeedHit({ need, level = 3 }: { need: NeedSummary; level?: 3 | 4 }) {
  const { t, lang } = useNeedsTranslation();
  const labels = useLabels();
  const about = [
    need.place || null,
    labels.country(need.country),
    need.sector ? labels.label(CASE_SECTORS, need.sector) : null,
    need.responsibleOrganisation
      ? t('list.responsible', { name: need.responsibleOrganisation.name })
      : null,
    t('list.postedOn', { date: formatDate(need.createdAt, lang) }),
  ].filter((s): s is string => s !== null);
  return (
    <li className="case-hit">
      <Heading level={level} data-size="xs" className="case-hit-title">
        <AppLink to={`/needs/${need.id}`}>{need.title}</AppLink>
      </Heading>
      <ul className="tag-list" aria-label={t('list.aboutNeed', { title: need.title })}>
        <li>
          <NeedStatusTag status={need.status} />
        </li>
        <li>
          <Tag data-color="neutral" data-size="sm">
            {t('supporters', { count: need.supports })}
          </Tag>
        </li>
      </ul>
      <Paragraph data-size="sm">{about.join(' · ')}</Paragraph>
    </li>
  );
}
