import { Fieldset, Heading, Paragraph, Radio, Textfield } from '@digdir/designsystemet-react';
import type { Calibration, QcaDataSet } from '../../../shared/qca.ts';
import { calibrateValue } from '../../qca-calibration.ts';
import { useQcaFormat } from '../../qca-format.ts';
import {
  calibrationFromDraft,
  type CalibrationDraft,
  type CalibrationError,
  type CalibrationMethod,
} from '../../qca-workbench.ts';
import { ChartFigure } from '../ChartFigure.tsx';
import { ScatterPlot } from './ScatterPlot.tsx';
import { useQcaTranslation } from '../../qca-i18n.ts';

const METHODS: readonly CalibrationMethod[] = ['none', 'crisp', 'fuzzy'];

/** The id of a calibration field, for the error summary's links. */
export function calibrationFieldId(column: string, field: CalibrationError | 'method'): string {
  return field === 'order'
    ? `qca-cal-${column}-exclusion`
    : `qca-cal-${column}-${field === 'method' ? 'none' : field}`;
}

interface Props {
  data: QcaDataSet;
  /** The columns that may need calibrating, in data order. */
  columns: readonly string[];
  drafts: Readonly<Record<string, CalibrationDraft>>;
  /** Errors shown after a run was attempted. */
  errors: Readonly<Record<string, CalibrationError[]>>;
  onChange: (column: string, draft: CalibrationDraft) => void;
}

/** For each raw column: none, crisp thresholds or fuzzy anchors, with a preview. */
export function CalibrationPanel({ data, columns, drafts, errors, onChange }: Props) {
  const { t } = useQcaTranslation();
  if (columns.length === 0) return <Paragraph>{t('calibrate.nothing')}</Paragraph>;
  return (
    <div className="stack">
      <Paragraph>{t('calibrate.lead')}</Paragraph>
      {columns.map((column) => {
        const draft = drafts[column];
        if (!draft) return null;
        return (
          <ColumnCalibration
            key={column}
            data={data}
            column={column}
            draft={draft}
            errors={errors[column] ?? []}
            onChange={(next) => onChange(column, next)}
          />
        );
      })}
    </div>
  );
}

function ColumnCalibration({
  data,
  column,
  draft,
  errors,
  onChange,
}: {
  data: QcaDataSet;
  column: string;
  draft: CalibrationDraft;
  errors: readonly CalibrationError[];
  onChange: (draft: CalibrationDraft) => void;
}) {
  const { t } = useQcaTranslation();
  const format = useQcaFormat();
  const j = data.columns.indexOf(column);
  const headingId = `qca-cal-${column}-heading`;
  const result = calibrationFromDraft(draft);
  const error = (field: CalibrationError) =>
    errors.includes(field) ? t(`calibrate.error.${field}`) : undefined;
  const text = (field: 'thresholds' | 'exclusion' | 'crossover' | 'inclusion') => ({
    id: `qca-cal-${column}-${field}`,
    value: draft[field],
    autoComplete: 'off',
    inputMode: 'decimal' as const,
    onChange: (e: { target: { value: string } }) => onChange({ ...draft, [field]: e.target.value }),
  });
  const known = data.rows.filter((r) => r.values[j] !== null).map((r) => r.values[j]!);

  return (
    <section aria-labelledby={headingId} className="stack section">
      <Heading level={3} data-size="xs" id={headingId}>
        {t('calibrate.columnHeading', { column })}
      </Heading>
      <Paragraph data-size="sm">
        {t('calibrate.range', {
          min: format.value(Math.min(...known)),
          max: format.value(Math.max(...known)),
          count: known.length,
        })}
      </Paragraph>
      <Fieldset>
        <Fieldset.Legend>{t('calibrate.method', { column })}</Fieldset.Legend>
        {METHODS.map((m) => (
          <Radio
            key={m}
            id={`qca-cal-${column}-${m}`}
            name={`qca-cal-${column}-method`}
            value={m}
            label={t(`calibrate.methods.${m}`)}
            description={t(`calibrate.methodHints.${m}`)}
            checked={draft.method === m}
            onChange={() => onChange({ ...draft, method: m })}
          />
        ))}
      </Fieldset>
      {draft.method === 'crisp' && (
        <Textfield
          {...text('thresholds')}
          label={t('calibrate.thresholds')}
          description={t('calibrate.thresholdsHint')}
          error={error('thresholds')}
        />
      )}
      {draft.method === 'fuzzy' && (
        <Fieldset>
          <Fieldset.Legend>{t('calibrate.anchors')}</Fieldset.Legend>
          <Fieldset.Description>{t('calibrate.anchorsHint')}</Fieldset.Description>
          <div className="anchor-fields">
            <Textfield
              {...text('exclusion')}
              label={t('calibrate.exclusion')}
              error={error('exclusion') ?? error('order')}
            />
            <Textfield
              {...text('crossover')}
              label={t('calibrate.crossover')}
              error={error('crossover')}
            />
            <Textfield
              {...text('inclusion')}
              label={t('calibrate.inclusion')}
              error={error('inclusion')}
            />
          </div>
        </Fieldset>
      )}
      {result.ok && result.calibration && (
        <Preview data={data} column={column} calibration={result.calibration} />
      )}
    </section>
  );
}

function Preview({
  data,
  column,
  calibration,
}: {
  data: QcaDataSet;
  column: string;
  calibration: Calibration;
}) {
  const { t } = useQcaTranslation();
  const format = useQcaFormat();
  const j = data.columns.indexOf(column);
  const points = data.rows.flatMap((r) => {
    const x = r.values[j] ?? null;
    const y = calibrateValue(x, calibration);
    return x === null || y === null ? [] : [{ label: r.case, x, y }];
  });
  const xs = points.map((p) => p.x);
  const anchors =
    calibration.method === 'crisp'
      ? calibration.thresholds
      : [calibration.exclusion, calibration.crossover, calibration.inclusion];
  const xDomain: [number, number] = [Math.min(...xs, ...anchors), Math.max(...xs, ...anchors)];
  const yMax = calibration.method === 'crisp' ? Math.max(1, calibration.thresholds.length) : 1;
  const method = t(`calibrate.methods.${calibration.method}`);

  return (
    <ChartFigure
      id={`qca-cal-${column}-preview`}
      level={4}
      heading={t('calibrate.previewHeading', { column })}
      description={t('calibrate.previewDescription')}
      filename={`calibration-${column}.csv`}
      chart={
        <ScatterPlot
          points={points}
          label={t('calibrate.previewLabel', { column, method, count: points.length })}
          xLabel={t('calibrate.rawAxis', { column })}
          yLabel={t('calibrate.calibratedAxis', { column })}
          xDomain={xDomain}
          yDomain={[0, yMax]}
          curve={(x) => calibrateValue(x, calibration) ?? 0}
          format={format.value}
        />
      }
      table={{
        caption: t('calibrate.previewCaption', { column }),
        columns: [t('data.case'), t('calibrate.colRaw'), t('calibrate.colCalibrated')],
        rows: points.map((p) => [p.label, format.value(p.x), format.value(p.y)]),
        csvColumns: ['case', 'raw', 'calibrated'],
        csvRows: points.map((p) => [p.label, p.x, p.y]),
      }}
    />
  );
}
