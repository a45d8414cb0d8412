import { useState, type ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Dialog,
  Heading,
  Link,
  List,
  Paragraph,
  Table,
  Tag,
} from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import {
  CASE_FACETS,
  CASE_LEVELS,
  CASE_MATURITIES,
  CASE_SECTORS,
  CASE_STAGES,
  CASE_STATUSES,
  CITIZEN_ROLES,
  EVIDENCE_LEVELS,
  EXPERIMENTATION_SPACES,
  INNOVATION_TYPES,
  NARRATIVE_SECTIONS,
  OUTCOME_DIMENSIONS,
  PARTICIPATION_LEVELS,
  PARTNER_ROLES,
  RESOURCE_KINDS,
  TRADITIONS,
} from '../../shared/case-vocabulary.ts';
import type { CaseDetail } from '../../shared/cases.ts';
import { deleteCase, similarCases } from '../api.ts';
import { useLabels, type Vocabulary } from '../case-labels.ts';
import { AppLink } from '../components/AppLink.tsx';
import { CaseLoadState } from '../components/CaseLoadState.tsx';
import { CodingPanel } from '../components/CodingPanel.tsx';
import { CaseAdoptions } from '../components/diffusion/CaseAdoptions.tsx';
import { CountryMap } from '../components/CountryMap.tsx';
import { JRC_SOURCE, JrcAttribution } from '../components/JrcAttribution.tsx';
import { Loading } from '../components/Loading.tsx';
import { NotSet } from '../components/NotSet.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { flashState } from '../flash.ts';
import { formatDate, formatDateTime, safeHttpUrl } from '../format.ts';
import { usePageTitle } from '../pageTitle.ts';
import { caseKey, casesKey, useCase } from '../queries.ts';
import { useSession } from '../session.ts';
import { errorMessage } from '../validation.ts';

export function CasePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const query = useCase(id);
  const detail = query.data;
  usePageTitle(detail?.title ?? t('case.title'));

  return (
    <article className="stack">
      <PageHeading>{detail?.title ?? t('case.title')}</PageHeading>
      <CaseLoadState query={query} />
      {detail && <CaseDetails detail={detail} />}
    </article>
  );
}

function CaseDetails({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const isJrc = detail.provenance?.source === JRC_SOURCE;

  return (
    <>
      <ul className="tag-list" aria-label={t('case.markers')}>
        <li>
          <Tag data-color={detail.status === 'draft' ? 'warning' : 'success'} data-size="sm">
            <StatusLabel status={detail.status} />
          </Tag>
        </li>
        {detail.illustrative && (
          <li>
            <Tag data-color="warning" data-size="sm">
              {t('cases.illustrative')}
            </Tag>
          </li>
        )}
        {isJrc && (
          <li>
            <Tag data-color="accent" data-size="sm">
              {t('cases.jrcBadge')}
            </Tag>
          </li>
        )}
      </ul>
      <Paragraph data-size="lg" className="prose">
        {detail.summary}
      </Paragraph>
      {detail.illustrative && <Paragraph>{t('case.illustrativeNote')}</Paragraph>}

      <Paragraph>
        <AppLink to="/cases">{t('case.backToLibrary')}</AppLink>
      </Paragraph>
      {detail.canEdit && <CaseActions detail={detail} />}

      <div className="case-overview">
        <Facts detail={detail} />
        {detail.countries.length > 0 && <CasePlaces countries={detail.countries} />}
      </div>

      <Narrative detail={detail} />
      <Partners detail={detail} />
      <Outcomes detail={detail} />
      <Resources detail={detail} />
      {detail.status === 'published' && <CaseAdoptions detail={detail} />}
      <CodingPanel detail={detail} user={user} />
      <SimilarCases id={detail.id} />
      <Provenance detail={detail} />
      {isJrc && <JrcAttribution />}
    </>
  );
}

function StatusLabel({ status }: { status: CaseDetail['status'] }) {
  const labels = useLabels();
  return <>{labels.label(CASE_STATUSES, status)}</>;
}

function CaseActions({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirmDelete() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await deleteCase(detail.id);
      setOpen(false);
      queryClient.removeQueries({ queryKey: caseKey(detail.id) });
      await queryClient.invalidateQueries({ queryKey: casesKey });
      await navigate('/cases/mine', { state: flashState('case.deleted') });
    } catch (e) {
      setError(errorMessage(t, e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <div className="button-row">
        <AppLink to={`/cases/${detail.id}/edit`}>{t('case.edit')}</AppLink>
        <Button
          variant="secondary"
          data-color="danger"
          data-size="sm"
          onClick={() => setOpen(true)}
        >
          {t('case.delete')}
        </Button>
      </div>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        closeButton={t('common.closeDialog')}
        aria-labelledby="delete-case-heading"
      >
        <Dialog.Block>
          <Heading level={2} data-size="xs" id="delete-case-heading">
            {t('case.deleteHeading', { title: detail.title })}
          </Heading>
        </Dialog.Block>
        <Dialog.Block>
          <Paragraph>{t('case.deleteText')}</Paragraph>
          {error && (
            <Paragraph role="alert" className="error-text">
              {error}
            </Paragraph>
          )}
          <div className="button-row">
            <Button data-color="danger" loading={busy} onClick={() => void confirmDelete()}>
              {t('case.deleteConfirm')}
            </Button>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
          </div>
        </Dialog.Block>
      </Dialog>
    </>
  );
}

function Facts({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const one = (vocabulary: Vocabulary, value: string | null) =>
    value ? labels.label(vocabulary, value) : <NotSet />;
  const many = (vocabulary: Vocabulary, values: readonly string[]) =>
    values.length > 0 ? values.map((v) => labels.label(vocabulary, v)).join(', ') : <NotSet />;

  let period: ReactNode = <NotSet />;
  if (!detail.startDate && !detail.endDate && detail.ongoing) {
    period = t('case.ongoingOnly');
  } else if (detail.startDate || detail.endDate) {
    const start = detail.startDate ? formatDate(detail.startDate, i18n.language) : null;
    const end = detail.ongoing
      ? t('case.ongoing')
      : detail.endDate
        ? formatDate(detail.endDate, i18n.language)
        : null;
    period =
      start && end
        ? t('case.period', { start, end })
        : start
          ? t('case.periodFrom', { start })
          : t('case.periodUntil', { end: end ?? '' });
  }

  return (
    <section aria-labelledby="case-facts" className="stack">
      <Heading level={2} data-size="sm" id="case-facts">
        {t('case.factsHeading')}
      </Heading>
      <dl className="details-list">
        <dt>{t('case.countries')}</dt>
        <dd>
          {detail.countries.length > 0 ? (
            detail.countries.map((c) => labels.country(c)).join(', ')
          ) : (
            <NotSet />
          )}
        </dd>
        <dt>{t('case.level')}</dt>
        <dd>{one(CASE_LEVELS, detail.level)}</dd>
        <dt>{t('case.sector')}</dt>
        <dd>{one(CASE_SECTORS, detail.sector)}</dd>
        <dt>{t('case.yearLaunched')}</dt>
        <dd>{detail.yearLaunched ?? <NotSet />}</dd>
        <dt>{t('case.periodLabel')}</dt>
        <dd>{period}</dd>
        <dt>{t('case.stage')}</dt>
        <dd>{one(CASE_STAGES, detail.stage)}</dd>
        <dt>{t('case.maturity')}</dt>
        <dd>{one(CASE_MATURITIES, detail.maturity)}</dd>
        <dt>{t('case.facets')}</dt>
        <dd>{many(CASE_FACETS, detail.facets)}</dd>
        <dt>{t('case.innovationTypes')}</dt>
        <dd>{many(INNOVATION_TYPES, detail.innovationTypes)}</dd>
        <dt>{t('case.citizenRoles')}</dt>
        <dd>{many(CITIZEN_ROLES, detail.citizenRoles)}</dd>
        <dt>{t('case.participation')}</dt>
        <dd>{one(PARTICIPATION_LEVELS, detail.participation)}</dd>
        <dt>{t('case.experimentation')}</dt>
        <dd>{one(EXPERIMENTATION_SPACES, detail.experimentation)}</dd>
        <dt>{t('case.tradition')}</dt>
        <dd>
          {detail.traditions.length > 0 ? (
            <>
              {detail.traditions.map((tr) => labels.label(TRADITIONS, tr)).join(', ')}{' '}
              <span className="cell-note">
                {detail.governanceTradition ? t('case.traditionSet') : t('case.traditionDerived')}
              </span>
            </>
          ) : (
            <NotSet />
          )}
        </dd>
        <dt>{t('case.technology')}</dt>
        <dd>{detail.technology ?? <NotSet />}</dd>
        <dt>{t('case.tags')}</dt>
        <dd>{detail.tags.length > 0 ? detail.tags.join(', ') : <NotSet />}</dd>
        <dt>{t('case.links')}</dt>
        <dd>
          {detail.links.length > 0 ? (
            <ul className="plain-list">
              {detail.links.map((link, i) => {
                const href = safeHttpUrl(link.url);
                return (
                  <li key={i}>
                    {href ? (
                      <Link href={href} rel="noopener noreferrer">
                        {link.label || href}
                      </Link>
                    ) : (
                      link.label || link.url
                    )}
                  </li>
                );
              })}
            </ul>
          ) : (
            <NotSet />
          )}
        </dd>
      </dl>
    </section>
  );
}

function CasePlaces({ countries }: { countries: readonly string[] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const names = countries.map((c) => labels.country(c)).join(', ');
  const set = new Set(countries);
  return (
    <section aria-labelledby="case-map-heading" className="stack case-map">
      <Heading level={2} data-size="sm" id="case-map-heading">
        {t('case.mapHeading')}
      </Heading>
      <CountryMap
        label={t('case.mapLabel', { countries: names })}
        include={countries}
        fillClass={(code) => (code && set.has(code) ? 'map-selected' : 'map-other')}
        title={(code) => (set.has(code) ? labels.country(code) : null)}
        className="country-map-small"
      />
    </section>
  );
}

function Narrative({ detail }: { detail: CaseDetail }) {
  const labels = useLabels();
  const sections = NARRATIVE_SECTIONS.values.filter((s) => detail.sections[s]?.trim());
  if (sections.length === 0) return null;
  return (
    <>
      {sections.map((s) => (
        <section key={s} aria-labelledby={`case-section-${s}`} className="stack section">
          <Heading level={2} data-size="sm" id={`case-section-${s}`}>
            {labels.label(NARRATIVE_SECTIONS, s)}
          </Heading>
          <Paragraph className="prose">{detail.sections[s]}</Paragraph>
        </section>
      ))}
    </>
  );
}

function Partners({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <section aria-labelledby="case-partners" className="stack section">
      <Heading level={2} data-size="sm" id="case-partners">
        {t('case.partnerOrganisations')}
      </Heading>
      {detail.partners.length === 0 ? (
        <Paragraph>{t('case.noPartners')}</Paragraph>
      ) : (
        <div className="table-scroll">
          <Table zebra border data-size="sm">
            <caption className="visually-hidden">{t('case.partnerOrganisations')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('case.partnerName')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('case.partnerRole')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {detail.partners.map((p, i) => (
                <Table.Row key={i}>
                  <Table.HeaderCell scope="row">
                    {p.organisationId ? (
                      <AppLink to={`/organisations/${p.organisationId}`}>{p.name}</AppLink>
                    ) : (
                      p.name
                    )}
                  </Table.HeaderCell>
                  <Table.Cell>{labels.label(PARTNER_ROLES, p.role)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}

function Outcomes({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <section aria-labelledby="case-outcomes" className="stack section">
      <Heading level={2} data-size="sm" id="case-outcomes">
        {t('case.outcomesHeading')}
      </Heading>
      {detail.outcomes.length === 0 ? (
        <Paragraph>{t('case.noOutcomes')}</Paragraph>
      ) : (
        <div className="table-scroll">
          <Table zebra border data-size="sm">
            <caption className="visually-hidden">{t('case.outcomesHeading')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('case.outcomeDimension')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('case.outcomeEvidence')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('case.outcomeNote')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {detail.outcomes.map((o) => (
                <Table.Row key={o.dimension}>
                  <Table.HeaderCell scope="row">
                    {labels.label(OUTCOME_DIMENSIONS, o.dimension)}
                  </Table.HeaderCell>
                  <Table.Cell>{labels.label(EVIDENCE_LEVELS, o.evidence)}</Table.Cell>
                  <Table.Cell className="prose">{o.note || <NotSet />}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}

function Resources({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <section aria-labelledby="case-resources" className="stack section">
      <Heading level={2} data-size="sm" id="case-resources">
        {t('case.resourcesHeading')}
      </Heading>
      {detail.resources.length === 0 ? (
        <Paragraph>{t('case.noResources')}</Paragraph>
      ) : (
        <List.Unordered>
          {detail.resources.map((r) => (
            <List.Item key={r}>{labels.label(RESOURCE_KINDS, r)}</List.Item>
          ))}
        </List.Unordered>
      )}
    </section>
  );
}

function SimilarCases({ id }: { id: string }) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: [...caseKey(id), 'similar'],
    queryFn: () => similarCases(id),
  });
  const items = query.data?.items ?? [];
  return (
    <section aria-labelledby="case-similar" className="stack section">
      <Heading level={2} data-size="sm" id="case-similar">
        {t('case.similarHeading')}
      </Heading>
      {query.isPending && <Loading />}
      {query.isError && <Paragraph>{errorMessage(t, query.error)}</Paragraph>}
      {query.isSuccess && items.length === 0 && <Paragraph>{t('case.noSimilar')}</Paragraph>}
      {items.length > 0 && (
        <List.Unordered>
          {items.map((item) => (
            <List.Item key={item.id}>
              <AppLink to={`/cases/${item.id}`}>{item.title}</AppLink>
            </List.Item>
          ))}
        </List.Unordered>
      )}
    </section>
  );
}

function Provenance({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const p = detail.provenance;
  const sourceUrl = safeHttpUrl(p?.sourceUrl);
  const source =
    p === null
      ? t('case.sourceConnective')
      : p.source === JRC_SOURCE
        ? t('case.sourceJrc')
        : p.source === 'connective'
          ? t('case.sourceConnective')
          : p.source === 'connective-demo'
            ? t('case.sourceDemo')
            : p.source;
  return (
    <section aria-labelledby="case-provenance" className="stack section">
      <Heading level={2} data-size="sm" id="case-provenance">
        {t('case.provenanceHeading')}
      </Heading>
      <dl className="details-list">
        <dt>{t('case.source')}</dt>
        <dd>{source}</dd>
        {p && (
          <>
            <dt>{t('case.sourceId')}</dt>
            <dd>{p.sourceId}</dd>
            <dt>{t('case.sourceUrl')}</dt>
            <dd>
              {sourceUrl ? (
                <Link href={sourceUrl} rel="noopener noreferrer">
                  {sourceUrl}
                </Link>
              ) : (
                <NotSet />
              )}
            </dd>
            <dt>{t('case.retrievedAt')}</dt>
            <dd>{p.retrievedAt ? formatDateTime(p.retrievedAt, i18n.language) : <NotSet />}</dd>
          </>
        )}
        <dt>{t('case.licence')}</dt>
        <dd>{detail.licence ?? <NotSet />}</dd>
        <dt>{t('case.author')}</dt>
        <dd>{detail.author?.name ?? <NotSet />}</dd>
        <dt>{t('case.createdAt')}</dt>
        <dd>{formatDate(detail.createdAt, i18n.language)}</dd>
        <dt>{t('case.updatedAt')}</dt>
        <dd>{formatDate(detail.updatedAt, i18n.language)}</dd>
        <dt>{t('case.publishedAt')}</dt>
        <dd>{detail.publishedAt ? formatDate(detail.publishedAt, i18n.language) : <NotSet />}</dd>
      </dl>
    </section>
  );
}
