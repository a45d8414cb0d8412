import type { ReactNode } from 'react';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { EIFigure, NetworkView } from '../../../shared/network.ts';
import { formatCount, formatMetric, formatPercent, formatSigned } from '../../network-view.ts';
import { useNetworkTranslation } from './network-i18n.ts';

interface Figure {
  key: string;
  label: string;
  value: ReactNode;
  detail?: string;
}

/** The network in numbers: size, cohesion, communities, mixing across borders and sectors. */
export function NetworkSummary({ view }: { view: NetworkView }) {
  const { t, lang } = useNetworkTranslation();
  const s = view.summary;
  const count = (v: number) => formatCount(v, lang);
  const metric = (v: number) => formatMetric(v, lang);

  const ei = (key: string, label: string, f: EIFigure): Figure => ({
    key,
    label,
    value: f.index === null ? t('summary.notAvailable') : formatSigned(f.index, lang),
    detail:
      f.index === null
        ? t('summary.eiNone')
        : t('summary.eiDetail', {
            expected: f.expected === null ? '–' : formatSigned(f.expected, lang),
            external: count(f.external),
            internal: count(f.internal),
          }),
  });

  const figures: Figure[] = [
    { key: 'nodes', label: t('summary.nodes'), value: count(s.nodes) },
    { key: 'edges', label: t('summary.edges'), value: count(s.edges) },
    { key: 'density', label: t('summary.density'), value: metric(s.density) },
    { key: 'transitivity', label: t('summary.transitivity'), value: metric(s.transitivity) },
    {
      key: 'components',
      label: t('summary.components'),
      value: count(s.components),
      detail: t('summary.componentsDetail', {
        largest: count(s.largestComponent),
        isolates: count(s.isolates),
      }),
    },
    {
      key: 'communities',
      label: t('summary.communities'),
      value: count(s.communities),
      detail: t('summary.modularity', { value: metric(s.modularity) }),
    },
    ei('eiCountry', t('summary.eiCountry'), s.eiCountry),
    ei('eiSector', t('summary.eiSector'), s.eiSector),
    s.betweenness.method === 'exact'
      ? {
          key: 'betweenness',
          label: t('summary.betweenness'),
          value: t('summary.exact'),
          detail: t('summary.exactDetail'),
        }
      : {
          key: 'betweenness',
          label: t('summary.betweenness'),
          value: t('summary.sampled'),
          detail: t('summary.sampledDetail', {
            pivots: count(s.betweenness.pivots),
            error: metric(s.betweenness.errorBound),
            confidence: formatPercent(s.betweenness.confidence, lang),
          }),
        },
  ];

  return (
    <section aria-labelledby="network-summary-heading" className="stack section">
      <Heading level={2} data-size="sm" id="network-summary-heading">
        {t('summary.heading')}
      </Heading>
      <dl className="network-figures">
        {figures.map((f) => (
          <div key={f.key} className="network-figure" data-figure={f.key}>
            <dt>{f.label}</dt>
            <dd>
              <span className="network-figure-value">{f.value}</span>
              {f.detail && <span className="network-figure-detail">{f.detail}</span>}
            </dd>
          </div>
        ))}
      </dl>
      <Paragraph data-size="sm">{t('summary.eiHint')}</Paragraph>
      {s.skippedGroups.length > 0 && (
        <Paragraph data-size="sm">
          {t('summary.skipped', {
            groups: s.skippedGroups
              .map((g) => t('summary.skippedGroup', { label: g.label, size: count(g.size) }))
              .join(', '),
          })}
        </Paragraph>
      )}
    </section>
  );
}
