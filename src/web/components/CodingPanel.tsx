import { useRef, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Field,
  Fieldset,
  Heading,
  Label,
  Paragraph,
  Radio,
  Select,
  Table,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../shared/accounts.ts';
import {
  CODE_DIRECTIONS,
  FACTOR_LEVELS,
  FACTORS,
  factorLevel,
  type Factor,
} from '../../shared/case-vocabulary.ts';
import { CodeCreate, type CaseCode, type CaseDetail } from '../../shared/cases.ts';
import { ApiError, addCaseCode, deleteCaseCode } from '../api.ts';
import { useLabels } from '../case-labels.ts';
import { caseKey, casesKey } from '../queries.ts';
import { errorMessage, fieldErrorsFromApi, fieldErrorsFromZod } from '../validation.ts';
import { AppLink } from './AppLink.tsx';
import { FormErrorSummary, useFormErrors } from './FormErrorSummary.tsx';
import { StatusMessage } from './StatusMessage.tsx';

const FIELDS = ['factor', 'direction', 'evidence'] as const;
const EVIDENCE_MAX = 2000;

/** Codes grouped by coder, in the order coders first coded the case. */
export function groupByCoder(codes: readonly CaseCode[]) {
  const groups = new Map<string, { key: string; name: string; codes: CaseCode[] }>();
  for (const code of codes) {
    const group = groups.get(code.coderKey) ?? {
      key: code.coderKey,
      name: code.coderName,
      codes: [],
    };
    group.codes.push(code);
    groups.set(code.coderKey, group);
  }
  const order = FACTORS.values as readonly string[];
  for (const group of groups.values()) {
    group.codes.sort(
      (a, b) =>
        (a.direction === b.direction ? 0 : a.direction === 'driver' ? -1 : 1) ||
        order.indexOf(a.factor) - order.indexOf(b.factor),
    );
  }
  return [...groups.values()];
}

/** Drivers and barriers of a case, by coder; signed-in people add their own codes here. */
export function CodingPanel({ detail, user }: { detail: CaseDetail; user: Me | null }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const groups = groupByCoder(detail.codes);
  const moderator = user?.platformRole === 'moderator' || user?.platformRole === 'admin';

  async function refresh() {
    await queryClient.invalidateQueries({ queryKey: caseKey(detail.id) });
    await queryClient.invalidateQueries({ queryKey: casesKey });
  }

  async function remove(code: CaseCode) {
    if (busyId) return;
    setBusyId(code.id);
    setActionError(null);
    try {
      await deleteCaseCode(detail.id, code.id);
      await refresh();
      setStatus(t('coding.deleted', { factor: labels.label(FACTORS, code.factor) }));
      headingRef.current?.focus();
    } catch (error) {
      setStatus(null);
      setActionError(errorMessage(t, error));
    } finally {
      setBusyId(null);
    }
  }

  return (
    <section aria-labelledby="case-codes" className="stack section">
      <Heading level={2} data-size="sm" id="case-codes" ref={headingRef} tabIndex={-1}>
        {t('coding.heading')}
      </Heading>
      <Paragraph>{t('coding.lead')}</Paragraph>
      <StatusMessage message={status} />
      {actionError && (
        <Paragraph role="alert" className="error-text">
          {actionError}
        </Paragraph>
      )}
      {groups.length === 0 && <Paragraph>{t('coding.none')}</Paragraph>}
      {groups.map((group) => (
        <div key={group.key} className="stack">
          <Heading level={3} data-size="xs">
            {t('coding.byCoder', { name: group.name })}
          </Heading>
          <div className="table-scroll">
            <Table zebra border data-size="sm">
              <caption className="visually-hidden">
                {t('coding.tableCaption', { name: group.name })}
              </caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('coding.colFactor')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('coding.colDirection')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('coding.colEvidence')}</Table.HeaderCell>
                  {(moderator || group.key === user?.id) && (
                    <Table.HeaderCell scope="col">{t('coding.colActions')}</Table.HeaderCell>
                  )}
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {group.codes.map((code) => {
                  const factor = labels.label(FACTORS, code.factor);
                  const direction = labels.label(CODE_DIRECTIONS, code.direction);
                  return (
                    <Table.Row key={code.id}>
                      <Table.HeaderCell scope="row">
                        {factor}
                        <span className="cell-note">
                          {labels.label(FACTOR_LEVELS, factorLevel(code.factor))}
                        </span>
                      </Table.HeaderCell>
                      <Table.Cell>
                        <span className={`direction direction-${code.direction}`}>{direction}</span>
                      </Table.Cell>
                      <Table.Cell className="prose">{code.evidence}</Table.Cell>
                      {(moderator || group.key === user?.id) && (
                        <Table.Cell>
                          <Button
                            variant="tertiary"
                            data-color="danger"
                            data-size="sm"
                            loading={busyId === code.id}
                            aria-label={t('coding.deleteFor', { factor, direction })}
                            onClick={() => void remove(code)}
                          >
                            {t('coding.delete')}
                          </Button>
                        </Table.Cell>
                      )}
                    </Table.Row>
                  );
                })}
              </Table.Body>
            </Table>
          </div>
        </div>
      ))}
      {user ? (
        <AddCodeForm
          detail={detail}
          onAdded={async (code) => {
            await refresh();
            setActionError(null);
            setStatus(
              t('coding.added', {
                factor: labels.label(FACTORS, code.factor),
                direction: labels.label(CODE_DIRECTIONS, code.direction),
              }),
            );
          }}
        />
      ) : (
        <Paragraph>
          <AppLink to={`/sign-in?next=${encodeURIComponent(`/cases/${detail.id}`)}`}>
            {t('coding.signIn')}
          </AppLink>
        </Paragraph>
      )}
    </section>
  );
}

function AddCodeForm({
  detail,
  onAdded,
}: {
  detail: CaseDetail;
  onAdded: (code: CaseCode) => Promise<void>;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const form = useFormErrors<(typeof FIELDS)[number]>();
  const [factor, setFactor] = useState('');
  const [direction, setDirection] = useState('');
  const [evidence, setEvidence] = useState('');
  const [busy, setBusy] = useState(false);

  const summaryFields = [
    { name: 'factor', id: 'code-factor', label: t('coding.factor') },
    { name: 'direction', id: 'code-direction-driver', label: t('coding.direction') },
    { name: 'evidence', id: 'code-evidence', label: t('coding.evidence') },
  ] as const;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const parsed = CodeCreate.safeParse({ factor, direction, evidence });
    if (!parsed.success) {
      const { fields, other } = fieldErrorsFromZod(t, parsed.error, FIELDS);
      form.show(fields, other);
      return;
    }
    setBusy(true);
    try {
      const code = await addCaseCode(detail.id, parsed.data);
      form.clear();
      setFactor('');
      setDirection('');
      setEvidence('');
      await onAdded(code);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        form.show({ factor: t('coding.duplicate') });
      } else {
        const { fields, other } = fieldErrorsFromApi(t, error, FIELDS);
        form.show(fields, other);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="stack">
      <Heading level={3} data-size="xs" id="add-code-heading">
        {t('coding.addHeading')}
      </Heading>
      <FormErrorSummary fields={summaryFields} {...form} />
      <form
        noValidate
        onSubmit={(e) => void submit(e)}
        className="stack narrow"
        aria-labelledby="add-code-heading"
      >
        <Field>
          <Label>{t('coding.factor')}</Label>
          <Field.Description>{t('coding.factorHint')}</Field.Description>
          <Select
            id="code-factor"
            required
            value={factor}
            aria-invalid={form.errors.factor ? true : undefined}
            onChange={(e) => setFactor(e.target.value)}
          >
            <Select.Option value="" disabled>
              {t('coding.chooseFactor')}
            </Select.Option>
            {FACTOR_LEVELS.values.map((level) => (
              <Select.Optgroup key={level} label={labels.label(FACTOR_LEVELS, level)}>
                {FACTORS.values
                  .filter((f: Factor) => factorLevel(f) === level)
                  .map((f) => (
                    <Select.Option key={f} value={f}>
                      {labels.label(FACTORS, f)}
                    </Select.Option>
                  ))}
              </Select.Optgroup>
            ))}
          </Select>
          {form.errors.factor && <ValidationMessage>{form.errors.factor}</ValidationMessage>}
        </Field>
        <Fieldset>
          <Fieldset.Legend>{t('coding.direction')}</Fieldset.Legend>
          {CODE_DIRECTIONS.values.map((d) => (
            <Radio
              key={d}
              id={`code-direction-${d}`}
              name="code-direction"
              value={d}
              label={labels.label(CODE_DIRECTIONS, d)}
              checked={direction === d}
              aria-invalid={form.errors.direction ? true : undefined}
              onChange={() => setDirection(d)}
            />
          ))}
          {form.errors.direction && <ValidationMessage>{form.errors.direction}</ValidationMessage>}
        </Fieldset>
        <Textfield
          id="code-evidence"
          label={`${t('coding.evidence')} ${t('common.optional')}`}
          description={t('coding.evidenceHint')}
          multiline
          rows={4}
          value={evidence}
          error={form.errors.evidence}
          counter={{
            limit: EVIDENCE_MAX,
            under: t('common.charactersLeft'),
            over: t('common.charactersOver'),
          }}
          onChange={(e) => setEvidence(e.target.value)}
        />
        <div>
          <Button type="submit" loading={busy}>
            {t('coding.submit')}
          </Button>
        </div>
      </form>
    </div>
  );
}
