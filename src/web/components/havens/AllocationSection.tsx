import { useState, type ChangeEvent, type FormEvent } from 'react';
import {
  Button,
  Field,
  Fieldset,
  Heading,
  Input,
  Label,
  Link,
  Paragraph,
  Radio,
  Table,
  Textarea,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { AllocationRequest, type Experiment } from '../../../shared/havens.ts';
import { ApiError } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { parseUnits, type UnitsProblem } from '../../havens-units.ts';
import { errorMessage } from '../../validation.ts';
import { FormErrorSummary, useFormErrors } from '../FormErrorSummary.tsx';
import { NotSet } from '../NotSet.tsx';
import { StatusMessage } from '../StatusMessage.tsx';
import { allocate, allocationCsvPath, useExperimentSaved } from './havens-api.ts';
import { useHavensTranslation, type HavensTranslate } from './havens-i18n.ts';

const METHODS = AllocationRequest.shape.method.options;
const FIELDS = ['units', 'method', 'seed', 'blockSize'] as const;
type FormField = (typeof FIELDS)[number];
/** Larger unit files are refused before reading (100,000 units fit in far less). */
const MAX_BYTES = 10 * 1024 * 1024;

/** A fresh seed to start from: any 32-bit number; what matters is that it is recorded. */
function randomSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0] ?? 1;
}

function problemText(t: HavensTranslate, p: UnitsProblem): string {
  const { line, kind, ...rest } = p;
  return t('allocation.problemAt', { line, problem: t(`allocation.problems.${kind}`, rest) });
}

/** The random assignment of units to arms: its record, the CSV, and the form to (re)run it. */
export function AllocationSection({ experiment }: { experiment: Experiment }) {
  const { t, lang } = useHavensTranslation();
  const { allocation } = experiment;
  const open = experiment.status === 'planned' || experiment.status === 'running';
  // The arms as planned, and any the allocation has that the plan no longer names.
  const arms = [...new Set([...experiment.arms, ...Object.keys(allocation?.counts ?? {})])];
  const strata = allocation ? Object.entries(allocation.countsByStratum) : [];

  return (
    <section aria-labelledby="experiment-allocation-heading" className="stack section">
      <Heading level={2} data-size="sm" id="experiment-allocation-heading">
        {t('allocation.heading')}
      </Heading>
      {!allocation && <Paragraph>{t('allocation.none')}</Paragraph>}
      {allocation && (
        <>
          <dl className="details-list">
            <dt>{t('allocation.method')}</dt>
            <dd>{t(`allocation.methods.${allocation.method}`)}</dd>
            <dt>{t('allocation.seed')}</dt>
            <dd>{allocation.seed}</dd>
            <dt>{t('allocation.blockSize')}</dt>
            <dd>{allocation.blockSize ?? <NotSet />}</dd>
            <dt>{t('allocation.units')}</dt>
            <dd>{allocation.units}</dd>
            <dt>{t('allocation.createdAt')}</dt>
            <dd>{formatDateTime(allocation.createdAt, lang)}</dd>
          </dl>
          <div className="table-scroll">
            <Table zebra border>
              <caption>{t('allocation.countsCaption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('allocation.colStratum')}</Table.HeaderCell>
                  {arms.map((arm) => (
                    <Table.HeaderCell key={arm} className="numeric">
                      {arm}
                    </Table.HeaderCell>
                  ))}
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {strata.map(([stratum, counts]) => (
                  <Table.Row key={stratum}>
                    <Table.HeaderCell scope="row">{stratum}</Table.HeaderCell>
                    {arms.map((arm) => (
                      <Table.Cell key={arm} className="numeric">
                        {counts[arm] ?? 0}
                      </Table.Cell>
                    ))}
                  </Table.Row>
                ))}
                <Table.Row>
                  <Table.HeaderCell scope="row">{t('allocation.total')}</Table.HeaderCell>
                  {arms.map((arm) => (
                    <Table.Cell key={arm} className="numeric">
                      {allocation.counts[arm] ?? 0}
                    </Table.Cell>
                  ))}
                </Table.Row>
              </Table.Body>
            </Table>
          </div>
          <Paragraph>
            <Link href={allocationCsvPath(experiment.id)} download>
              {t('allocation.download')}
            </Link>
          </Paragraph>
        </>
      )}
      {experiment.canWrite && open && <AllocationForm experiment={experiment} />}
    </section>
  );
}

function AllocationForm({ experiment }: { experiment: Experiment }) {
  const { t: tc } = useTranslation();
  const { t } = useHavensTranslation();
  const saved = useExperimentSaved();
  const form = useFormErrors<FormField>();
  const [units, setUnits] = useState('');
  const [method, setMethod] = useState<(typeof METHODS)[number]>('block');
  const [seed, setSeed] = useState(() => String(randomSeed()));
  const [blockSize, setBlockSize] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);

  async function chooseFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    if (file.size > MAX_BYTES) {
      form.show({ units: t('allocation.fileTooLarge', { mb: MAX_BYTES / 1024 / 1024 }) });
      return;
    }
    setUnits(await file.text());
    form.clear();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const errors: Partial<Record<FormField, string>> = {};
    const read = parseUnits(units);
    if (!read.ok) errors.units = read.problems.map((p) => problemText(t, p)).join(' ');
    const seedNumber = seed.trim() === '' ? NaN : Number(seed.trim());
    const blockNumber =
      method === 'simple' || blockSize.trim() === '' ? undefined : Number(blockSize.trim());
    if (!AllocationRequest.shape.seed.safeParse(seedNumber).success) {
      errors.seed = t('allocation.seedInvalid');
    }
    if (!AllocationRequest.shape.blockSize.safeParse(blockNumber).success) {
      errors.blockSize = t('allocation.blockSizeInvalid');
    }
    if (read.ok && method === 'stratified' && read.factors.length === 0) {
      errors.units = t('allocation.strataNeeded');
    }
    if (!read.ok || Object.keys(errors).length > 0) {
      form.show(errors);
      return;
    }
    const request: AllocationRequest = {
      method,
      seed: seedNumber,
      ...(blockNumber === undefined ? {} : { blockSize: blockNumber }),
      units: read.units,
    };
    setBusy(true);
    try {
      const updated = await allocate(experiment.id, request);
      form.clear();
      setStatus(t('allocation.done', { count: request.units.length }));
      await saved(updated);
    } catch (error) {
      setStatus(null);
      // The server names what it refuses (too few arms, a unit without its stratum…).
      if (error instanceof ApiError && (error.status === 400 || error.status === 409)) {
        const field = FIELDS.find((f) => f === error.fieldIssues[0]?.path.split('.')[0]);
        if (field) form.show({ [field]: error.message });
        else form.show({}, error.message);
      } else form.show({}, errorMessage(tc, error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Heading level={3} data-size="xs" id="allocation-form-heading">
        {experiment.allocation ? t('allocation.rerunHeading') : t('allocation.formHeading')}
      </Heading>
      <Paragraph className="prose">{t('allocation.lead')}</Paragraph>
      <StatusMessage message={status} />
      <FormErrorSummary
        fields={[
          { name: 'units', id: 'allocation-units', label: t('allocation.unitsLabel') },
          { name: 'method', id: 'allocation-method-block', label: t('allocation.method') },
          { name: 'seed', id: 'allocation-seed', label: t('allocation.seed') },
          { name: 'blockSize', id: 'allocation-blockSize', label: t('allocation.blockSize') },
        ]}
        {...form}
      />
      <form
        noValidate
        aria-labelledby="allocation-form-heading"
        onSubmit={(e) => void submit(e)}
        className="stack narrow"
      >
        <Field>
          <Label>{t('allocation.file')}</Label>
          <Field.Description>{t('allocation.fileHint')}</Field.Description>
          <Input
            id="allocation-file"
            type="file"
            accept=".csv,.txt,text/csv,text/plain"
            onChange={(e) => void chooseFile(e)}
          />
        </Field>
        <Field>
          <Label>{t('allocation.unitsLabel')}</Label>
          <Field.Description>{t('allocation.unitsHint')}</Field.Description>
          <Textarea
            id="allocation-units"
            rows={8}
            spellCheck={false}
            value={units}
            aria-invalid={form.errors.units ? true : undefined}
            onChange={(e) => setUnits(e.target.value)}
          />
          {form.errors.units && <ValidationMessage>{form.errors.units}</ValidationMessage>}
        </Field>
        <Fieldset>
          <Fieldset.Legend>{t('allocation.method')}</Fieldset.Legend>
          {METHODS.map((m) => (
            <Radio
              key={m}
              id={`allocation-method-${m}`}
              name="allocation-method"
              value={m}
              label={t(`allocation.methods.${m}`)}
              description={t(`allocation.methodHints.${m}`)}
              checked={method === m}
              onChange={() => setMethod(m)}
            />
          ))}
        </Fieldset>
        <Textfield
          id="allocation-seed"
          label={t('allocation.seed')}
          description={t('allocation.seedHint')}
          inputMode="numeric"
          size={12}
          value={seed}
          error={form.errors.seed}
          onChange={(e) => setSeed(e.target.value)}
        />
        {method !== 'simple' && (
          <Textfield
            id="allocation-blockSize"
            label={`${t('allocation.blockSize')} ${tc('common.optional')}`}
            description={t('allocation.blockSizeHint')}
            inputMode="numeric"
            size={6}
            value={blockSize}
            error={form.errors.blockSize}
            onChange={(e) => setBlockSize(e.target.value)}
          />
        )}
        <div>
          <Button type="submit" loading={busy}>
            {t('allocation.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}
