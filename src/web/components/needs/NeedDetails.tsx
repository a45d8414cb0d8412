import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { CASE_SECTORS } from '../../../shared/case-vocabulary.ts';
import type { Need } from '../../../shared/needs.ts';
import { useLabels } from '../../case-labels.ts';
import { formatDate } from '../../format.ts';
import { AppLink } from '../AppLink.tsx';
import { NotSet } from '../NotSet.tsx';
import { NeedStatusTag } from './NeedHit.tsx';
import { useNeedsTranslation } from './needs-i18n.ts';

/** What a need is: its status (and why), where, for whom, who posted it, and its description. */
export function NeedDetails({ need }: { need: Need }) {
  const { t, lang } = useNeedsTranslation();
  const labels = useLabels();
  const postedBy = need.organisation
    ? need.author
      ? t('need.postedByFor', { name: need.author.name, organisation: need.organisation.name })
      : need.organisation.name
    : (need.author?.name ?? null);

  return (
    <>
      <dl className="details-list">
        <dt>{t('fields.status')}</dt>
        <dd>
          <NeedStatusTag status={need.status} />
          {need.statusReason && ' '}
          {need.statusReason && (
            <span className="cell-note prose">
              {t('need.statusReason', { reason: need.statusReason })}
            </span>
          )}
        </dd>
        <dt>{t('fields.responsibleOrganisationId')}</dt>
        <dd>
          {need.responsibleOrganisation ? (
            <AppLink to={`/organisations/${need.responsibleOrganisation.id}`}>
              {need.responsibleOrganisation.name}
            </AppLink>
          ) : (
            t('need.noResponsible')
          )}
        </dd>
        <dt>{t('fields.place')}</dt>
        <dd>{need.place || <NotSet />}</dd>
        <dt>{t('fields.country')}</dt>
        <dd>{labels.country(need.country)}</dd>
        <dt>{t('fields.sector')}</dt>
        <dd>{need.sector ? labels.label(CASE_SECTORS, need.sector) : <NotSet />}</dd>
        <dt>{t('need.postedBy')}</dt>
        <dd>{postedBy ?? <NotSet />}</dd>
        <dt>{t('need.postedOn')}</dt>
        <dd>{formatDate(need.createdAt, lang)}</dd>
      </dl>
      <section aria-labelledby="need-description-heading" className="stack">
        <Heading level={2} data-size="sm" id="need-description-heading">
          {t('fields.description')}
        </Heading>
        <Paragraph className="prose">{need.description || t('need.noDescription')}</Paragraph>
      </section>
    </>
  );
}
