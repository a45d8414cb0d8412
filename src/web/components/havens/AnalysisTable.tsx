import { Heading, Table } from '@digdir/designsystemet-react';
import type { OutcomeAnalysis } from '../../../shared/havens.ts';
import { formatFigure, formatPValue, formatPercent } from '../../havens-format.ts';
import { NotSet } from '../NotSet.tsx';
import { useHavensTranslation } from './havens-i18n.ts';

type Level = 2 | 3 | 4 | 5 | 6;

/**
 * The comparison of the two arms: per arm its units and proportion (or mean), then the
 * difference (first arm − second) with its statistic (Pearson's chi-squared for a proportion,
 * Welch's t for a mean), degrees of freedom, p-value and 95% interval.
 */
export function AnalysisTable({ analysis, level }: { analysis: OutcomeAnalysis; level: Level }) {
  const { t, lang } = useHavensTranslation();
  const [first, second] = analysis.arms;
  const figure = (v: number) => formatFigure(v, lang);
  const binary = analysis.kind === 'binary';

  return (
    <div className="stack">
      <Heading level={level} data-size="xs">
        {t('analysis.heading', { first, second })}
      </Heading>
      <div className="table-scroll">
        <Table zebra border>
          <caption className="visually-hidden">{t('analysis.armsCaption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('analysis.colArm')}</Table.HeaderCell>
              <Table.HeaderCell className="numeric">{t('analysis.colN')}</Table.HeaderCell>
              {binary && (
                <Table.HeaderCell className="numeric">
                  {t('analysis.colSuccesses')}
                </Table.HeaderCell>
              )}
              <Table.HeaderCell className="numeric">
                {binary ? t('analysis.colProportion') : t('analysis.colMean')}
              </Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {[0, 1].map((i) => (
              <Table.Row key={i}>
                <Table.HeaderCell scope="row">{analysis.arms[i as 0 | 1]}</Table.HeaderCell>
                <Table.Cell className="numeric">{analysis.n[i as 0 | 1]}</Table.Cell>
                {analysis.kind === 'binary' && (
                  <Table.Cell className="numeric">{analysis.successes[i as 0 | 1]}</Table.Cell>
                )}
                <Table.Cell className="numeric">
                  {analysis.kind === 'binary'
                    ? formatPercent(analysis.proportions[i as 0 | 1], lang)
                    : figure(analysis.means[i as 0 | 1])}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      <dl className="details-list">
        <dt>{t('analysis.difference', { first, second })}</dt>
        <dd>{figure(analysis.difference)}</dd>
        <dt>{binary ? t('analysis.statisticChi') : t('analysis.statisticT')}</dt>
        <dd>{analysis.statistic === null ? <NotSet /> : figure(analysis.statistic)}</dd>
        <dt>{t('analysis.df')}</dt>
        {/* Pearson's chi-squared of a 2 × 2 table has one degree of freedom. */}
        <dd>{analysis.kind === 'numeric' ? formatFigure(analysis.df, lang, 1) : 1}</dd>
        <dt>{t('analysis.pValue')}</dt>
        <dd>{analysis.pValue === null ? <NotSet /> : formatPValue(analysis.pValue, lang)}</dd>
        <dt>{t('analysis.confidence')}</dt>
        <dd>
          {t('analysis.interval', {
            low: figure(analysis.confLow),
            high: figure(analysis.confHigh),
          })}
        </dd>
      </dl>
    </div>
  );
}
