import { useRef, useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Checkbox,
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
import {
  ActionCreate,
  AgendaItemCreate,
  RSVPS,
  type GroupMember,
  type Meeting,
  type Rsvp,
} from '../../../shared/groups.ts';
import { errorMessage, fieldErrorsFromApi, fieldErrorsFromZod } from '../../validation.ts';
import { ActionFeedback, useAction } from '../ActionFeedback.tsx';
import { FormErrorSummary, useFormErrors } from '../FormErrorSummary.tsx';
import { NotSet } from '../NotSet.tsx';
import { StatusMessage } from '../StatusMessage.tsx';
import { addAction, addAgendaItem, setActionDone, setRsvp, updateMeeting } from './groups-api.ts';
import { useGroupLabels } from './groups-labels.ts';
import { MarkdownField } from './MarkdownField.tsx';

type Changed = (meeting: Meeting) => Promise<void>;

/** The agenda in order; conveners add items. */
export function AgendaSection({ meeting, onChanged }: { meeting: Meeting; onChanged: Changed }) {
  const { t: tc } = useTranslation();
  const { t } = useGroupLabels();
  const form = useFormErrors<'title' | 'notes'>();
  const [title, setTitle] = useState('');
  const [notes, setNotes] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setStatus(null);
    const parsed = AgendaItemCreate.safeParse({ title, notes });
    if (!parsed.success) {
      const { fields, other } = fieldErrorsFromZod(tc, parsed.error, ['title', 'notes'] as const);
      form.show(fields, other);
      return;
    }
    setBusy(true);
    try {
      const updated = await addAgendaItem(meeting.id, parsed.data);
      form.clear();
      setTitle('');
      setNotes('');
      setStatus(t('agenda.added', { title: parsed.data.title }));
      await onChanged(updated);
    } catch (error) {
      const { fields, other } = fieldErrorsFromApi(tc, error, ['title', 'notes'] as const);
      form.show(fields, other);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="meeting-agenda-heading" className="stack section">
      <Heading level={2} data-size="sm" id="meeting-agenda-heading">
        {t('agenda.heading')}
      </Heading>
      {meeting.agenda.length === 0 ? (
        <Paragraph>{t('agenda.none')}</Paragraph>
      ) : (
        <ol className="agenda-list" aria-labelledby="meeting-agenda-heading">
          {meeting.agenda.map((item) => (
            <li key={item.id}>
              <span className="agenda-title">{item.title}</span>
              {item.notes && (
                <Paragraph data-size="sm" className="prose">
                  {item.notes}
                </Paragraph>
              )}
            </li>
          ))}
        </ol>
      )}
      {meeting.canManage && (
        <>
          <Heading level={3} data-size="xs" id="meeting-agenda-add-heading">
            {t('agenda.addHeading')}
          </Heading>
          <StatusMessage message={status} />
          <FormErrorSummary
            fields={[
              { name: 'title', id: 'agenda-title', label: t('agenda.title') },
              { name: 'notes', id: 'agenda-notes', label: t('agenda.notes') },
            ]}
            {...form}
          />
          <form
            noValidate
            aria-labelledby="meeting-agenda-add-heading"
            onSubmit={(e) => void submit(e)}
            className="stack narrow"
          >
            <Textfield
              id="agenda-title"
              label={t('agenda.title')}
              maxLength={300}
              autoComplete="off"
              value={title}
              error={form.errors.title}
              onChange={(e) => setTitle(e.target.value)}
            />
            <Textfield
              id="agenda-notes"
              label={`${t('agenda.notes')} ${tc('common.optional')}`}
              multiline
              rows={2}
              maxLength={4000}
              value={notes}
              error={form.errors.notes}
              onChange={(e) => setNotes(e.target.value)}
            />
            <div>
              <Button type="submit" variant="secondary" loading={busy}>
                {t('agenda.add')}
              </Button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}

/** Who comes: the counts for everyone; members say whether they attend. */
export function RsvpSection({
  meeting,
  canAnswer,
  onChanged,
}: {
  meeting: Meeting;
  canAnswer: boolean;
  onChanged: Changed;
}) {
  const { t, rsvp } = useGroupLabels();
  const [answer, setAnswer] = useState<Rsvp | ''>(meeting.myRsvp ?? '');
  const [error, setError] = useState<string | null>(null);
  const action = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (answer === '') {
      setError(t('rsvp.choose'));
      return;
    }
    setError(null);
    const result: { meeting?: Meeting } = {};
    const ok = await action.run(
      async () => {
        result.meeting = await setRsvp(meeting.id, answer);
      },
      t('rsvp.saved', { answer: rsvp(answer) }),
    );
    if (ok && result.meeting) await onChanged(result.meeting);
  }

  return (
    <section aria-labelledby="meeting-rsvp-heading" className="stack section">
      <Heading level={2} data-size="sm" id="meeting-rsvp-heading">
        {t('rsvp.heading')}
      </Heading>
      <Paragraph>
        {meeting.rsvps
          .map((r) => t('rsvp.count', { answer: rsvp(r.answer), count: r.count }))
          .join(' · ')}
      </Paragraph>
      {canAnswer && !meeting.cancelled && (
        <>
          <ActionFeedback status={action.status} failure={action.failure} />
          <form noValidate onSubmit={(e) => void submit(e)} className="stack narrow">
            <Fieldset>
              <Fieldset.Legend>{t('rsvp.legend')}</Fieldset.Legend>
              {RSVPS.values.map((a) => (
                <Radio
                  key={a}
                  id={`rsvp-${a}`}
                  name="rsvp"
                  value={a}
                  label={rsvp(a)}
                  checked={answer === a}
                  aria-invalid={error ? true : undefined}
                  onChange={() => setAnswer(a)}
                />
              ))}
              {error && <ValidationMessage>{error}</ValidationMessage>}
            </Fieldset>
            <div>
              <Button type="submit" loading={action.busy}>
                {t('rsvp.save')}
              </Button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}

/** The minutes, rendered from Markdown; conveners write them. */
export function MinutesSection({ meeting, onChanged }: { meeting: Meeting; onChanged: Changed }) {
  const { t: tc } = useTranslation();
  const { t } = useGroupLabels();
  const form = useFormErrors<'minutes'>();
  const [minutes, setMinutes] = useState(meeting.minutes);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setStatus(null);
    setBusy(true);
    try {
      const updated = await updateMeeting(meeting.id, { minutes: minutes.trim() });
      form.clear();
      setStatus(t('minutes.saved'));
      await onChanged(updated);
    } catch (error) {
      const { fields, other } = fieldErrorsFromApi(tc, error, ['minutes'] as const);
      form.show(fields, other);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="meeting-minutes-heading" className="stack section">
      <Heading level={2} data-size="sm" id="meeting-minutes-heading">
        {t('minutes.heading')}
      </Heading>
      {meeting.minutes.trim() === '' ? (
        <Paragraph>{t('minutes.none')}</Paragraph>
      ) : (
        // Rendered by the server from Markdown: no raw HTML, links allow-listed (safe as is).
        <div
          className="post-body minutes"
          dangerouslySetInnerHTML={{ __html: meeting.minutesHtml }}
        />
      )}
      {meeting.canManage && (
        <>
          <StatusMessage message={status} />
          <FormErrorSummary
            fields={[{ name: 'minutes', id: 'meeting-minutes', label: t('minutes.field') }]}
            {...form}
          />
          <form noValidate onSubmit={(e) => void submit(e)} className="stack narrow">
            <MarkdownField
              id="meeting-minutes"
              label={t('minutes.field')}
              value={minutes}
              onChange={setMinutes}
              error={form.errors.minutes}
              rows={8}
              maxLength={50_000}
            />
            <div>
              <Button type="submit" loading={busy}>
                {t('minutes.save')}
              </Button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}

const ACTION_FIELDS = ['title', 'ownerId', 'dueOn'] as const;

/** Action items from the meeting; conveners add them, conveners and owners tick them off. */
export function ActionsSection({
  meeting,
  members,
  myId,
  onChanged,
}: {
  meeting: Meeting;
  members: readonly GroupMember[];
  myId: string | null;
  onChanged: Changed;
}) {
  const { t: tc } = useTranslation();
  const { t, date, person } = useGroupLabels();
  const form = useFormErrors<(typeof ACTION_FIELDS)[number]>();
  const [values, setValues] = useState({ title: '', ownerId: '', dueOn: '' });
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // The box shows the new state at once; it goes back if the server refuses.
  const [ticking, setTicking] = useState<Record<string, boolean>>({});
  const headingRef = useRef<HTMLHeadingElement>(null);

  async function tick(action: Meeting['actions'][number], done: boolean) {
    if (busy) return;
    setBusy(action.id);
    setTicking((p) => ({ ...p, [action.id]: done }));
    setStatus(null);
    setFailure(null);
    try {
      const updated = await setActionDone(action.id, done);
      setStatus(
        done
          ? t('actions.ticked', { title: action.title })
          : t('actions.unticked', { title: action.title }),
      );
      await onChanged(updated);
    } catch (error) {
      setFailure(errorMessage(tc, error));
    } finally {
      setBusy(null);
      setTicking((p) => {
        const rest = { ...p };
        delete rest[action.id];
        return rest;
      });
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setStatus(null);
    const parsed = ActionCreate.safeParse({
      title: values.title,
      ownerId: values.ownerId === '' ? null : values.ownerId,
      dueOn: values.dueOn === '' ? null : values.dueOn,
    });
    if (!parsed.success) {
      const { fields, other } = fieldErrorsFromZod(tc, parsed.error, ACTION_FIELDS);
      form.show(fields, other);
      return;
    }
    setBusy('add');
    try {
      const updated = await addAction(meeting.id, parsed.data);
      form.clear();
      setValues({ title: '', ownerId: '', dueOn: '' });
      setStatus(t('actions.added', { title: parsed.data.title }));
      await onChanged(updated);
    } catch (error) {
      const { fields, other } = fieldErrorsFromApi(tc, error, ACTION_FIELDS);
      form.show(fields, other);
    } finally {
      setBusy(null);
    }
  }

  return (
    <section aria-labelledby="meeting-actions-heading" className="stack section">
      <Heading level={2} data-size="sm" id="meeting-actions-heading" ref={headingRef} tabIndex={-1}>
        {t('actions.heading')}
      </Heading>
      <StatusMessage message={status} />
      {failure && (
        <Alert data-color="danger" role="alert">
          <Paragraph>{failure}</Paragraph>
        </Alert>
      )}
      {meeting.actions.length === 0 ? (
        <Paragraph>{t('actions.none')}</Paragraph>
      ) : (
        <div className="table-scroll">
          <Table zebra border>
            <caption className="visually-hidden">{t('actions.heading')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('actions.colDone')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('actions.colTitle')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('actions.colOwner')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('actions.colDue')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {meeting.actions.map((a) => {
                const mayTick = meeting.canManage || (myId !== null && a.owner?.id === myId);
                return (
                  <Table.Row key={a.id}>
                    <Table.Cell>
                      {mayTick ? (
                        <Checkbox
                          id={`action-${a.id}`}
                          label={t('actions.doneFor', { title: a.title })}
                          checked={ticking[a.id] ?? a.done}
                          aria-busy={busy === a.id ? true : undefined}
                          onChange={(e) => void tick(a, e.target.checked)}
                        />
                      ) : a.done ? (
                        t('actions.done')
                      ) : (
                        t('actions.open')
                      )}
                    </Table.Cell>
                    <Table.HeaderCell scope="row">{a.title}</Table.HeaderCell>
                    <Table.Cell>{a.owner ? person(a.owner) : <NotSet />}</Table.Cell>
                    <Table.Cell>{a.dueOn ? date(a.dueOn) : <NotSet />}</Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </div>
      )}
      {meeting.canManage && (
        <>
          <Heading level={3} data-size="xs" id="meeting-action-add-heading">
            {t('actions.addHeading')}
          </Heading>
          <FormErrorSummary
            fields={[
              { name: 'title', id: 'action-title', label: t('actions.title') },
              { name: 'ownerId', id: 'action-owner', label: t('actions.owner') },
              { name: 'dueOn', id: 'action-due', label: t('actions.due') },
            ]}
            {...form}
          />
          <form
            noValidate
            aria-labelledby="meeting-action-add-heading"
            onSubmit={(e) => void submit(e)}
            className="stack narrow"
          >
            <Textfield
              id="action-title"
              label={t('actions.title')}
              maxLength={300}
              autoComplete="off"
              value={values.title}
              error={form.errors.title}
              onChange={(e) => setValues((v) => ({ ...v, title: e.target.value }))}
            />
            <Field>
              <Label>{`${t('actions.owner')} ${tc('common.optional')}`}</Label>
              <Select
                id="action-owner"
                value={values.ownerId}
                aria-invalid={form.errors.ownerId ? true : undefined}
                onChange={(e) => setValues((v) => ({ ...v, ownerId: e.target.value }))}
              >
                <Select.Option value="">{t('actions.noOwner')}</Select.Option>
                {members.map((m) => (
                  <Select.Option key={m.user.id} value={m.user.id}>
                    {m.user.name}
                  </Select.Option>
                ))}
              </Select>
              {form.errors.ownerId && <ValidationMessage>{form.errors.ownerId}</ValidationMessage>}
            </Field>
            <Textfield
              id="action-due"
              type="date"
              label={`${t('actions.due')} ${tc('common.optional')}`}
              value={values.dueOn}
              error={form.errors.dueOn}
              onChange={(e) => setValues((v) => ({ ...v, dueOn: e.target.value }))}
            />
            <div>
              <Button type="submit" variant="secondary" loading={busy === 'add'}>
                {t('actions.add')}
              </Button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}

/** Conveners cancel a meeting (it stays listed, marked cancelled) or hold it after all. */
export function CancelMeeting({ meeting, onChanged }: { meeting: Meeting; onChanged: Changed }) {
  const { t } = useGroupLabels();
  const action = useAction();
  async function toggle() {
    const result: { meeting?: Meeting } = {};
    const ok = await action.run(
      async () => {
        result.meeting = await updateMeeting(meeting.id, { cancelled: !meeting.cancelled });
      },
      meeting.cancelled ? t('manageMeeting.reinstated') : t('manageMeeting.cancelled'),
    );
    if (ok && result.meeting) await onChanged(result.meeting);
  }
  return (
    <div className="stack">
      <ActionFeedback status={action.status} failure={action.failure} />
      <div>
        <Button
          variant="secondary"
          data-color={meeting.cancelled ? 'accent' : 'danger'}
          loading={action.busy}
          onClick={() => void toggle()}
        >
          {meeting.cancelled ? t('manageMeeting.reinstate') : t('manageMeeting.cancel')}
        </Button>
      </div>
    </div>
  );
}
