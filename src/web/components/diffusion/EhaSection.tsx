import { useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Field,
  Fieldset,
  Heading,
  Label,
  Paragraph,
  Radio,
  Select,
  Table,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { FACTORS, TRADITIONS, type Factor } from '../../../shared/case-vocabulary.ts';
import { EHA_COVARIATES, type EhaCovariate, type EhaResult } from '../../../shared/diffusion.ts';
import { GOVERNANCE_TRADITIONS } from '../../../shared/governance-traditions.ts';
import { ApiError } from '../../api.ts';
import { useLabels } from '../../case-labels.ts';
import { downloadText, toCsv } from '../../csv.ts';
import {
  covariateParts,
  ehaCsv,
  factorCovariate,
  formatFixed,
  formatP,
  termParts,
  type EhaSettings,
  type FactorDirection,
  type Innovation,
} from '../../diffusion-view.ts';
import { useEha } from '../../queries.ts';
import { errorMessage } from '../../validation.ts';
import { Loading } from '../Loading.tsx';
import { useDiffusionTranslation, type DiffusionTranslate } from './diffusion-i18n.ts';

const DEFAULT_SETTINGS: EhaSettings = {
  covariates: ['tradition', 'peersNeighbours'],
  reference: null,
};

interface Props {
  innovation: Innovation;
  /** The analysis last run (from the address), or null. */
  eha: EhaSettings | null;
  onRun: (eha: EhaSettings) => void;
  filename: string;
}

/** The event-history analysis: choose covariates, run, read the coefficients. */
export function EhaSection({ innovation, eha, onRun, filename }: Props) {
  const { t } = useDiffusionTranslation();
  const result = useEha(innovation, eha);
  return (
    <section aria-labelledby="diffusion-eha-heading" className="stack section">
      <Heading level={2} data-size="sm" id="diffusion-eha-heading">
        {t('eha.heading')}
      </Heading>
      <Paragraph className="prose">{t('eha.explain')}</Paragraph>
      <EhaForm initial={eha ?? DEFAULT_SETTINGS} onRun={onRun} busy={result.isFetching} />
      {eha && result.isFetching && <Loading />}
      {eha && result.isError && <EhaError error={result.error} />}
      {eha && result.data && !result.isFetching && (
        <EhaResults result={result.data} filename={filename} />
      )}
    </section>
  );
}

function EhaForm({
  initial,
  onRun,
  busy,
}: {
  initial: EhaSettings;
  onRun: (eha: EhaSettings) => void;
  busy: boolean;
}) {
  const { t } = useDiffusionTranslation();
  const labels = useLabels();
  const [covariates, setCovariates] = useState<EhaCovariate[]>(initial.covariates);
  const [reference, setReference] = useState(initial.reference ?? '');
  const [factor, setFactor] = useState<Factor | ''>('');
  const [direction, setDirection] = useState<FactorDirection>('driver');
  const [error, setError] = useState<string | null>(null);
  const factorTerms = covariates.filter((c) => covariateParts(c).kind === 'factor');

  function toggle(c: EhaCovariate, on: boolean) {
    setCovariates((list) => (on ? [...list, c] : list.filter((x) => x !== c)));
  }

  function addFactor() {
    if (!factor) return;
    const c = factorCovariate(direction, factor);
    if (!covariates.includes(c)) setCovariates((list) => [...list, c]);
    setFactor('');
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (covariates.length === 0) {
      setError(t('eha.chooseOne'));
      document.getElementById('eha-cov-tradition')?.focus();
      return;
    }
    setError(null);
    onRun({
      covariates,
      reference: GOVERNANCE_TRADITIONS.find((tr) => tr === reference) ?? null,
    });
  }

  return (
    <form noValidate onSubmit={submit} className="stack eha-form">
      <Fieldset>
        <Fieldset.Legend>{t('eha.covariates')}</Fieldset.Legend>
        <Fieldset.Description>{t('eha.covariatesHint')}</Fieldset.Description>
        {EHA_COVARIATES.map((c) => (
          <Checkbox
            key={c}
            id={`eha-cov-${c}`}
            value={c}
            label={t(`eha.covariate.${c}`)}
            description={t(`eha.covariateHint.${c}`)}
            checked={covariates.includes(c)}
            aria-invalid={error ? true : undefined}
            onChange={(e) => toggle(c, e.target.checked)}
          />
        ))}
        {error && <ValidationMessage>{error}</ValidationMessage>}
      </Fieldset>

      <Fieldset>
        <Fieldset.Legend>{t('eha.factors')}</Fieldset.Legend>
        <Fieldset.Description>{t('eha.factorsHint')}</Fieldset.Description>
        {factorTerms.length > 0 && (
          <ul className="plain-list eha-factor-list" aria-label={t('eha.factorsChosen')}>
            {factorTerms.map((c) => (
              <li key={c}>
                <span>{covariateLabel(t, labels.label, c)}</span>{' '}
                <Button
                  variant="tertiary"
                  data-size="sm"
                  data-color="danger"
                  onClick={() => toggle(c, false)}
                  aria-label={t('eha.removeFactor', { name: covariateLabel(t, labels.label, c) })}
                >
                  {t('eha.remove')}
                </Button>
              </li>
            ))}
          </ul>
        )}
        <div className="eha-factor-picker">
          <Field>
            <Label>{t('eha.factor')}</Label>
            <Select
              id="eha-factor"
              value={factor}
              onChange={(e) => setFactor(e.target.value as Factor | '')}
            >
              <Select.Option value="">{t('eha.chooseFactor')}</Select.Option>
              {FACTORS.values.map((f) => (
                <Select.Option key={f} value={f}>
                  {labels.label(FACTORS, f)}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Fieldset data-size="sm">
            <Fieldset.Legend>{t('eha.direction')}</Fieldset.Legend>
            <div className="inline-radios">
              {(['driver', 'barrier'] as const).map((d) => (
                <Radio
                  key={d}
                  id={`eha-direction-${d}`}
                  name="eha-direction"
                  value={d}
                  label={t(`eha.directions.${d}`)}
                  checked={direction === d}
                  onChange={() => setDirection(d)}
                />
              ))}
            </div>
          </Fieldset>
          <div>
            <Button variant="secondary" data-size="sm" disabled={!factor} onClick={addFactor}>
              {t('eha.addFactor')}
            </Button>
          </div>
        </div>
      </Fieldset>

      <Field>
        <Label>{t('eha.reference')}</Label>
        <Field.Description>{t('eha.referenceHint')}</Field.Description>
        <Select id="eha-reference" value={reference} onChange={(e) => setReference(e.target.value)}>
          <Select.Option value="">{t('eha.referenceDefault')}</Select.Option>
          {GOVERNANCE_TRADITIONS.map((tr) => (
            <Select.Option key={tr} value={tr}>
              {labels.label(TRADITIONS, tr)}
            </Select.Option>
          ))}
        </Select>
      </Field>

      <div>
        <Button type="submit" loading={busy}>
          {t('eha.run')}
        </Button>
      </div>
    </form>
  );
}

/** A covariate in words: its name, or "Driver: Leadership style". */
function covariateLabel(
  t: DiffusionTranslate,
  label: (vocabulary: typeof FACTORS, value: string) => string,
  c: EhaCovariate,
): string {
  const parts = covariateParts(c);
  if (parts.kind === 'named') return t(`eha.covariate.${parts.name}`);
  return t('eha.factorTerm', {
    direction: t(`eha.directions.${parts.direction}`),
    factor: label(FACTORS, parts.factor),
  });
}

function EhaError({ error }: { error: unknown }) {
  const { t } = useDiffusionTranslation();
  const { t: tc } = useTranslation();
  // A 400 is the model's own answer (no adoptions, separation, a constant covariate): the
  // server says why, in English, with the detail in the field issues.
  const modelProblem = error instanceof ApiError && error.status === 400;
  const details = modelProblem ? error.fieldIssues.map((i) => i.message) : [];
  return (
    <Alert data-color={modelProblem ? 'warning' : 'danger'} role="alert">
      <Heading level={3} data-size="xs">
        {t('eha.failed')}
      </Heading>
      {modelProblem ? (
        <>
          <Paragraph>
            {t('eha.failedBecause')} <span lang="en">{error.message}</span>
          </Paragraph>
          {details.length > 0 && (
            <Paragraph>
              {t('eha.failedDetail')} <span lang="en">{details.join('; ')}</span>
            </Paragraph>
          )}
          <Paragraph>{t('eha.failedHint')}</Paragraph>
        </>
      ) : (
        <Paragraph>{errorMessage(tc, error)}</Paragraph>
      )}
    </Alert>
  );
}

function EhaResults({ result, filename }: { result: EhaResult; filename: string }) {
  const { t, lang } = useDiffusionTranslation();
  const labels = useLabels();
  const number = new Intl.NumberFormat(lang);
  const caption = t('eha.tableCaption');

  function termLabel(term: string): string {
    const parts = termParts(term);
    switch (parts.kind) {
      case 'intercept':
        return t('eha.intercept');
      case 'tradition':
        return t('eha.traditionTerm', { tradition: labels.label(TRADITIONS, parts.tradition) });
      case 'named':
      case 'factor':
        return covariateLabel(
          t,
          labels.label,
          parts.kind === 'named' ? parts.name : factorCovariate(parts.direction, parts.factor),
        );
      default:
        return parts.term;
    }
  }

  function download() {
    const csv = ehaCsv(result);
    downloadText(filename, toCsv(csv.columns, csv.rows));
  }

  return (
    <div className="stack" role="group" aria-labelledby="eha-results-heading">
      <Heading level={3} data-size="xs" id="eha-results-heading">
        {t('eha.resultsHeading')}
      </Heading>
      <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
        <Table zebra border data-size="sm">
          <caption>{caption}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('eha.col.term')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('eha.col.estimate')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('eha.col.se')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('eha.col.z')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('eha.col.p')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('eha.col.oddsRatio')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {result.coefficients.map((c) => (
              <Table.Row key={c.term}>
                <Table.HeaderCell scope="row">{termLabel(c.term)}</Table.HeaderCell>
                <Table.Cell className="numeric">{formatFixed(c.estimate, lang)}</Table.Cell>
                <Table.Cell className="numeric">{formatFixed(c.se, lang)}</Table.Cell>
                <Table.Cell className="numeric">{formatFixed(c.z, lang, 2)}</Table.Cell>
                <Table.Cell className="numeric">{formatP(c.p, lang)}</Table.Cell>
                <Table.Cell className="numeric">{formatFixed(c.oddsRatio, lang)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      <dl className="details-list">
        <dt>{t('eha.deviance')}</dt>
        <dd>{formatFixed(result.deviance, lang, 2)}</dd>
        <dt>{t('eha.nullDeviance')}</dt>
        <dd>{formatFixed(result.nullDeviance, lang, 2)}</dd>
        <dt>{t('eha.aic')}</dt>
        <dd>{formatFixed(result.aic, lang, 2)}</dd>
        <dt>{t('eha.iterations')}</dt>
        <dd>{number.format(result.iterations)}</dd>
        <dt>{t('eha.observations')}</dt>
        <dd>{number.format(result.observations)}</dd>
        <dt>{t('eha.events')}</dt>
        <dd>{number.format(result.events)}</dd>
        <dt>{t('eha.units')}</dt>
        <dd>{number.format(result.units)}</dd>
        <dt>{t('eha.years')}</dt>
        <dd>
          {result.firstYear}–{result.lastYear}
        </dd>
      </dl>
      <div>
        <Button
          variant="secondary"
          data-size="sm"
          onClick={download}
          aria-label={t('downloadCsvOf', { name: t('eha.resultsHeading') })}
        >
          {t('downloadCsv')}
        </Button>
      </div>
    </div>
  );
}
