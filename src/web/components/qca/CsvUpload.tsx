import { useRef, useState, type ChangeEvent } from 'react';
import {
  Alert,
  Button,
  Details,
  Field,
  Heading,
  Input,
  Label,
  List,
  Paragraph,
  Textarea,
} from '@digdir/designsystemet-react';
import type { QcaDataSet } from '../../../shared/qca.ts';
import { parseQcaCsv, type CsvProblem } from '../../qca-csv.ts';
import { useQcaTranslation, type QcaTranslate } from '../../qca-i18n.ts';

/** Larger files are refused before reading (10,000 cases of 30 sets fit in far less). */
const MAX_BYTES = 5 * 1024 * 1024;

type Failure = { source: string; problems: CsvProblem[] } | { source: string; tooLarge: true };

/** Read a data set from a CSV file (or pasted text), entirely in the browser. */
export function CsvUpload({ onData }: { onData: (data: QcaDataSet, source: string) => void }) {
  const { t } = useQcaTranslation();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [pasted, setPasted] = useState('');
  const errorRef = useRef<HTMLDivElement>(null);

  function read(text: string, source: string) {
    const result = parseQcaCsv(text);
    if (result.ok) {
      setFailure(null);
      onData(result.data, source);
    } else {
      setFailure({ source, problems: result.problems });
      requestAnimationFrame(() => errorRef.current?.focus());
    }
  }

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setFailure({ source: file.name, tooLarge: true });
      requestAnimationFrame(() => errorRef.current?.focus());
      return;
    }
    read(await file.text(), file.name);
  }

  return (
    <div className="stack">
      <Paragraph>{t('csv.lead')}</Paragraph>
      <figure className="csv-example">
        <figcaption>{t('csv.exampleLabel')}</figcaption>
        <pre>{t('csv.example')}</pre>
      </figure>
      <Field>
        <Label>{t('csv.file')}</Label>
        <Field.Description>{t('csv.fileHint')}</Field.Description>
        <Input
          id="qca-csv-file"
          type="file"
          accept=".csv,.tsv,.txt,text/csv,text/plain,text/tab-separated-values"
          onChange={(e) => void choose(e)}
        />
      </Field>
      <Details>
        <Details.Summary>{t('csv.pasteSummary')}</Details.Summary>
        <Details.Content>
          <div className="stack">
            <Field>
              <Label>{t('csv.paste')}</Label>
              <Textarea
                id="qca-csv-text"
                rows={8}
                value={pasted}
                spellCheck={false}
                onChange={(e) => setPasted(e.target.value)}
              />
            </Field>
            <div>
              <Button variant="secondary" onClick={() => read(pasted, t('csv.pastedSource'))}>
                {t('csv.usePasted')}
              </Button>
            </div>
          </div>
        </Details.Content>
      </Details>
      <div ref={errorRef} tabIndex={-1} className="focus-target">
        {failure && (
          <Alert data-color="danger" role="alert">
            <Heading level={3} data-size="xs">
              {t('csv.failed', { source: failure.source })}
            </Heading>
            {'tooLarge' in failure ? (
              <Paragraph>{t('csv.tooLarge', { mb: MAX_BYTES / 1024 / 1024 })}</Paragraph>
            ) : (
              <List.Unordered>
                {failure.problems.map((p, i) => (
                  <List.Item key={i}>{problemText(t, p)}</List.Item>
                ))}
              </List.Unordered>
            )}
          </Alert>
        )}
      </div>
    </div>
  );
}

/** A problem of the file in words, starting with its line. */
export function problemText(t: QcaTranslate, problem: CsvProblem): string {
  const { line, ...rest } = problem;
  return t('csv.problemAt', { line, problem: t(`csv.problem.${problem.kind}`, rest) });
}
