import type { FormEvent } from 'react';
import {
  Button,
  Checkbox,
  Field,
  Fieldset,
  Label,
  Radio,
  Select,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { SOLUTION_TYPES, type AnalysisDraft, type AnalysisField } from '../../qca-workbench.ts';
import { useQcaTranslation } from '../../qca-i18n.ts';

/** The ids of the form's fields, for the error summary's links. */
export const ANALYSIS_FIELD_IDS: Record<AnalysisField, string> = {
  outcome: 'qca-outcome',
  conditions: 'qca-conditions-first',
  inclCut1: 'qca-incl-cut-1',
  inclCut0: 'qca-incl-cut-0',
  nCut: 'qca-n-cut',
  priCut: 'qca-pri-cut',
  dirExp: 'qca-dir-exp',
};

interface Props {
  columns: readonly string[];
  draft: AnalysisDraft;
  errors: Partial<Record<AnalysisField, string>>;
  onChange: (draft: AnalysisDraft) => void;
  onRun: () => void;
  onCancel: () => void;
  running: boolean;
  /** Running needs an account: without one the form explains this instead of running. */
  canRun: boolean;
}

/** The parameters of an analysis, with R QCA's names beside the plain ones. */
export function AnalysisForm({
  columns,
  draft,
  errors,
  onChange,
  onRun,
  onCancel,
  running,
  canRun,
}: Props) {
  const { t } = useQcaTranslation();
  const set = (change: Partial<AnalysisDraft>) => onChange({ ...draft, ...change });
  const candidates = columns.filter((c) => c !== draft.outcome);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!running) onRun();
  }

  const numberField = (
    field: 'inclCut1' | 'inclCut0' | 'nCut' | 'priCut',
    inputMode: 'decimal' | 'numeric' = 'decimal',
  ) => (
    <Textfield
      id={ANALYSIS_FIELD_IDS[field]}
      label={t(`analyse.${field}`)}
      description={t(`analyse.${field}Hint`)}
      value={draft[field]}
      inputMode={inputMode}
      autoComplete="off"
      size={8}
      error={errors[field]}
      onChange={(e) => set({ [field]: e.target.value })}
    />
  );

  return (
    <form noValidate onSubmit={submit} className="stack" aria-labelledby="qca-analyse-heading">
      <div className="stack">
        <Field>
          <Label>{t('analyse.outcome')}</Label>
          <Select
            id={ANALYSIS_FIELD_IDS.outcome}
            width="auto"
            value={draft.outcome}
            aria-invalid={errors.outcome ? true : undefined}
            onChange={(e) => {
              const outcome = e.target.value;
              set({
                outcome,
                conditions: draft.conditions.includes(outcome)
                  ? [...draft.conditions.filter((c) => c !== outcome), draft.outcome]
                  : draft.conditions,
              });
            }}
          >
            <Select.Option value="" disabled>
              {t('analyse.chooseOutcome')}
            </Select.Option>
            {columns.map((c) => (
              <Select.Option key={c} value={c}>
                {c}
              </Select.Option>
            ))}
          </Select>
          {errors.outcome && <ValidationMessage>{errors.outcome}</ValidationMessage>}
        </Field>
        <Checkbox
          id="qca-negate"
          label={t('analyse.negate', { outcome: draft.outcome || 'Y' })}
          description={t('analyse.negateHint')}
          checked={draft.negate}
          onChange={(e) => set({ negate: e.target.checked })}
        />
      </div>

      <Fieldset>
        <Fieldset.Legend>{t('analyse.conditions')}</Fieldset.Legend>
        <Fieldset.Description>{t('analyse.conditionsHint')}</Fieldset.Description>
        <div className="condition-options">
          {candidates.map((c, i) => (
            <Checkbox
              key={c}
              id={i === 0 ? ANALYSIS_FIELD_IDS.conditions : undefined}
              label={c}
              value={c}
              checked={draft.conditions.includes(c)}
              aria-invalid={errors.conditions ? true : undefined}
              onChange={(e) =>
                set({
                  conditions: e.target.checked
                    ? columns.filter((x) => x === c || draft.conditions.includes(x))
                    : draft.conditions.filter((x) => x !== c),
                })
              }
            />
          ))}
        </div>
        {errors.conditions && <ValidationMessage>{errors.conditions}</ValidationMessage>}
      </Fieldset>

      <Fieldset>
        <Fieldset.Legend>{t('analyse.truthTable')}</Fieldset.Legend>
        <div className="analysis-grid">
          {numberField('inclCut1')}
          {numberField('inclCut0')}
          {numberField('nCut', 'numeric')}
          {numberField('priCut')}
        </div>
      </Fieldset>

      <Fieldset>
        <Fieldset.Legend>{t('analyse.solution')}</Fieldset.Legend>
        {SOLUTION_TYPES.map((s) => (
          <Radio
            key={s}
            id={`qca-solution-${s}`}
            name="qca-solution"
            value={s}
            label={t(`analyse.solutions.${s}`)}
            description={t(`analyse.solutionHints.${s}`)}
            checked={draft.solution === s}
            onChange={() => set({ solution: s })}
          />
        ))}
      </Fieldset>
      {draft.solution === 'intermediate' && (
        <div className="stack">
          <Textfield
            id={ANALYSIS_FIELD_IDS.dirExp}
            label={t('analyse.dirExp')}
            description={t('analyse.dirExpHint')}
            value={draft.dirExp}
            autoComplete="off"
            spellCheck={false}
            error={errors.dirExp}
            onChange={(e) => set({ dirExp: e.target.value })}
          />
          <div>
            <Button
              variant="secondary"
              data-size="sm"
              onClick={() => set({ dirExp: draft.conditions.join(', ') })}
            >
              {t('analyse.dirExpAllPresent')}
            </Button>
          </div>
        </div>
      )}

      <Fieldset>
        <Fieldset.Legend>{t('analyse.options')}</Fieldset.Legend>
        <Checkbox
          id="qca-contradictions"
          label={t('analyse.contradictions')}
          description={t('analyse.contradictionsHint')}
          checked={draft.contradictions}
          onChange={(e) => set({ contradictions: e.target.checked })}
        />
        <Checkbox
          id="qca-all-sol"
          label={t('analyse.allSol')}
          description={t('analyse.allSolHint')}
          checked={draft.allSol}
          onChange={(e) => set({ allSol: e.target.checked })}
        />
        <Checkbox
          id="qca-row-dom"
          label={t('analyse.rowDom')}
          description={t('analyse.rowDomHint')}
          checked={draft.rowDom}
          onChange={(e) => set({ rowDom: e.target.checked })}
        />
      </Fieldset>

      {canRun && (
        <div className="button-row">
          <Button type="submit" loading={running} aria-disabled={running || undefined}>
            {running ? t('run.running') : t('run.submit')}
          </Button>
          {running && (
            <Button variant="secondary" onClick={onCancel}>
              {t('run.cancel')}
            </Button>
          )}
        </div>
      )}
    </form>
  );
}
