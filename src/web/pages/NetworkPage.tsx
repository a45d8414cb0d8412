import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { NETWORK_EXPORT_FORMATS, type NetworkExportFormat } from '../../shared/network.ts';
import { ApiError } from '../api.ts';
import { countryName } from '../format.ts';
import { LoadError } from '../components/LoadError.tsx';
import { Loading } from '../components/Loading.tsx';
import { NetworkGraph } from '../components/NetworkGraph.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { NetworkFilterForm } from '../components/network/NetworkFilterForm.tsx';
import { NetworkSummary } from '../components/network/NetworkSummary.tsx';
import { NetworkTables } from '../components/network/NetworkTables.tsx';
import { useNetworkTranslation, type NetworkKey } from '../components/network/network-i18n.ts';
import {
  filterParams,
  filtersFromParams,
  formatCount,
  networkExportPath,
  withCountryNames,
  type NetworkFilters,
} from '../network-view.ts';
import { usePageTitle } from '../pageTitle.ts';
import { useNetwork } from '../queries.ts';

const TABLES_ID = 'network-tables-heading';

const EXPORT_LABELS: Record<NetworkExportFormat, NetworkKey> = {
  graphml: 'exports.graphml',
  gexf: 'exports.gexf',
  csv: 'exports.csvNodes',
  'csv-ties': 'exports.csvTies',
};

/** Filter fields the API may name in a 400 answer, with the label the form gives them. */
const FIELD_LABELS: Record<string, NetworkKey> = {
  nodes: 'filters.mode',
  tie: 'filters.ties',
  yearFrom: 'filters.yearFrom',
  yearTo: 'filters.yearTo',
  country: 'filters.country',
  sector: 'filters.sector',
  group: 'filters.group',
};

/**
 * The collaboration network (issue 8): who works with whom, in figures, as a picture and as
 * tables. The filters live in the address, so a view can be linked, bookmarked and exported.
 */
export function NetworkPage() {
  const { t, lang } = useNetworkTranslation();
  usePageTitle(t('title'));
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const key = filterParams(filters).toString();
  const query = useNetwork(filters);
  const [selected, setSelected] = useState<string | null>(null);
  const view = useMemo(
    () => query.data && withCountryNames(query.data, (code) => countryName(code, lang)),
    [query.data, lang],
  );
  // A node of an earlier network that is not in this one is no longer chosen.
  const chosen = selected !== null && view?.nodes.some((n) => n.id === selected) ? selected : null;

  function apply(next: NetworkFilters) {
    setParams(filterParams(next));
  }

  const status =
    query.isPending || query.isPlaceholderData
      ? t('status.loading')
      : view
        ? view.nodes.length === 0
          ? t('status.empty')
          : t('status.shown', {
              nodes: t('status.nodes', {
                count: view.nodes.length,
                n: formatCount(view.nodes.length, lang),
              }),
              ties: t('status.ties', {
                count: view.edges.length,
                n: formatCount(view.edges.length, lang),
              }),
            })
        : '';

  return (
    <div className="stack">
      <PageHeading>{t('title')}</PageHeading>
      <Paragraph>{t('lead')}</Paragraph>

      <NetworkFilterForm filters={filters} onApply={apply} />

      <div role="status" className="results-status">
        <Paragraph>{status}</Paragraph>
      </div>
      {query.isPending && <Loading />}
      {query.isError && <NetworkError error={query.error} onRetry={() => void query.refetch()} />}

      {view && view.nodes.length > 0 && (
        <>
          <NetworkSummary view={view} />
          <NetworkGraph view={view} selected={chosen} onSelect={setSelected} tablesId={TABLES_ID} />
          <NetworkTables
            key={`tables-${key}`}
            view={view}
            selected={chosen}
            headingId={TABLES_ID}
          />
        </>
      )}

      <section aria-labelledby="network-downloads-heading" className="stack section">
        <Heading level={2} data-size="xs" id="network-downloads-heading">
          {t('exports.heading')}
        </Heading>
        <Paragraph data-size="sm">{t('exports.lead')}</Paragraph>
        <ul className="action-links">
          {NETWORK_EXPORT_FORMATS.map((format) => (
            <li key={format}>
              <Link href={networkExportPath(filters, format)} download>
                {t(EXPORT_LABELS[format])}
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

/** Filters the server would not take (a 400 lists them), or any other failure. */
function NetworkError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useNetworkTranslation();
  if (!(error instanceof ApiError) || error.status !== 400) {
    return <LoadError error={error} onRetry={onRetry} />;
  }
  const fields = [...new Set(error.fieldIssues.map((issue) => issue.path.split(/[.[]/)[0] ?? ''))];
  return (
    <Alert data-color="danger" role="alert">
      <Heading level={2} data-size="xs">
        {t('errors.badFilters')}
      </Heading>
      {fields.length > 0 ? (
        <ul>
          {fields.map((field) => (
            <li key={field}>
              {t('errors.field', {
                field: FIELD_LABELS[field] ? t(FIELD_LABELS[field]) : field,
              })}
            </li>
          ))}
        </ul>
      ) : (
        <Paragraph>{t('errors.checkFilters')}</Paragraph>
      )}
    </Alert>
  );
}
