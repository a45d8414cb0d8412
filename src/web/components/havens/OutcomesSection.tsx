import { useRef, useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Field,
  Heading,
  Input,
  Label,
  Paragraph,
  Table,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Experiment } from '../../../shared/havens.ts';
import { ApiError } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { errorMessage } from '../../validation.ts';
import { StatusMessage } from '../StatusMessage.tsx';
import { AnalysisTable } from './AnalysisTable.tsx';
import { uploadOutcomes, useExperimentSaved } from './havens-api.ts';
import { useHavensTranslation } from './havens-i18n.ts';

/** Outcome files larger than this are refused before reading. */
const MAX_BYTES = 20 * 1000 * 1000;

/** The outcome data (one row per unit: unit, arm, value) and the comparison of the arms. */
export function OutcomesSection({ experiment }: { experiment: Experiment }) {
  const { t, lang } = useHavensTranslation();
  const { outcomes, analysis, analysisProblem } = experiment;

  return (
    <section aria-labelledby="experiment-outcomes-heading" className="stack section">
      <Heading level={2} data-size="sm" id="experiment-outcomes-heading">
        {t('outcomes.heading')}
      </Heading>
      {!outcomes && <Paragraph>{t('outcomes.none')}</Paragraph>}
      {outcomes && (
        <>
          <Paragraph>
            {t('outcomes.summary', {
              count: outcomes.units,
              date: formatDateTime(outcomes.uploadedAt, lang),
            })}
          </Paragraph>
          <div className="table-scroll">
            <Table zebra border>
              <caption className="visually-hidden">{t('outcomes.byArmCaption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('outcomes.colArm')}</Table.HeaderCell>
                  <Table.HeaderCell className="numeric">{t('outcomes.colUnits')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {Object.entries(outcomes.byArm).map(([arm, n]) => (
                  <Table.Row key={arm}>
                    <Table.HeaderCell scope="row">{arm}</Table.HeaderCell>
                    <Table.Cell className="numeric">{n}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        </>
      )}
      {analysis && <AnalysisTable analysis={analysis} level={3} />}
      {!analysis && analysisProblem && (
        <Alert data-color="warning">
          <Paragraph>{t('outcomes.noAnalysis', { problem: analysisProblem })}</Paragraph>
        </Alert>
      )}
      {experiment.canWrite && experiment.status !== 'planned' && (
        <OutcomesUploadForm experiment={experiment} />
      )}
      {experiment.canWrite && experiment.status === 'planned' && (
        <Paragraph>{t('outcomes.afterStart')}</Paragraph>
      )}
    </section>
  );
}

function OutcomesUploadForm({ experiment }: { experiment: Experiment }) {
  const { t: tc } = useTranslation();
  const { t } = useHavensTranslation();
  const saved = useExperimentSaved();
  const [file, setFile] = useState<File | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const failureRef = useRef<HTMLDivElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setStatus(null);
    setFailure(null);
    if (!file) {
      setFieldError(t('outcomes.chooseFile'));
      document.getElementById('outcomes-file')?.focus();
      return;
    }
    if (file.size > MAX_BYTES) {
      setFieldError(t('outcomes.tooLarge', { mb: MAX_BYTES / 1000 / 1000 }));
      return;
    }
    setFieldError(null);
    setBusy(true);
    try {
      const updated = await uploadOutcomes(experiment.id, await file.text());
      setStatus(t('outcomes.uploaded', { name: file.name }));
      await saved(updated);
    } catch (error) {
      // A 400 names the line and column of the first problem in the file: show it as it is.
      setFailure(
        error instanceof ApiError && (error.status === 400 || error.status === 409)
          ? error.message
          : errorMessage(tc, error),
      );
      requestAnimationFrame(() => failureRef.current?.focus());
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Heading level={3} data-size="xs" id="outcomes-form-heading">
        {t('outcomes.formHeading')}
      </Heading>
      <Paragraph>{t('outcomes.lead')}</Paragraph>
      <figure className="csv-example">
        <figcaption>{t('outcomes.exampleLabel')}</figcaption>
        <pre>
          {`unit,arm,value\nu1,${experiment.arms[0] ?? 'control'},${experiment.outcomeKind === 'binary' ? '0' : '12.5'}\nu2,${experiment.arms[1] ?? 'treatment'},${experiment.outcomeKind === 'binary' ? '1' : '14'}`}
        </pre>
      </figure>
      <StatusMessage message={status} />
      <div ref={failureRef} tabIndex={-1} className="focus-target">
        {failure && (
          <Alert data-color="danger" role="alert">
            <Heading level={4} data-size="xs">
              {t('outcomes.failed', { name: file?.name ?? '' })}
            </Heading>
            <Paragraph>{failure}</Paragraph>
          </Alert>
        )}
      </div>
      <form
        noValidate
        aria-labelledby="outcomes-form-heading"
        onSubmit={(e) => void submit(e)}
        className="stack narrow"
      >
        <Field>
          <Label>{t('outcomes.file')}</Label>
          <Field.Description>{t('outcomes.fileHint')}</Field.Description>
          <Input
            id="outcomes-file"
            type="file"
            accept=".csv,.txt,text/csv,text/plain"
            aria-invalid={fieldError ? true : undefined}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setFieldError(null);
            }}
          />
          {fieldError && <ValidationMessage>{fieldError}</ValidationMessage>}
        </Field>
        <div>
          <Button type="submit" loading={busy}>
            {t('outcomes.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}
