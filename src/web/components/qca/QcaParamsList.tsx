import type { QcaParams } from '../../../shared/qca.ts';
import { useQcaFormat } from '../../qca-format.ts';
import { solutionType } from '../../qca-workbench.ts';
import { NotSet } from '../NotSet.tsx';
import { useQcaTranslation } from '../../qca-i18n.ts';

/** The parameters of an analysis, in words and with R QCA's argument names. */
export function QcaParamsList({ params }: { params: QcaParams }) {
  const { t } = useQcaTranslation();
  const format = useQcaFormat();
  const yes = (v: boolean) => (v ? t('params.yes') : t('params.no'));
  const calibrations = Object.entries(params.calibration);
  return (
    <dl className="details-list">
      <dt>{t('params.outcome')}</dt>
      <dd>
        <span className="expression">{params.outcome}</span>
      </dd>
      <dt>{t('params.conditions')}</dt>
      <dd>
        <span className="expression">{params.conditions.join(', ')}</span>
      </dd>
      <dt>{t('params.inclCut')}</dt>
      <dd>{params.inclCut.map(format.value).join('; ')}</dd>
      <dt>{t('params.nCut')}</dt>
      <dd>{params.nCut}</dd>
      <dt>{t('params.priCut')}</dt>
      <dd>{format.value(params.priCut)}</dd>
      <dt>{t('params.solution')}</dt>
      <dd>
        {t(`analyse.solutions.${solutionType(params)}`)}{' '}
        <span className="cell-note">
          {t('params.include', { include: params.include === '' ? '""' : params.include })}
        </span>
      </dd>
      {params.dirExp && (
        <>
          <dt>{t('params.dirExp')}</dt>
          <dd>
            <span className="expression">{params.dirExp}</span>
          </dd>
        </>
      )}
      <dt>{t('params.allSol')}</dt>
      <dd>{yes(params.allSol)}</dd>
      <dt>{t('params.rowDom')}</dt>
      <dd>{yes(params.rowDom)}</dd>
      <dt>{t('params.calibration')}</dt>
      <dd>
        {calibrations.length === 0 ? (
          <NotSet />
        ) : (
          <ul className="plain-list">
            {calibrations.map(([column, c]) => (
              <li key={column}>
                {c.method === 'crisp'
                  ? t('params.crisp', {
                      column,
                      thresholds: c.thresholds.map(format.value).join('; '),
                    })
                  : t('params.fuzzy', {
                      column,
                      exclusion: format.value(c.exclusion),
                      crossover: format.value(c.crossover),
                      inclusion: format.value(c.inclusion),
                    })}
              </li>
            ))}
          </ul>
        )}
      </dd>
    </dl>
  );
}
