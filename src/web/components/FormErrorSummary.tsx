import { useEffect, useRef, useState, type ComponentRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '@digdir/designsystemet-react';
import type { FieldErrors } from '../validation.ts';

export interface SummaryField<F extends string> {
  name: F;
  /** The id of the input, so the summary can link to it. */
  id: string;
  label: string;
}

/** Form error state: field errors, one general error, and a counter to move focus. */
export function useFormErrors<F extends string>() {
  const [errors, setErrors] = useState<FieldErrors<F>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  return {
    errors,
    general,
    attempt,
    /** Show errors and move focus to the summary. */
    show(fields: FieldErrors<F>, other: string | null = null) {
      setErrors(fields);
      setGeneral(other);
      setAttempt((n) => n + 1);
    },
    clear() {
      setErrors({});
      setGeneral(null);
    },
  };
}

interface Props<F extends string> {
  fields: readonly SummaryField<F>[];
  errors: FieldErrors<F>;
  general: string | null;
  attempt: number;
}

/** Lists a form's errors with links to the fields; takes focus after each failed submit. */
export function FormErrorSummary<F extends string>({ fields, errors, general, attempt }: Props<F>) {
  const { t } = useTranslation();
  const ref = useRef<ComponentRef<typeof ErrorSummary>>(null);
  const withErrors = fields.filter((f) => errors[f.name]);
  const visible = general !== null || withErrors.length > 0;

  useEffect(() => {
    if (attempt > 0) ref.current?.focus();
  }, [attempt]);

  if (!visible) return null;
  return (
    <ErrorSummary ref={ref} className="form-summary">
      <ErrorSummary.Heading level={2} data-size="xs">
        {t('validation.summaryHeading')}
      </ErrorSummary.Heading>
      <ErrorSummary.List>
        {general !== null && <ErrorSummary.Item>{general}</ErrorSummary.Item>}
        {withErrors.map((f) => (
          <ErrorSummary.Item key={f.name}>
            <ErrorSummary.Link
              href={`#${f.id}`}
              onClick={(event) => {
                event.preventDefault();
                document.getElementById(f.id)?.focus();
              }}
            >
              {f.label}: {errors[f.name]}
            </ErrorSummary.Link>
          </ErrorSummary.Item>
        ))}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}
