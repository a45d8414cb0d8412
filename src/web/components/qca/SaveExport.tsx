import { useState, type FormEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../shared/accounts.ts';
import { AnalysisCreate, type QcaDataSet, type QcaRunRequest } from '../../../shared/qca.ts';
import { createAnalysis, qcaScript } from '../../api.ts';
import { downloadText, toCsv } from '../../csv.ts';
import { flashState } from '../../flash.ts';
import { analysesKey } from '../../queries.ts';
import { errorMessage, fieldErrorsFromApi, fieldErrorsFromZod } from '../../validation.ts';
import { AppLink } from '../AppLink.tsx';
import { FormErrorSummary, useFormErrors } from '../FormErrorSummary.tsx';
import { StatusMessage } from '../StatusMessage.tsx';
import { useQcaTranslation } from '../../qca-i18n.ts';

const FIELDS = ['title', 'description'] as const;
const DESCRIPTION_MAX = 5000;

/** The data as CSV: `case` and one column per set (raw values, as uploaded or built). */
export function dataCsv(data: QcaDataSet): string {
  return toCsv(
    ['case', ...data.columns],
    data.rows.map((r) => [r.case, ...r.values]),
  );
}

/** A file name from a title: `Leadership and success` → `leadership-and-success`. */
export function fileStem(title: string): string {
  const stem = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return stem || 'qca-analysis';
}

interface Props {
  data: QcaDataSet;
  /** The analysis as the form stands, or null (the form then shows what is wrong). */
  request: () => QcaRunRequest | null;
  user: Me | null;
}

/** Save the analysis, download its data as CSV and an R script that reproduces it. */
export function SaveExport({ data, request, user }: Props) {
  const { t } = useQcaTranslation();
  const { t: tc } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const form = useFormErrors<(typeof FIELDS)[number]>();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [saving, setSaving] = useState(false);
  const [scripting, setScripting] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function downloadScript() {
    if (scripting) return;
    const input = request();
    if (!input) return;
    setScripting(true);
    setError(null);
    try {
      const name = title.trim() || t('save.untitled');
      const script = await qcaScript({ ...input, title: name });
      downloadText(`${fileStem(name)}.R`, script, 'text/plain;charset=utf-8', { bom: false });
      setStatus(t('save.scriptReady'));
    } catch (e) {
      setError(errorMessage(tc, e));
    } finally {
      setScripting(false);
    }
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    const input = request();
    if (!input) return;
    const parsed = AnalysisCreate.safeParse({ title, description, ...input });
    if (!parsed.success) {
      const { fields, other } = fieldErrorsFromZod(tc, parsed.error, FIELDS);
      form.show(fields, other);
      return;
    }
    setSaving(true);
    try {
      const saved = await createAnalysis(parsed.data);
      await queryClient.invalidateQueries({ queryKey: analysesKey });
      await navigate(`/qca/analyses/${saved.id}`, { state: flashState('qcaFlash.saved') });
    } catch (e) {
      const { fields, other } = fieldErrorsFromApi(tc, e, FIELDS);
      form.show(fields, other);
    } finally {
      setSaving(false);
    }
  }

  return (
    <div className="stack">
      <Heading level={3} data-size="xs">
        {t('save.exportHeading')}
      </Heading>
      <Paragraph>{t('save.exportLead')}</Paragraph>
      <div className="button-row">
        <Button
          variant="secondary"
          onClick={() => {
            downloadText('qca-data.csv', dataCsv(data));
            setStatus(t('save.dataReady'));
          }}
        >
          {t('save.downloadData')}
        </Button>
        <Button variant="secondary" loading={scripting} onClick={() => void downloadScript()}>
          {t('save.downloadScript')}
        </Button>
      </div>
      <StatusMessage message={status} color="info" />
      {error && (
        <Paragraph role="alert" className="error-text">
          {error}
        </Paragraph>
      )}

      <Heading level={3} data-size="xs" id="qca-save-heading">
        {t('save.saveHeading')}
      </Heading>
      {user ? (
        <>
          <FormErrorSummary
            fields={[
              { name: 'title', id: 'qca-save-title', label: t('save.title') },
              { name: 'description', id: 'qca-save-description', label: t('save.description') },
            ]}
            {...form}
          />
          <form
            noValidate
            onSubmit={(e) => void save(e)}
            className="stack narrow"
            aria-labelledby="qca-save-heading"
          >
            <Textfield
              id="qca-save-title"
              label={t('save.title')}
              value={title}
              maxLength={200}
              error={form.errors.title}
              onChange={(e) => setTitle(e.target.value)}
            />
            <Textfield
              id="qca-save-description"
              label={`${t('save.description')} ${tc('common.optional')}`}
              multiline
              rows={4}
              value={description}
              error={form.errors.description}
              counter={{
                limit: DESCRIPTION_MAX,
                under: tc('common.charactersLeft'),
                over: tc('common.charactersOver'),
              }}
              onChange={(e) => setDescription(e.target.value)}
            />
            <div>
              <Button type="submit" loading={saving}>
                {t('save.submit')}
              </Button>
            </div>
          </form>
        </>
      ) : (
        <Paragraph>
          <AppLink to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`}>
            {t('save.signIn')}
          </AppLink>
        </Paragraph>
      )}
    </div>
  );
}
