import { useMemo } from 'react';
import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { NetworkNode, NetworkView } from '../../../shared/network.ts';
import { formatCount, formatMetric } from '../../network-view.ts';
import { NotSet } from '../NotSet.tsx';
import { NodeName } from './NodeName.tsx';
import { useNetworkTranslation } from './network-i18n.ts';
import { useNodeLabels } from './node-labels.ts';

/** Neighbours listed as buttons before "and N more". */
const NEIGHBOURS_SHOWN = 30;

/**
 * The chosen node in words: what it is, its main figures and its neighbours, each of which can
 * be chosen in turn, so the network can be walked with the keyboard.
 */
export function SelectedNode({
  view,
  node,
  onSelect,
}: {
  view: NetworkView;
  node: NetworkNode | null;
  onSelect: (id: string | null) => void;
}) {
  const { t, lang } = useNetworkTranslation();
  const names = useNodeLabels();
  const neighbours = useMemo(() => {
    if (!node) return [];
    const byId = new Map(view.nodes.map((n) => [n.id, n]));
    const weights = new Map<string, number>();
    for (const e of view.edges) {
      const other = e.source === node.id ? e.target : e.target === node.id ? e.source : null;
      if (other !== null && other !== node.id) {
        weights.set(other, (weights.get(other) ?? 0) + e.weight);
      }
    }
    const collator = new Intl.Collator(lang);
    return [...weights]
      .map(([id, weight]) => ({ node: byId.get(id), weight }))
      .filter((n): n is { node: NetworkNode; weight: number } => n.node !== undefined)
      .sort((a, b) => b.weight - a.weight || collator.compare(a.node.label, b.node.label));
  }, [view, node, lang]);

  if (!node) {
    return (
      <section aria-labelledby="network-selected-heading" className="network-selected stack">
        <Heading level={3} data-size="2xs" id="network-selected-heading">
          {t('selected.none')}
        </Heading>
        <Paragraph data-size="sm">{t('selected.noneHint')}</Paragraph>
      </section>
    );
  }

  const value = (v: string | null) => v ?? <NotSet />;
  const more = neighbours.length - NEIGHBOURS_SHOWN;
  return (
    <section aria-labelledby="network-selected-heading" className="network-selected stack">
      <Heading level={3} data-size="2xs" id="network-selected-heading">
        {t('selected.heading')}: <NodeName node={node} />
      </Heading>
      <dl className="details-list network-selected-details">
        <dt>{t('columns.kind')}</dt>
        <dd>{names.kind(node.kind)}</dd>
        <dt>{t('columns.country')}</dt>
        <dd>{value(names.country(node.country))}</dd>
        <dt>{t('columns.sector')}</dt>
        <dd>{value(names.sector(node.sector))}</dd>
        <dt>{t('columns.community')}</dt>
        <dd>{names.community(node.community)}</dd>
        <dt>{t('metrics.degree')}</dt>
        <dd>{formatCount(node.degree, lang)}</dd>
        <dt>{t('metrics.betweenness')}</dt>
        <dd>{formatMetric(node.betweenness, lang)}</dd>
        <dt>{t('metrics.brokerage')}</dt>
        <dd>{formatCount(node.brokerage.total, lang)}</dd>
      </dl>
      <Heading level={4} data-size="2xs">
        {t('selected.neighbours', { count: neighbours.length })}
      </Heading>
      {neighbours.length === 0 ? (
        <Paragraph data-size="sm">{t('selected.noNeighbours')}</Paragraph>
      ) : (
        <ul className="network-neighbours">
          {neighbours.slice(0, NEIGHBOURS_SHOWN).map(({ node: n, weight }) => (
            <li key={n.id}>
              <Button
                variant="tertiary"
                data-size="sm"
                onClick={() => onSelect(n.id)}
                aria-label={t('selected.choose', {
                  name: n.label,
                  weight: formatCount(weight, lang),
                })}
              >
                {n.label}
              </Button>
              <span className="network-tie-weight" aria-hidden="true">
                {formatCount(weight, lang)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {more > 0 && <Paragraph data-size="sm">{t('selected.more', { count: more })}</Paragraph>}
      <div>
        <Button variant="secondary" data-size="sm" onClick={() => onSelect(null)}>
          {t('selected.clear')}
        </Button>
      </div>
    </section>
  );
}
