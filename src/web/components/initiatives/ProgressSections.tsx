import { useState, type FormEvent } from 'react';
import {
  Button,
  Field,
  Heading,
  Label,
  Paragraph,
  Select,
  Tag,
  Textfield,
} from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import {
  EVIDENCE_LEVELS,
  EvidenceLevel,
  OUTCOME_DIMENSIONS,
  OutcomeDimension,
} from '../../../shared/case-vocabulary.ts';
import {
  MilestoneCreate,
  OutcomeCreate,
  UpdateCreate,
  type Initiative,
} from '../../../shared/initiatives.ts';
import { useLabels } from '../../case-labels.ts';
import { formatDate, formatDateTime } from '../../format.ts';
import { issueMessage } from '../../validation.ts';
import { ReportControl } from '../moderation/ReportControl.tsx';
import { ActionFeedback, useAction } from '../ActionFeedback.tsx';
import {
  addMilestone,
  addOutcome,
  postUpdate,
  setMilestoneDone,
  useInitiativeChanged,
} from './initiatives-api.ts';
import { useInitiativesTranslation } from './initiatives-i18n.ts';

/** Today as an ISO date in the viewer's time zone (a milestone is done "today"). */
function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Milestones, planned and done; owners add them and mark them done (or not done after all). */
export function MilestonesSection({ initiative }: { initiative: Initiative }) {
  const { t, lang } = useInitiativesTranslation();
  const { t: tc } = useTranslation();
  const changed = useInitiativeChanged();
  const action = useAction();
  const form = useAction();
  const [title, setTitle] = useState('');
  const [plannedOn, setPlannedOn] = useState('');
  const [doneOn, setDoneOn] = useState('');
  const [errors, setErrors] = useState<{ title?: string; plannedOn?: string }>({});

  async function mark(id: string, title: string, done: boolean) {
    await action.run(
      () => setMilestoneDone(initiative.id, id, done ? today() : null),
      done ? t('milestones.markedDone', { title }) : t('milestones.markedNotDone', { title }),
    );
    await changed();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = MilestoneCreate.safeParse({
      title,
      plannedOn: plannedOn || null,
      doneOn: doneOn || null,
    });
    if (!parsed.success) {
      const next: { title?: string; plannedOn?: string } = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path[0] === 'title' ? 'title' : 'plannedOn';
        next[key] ??=
          key === 'plannedOn' && issue.code === 'custom'
            ? t('milestones.dateNeeded')
            : issueMessage(tc, issue);
      }
      setErrors(next);
      document.getElementById(next.title ? 'milestone-title' : 'milestone-planned')?.focus();
      return;
    }
    setErrors({});
    const ok = await form.run(
      () => addMilestone(initiative.id, parsed.data),
      t('milestones.added'),
    );
    if (ok) {
      setTitle('');
      setPlannedOn('');
      setDoneOn('');
    }
    await changed();
  }

  return (
    <section aria-labelledby="initiative-milestones-heading" className="stack section">
      <Heading level={2} data-size="sm" id="initiative-milestones-heading">
        {t('milestones.heading')}
      </Heading>
      {initiative.milestones.length === 0 && <Paragraph>{t('milestones.none')}</Paragraph>}
      {initiative.milestones.length > 0 && (
        <ul className="plain-list stack" aria-labelledby="initiative-milestones-heading">
          {initiative.milestones.map((m) => (
            <li key={m.id} className="button-row">
              <span>{m.title}</span>
              {m.plannedOn && (
                <span>{t('milestones.plannedOn', { date: formatDate(m.plannedOn, lang) })}</span>
              )}
              {m.doneOn ? (
                <Tag data-color="success" data-size="sm">
                  {t('milestones.doneOn', { date: formatDate(m.doneOn, lang) })}
                </Tag>
              ) : (
                <Tag data-color="neutral" data-size="sm">
                  {t('milestones.open')}
                </Tag>
              )}
              {initiative.isOwner && (
                <Button
                  variant="tertiary"
                  data-size="sm"
                  aria-label={
                    m.doneOn
                      ? t('milestones.markNotDoneName', { title: m.title })
                      : t('milestones.markDoneName', { title: m.title })
                  }
                  onClick={() => void mark(m.id, m.title, !m.doneOn)}
                >
                  {m.doneOn ? t('milestones.markNotDone') : t('milestones.markDone')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ActionFeedback status={action.status} failure={action.failure} />
      {initiative.isOwner && (
        <form noValidate onSubmit={(e) => void submit(e)} className="stack narrow">
          <Heading level={3} data-size="xs">
            {t('milestones.addHeading')}
          </Heading>
          <Textfield
            id="milestone-title"
            label={t('milestones.title')}
            required
            maxLength={300}
            value={title}
            error={errors.title}
            onChange={(e) => setTitle(e.target.value)}
          />
          <Textfield
            id="milestone-planned"
            type="date"
            label={t('milestones.planned')}
            description={t('milestones.datesHint')}
            value={plannedOn}
            error={errors.plannedOn}
            onChange={(e) => setPlannedOn(e.target.value)}
          />
          <Textfield
            id="milestone-done"
            type="date"
            label={t('milestones.done')}
            value={doneOn}
            onChange={(e) => setDoneOn(e.target.value)}
          />
          <ActionFeedback status={form.status} failure={form.failure} />
          <div>
            <Button type="submit" loading={form.busy}>
              {t('milestones.add')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}

/** Progress updates, newest as sent; stakeholders post them and followers hear of each. */
export function UpdatesSection({ initiative }: { initiative: Initiative }) {
  const { t, lang } = useInitiativesTranslation();
  const { t: tc } = useTranslation();
  const changed = useInitiativeChanged();
  const form = useAction();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = UpdateCreate.safeParse({ body });
    if (!parsed.success) {
      setError(issueMessage(tc, parsed.error.issues[0]!));
      document.getElementById('initiative-update')?.focus();
      return;
    }
    setError(undefined);
    const ok = await form.run(
      () => postUpdate(initiative.id, parsed.data.body),
      t('updates.posted'),
    );
    if (ok) setBody('');
    await changed();
  }

  return (
    <section aria-labelledby="initiative-updates-heading" className="stack section">
      <Heading level={2} data-size="sm" id="initiative-updates-heading">
        {t('updates.heading')}
      </Heading>
      {initiative.updates.length === 0 && <Paragraph>{t('updates.none')}</Paragraph>}
      {initiative.updates.length > 0 && (
        <ol className="plain-list stack" aria-labelledby="initiative-updates-heading">
          {initiative.updates.map((u) => (
            <li key={u.id} className="stack">
              <Paragraph data-size="sm">
                {t('updates.byAt', {
                  name: u.author?.name ?? t('stakeholders.formerAccount'),
                  date: formatDateTime(u.createdAt, lang),
                })}
              </Paragraph>
              {u.hidden && (
                <Paragraph data-size="sm">
                  <Tag data-color="warning" data-size="sm">
                    {t('updates.hidden')}
                  </Tag>
                </Paragraph>
              )}
              <Paragraph className="prose">{u.body}</Paragraph>
              <ReportControl
                targetType="initiative_update"
                targetId={u.id}
                label={t('updates.report', { date: formatDateTime(u.createdAt, lang) })}
              />
            </li>
          ))}
        </ol>
      )}
      {initiative.canPostUpdates && (
        <form noValidate onSubmit={(e) => void submit(e)} className="stack narrow">
          <Textfield
            id="initiative-update"
            label={t('updates.label')}
            description={t('updates.hint')}
            multiline
            rows={4}
            required
            maxLength={8000}
            value={body}
            error={error}
            onChange={(e) => setBody(e.target.value)}
          />
          <ActionFeedback status={form.status} failure={form.failure} />
          <div>
            <Button type="submit" loading={form.busy}>
              {t('updates.submit')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}

/** Outcomes with their evidence (the case library's dimensions); owners record them. */
export function OutcomesSection({ initiative }: { initiative: Initiative }) {
  const { t } = useInitiativesTranslation();
  const { t: tc } = useTranslation();
  const labels = useLabels();
  const changed = useInitiativeChanged();
  const form = useAction();
  const [dimension, setDimension] = useState<string>(OUTCOME_DIMENSIONS.values[0]);
  const [evidence, setEvidence] = useState<string>(EVIDENCE_LEVELS.values[0]);
  const [description, setDescription] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = OutcomeCreate.safeParse({ dimension, evidence, description });
    if (!parsed.success) {
      setError(issueMessage(tc, parsed.error.issues[0]!));
      document.getElementById('outcome-description')?.focus();
      return;
    }
    setError(undefined);
    const ok = await form.run(() => addOutcome(initiative.id, parsed.data), t('outcomes.added'));
    if (ok) setDescription('');
    await changed();
  }

  return (
    <section aria-labelledby="initiative-outcomes-heading" className="stack section">
      <Heading level={2} data-size="sm" id="initiative-outcomes-heading">
        {t('outcomes.heading')}
      </Heading>
      {initiative.outcomes.length === 0 && <Paragraph>{t('outcomes.none')}</Paragraph>}
      {initiative.outcomes.length > 0 && (
        <ul className="plain-list stack" aria-labelledby="initiative-outcomes-heading">
          {initiative.outcomes.map((o) => (
            <li key={o.id}>
              <Paragraph>
                <strong>{labels.label(OUTCOME_DIMENSIONS, o.dimension)}</strong>{' '}
                {t('outcomes.evidence', { level: labels.label(EVIDENCE_LEVELS, o.evidence) })}
              </Paragraph>
              <Paragraph className="prose">{o.description}</Paragraph>
            </li>
          ))}
        </ul>
      )}
      {initiative.isOwner && (
        <form noValidate onSubmit={(e) => void submit(e)} className="stack narrow">
          <Heading level={3} data-size="xs">
            {t('outcomes.addHeading')}
          </Heading>
          <Field>
            <Label>{t('outcomes.dimension')}</Label>
            <Select
              id="outcome-dimension"
              value={dimension}
              onChange={(e) => {
                const v = OutcomeDimension.safeParse(e.target.value);
                if (v.success) setDimension(v.data);
              }}
            >
              {OUTCOME_DIMENSIONS.values.map((v) => (
                <Select.Option key={v} value={v}>
                  {labels.label(OUTCOME_DIMENSIONS, v)}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Field>
            <Label>{t('outcomes.evidenceLevel')}</Label>
            <Select
              id="outcome-evidence"
              value={evidence}
              onChange={(e) => {
                const v = EvidenceLevel.safeParse(e.target.value);
                if (v.success) setEvidence(v.data);
              }}
            >
              {EVIDENCE_LEVELS.values.map((v) => (
                <Select.Option key={v} value={v}>
                  {labels.label(EVIDENCE_LEVELS, v)}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Textfield
            id="outcome-description"
            label={t('outcomes.description')}
            multiline
            rows={3}
            required
            maxLength={4000}
            value={description}
            error={error}
            onChange={(e) => setDescription(e.target.value)}
          />
          <ActionFeedback status={form.status} failure={form.failure} />
          <div>
            <Button type="submit" loading={form.busy}>
              {t('outcomes.add')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
