import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import {
  Button,
  Field,
  Heading,
  Input,
  Label,
  Paragraph,
  Select,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { LibraryItem } from '../../../shared/groups.ts';
import { ApiError, listAnalyses } from '../../api.ts';
import {
  formatFileSize,
  idFromAddress,
  UPLOAD_ACCEPT,
  UPLOAD_LIMIT_BYTES,
  uploadProblem,
} from '../../groups-format.ts';
import { analysesKey } from '../../queries.ts';
import { errorMessage } from '../../validation.ts';
import { AppLink } from '../AppLink.tsx';
import { FormErrorSummary, useFormErrors } from '../FormErrorSummary.tsx';
import { StatusMessage } from '../StatusMessage.tsx';
import { addLibraryItem, uploadDocument } from './groups-api.ts';
import { useGroupLabels } from './groups-labels.ts';

type Added = (items: LibraryItem[]) => Promise<void>;

/** The collection and note every addition has (ids start with `prefix`). */
function CommonFields({
  prefix,
  collection,
  note,
  errors,
  onChange,
}: {
  prefix: string;
  collection: string;
  note: string;
  errors: { collection?: string; note?: string };
  onChange: (patch: { collection?: string; note?: string }) => void;
}) {
  const { t: tc } = useTranslation();
  const { t } = useGroupLabels();
  return (
    <>
      <Textfield
        id={`${prefix}-collection`}
        label={t('library.collection')}
        description={t('library.collectionHint')}
        maxLength={100}
        autoComplete="off"
        value={collection}
        error={errors.collection}
        onChange={(e) => onChange({ collection: e.target.value })}
      />
      <Textfield
        id={`${prefix}-note`}
        label={`${t('library.note')} ${tc('common.optional')}`}
        multiline
        rows={2}
        maxLength={2000}
        value={note}
        error={errors.note}
        onChange={(e) => onChange({ note: e.target.value })}
      />
    </>
  );
}

function AddPart({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="stack">
      <Heading level={3} data-size="xs" id={id}>
        {heading}
      </Heading>
      {children}
    </section>
  );
}

type CaseField = 'caseId' | 'collection' | 'note';

/** Add a published case, by its address (or id) in the case library. */
export function AddCaseForm({ groupId, onAdded }: { groupId: string; onAdded: Added }) {
  const { t: tc } = useTranslation();
  const { t } = useGroupLabels();
  const form = useFormErrors<CaseField>();
  const [address, setAddress] = useState('');
  const [collection, setCollection] = useState(() => t('library.defaultCollection'));
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setStatus(null);
    const caseId = idFromAddress(address, 'cases');
    const problems: Partial<Record<CaseField, string>> = {};
    if (!caseId) problems.caseId = t('library.caseAddressInvalid');
    if (collection.trim() === '') problems.collection = tc('validation.required');
    if (!caseId || problems.collection) {
      form.show(problems);
      return;
    }
    setBusy(true);
    try {
      const items = await addLibraryItem(groupId, {
        kind: 'case',
        caseId,
        collection: collection.trim(),
        note: note.trim(),
      });
      form.clear();
      setAddress('');
      setNote('');
      setStatus(t('library.added'));
      await onAdded(items);
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) {
        const issue = error.fieldIssues.find((i) => i.path === 'caseId');
        form.show(
          issue
            ? {
                caseId: /not published/.test(issue.message)
                  ? t('library.caseNotPublished')
                  : t('library.caseNotFound'),
              }
            : {},
          issue ? null : tc('validation.invalid'),
        );
      } else form.show({}, errorMessage(tc, error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <AddPart id="library-case-heading" heading={t('library.caseHeading')}>
      <StatusMessage message={status} />
      <FormErrorSummary
        fields={[
          { name: 'caseId', id: 'library-case-address', label: t('library.caseAddress') },
          { name: 'collection', id: 'library-case-collection', label: t('library.collection') },
          { name: 'note', id: 'library-case-note', label: t('library.note') },
        ]}
        {...form}
      />
      <form noValidate onSubmit={(e) => void submit(e)} className="stack narrow">
        <Textfield
          id="library-case-address"
          label={t('library.caseAddress')}
          description={t('library.caseAddressHint')}
          autoComplete="off"
          value={address}
          error={form.errors.caseId}
          onChange={(e) => setAddress(e.target.value)}
        />
        <Paragraph data-size="sm">
          <AppLink to="/cases">{t('library.findCases')}</AppLink>
        </Paragraph>
        <CommonFields
          prefix="library-case"
          collection={collection}
          note={note}
          errors={form.errors}
          onChange={(p) => {
            if (p.collection !== undefined) setCollection(p.collection);
            if (p.note !== undefined) setNote(p.note);
          }}
        />
        <div>
          <Button type="submit" variant="secondary" loading={busy}>
            {t('library.addCase')}
          </Button>
        </div>
      </form>
    </AddPart>
  );
}

type AnalysisField = 'analysisId' | 'collection' | 'note';

/** Add one of my saved QCA analyses. */
export function AddAnalysisForm({ groupId, onAdded }: { groupId: string; onAdded: Added }) {
  const { t: tc } = useTranslation();
  const { t } = useGroupLabels();
  const analyses = useQuery({ queryKey: analysesKey, queryFn: listAnalyses });
  const form = useFormErrors<AnalysisField>();
  const [analysisId, setAnalysisId] = useState('');
  const [collection, setCollection] = useState(() => t('library.defaultCollection'));
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const mine = analyses.data?.items ?? [];

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setStatus(null);
    const problems: Partial<Record<AnalysisField, string>> = {};
    if (analysisId === '') problems.analysisId = tc('validation.choose');
    if (collection.trim() === '') problems.collection = tc('validation.required');
    if (Object.keys(problems).length > 0) {
      form.show(problems);
      return;
    }
    setBusy(true);
    try {
      const items = await addLibraryItem(groupId, {
        kind: 'analysis',
        analysisId,
        collection: collection.trim(),
        note: note.trim(),
      });
      form.clear();
      setAnalysisId('');
      setNote('');
      setStatus(t('library.added'));
      await onAdded(items);
    } catch (error) {
      form.show({}, errorMessage(tc, error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <AddPart id="library-analysis-heading" heading={t('library.analysisHeading')}>
      <StatusMessage message={status} />
      {analyses.isSuccess && mine.length === 0 ? (
        <Paragraph>
          {t('library.noAnalyses')} <AppLink to="/qca">{t('library.toQca')}</AppLink>
        </Paragraph>
      ) : (
        <>
          <FormErrorSummary
            fields={[
              {
                name: 'analysisId',
                id: 'library-analysis-id',
                label: t('library.analysis'),
              },
              {
                name: 'collection',
                id: 'library-analysis-collection',
                label: t('library.collection'),
              },
              { name: 'note', id: 'library-analysis-note', label: t('library.note') },
            ]}
            {...form}
          />
          <form noValidate onSubmit={(e) => void submit(e)} className="stack narrow">
            <Field>
              <Label>{t('library.analysis')}</Label>
              <Select
                id="library-analysis-id"
                value={analysisId}
                aria-invalid={form.errors.analysisId ? true : undefined}
                onChange={(e) => setAnalysisId(e.target.value)}
              >
                <Select.Option value="">{t('library.chooseAnalysis')}</Select.Option>
                {mine.map((a) => (
                  <Select.Option key={a.id} value={a.id}>
                    {a.title}
                  </Select.Option>
                ))}
              </Select>
              {form.errors.analysisId && (
                <ValidationMessage>{form.errors.analysisId}</ValidationMessage>
              )}
            </Field>
            <CommonFields
              prefix="library-analysis"
              collection={collection}
              note={note}
              errors={form.errors}
              onChange={(p) => {
                if (p.collection !== undefined) setCollection(p.collection);
                if (p.note !== undefined) setNote(p.note);
              }}
            />
            <div>
              <Button type="submit" variant="secondary" loading={busy}>
                {t('library.addAnalysis')}
              </Button>
            </div>
          </form>
        </>
      )}
    </AddPart>
  );
}

type UploadField = 'file' | 'title' | 'collection' | 'note';

/**
 * Upload a document (at most 10 MiB; PDF, office documents, images, text): the size is checked
 * here first, the type by the server from the file's content.
 */
export function UploadForm({ groupId, onAdded }: { groupId: string; onAdded: Added }) {
  const { t: tc } = useTranslation();
  const { t, lang } = useGroupLabels();
  const form = useFormErrors<UploadField>();
  const fileRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [collection, setCollection] = useState(() => t('library.defaultCollection'));
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const limit = formatFileSize(UPLOAD_LIMIT_BYTES, lang);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setStatus(null);
    const problems: Partial<Record<UploadField, string>> = {};
    if (!file) problems.file = t('library.chooseFile');
    else if (file.size > UPLOAD_LIMIT_BYTES)
      problems.file = t('library.tooLarge', { size: formatFileSize(file.size, lang), limit });
    if (collection.trim() === '') problems.collection = tc('validation.required');
    if (!file || Object.keys(problems).length > 0) {
      form.show(problems);
      return;
    }
    setBusy(true);
    try {
      const items = await uploadDocument(groupId, file, {
        title: title.trim(),
        collection: collection.trim(),
        note: note.trim(),
      });
      form.clear();
      setStatus(t('library.uploaded', { name: file.name }));
      setFile(null);
      setTitle('');
      setNote('');
      if (fileRef.current) fileRef.current.value = '';
      await onAdded(items);
    } catch (error) {
      if (error instanceof ApiError && error.status === 413) {
        form.show({
          file: t('library.tooLarge', { size: formatFileSize(file.size, lang), limit }),
        });
      } else if (error instanceof ApiError && error.status === 400) {
        const issue = error.fieldIssues.find((i) => i.path === 'file');
        const problem = uploadProblem(issue?.message ?? error.message);
        form.show({ file: t(`library.problems.${problem}`) });
      } else {
        form.show({}, errorMessage(tc, error));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <AddPart id="library-upload-heading" heading={t('library.uploadHeading')}>
      <StatusMessage message={status} />
      <FormErrorSummary
        fields={[
          { name: 'file', id: 'library-file', label: t('library.file') },
          { name: 'title', id: 'library-file-title', label: t('library.fileTitle') },
          { name: 'collection', id: 'library-file-collection', label: t('library.collection') },
          { name: 'note', id: 'library-file-note', label: t('library.note') },
        ]}
        {...form}
      />
      <form noValidate onSubmit={(e) => void submit(e)} className="stack narrow">
        <Field>
          <Label>{t('library.file')}</Label>
          <Field.Description>{t('library.fileHint', { limit })}</Field.Description>
          <Input
            id="library-file"
            ref={fileRef}
            type="file"
            accept={UPLOAD_ACCEPT}
            aria-invalid={form.errors.file ? true : undefined}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          {form.errors.file && <ValidationMessage>{form.errors.file}</ValidationMessage>}
        </Field>
        <Textfield
          id="library-file-title"
          label={`${t('library.fileTitle')} ${tc('common.optional')}`}
          description={t('library.fileTitleHint')}
          maxLength={200}
          autoComplete="off"
          value={title}
          error={form.errors.title}
          onChange={(e) => setTitle(e.target.value)}
        />
        <CommonFields
          prefix="library-file"
          collection={collection}
          note={note}
          errors={form.errors}
          onChange={(p) => {
            if (p.collection !== undefined) setCollection(p.collection);
            if (p.note !== undefined) setNote(p.note);
          }}
        />
        <div>
          <Button type="submit" loading={busy}>
            {t('library.upload')}
          </Button>
        </div>
      </form>
    </AddPart>
  );
}
