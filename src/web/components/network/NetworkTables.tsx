import { useMemo, useState, type ReactNode } from 'react';
import { Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import {
  BROKERAGE_ROLE_NAMES,
  type NetworkNode,
  type NetworkView,
} from '../../../shared/network.ts';
import {
  firstDirection,
  formatCount,
  formatMetric,
  formatSigned,
  pageCount,
  pageOf,
  sortEdges,
  sortNodes,
  topBrokers,
  type NodeSortKey,
  type SortDirection,
} from '../../network-view.ts';
import { NotSet } from '../NotSet.tsx';
import { NodeName } from './NodeName.tsx';
import { useNetworkTranslation, type NetworkTranslate } from './network-i18n.ts';
import { useNodeLabels } from './node-labels.ts';

const BROKERS = 10;
const NODES_PER_PAGE = 25;
const COMMUNITIES_PER_PAGE = 20;
const TIES_PER_PAGE = 50;
/** Member names listed per community before "and N more". */
const MEMBERS_SHOWN = 25;

/**
 * The network as tables, the accessible alternative to the picture with the same data: the top
 * brokers, every node with its metrics, the communities with their members, and the ties.
 */
export function NetworkTables({
  view,
  selected,
  headingId,
}: {
  view: NetworkView;
  selected: string | null;
  headingId: string;
}) {
  const { t } = useNetworkTranslation();
  const byId = useMemo(() => new Map(view.nodes.map((n) => [n.id, n])), [view.nodes]);
  return (
    <section aria-labelledby={headingId} className="stack section">
      <Heading level={2} data-size="sm" id={headingId} tabIndex={-1} className="focus-target">
        {t('tables.heading')}
      </Heading>
      <Paragraph>{t('tables.lead')}</Paragraph>
      <BrokersTable view={view} />
      <NodesTable view={view} selected={selected} />
      <CommunitiesTable view={view} byId={byId} />
      <TiesTable view={view} byId={byId} />
    </section>
  );
}

function TableRegion({ caption, children }: { caption: string; children: ReactNode }) {
  // Focusable, so a keyboard can scroll a table wider than the screen.
  return (
    <div
      className="table-scroll network-table-region"
      role="region"
      aria-label={caption}
      tabIndex={0}
    >
      {children}
    </div>
  );
}

/** A caption with the page it shows, when there is more than one. */
function paged(t: NetworkTranslate, caption: string, page: number, pages: number): string {
  return pages > 1 ? t('pager.caption', { caption, page: page + 1, pages }) : caption;
}

function Pager({
  page,
  pages,
  label,
  onPage,
}: {
  page: number;
  pages: number;
  label: string;
  onPage: (page: number) => void;
}) {
  const { t } = useNetworkTranslation();
  if (pages <= 1) return null;
  return (
    <nav aria-label={label} className="button-row network-pager">
      <Button
        variant="secondary"
        data-size="sm"
        disabled={page === 0}
        onClick={() => onPage(page - 1)}
      >
        {t('pager.previous')}
      </Button>
      <span>{t('pager.status', { page: page + 1, pages })}</span>
      <Button
        variant="secondary"
        data-size="sm"
        disabled={page >= pages - 1}
        onClick={() => onPage(page + 1)}
      >
        {t('pager.next')}
      </Button>
    </nav>
  );
}

function BrokersTable({ view }: { view: NetworkView }) {
  const { t, lang } = useNetworkTranslation();
  const brokers = useMemo(
    () => topBrokers(view.nodes, BROKERS, new Intl.Collator(lang)),
    [view.nodes, lang],
  );
  const caption = t('brokers.caption', {
    count: brokers.length,
    grouping: t(`groupedBy.${view.group}`),
  });
  return (
    <section aria-labelledby="network-brokers-heading" className="stack">
      <Heading level={3} data-size="xs" id="network-brokers-heading">
        {t('brokers.heading')}
      </Heading>
      <Paragraph data-size="sm">{t('brokers.lead')}</Paragraph>
      {brokers.length === 0 ? (
        <Paragraph>{t('brokers.none')}</Paragraph>
      ) : (
        <TableRegion caption={caption}>
          <Table zebra border data-size="sm" className="network-table">
            <caption>{caption}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('columns.name')}</Table.HeaderCell>
                <Table.HeaderCell scope="col" className="numeric">
                  {t('metrics.betweenness')}
                </Table.HeaderCell>
                {BROKERAGE_ROLE_NAMES.map((role) => (
                  <Table.HeaderCell key={role} scope="col" className="numeric">
                    {t(`roles.${role}`)}
                  </Table.HeaderCell>
                ))}
                <Table.HeaderCell scope="col" className="numeric">
                  {t('roles.total')}
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {brokers.map((node) => (
                <Table.Row key={node.id}>
                  <Table.HeaderCell scope="row">
                    <NodeName node={node} />
                  </Table.HeaderCell>
                  <Table.Cell className="numeric">
                    {formatMetric(node.betweenness, lang)}
                  </Table.Cell>
                  {BROKERAGE_ROLE_NAMES.map((role) => (
                    <Table.Cell key={role} className="numeric">
                      {formatCount(node.brokerage[role], lang)}
                    </Table.Cell>
                  ))}
                  <Table.Cell className="numeric">
                    {formatCount(node.brokerage.total, lang)}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
            <Table.Foot>
              <Table.Row>
                <Table.HeaderCell scope="row">{t('brokers.wholeNetwork')}</Table.HeaderCell>
                <Table.Cell className="numeric">
                  <NotSet />
                </Table.Cell>
                {BROKERAGE_ROLE_NAMES.map((role) => (
                  <Table.Cell key={role} className="numeric">
                    {formatCount(view.summary.brokerageTotals[role], lang)}
                  </Table.Cell>
                ))}
                <Table.Cell className="numeric">
                  {formatCount(
                    BROKERAGE_ROLE_NAMES.reduce(
                      (sum, role) => sum + view.summary.brokerageTotals[role],
                      0,
                    ),
                    lang,
                  )}
                </Table.Cell>
              </Table.Row>
            </Table.Foot>
          </Table>
        </TableRegion>
      )}
    </section>
  );
}

/** The node table's columns after the name and the descriptive ones. */
const METRIC_COLUMNS = [
  'community',
  'degree',
  'weightedDegree',
  'betweenness',
  'closeness',
  'harmonic',
  'eigenvector',
  'pagerank',
  'clustering',
  'brokerage',
  'ei',
] as const satisfies readonly NodeSortKey[];

function NodesTable({ view, selected }: { view: NetworkView; selected: string | null }) {
  const { t, lang } = useNetworkTranslation();
  const names = useNodeLabels();
  const [sort, setSort] = useState<{ key: NodeSortKey; direction: SortDirection }>({
    key: 'degree',
    direction: 'descending',
  });
  const [page, setPage] = useState(0);
  const rows = useMemo(
    () => sortNodes(view.nodes, sort.key, sort.direction, new Intl.Collator(lang)),
    [view.nodes, sort, lang],
  );
  const pages = pageCount(rows.length, NODES_PER_PAGE);
  // A node chosen in the search or the picture: show the page that holds it.
  const [seen, setSeen] = useState(selected);
  if (seen !== selected) {
    setSeen(selected);
    const index = selected === null ? -1 : rows.findIndex((n) => n.id === selected);
    if (index >= 0) setPage(pageOf(index, NODES_PER_PAGE));
  }
  const shownPage = Math.min(page, pages - 1);
  const shown = rows.slice(shownPage * NODES_PER_PAGE, (shownPage + 1) * NODES_PER_PAGE);

  const columnName = (key: NodeSortKey) =>
    key === 'label'
      ? t('columns.name')
      : key === 'community'
        ? t('columns.community')
        : key === 'ei'
          ? t('columns.ei')
          : t(`metrics.${key}`);
  const caption = paged(
    t,
    t('nodes.caption', {
      count: rows.length,
      total: formatCount(rows.length, lang),
      column: columnName(sort.key),
      direction: t(`sort.${sort.direction}`),
    }),
    shownPage,
    pages,
  );

  function header(key: NodeSortKey) {
    const active = sort.key === key;
    return (
      <Table.HeaderCell
        key={key}
        scope="col"
        className={key === 'label' ? undefined : 'numeric'}
        sort={active ? sort.direction : 'none'}
        onClick={() => {
          setSort(
            active
              ? { key, direction: sort.direction === 'ascending' ? 'descending' : 'ascending' }
              : { key, direction: firstDirection(key) },
          );
          setPage(0);
        }}
      >
        {columnName(key)}
      </Table.HeaderCell>
    );
  }

  const metric = (v: number | null) => (v === null ? <NotSet /> : formatMetric(v, lang));
  return (
    <section aria-labelledby="network-nodes-heading" className="stack">
      <Heading level={3} data-size="xs" id="network-nodes-heading">
        {t('nodes.heading')}
      </Heading>
      <Paragraph data-size="sm">{t('nodes.lead')}</Paragraph>
      <TableRegion caption={caption}>
        <Table zebra border data-size="sm" className="network-table">
          <caption>{caption}</caption>
          <Table.Head>
            <Table.Row>
              {header('label')}
              <Table.HeaderCell scope="col">{t('columns.kind')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('columns.country')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('columns.sector')}</Table.HeaderCell>
              {METRIC_COLUMNS.map(header)}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {shown.map((node) => {
              const isSelected = node.id === selected;
              return (
                <Table.Row
                  key={node.id}
                  aria-current={isSelected ? 'true' : undefined}
                  className={isSelected ? 'network-row-selected' : undefined}
                >
                  <Table.HeaderCell scope="row">
                    <NodeName node={node} />
                    {isSelected && (
                      <span className="network-selected-mark"> {t('nodes.selectedMark')}</span>
                    )}
                  </Table.HeaderCell>
                  <Table.Cell>{names.kind(node.kind)}</Table.Cell>
                  <Table.Cell>{names.country(node.country) ?? <NotSet />}</Table.Cell>
                  <Table.Cell>{names.sector(node.sector) ?? <NotSet />}</Table.Cell>
                  <Table.Cell className="numeric">{node.community}</Table.Cell>
                  <Table.Cell className="numeric">{formatCount(node.degree, lang)}</Table.Cell>
                  <Table.Cell className="numeric">{metric(node.weightedDegree)}</Table.Cell>
                  <Table.Cell className="numeric">{metric(node.betweenness)}</Table.Cell>
                  <Table.Cell className="numeric">{metric(node.closeness)}</Table.Cell>
                  <Table.Cell className="numeric">{metric(node.harmonic)}</Table.Cell>
                  <Table.Cell className="numeric">{metric(node.eigenvector)}</Table.Cell>
                  <Table.Cell className="numeric">{metric(node.pagerank)}</Table.Cell>
                  <Table.Cell className="numeric">{metric(node.clustering)}</Table.Cell>
                  <Table.Cell className="numeric">
                    {formatCount(node.brokerage.total, lang)}
                  </Table.Cell>
                  <Table.Cell className="numeric">
                    {node.ei === null ? <NotSet /> : formatSigned(node.ei, lang)}
                  </Table.Cell>
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
      </TableRegion>
      <Pager page={shownPage} pages={pages} label={t('nodes.pager')} onPage={setPage} />
    </section>
  );
}

function CommunitiesTable({
  view,
  byId,
}: {
  view: NetworkView;
  byId: ReadonlyMap<string, NetworkNode>;
}) {
  const { t, lang } = useNetworkTranslation();
  const names = useNodeLabels();
  const [page, setPage] = useState(0);
  const rows = useMemo(
    () => [...view.communities].sort((a, b) => b.size - a.size || a.id - b.id),
    [view.communities],
  );
  const pages = pageCount(rows.length, COMMUNITIES_PER_PAGE);
  const shownPage = Math.min(page, pages - 1);
  const shown = rows.slice(
    shownPage * COMMUNITIES_PER_PAGE,
    (shownPage + 1) * COMMUNITIES_PER_PAGE,
  );
  const caption = paged(
    t,
    t('communities.caption', {
      count: rows.length,
      total: formatCount(rows.length, lang),
      modularity: formatMetric(view.summary.modularity, lang),
    }),
    shownPage,
    pages,
  );
  return (
    <section aria-labelledby="network-communities-heading" className="stack">
      <Heading level={3} data-size="xs" id="network-communities-heading">
        {t('communities.heading')}
      </Heading>
      <Paragraph data-size="sm">{t('communities.lead')}</Paragraph>
      {rows.length === 0 ? (
        <Paragraph>{t('communities.none')}</Paragraph>
      ) : (
        <>
          <TableRegion caption={caption}>
            <Table zebra border data-size="sm" className="network-table">
              <caption>{caption}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('columns.community')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col" className="numeric">
                    {t('communities.size')}
                  </Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('communities.country')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('communities.sector')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('communities.members')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {shown.map((c) => {
                  const more = c.members.length - MEMBERS_SHOWN;
                  const listed = c.members
                    .slice(0, MEMBERS_SHOWN)
                    .map((id) => byId.get(id)?.label ?? id)
                    .join(', ');
                  return (
                    <Table.Row key={c.id}>
                      <Table.HeaderCell scope="row">{names.community(c.id)}</Table.HeaderCell>
                      <Table.Cell className="numeric">{formatCount(c.size, lang)}</Table.Cell>
                      <Table.Cell>{names.country(c.country) ?? <NotSet />}</Table.Cell>
                      <Table.Cell>{names.sector(c.sector) ?? <NotSet />}</Table.Cell>
                      <Table.Cell className="network-members">
                        {more > 0
                          ? t('communities.membersMore', {
                              list: listed,
                              count: more,
                              more: formatCount(more, lang),
                            })
                          : listed}
                      </Table.Cell>
                    </Table.Row>
                  );
                })}
              </Table.Body>
            </Table>
          </TableRegion>
          <Pager page={shownPage} pages={pages} label={t('communities.pager')} onPage={setPage} />
        </>
      )}
    </section>
  );
}

function TiesTable({ view, byId }: { view: NetworkView; byId: ReadonlyMap<string, NetworkNode> }) {
  const { t, lang } = useNetworkTranslation();
  const [page, setPage] = useState(0);
  const rows = useMemo(
    () => sortEdges(view.edges, (id) => byId.get(id)?.label ?? id, new Intl.Collator(lang)),
    [view.edges, byId, lang],
  );
  const pages = pageCount(rows.length, TIES_PER_PAGE);
  const shownPage = Math.min(page, pages - 1);
  const shown = rows.slice(shownPage * TIES_PER_PAGE, (shownPage + 1) * TIES_PER_PAGE);
  const caption = paged(
    t,
    t('ties.caption', { count: rows.length, total: formatCount(rows.length, lang) }),
    shownPage,
    pages,
  );
  const name = (id: string) => {
    const node = byId.get(id);
    return node ? <NodeName node={node} /> : id;
  };
  return (
    <section aria-labelledby="network-ties-heading" className="stack">
      <Heading level={3} data-size="xs" id="network-ties-heading">
        {t('ties.heading')}
      </Heading>
      {rows.length === 0 ? (
        <Paragraph>{t('ties.none')}</Paragraph>
      ) : (
        <>
          <TableRegion caption={caption}>
            <Table zebra border data-size="sm" className="network-table">
              <caption>{caption}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('ties.from')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('ties.to')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col" className="numeric">
                    {t('ties.weight')}
                  </Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('ties.kinds')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {shown.map((e) => (
                  <Table.Row key={`${e.source}|${e.target}`}>
                    <Table.Cell>{name(e.source)}</Table.Cell>
                    <Table.Cell>{name(e.target)}</Table.Cell>
                    <Table.Cell className="numeric">{formatCount(e.weight, lang)}</Table.Cell>
                    <Table.Cell>{e.kinds.map((k) => t(`tieKinds.${k}`)).join(', ')}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableRegion>
          <Pager page={shownPage} pages={pages} label={t('ties.pager')} onPage={setPage} />
        </>
      )}
    </section>
  );
}
