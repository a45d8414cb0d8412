import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { AppLink } from '../AppLink.tsx';
import type { Group, GroupProfile } from '../../../shared/groups.ts';
import { classOf, classRanges } from '../../chart-scales.ts';
import { fillMonths, formatMonth, mixPhrase, monthOf } from '../../groups-format.ts';
import { ChartFigure } from '../ChartFigure.tsx';
import { CountryMap } from '../CountryMap.tsx';
import { KindBars } from '../exchange/KindBars.tsx';
import { LoadError } from '../LoadError.tsx';
import { Loading } from '../Loading.tsx';
import { useGroupProfile } from './groups-api.ts';
import { useGroupLabels } from './groups-labels.ts';

/** The months the activity chart shows at most (the table shows them all). */
const CHART_MONTHS = 24;

/**
 * Who the group brings together across borders: members by country (a map and a table), by
 * affiliation (bars and a table), the policy–academia mix in words and numbers, and how active
 * the group has been month by month.
 */
export function CrossBorderView({ group }: { group: Group }) {
  const { t } = useGroupLabels();
  const query = useGroupProfile(group.id);
  const profile = query.data;
  return (
    <section aria-labelledby="group-profile-heading" className="stack section">
      <Heading level={2} data-size="sm" id="group-profile-heading">
        {t('profile.heading')}
      </Heading>
      <Paragraph>{t('profile.lead')}</Paragraph>
      {query.isPending && <Loading />}
      {query.isError && <LoadError error={query.error} onRetry={() => void query.refetch()} />}
      {profile && (
        <>
          <Mix profile={profile} />
          <ByCountry profile={profile} />
          <ByAffiliation profile={profile} />
          <Activity profile={profile} />
        </>
      )}
      <InTheNetwork group={group} />
    </section>
  );
}

/** The group's place in the collaboration network: its members are tied there if it is public. */
function InTheNetwork({ group }: { group: Group }) {
  const { t } = useGroupLabels();
  return (
    <section aria-labelledby="group-network-heading" className="stack">
      <Heading level={3} data-size="xs" id="group-network-heading">
        {t('profile.networkHeading')}
      </Heading>
      {group.visibility === 'public' ? (
        <>
          <Paragraph>{t('profile.networkPublic')}</Paragraph>
          <Paragraph>
            <AppLink to="/network?nodes=people&tie=group">{t('profile.networkLink')}</AppLink>
          </Paragraph>
        </>
      ) : (
        <Paragraph>{t('profile.networkPrivate')}</Paragraph>
      )}
    </section>
  );
}

function Mix({ profile }: { profile: GroupProfile }) {
  const { t, lang } = useGroupLabels();
  const phrase = mixPhrase(profile.policyAcademia, profile.members, lang);
  return (
    <section aria-labelledby="group-mix-heading" className="stack">
      <Heading level={3} data-size="xs" id="group-mix-heading">
        {t('profile.mixHeading')}
      </Heading>
      <Paragraph>
        {phrase.key === 'mixNone'
          ? t('profile.mixNone')
          : t(`profile.${phrase.key}`, phrase.params)}
      </Paragraph>
      {phrase.key !== 'mixNone' && (
        <dl className="details-list">
          <dt>{t('profile.policy')}</dt>
          <dd>{t('profile.memberCount', { count: phrase.params.policy })}</dd>
          <dt>{t('profile.academia')}</dt>
          <dd>{t('profile.memberCount', { count: phrase.params.academia })}</dd>
          <dt>{t('profile.share')}</dt>
          <dd>
            {t('profile.shareValue', {
              share: phrase.params.share,
              together: phrase.params.together,
              members: phrase.params.members,
            })}
          </dd>
        </dl>
      )}
    </section>
  );
}

function ByCountry({ profile }: { profile: GroupProfile }) {
  const { t, country, lang } = useGroupLabels();
  const counts = new Map(profile.byCountry.map((r) => [r.country, r.members]));
  const ranges = classRanges(Math.max(0, ...profile.byCountry.map((r) => r.members)));
  const rows = profile.byCountry
    .map((r) => ({ code: r.country, name: country(r.country), members: r.members }))
    .sort((a, b) => b.members - a.members || a.name.localeCompare(b.name, lang));
  const summary = rows
    .map((r) => t('profile.countryPart', { name: r.name, count: r.members }))
    .join('; ');
  return (
    <ChartFigure
      id="group-by-country"
      level={3}
      heading={t('profile.countryHeading')}
      description={t('profile.countryCount', { count: rows.length })}
      filename="members-by-country.csv"
      chart={
        rows.length === 0 ? (
          <Paragraph>{t('profile.noMembers')}</Paragraph>
        ) : (
          <>
            <CountryMap
              label={t('profile.mapLabel', { summary })}
              include={rows.map((r) => r.code)}
              className="country-map-small"
              fillClass={(code) => `map-c${code ? classOf(counts.get(code) ?? 0, ranges) : 0}`}
              title={(code) =>
                counts.has(code)
                  ? t('profile.countryPart', { name: country(code), count: counts.get(code) })
                  : null
              }
            />
            <div className="legend">
              <span className="legend-label">{t('profile.legend')}</span>
              <ul className="legend-items">
                <li>
                  <span className="swatch map-c0" aria-hidden="true" />
                  {t('profile.legendNone')}
                </li>
                {ranges.map(([low, high], i) => (
                  <li key={i}>
                    <span className={`swatch map-c${i + 1}`} aria-hidden="true" />
                    {low === high ? low : `${low}–${high}`}
                  </li>
                ))}
              </ul>
            </div>
          </>
        )
      }
      table={{
        caption: t('profile.countryCaption'),
        columns: [t('profile.colCountry'), t('profile.colMembers')],
        rows: rows.map((r) => [r.name, r.members]),
        csvColumns: ['country', 'name', 'members'],
        csvRows: rows.map((r) => [r.code, r.name, r.members]),
      }}
    />
  );
}

function ByAffiliation({ profile }: { profile: GroupProfile }) {
  const { t, lang, affiliation } = useGroupLabels();
  const rows = profile.byAffiliation.map((r) => ({
    code: r.affiliation,
    label: affiliation(r.affiliation),
    members: r.members,
  }));
  return (
    <ChartFigure
      id="group-by-affiliation"
      level={3}
      heading={t('profile.affiliationHeading')}
      filename="members-by-affiliation.csv"
      stacked
      chart={
        rows.length === 0 ? (
          <Paragraph>{t('profile.noMembers')}</Paragraph>
        ) : (
          <KindBars
            label={t('profile.affiliationChart', {
              summary: rows
                .map((r) => t('profile.countryPart', { name: r.label, count: r.members }))
                .join('; '),
            })}
            rows={rows.map((r) => ({ label: r.label, values: [r.members] }))}
            series={[{ name: t('profile.colMembers'), barClass: 'bar', swatchClass: 'swatch-bar' }]}
            legendLabel={t('profile.affiliationHeading')}
            lang={lang}
          />
        )
      }
      table={{
        caption: t('profile.affiliationCaption'),
        columns: [t('profile.colAffiliation'), t('profile.colMembers')],
        rows: rows.map((r) => [r.label, r.members]),
        csvColumns: ['affiliation', 'label', 'members'],
        csvRows: rows.map((r) => [r.code, r.label, r.members]),
      }}
    />
  );
}

function Activity({ profile }: { profile: GroupProfile }) {
  const { t, lang } = useGroupLabels();
  const months = fillMonths(profile.activity, monthOf(new Date()));
  // The chart shows the last two years; the table has every month.
  const recent = months.slice(-CHART_MONTHS);
  const series = [
    { name: t('profile.posts'), barClass: 'bar', swatchClass: 'swatch-bar' },
    { name: t('profile.votes'), barClass: 'bar bar-received', swatchClass: 'swatch-received' },
    { name: t('profile.meetings'), barClass: 'bar bar-meetings', swatchClass: 'swatch-meetings' },
  ];
  const total = recent.reduce((s, m) => s + m.posts + m.votes + m.meetings, 0);
  return (
    <ChartFigure
      id="group-activity"
      level={3}
      heading={t('profile.activityHeading')}
      description={t('profile.activityLead')}
      filename="activity-by-month.csv"
      stacked
      chart={
        months.length === 0 ? (
          <Paragraph>{t('profile.noActivity')}</Paragraph>
        ) : (
          <KindBars
            label={t('profile.activityChart', {
              months: recent.length,
              first: formatMonth(recent[0]!.month, lang),
              last: formatMonth(recent.at(-1)!.month, lang),
              total,
            })}
            rows={recent.map((m) => ({
              label: formatMonth(m.month, lang),
              values: [m.posts, m.votes, m.meetings],
            }))}
            series={series}
            legendLabel={t('profile.activityLegend')}
            lang={lang}
          />
        )
      }
      table={{
        caption: t('profile.activityCaption'),
        columns: [
          t('profile.colMonth'),
          t('profile.posts'),
          t('profile.votes'),
          t('profile.meetings'),
        ],
        rows: months.map((m) => [formatMonth(m.month, lang), m.posts, m.votes, m.meetings]),
        csvColumns: ['month', 'posts', 'votes', 'meetings'],
        csvRows: months.map((m) => [m.month, m.posts, m.votes, m.meetings]),
      }}
    />
  );
}
