import { useSearchParams } from 'react-router';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { z } from 'zod';
import type { ResponsivenessFigures } from '../../shared/needs.ts';
import { AppLink } from '../components/AppLink.tsx';
import { HavensLoadState } from '../components/havens/HavensLoadState.tsx';
import { useOrganisationResponsiveness, useResponsiveness } from '../components/needs/needs-api.ts';
import { useNeedsTranslation } from '../components/needs/needs-i18n.ts';
import {
  ResponsivenessDefinitions,
  ResponsivenessSummary,
} from '../components/needs/ResponsivenessFigures.tsx';
import { ResponsivenessTable } from '../components/needs/ResponsivenessTable.tsx';
import { ResponsivenessTrend } from '../components/needs/ResponsivenessTrend.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { formatDateTime } from '../format.ts';
import { usePageTitle } from '../pageTitle.ts';

/**
 * How responsive organisations are to the needs they are responsible for: all together and each
 * one (`?organisation=<id>`), with a monthly trend and the definitions in plain words.
 */
export function ResponsivenessPage() {
  const [params] = useSearchParams();
  const organisation = z.uuid().safeParse(params.get('organisation'));
  return organisation.success ? (
    <OrganisationResponsiveness key={organisation.data} id={organisation.data} />
  ) : (
    <AllResponsiveness />
  );
}

function AllResponsiveness() {
  const { t } = useNeedsTranslation();
  usePageTitle(t('responsiveness.title'));
  const query = useResponsiveness();
  const data = query.data;

  return (
    <div className="stack">
      <PageHeading>{t('responsiveness.title')}</PageHeading>
      <Paragraph className="prose">{t('responsiveness.lead')}</Paragraph>
      <Paragraph>
        <AppLink to="/needs">{t('responsiveness.needsLink')}</AppLink>
      </Paragraph>
      <HavensLoadState query={query} notFound={t('responsiveness.notFound')} />
      {data && (
        <>
          <Figures
            heading={t('responsiveness.overallHeading')}
            figures={data.overall}
            asOf={data.asOf}
            filename="responsiveness-by-month.csv"
          />
          <section aria-labelledby="responsiveness-ranking-heading" className="stack section">
            <Heading level={2} data-size="sm" id="responsiveness-ranking-heading">
              {t('ranking.heading')}
            </Heading>
            {data.organisations.length === 0 ? (
              <Paragraph>{t('ranking.none')}</Paragraph>
            ) : (
              <ResponsivenessTable organisations={data.organisations} />
            )}
          </section>
        </>
      )}
      <ResponsivenessDefinitions />
    </div>
  );
}

function OrganisationResponsiveness({ id }: { id: string }) {
  const { t } = useNeedsTranslation();
  const query = useOrganisationResponsiveness(id);
  const data = query.data;
  const name = data?.organisation?.name;
  const title = name ? t('responsiveness.ofOrganisation', { name }) : t('responsiveness.title');
  usePageTitle(title);

  return (
    <div className="stack">
      <PageHeading>{title}</PageHeading>
      <ul className="action-links">
        <li>
          <AppLink to="/responsiveness">{t('responsiveness.allLink')}</AppLink>
        </li>
        {name && (
          <>
            <li>
              <AppLink to={`/organisations/${id}`}>
                {t('responsiveness.organisationLink', { name })}
              </AppLink>
            </li>
            <li>
              <AppLink to={`/needs?organisation=${id}`}>
                {t('responsiveness.organisationNeeds', { name })}
              </AppLink>
            </li>
          </>
        )}
      </ul>
      <HavensLoadState query={query} notFound={t('responsiveness.organisationNotFound')} />
      {data && (
        <Figures
          heading={t('responsiveness.organisationHeading')}
          figures={data.figures}
          asOf={data.asOf}
          filename={`responsiveness-${id}.csv`}
        />
      )}
      <ResponsivenessDefinitions />
    </div>
  );
}

/** The figures, when they were computed, and the trend (or that there is nothing to count). */
function Figures({
  heading,
  figures,
  asOf,
  filename,
}: {
  heading: string;
  figures: ResponsivenessFigures;
  asOf: string;
  filename: string;
}) {
  const { t, lang } = useNeedsTranslation();
  return (
    <>
      <section aria-labelledby="responsiveness-figures-heading" className="stack section">
        <Heading level={2} data-size="sm" id="responsiveness-figures-heading">
          {heading}
        </Heading>
        <Paragraph data-size="sm">
          {t('responsiveness.asOf', { date: formatDateTime(asOf, lang) })}
        </Paragraph>
        {figures.needs === 0 ? (
          <Paragraph>{t('responsiveness.noNeeds')}</Paragraph>
        ) : (
          <ResponsivenessSummary figures={figures} />
        )}
      </section>
      <ResponsivenessTrend byMonth={figures.byMonth} filename={filename} />
    </>
  );
}
