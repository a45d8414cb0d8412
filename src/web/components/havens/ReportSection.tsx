import { useState, type FormEvent } from 'react';
import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { ExperimentUpdate, type Experiment } from '../../../shared/havens.ts';
import { fieldErrorsFromApi, fieldErrorsFromZod } from '../../validation.ts';
import { FormErrorSummary, useFormErrors } from '../FormErrorSummary.tsx';
import { NotSet } from '../NotSet.tsx';
import { StatusMessage } from '../StatusMessage.tsx';
import { updateExperiment, useExperimentSaved } from './havens-api.ts';
import { useHavensTranslation } from './havens-i18n.ts';

const FIELDS = ['lessonsWorked', 'lessonsFailed', 'lessonsDifferently'] as const;
type LessonField = (typeof FIELDS)[number];
const KEYS = {
  lessonsWorked: 'worked',
  lessonsFailed: 'failed',
  lessonsDifferently: 'differently',
} as const;

/** What worked, what did not, and what the team would do differently: editable at any time. */
export function ReportSection({ experiment }: { experiment: Experiment }) {
  const { t } = useHavensTranslation();

  return (
    <section aria-labelledby="experiment-report-heading" className="stack section">
      <Heading level={2} data-size="sm" id="experiment-report-heading">
        {t('report.heading')}
      </Heading>
      <Paragraph>{t('report.lead')}</Paragraph>
      {experiment.canWrite ? (
        <ReportForm experiment={experiment} />
      ) : (
        <dl className="details-list">
          {FIELDS.map((f) => (
            <ReportText key={f} label={t(`report.${KEYS[f]}`)} text={experiment[f]} />
          ))}
        </dl>
      )}
    </section>
  );
}

function ReportText({ label, text }: { label: string; text: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd className="prose">{text || <NotSet />}</dd>
    </>
  );
}

function ReportForm({ experiment }: { experiment: Experiment }) {
  const { t: tc } = useTranslation();
  const { t } = useHavensTranslation();
  const saved = useExperimentSaved();
  const form = useFormErrors<LessonField>();
  const [values, setValues] = useState<Record<LessonField, string>>({
    lessonsWorked: experiment.lessonsWorked,
    lessonsFailed: experiment.lessonsFailed,
    lessonsDifferently: experiment.lessonsDifferently,
  });
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setStatus(null);
    const parsed = ExperimentUpdate.safeParse(values);
    if (!parsed.success) {
      const { fields, other } = fieldErrorsFromZod(tc, parsed.error, FIELDS);
      form.show(fields, other);
      return;
    }
    setBusy(true);
    try {
      const updated = await updateExperiment(experiment.id, parsed.data);
      form.clear();
      setStatus(t('report.saved'));
      await saved(updated);
    } catch (error) {
      const { fields, other } = fieldErrorsFromApi(tc, error, FIELDS);
      form.show(fields, other);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <FormErrorSummary
        fields={FIELDS.map((f) => ({ name: f, id: `report-${f}`, label: t(`report.${KEYS[f]}`) }))}
        {...form}
      />
      <form noValidate onSubmit={(e) => void submit(e)} className="stack narrow">
        {FIELDS.map((f) => (
          <Textfield
            key={f}
            id={`report-${f}`}
            label={t(`report.${KEYS[f]}`)}
            multiline
            rows={4}
            value={values[f]}
            error={form.errors[f]}
            onChange={(e) => setValues((v) => ({ ...v, [f]: e.target.value }))}
          />
        ))}
        <StatusMessage message={status} />
        <div>
          <Button type="submit" loading={busy}>
            {t('report.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}
