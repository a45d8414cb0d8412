import { useState, type FormEvent } from 'react';
import {
  Button,
  Fieldset,
  Radio,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import {
  DECISION_KINDS,
  DecisionCreate,
  RESULTS_VISIBILITIES,
  type Decision,
  type DecisionKind,
} from '../../../shared/groups.ts';
import { localTimeFromNow, zonedTimeToIso } from '../../groups-time.ts';
import { fieldErrorsFromApi, fieldErrorsFromZod } from '../../validation.ts';
import { FormErrorSummary, useFormErrors } from '../FormErrorSummary.tsx';
import { createDecision } from './groups-api.ts';
import { useGroupLabels } from './groups-labels.ts';

const FIELDS = ['kind', 'title', 'description', 'options', 'closesAt', 'resultsVisible'] as const;
type Field = (typeof FIELDS)[number];
const MAX_OPTIONS = 20;

/**
 * Make a proposal (members take a stance on it) or open a poll (one choice, or ranked), open
 * until a time in the viewer's own zone, with its results shown while open or only afterwards.
 */
export function DecisionForm({
  groupId,
  onSaved,
}: {
  groupId: string;
  onSaved: (decision: Decision) => Promise<void>;
}) {
  const { t: tc } = useTranslation();
  const { t, zone, decisionKind, resultsVisible: resultsLabel } = useGroupLabels();
  const form = useFormErrors<Field>();
  const [kind, setKind] = useState<DecisionKind>('proposal');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [options, setOptions] = useState(['', '']);
  const [closesAt, setClosesAt] = useState(() => localTimeFromNow(new Date(), 7, zone));
  const [resultsVisible, setResultsVisible] = useState<string>('after');
  const [busy, setBusy] = useState(false);
  const poll = kind !== 'proposal';

  function addOption() {
    setOptions((o) => [...o, '']);
    const next = options.length + 1;
    requestAnimationFrame(() => document.getElementById(`decision-option-${next}`)?.focus());
  }

  function removeOption(index: number) {
    setOptions((o) => o.filter((_, i) => i !== index));
    requestAnimationFrame(() =>
      document.getElementById(`decision-option-${Math.max(1, index)}`)?.focus(),
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const labels = options.map((o) => o.trim()).filter((o) => o !== '');
    const problems: Partial<Record<Field, string>> = {};
    if (poll && labels.length < 2) problems.options = t('decisions.twoOptions');
    else if (poll && new Set(labels.map((l) => l.toLowerCase())).size !== labels.length)
      problems.options = t('decisions.sameLabel');
    const iso = zonedTimeToIso(closesAt, zone);
    if (iso === null) problems.closesAt = t('decisions.closesAtMissing');
    else if (new Date(iso) <= new Date()) problems.closesAt = t('decisions.closesInPast');
    const parsed = DecisionCreate.safeParse({
      kind,
      title,
      description,
      options: poll ? labels.map((label) => ({ label })) : [],
      closesAt: iso ?? '',
      resultsVisible,
    });
    if (!parsed.success || Object.keys(problems).length > 0) {
      const found = parsed.success
        ? { fields: {}, other: null }
        : fieldErrorsFromZod(tc, parsed.error, FIELDS);
      form.show({ ...found.fields, ...problems }, found.other);
      return;
    }
    setBusy(true);
    try {
      const decision = await createDecision(groupId, parsed.data);
      form.clear();
      await onSaved(decision);
    } catch (error) {
      const { fields, other } = fieldErrorsFromApi(tc, error, FIELDS, {
        closesAt: t('decisions.closesInPast'),
      });
      form.show(fields, other);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <FormErrorSummary
        fields={[
          { name: 'kind', id: 'decision-kind-proposal', label: t('decisions.kind') },
          { name: 'title', id: 'decision-title', label: t('decisions.titleField') },
          {
            name: 'description',
            id: 'decision-description',
            label: t('decisions.description'),
          },
          { name: 'options', id: 'decision-option-1', label: t('decisions.options') },
          { name: 'closesAt', id: 'decision-closes', label: t('decisions.closesAt') },
          {
            name: 'resultsVisible',
            id: 'decision-results-after',
            label: t('decisions.resultsVisible'),
          },
        ]}
        {...form}
      />
      <form noValidate onSubmit={(e) => void submit(e)} className="stack narrow">
        <Fieldset>
          <Fieldset.Legend>{t('decisions.kind')}</Fieldset.Legend>
          {DECISION_KINDS.values.map((k) => (
            <Radio
              key={k}
              id={`decision-kind-${k}`}
              name="decision-kind"
              value={k}
              label={decisionKind(k)}
              checked={kind === k}
              onChange={() => setKind(k)}
            />
          ))}
        </Fieldset>
        <Textfield
          id="decision-title"
          label={t('decisions.titleField')}
          required
          maxLength={200}
          autoComplete="off"
          value={title}
          error={form.errors.title}
          onChange={(e) => setTitle(e.target.value)}
        />
        <Textfield
          id="decision-description"
          label={`${t('decisions.description')} ${tc('common.optional')}`}
          description={t('decisions.descriptionHint')}
          multiline
          rows={4}
          maxLength={8000}
          value={description}
          error={form.errors.description}
          onChange={(e) => setDescription(e.target.value)}
        />
        {poll && (
          <Fieldset>
            <Fieldset.Legend>{t('decisions.options')}</Fieldset.Legend>
            <Fieldset.Description>{t('decisions.optionsHint')}</Fieldset.Description>
            {options.map((option, i) => (
              <div key={i} className="inline-form option-row">
                <Textfield
                  id={`decision-option-${i + 1}`}
                  label={t('decisions.option', { n: i + 1 })}
                  maxLength={200}
                  autoComplete="off"
                  value={option}
                  aria-invalid={form.errors.options ? true : undefined}
                  onChange={(e) =>
                    setOptions((o) => o.map((v, j) => (j === i ? e.target.value : v)))
                  }
                />
                {options.length > 2 && (
                  <Button
                    type="button"
                    variant="tertiary"
                    data-size="sm"
                    aria-label={t('decisions.removeOptionFor', { n: i + 1 })}
                    onClick={() => removeOption(i)}
                  >
                    {t('decisions.removeOption')}
                  </Button>
                )}
              </div>
            ))}
            {form.errors.options && <ValidationMessage>{form.errors.options}</ValidationMessage>}
            {options.length < MAX_OPTIONS && (
              <div>
                <Button type="button" variant="secondary" data-size="sm" onClick={addOption}>
                  {t('decisions.addOption')}
                </Button>
              </div>
            )}
          </Fieldset>
        )}
        <Textfield
          id="decision-closes"
          type="datetime-local"
          label={t('decisions.closesAt')}
          description={t('decisions.closesAtHint', { zone })}
          value={closesAt}
          error={form.errors.closesAt}
          onChange={(e) => setClosesAt(e.target.value)}
        />
        <Fieldset>
          <Fieldset.Legend>{t('decisions.resultsVisible')}</Fieldset.Legend>
          {RESULTS_VISIBILITIES.values.map((v) => (
            <Radio
              key={v}
              id={`decision-results-${v}`}
              name="decision-results"
              value={v}
              label={resultsLabel(v)}
              checked={resultsVisible === v}
              onChange={() => setResultsVisible(v)}
            />
          ))}
        </Fieldset>
        <div>
          <Button type="submit" loading={busy}>
            {poll ? t('decisions.openPoll') : t('decisions.propose')}
          </Button>
        </div>
      </form>
    </>
  );
}
