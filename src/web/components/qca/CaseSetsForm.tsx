import { useEffect, useRef, useState, type FormEvent } from 'react';
import {
  Button,
  Checkbox,
  Field,
  Fieldset,
  Label,
  Paragraph,
  Select,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import {
  FACTOR_LEVELS,
  FACTORS,
  factorLevel,
  type Factor,
} from '../../../shared/case-vocabulary.ts';
import type { CaseSetSpec } from '../../../shared/qca.ts';
import { useLabels } from '../../case-labels.ts';
import {
  SET_SOURCES,
  encodeSet,
  sourceVocabulary,
  specToDraft,
  validateSets,
  type SetDraft,
  type SetFieldError,
  type SetSource,
} from '../../qca-workbench.ts';
import { FormErrorSummary, useFormErrors } from '../FormErrorSummary.tsx';
import { useQcaTranslation } from '../../qca-i18n.ts';

const MAX_SETS = 21;

interface Props {
  sets: readonly CaseSetSpec[];
  outcome: string;
  codedOnly: boolean;
  busy: boolean;
  onSubmit: (sets: CaseSetSpec[], outcome: string, codedOnly: boolean) => void;
}

let nextKey = 0;
const newKey = () => `s${(nextKey += 1)}`;

/** Choose the sets (conditions and outcome) to make from the coded cases. */
export function CaseSetsForm({ sets, outcome, codedOnly, busy, onSubmit }: Props) {
  const { t } = useQcaTranslation();
  const form = useFormErrors<string>();
  const initial = `${sets.map(encodeSet).join('|')}#${outcome}#${codedOnly}`;
  const [shown, setShown] = useState(initial);
  const [drafts, setDrafts] = useState(() => sets.map((s) => specToDraft(s, newKey())));
  const [outcomeKey, setOutcomeKey] = useState(() => keyOf(drafts, outcome));
  const [onlyCoded, setOnlyCoded] = useState(codedOnly);
  const [rowErrors, setRowErrors] = useState<
    Record<string, { name?: SetFieldError; value?: SetFieldError }>
  >({});
  const focusKey = useRef<string | null>(null);
  const addRef = useRef<HTMLButtonElement>(null);

  // Back and forward change the address: show its sets again.
  if (shown !== initial) {
    const next = sets.map((s) => specToDraft(s, newKey()));
    setShown(initial);
    setDrafts(next);
    setOutcomeKey(keyOf(next, outcome));
    setOnlyCoded(codedOnly);
    setRowErrors({});
  }

  useEffect(() => {
    if (focusKey.current === null) return;
    document.getElementById(`qca-set-${focusKey.current}-name`)?.focus();
    focusKey.current = null;
  }, [drafts.length]);

  function update(key: string, change: Partial<SetDraft>) {
    setDrafts((all) => all.map((d) => (d.key === key ? { ...d, ...change } : d)));
  }

  function add() {
    const key = newKey();
    focusKey.current = key;
    setDrafts((all) => [
      ...all,
      { key, name: `C${all.length}`, source: 'driver', value: '', values: [] },
    ]);
  }

  function remove(key: string) {
    setDrafts((all) => all.filter((d) => d.key !== key));
    if (outcomeKey === key) setOutcomeKey('');
    // The button is gone with its row: keep the keyboard's place in the form.
    requestAnimationFrame(() => addRef.current?.focus());
  }

  const label = (d: SetDraft, i: number) =>
    d.name.trim()
      ? t('sets.setNamed', { n: i + 1, name: d.name.trim() })
      : t('sets.set', { n: i + 1 });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const result = validateSets(drafts);
    const fields: Record<string, string> = {};
    let general: string | null = null;
    if (!result.ok) {
      setRowErrors(result.errors);
      for (const [key, row] of Object.entries(result.errors)) {
        if (row.name) fields[`${key}.name`] = t(`sets.error.${row.name}`);
        if (row.value) fields[`${key}.value`] = t('sets.error.value');
      }
    } else {
      setRowErrors({});
    }
    if (drafts.length < 2) general = t('sets.error.tooFew');
    const outcomeDraft = drafts.find((d) => d.key === outcomeKey);
    if (!outcomeDraft) fields.outcome = t('sets.error.outcome');
    if (!result.ok || general || !outcomeDraft) {
      form.show(fields, general);
      return;
    }
    form.clear();
    onSubmit(result.sets, outcomeDraft.name.trim(), onlyCoded);
  }

  const summaryFields = [
    ...drafts.flatMap((d, i) => [
      {
        name: `${d.key}.name`,
        id: `qca-set-${d.key}-name`,
        label: `${label(d, i)}, ${t('sets.name')}`,
      },
      {
        name: `${d.key}.value`,
        id: `qca-set-${d.key}-value`,
        label: `${label(d, i)}, ${t('sets.value')}`,
      },
    ]),
    { name: 'outcome', id: 'qca-set-outcome', label: t('sets.outcome') },
  ];

  return (
    <form noValidate onSubmit={submit} className="stack" aria-labelledby="qca-sets-heading">
      <FormErrorSummary fields={summaryFields} {...form} />
      <ol className="set-rows">
        {drafts.map((d, i) => (
          <li key={d.key}>
            <SetRow
              draft={d}
              legend={
                d.key === outcomeKey ? t('sets.outcomeMarker', { label: label(d, i) }) : label(d, i)
              }
              removeLabel={label(d, i)}
              errors={rowErrors[d.key] ?? {}}
              canRemove={drafts.length > 2}
              onChange={(change) => update(d.key, change)}
              onRemove={() => remove(d.key)}
            />
          </li>
        ))}
      </ol>
      {drafts.length < MAX_SETS && (
        <div>
          <Button ref={addRef} variant="secondary" data-size="sm" onClick={add}>
            {t('sets.add')}
          </Button>
        </div>
      )}
      <Field>
        <Label>{t('sets.outcome')}</Label>
        <Field.Description>{t('sets.outcomeHint')}</Field.Description>
        <Select
          id="qca-set-outcome"
          value={outcomeKey}
          aria-invalid={form.errors.outcome ? true : undefined}
          onChange={(e) => setOutcomeKey(e.target.value)}
        >
          <Select.Option value="" disabled>
            {t('sets.chooseOutcome')}
          </Select.Option>
          {drafts.map((d, i) => (
            <Select.Option key={d.key} value={d.key}>
              {label(d, i)}
            </Select.Option>
          ))}
        </Select>
        {form.errors.outcome && <ValidationMessage>{form.errors.outcome}</ValidationMessage>}
      </Field>
      <Checkbox
        id="qca-coded-only"
        label={t('sets.codedOnly')}
        description={t('sets.codedOnlyHint')}
        checked={onlyCoded}
        onChange={(e) => setOnlyCoded(e.target.checked)}
      />
      <div>
        <Button type="submit" loading={busy}>
          {t('sets.submit')}
        </Button>
      </div>
    </form>
  );
}

function keyOf(drafts: readonly SetDraft[], name: string): string {
  return drafts.find((d) => d.name === name)?.key ?? '';
}

function SetRow({
  draft,
  legend,
  removeLabel,
  errors,
  canRemove,
  onChange,
  onRemove,
}: {
  draft: SetDraft;
  legend: string;
  removeLabel: string;
  errors: { name?: SetFieldError; value?: SetFieldError };
  canRemove: boolean;
  onChange: (change: Partial<SetDraft>) => void;
  onRemove: () => void;
}) {
  const { t } = useQcaTranslation();
  const id = (field: string) => `qca-set-${draft.key}-${field}`;
  return (
    <Fieldset className="set-row">
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      <div className="set-row-fields">
        <Textfield
          id={id('name')}
          label={t('sets.name')}
          value={draft.name}
          maxLength={31}
          autoComplete="off"
          spellCheck={false}
          error={errors.name ? t(`sets.error.${errors.name}`) : undefined}
          onChange={(e) => onChange({ name: e.target.value })}
        />
        <Field>
          <Label>{t('sets.source')}</Label>
          <Select
            id={id('source')}
            value={draft.source}
            onChange={(e) => {
              const source = SET_SOURCES.find((s) => s === e.target.value);
              if (source) onChange({ source, value: '', values: [] });
            }}
          >
            {SET_SOURCES.map((s) => (
              <Select.Option key={s} value={s}>
                {t(`sets.sources.${s}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <ValueField draft={draft} id={id('value')} error={errors.value} onChange={onChange} />
      </div>
      {canRemove && (
        <div>
          <Button
            variant="tertiary"
            data-color="danger"
            data-size="sm"
            onClick={onRemove}
            aria-label={t('sets.removeNamed', { name: removeLabel })}
          >
            {t('sets.remove')}
          </Button>
        </div>
      )}
    </Fieldset>
  );
}

function ValueField({
  draft,
  id,
  error,
  onChange,
}: {
  draft: SetDraft;
  id: string;
  error: SetFieldError | undefined;
  onChange: (change: Partial<SetDraft>) => void;
}) {
  const { t } = useQcaTranslation();
  const labels = useLabels();
  const source: SetSource = draft.source;
  const vocabulary = sourceVocabulary(source);
  const message = error ? t('sets.error.value') : undefined;

  if (source === 'implementedWithEvidence' || vocabulary === null) {
    return <Paragraph data-size="sm">{t('sets.implementedWithEvidenceHint')}</Paragraph>;
  }

  if (source === 'maturity') {
    const values = Object.keys(vocabulary.labels);
    return (
      <Fieldset data-size="sm">
        <Fieldset.Legend>{t('sets.maturities')}</Fieldset.Legend>
        {values.map((v, i) => (
          <Checkbox
            key={v}
            id={i === 0 ? id : undefined}
            data-size="sm"
            label={labels.label(vocabulary, v)}
            value={v}
            checked={draft.values.includes(v)}
            aria-invalid={message ? true : undefined}
            onChange={(e) =>
              onChange({
                values: e.target.checked
                  ? [...draft.values, v]
                  : draft.values.filter((x) => x !== v),
              })
            }
          />
        ))}
        {message && <ValidationMessage>{message}</ValidationMessage>}
      </Fieldset>
    );
  }

  const isFactor = source === 'driver' || source === 'barrier' || source === 'factor';
  return (
    <Field>
      <Label>
        {isFactor
          ? t('sets.factor')
          : source === 'evidence'
            ? t('sets.evidenceAtLeast')
            : t('sets.value')}
      </Label>
      <Select
        id={id}
        value={draft.value}
        aria-invalid={message ? true : undefined}
        onChange={(e) => onChange({ value: e.target.value })}
      >
        <Select.Option value="" disabled>
          {t('sets.chooseValue')}
        </Select.Option>
        {isFactor
          ? FACTOR_LEVELS.values.map((level) => (
              <Select.Optgroup key={level} label={labels.label(FACTOR_LEVELS, level)}>
                {FACTORS.values
                  .filter((f: Factor) => factorLevel(f) === level)
                  .map((f) => (
                    <Select.Option key={f} value={f}>
                      {labels.label(FACTORS, f)}
                    </Select.Option>
                  ))}
              </Select.Optgroup>
            ))
          : Object.keys(vocabulary.labels).map((v) => (
              <Select.Option key={v} value={v}>
                {labels.label(vocabulary, v)}
              </Select.Option>
            ))}
      </Select>
      {message && <ValidationMessage>{message}</ValidationMessage>}
    </Field>
  );
}
