import { useState, type FormEvent } from 'react';
import {
  Button,
  Field,
  Fieldset,
  Label,
  Select,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { MeetingCreate, MeetingUpdate, type Meeting } from '../../../shared/groups.ts';
import {
  isoToZonedTime,
  localTimeFromNow,
  timeZoneChoices,
  zonedTimeToIso,
} from '../../groups-time.ts';
import { fieldErrorsFromApi, fieldErrorsFromZod } from '../../validation.ts';
import { FormErrorSummary, useFormErrors } from '../FormErrorSummary.tsx';
import { createMeeting, updateMeeting } from './groups-api.ts';
import { useGroupLabels } from './groups-labels.ts';

const FIELDS = [
  'title',
  'description',
  'startsAt',
  'endsAt',
  'timeZone',
  'location',
  'onlineUrl',
  'agenda',
] as const;
type Field = (typeof FIELDS)[number];
const HOUR = 3_600_000;

/** An hour after a local time in a zone, as a local time in that zone. */
function hourLater(local: string, zone: string): string {
  const start = zonedTimeToIso(local, zone);
  return start
    ? isoToZonedTime(new Date(new Date(start).getTime() + HOUR).toISOString(), zone)
    : '';
}

/**
 * Plan a meeting (with its agenda) or change one: the times are wall-clock times in the time zone
 * chosen (the viewer's own at first) and are sent as instants with that zone's offset.
 */
export function MeetingForm({
  groupId,
  meeting,
  onSaved,
}: {
  groupId: string;
  meeting?: Meeting;
  onSaved: (meeting: Meeting) => Promise<void>;
}) {
  const { t: tc } = useTranslation();
  const { t, zone } = useGroupLabels();
  const creating = meeting === undefined;
  const prefix = creating ? 'meeting-new' : 'meeting-edit';
  const form = useFormErrors<Field>();
  const [values, setValues] = useState(() => {
    const timeZone = meeting?.timeZone ?? zone;
    const startsAt = meeting
      ? isoToZonedTime(meeting.startsAt, timeZone)
      : localTimeFromNow(new Date(), 7, timeZone);
    return {
      title: meeting?.title ?? '',
      description: meeting?.description ?? '',
      startsAt,
      endsAt: meeting ? isoToZonedTime(meeting.endsAt, timeZone) : hourLater(startsAt, timeZone),
      timeZone,
      location: meeting?.location ?? '',
      onlineUrl: meeting?.onlineUrl ?? '',
    };
  });
  const [agenda, setAgenda] = useState<{ title: string; notes: string }[]>([]);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<typeof values>) => setValues((v) => ({ ...v, ...patch }));
  const zones = timeZoneChoices([zone, values.timeZone]);

  function addItem() {
    setAgenda((a) => [...a, { title: '', notes: '' }]);
    const next = agenda.length + 1;
    requestAnimationFrame(() => document.getElementById(`${prefix}-agenda-${next}`)?.focus());
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const problems: Partial<Record<Field, string>> = {};
    const startsAt = zonedTimeToIso(values.startsAt, values.timeZone);
    const endsAt = zonedTimeToIso(values.endsAt, values.timeZone);
    if (!startsAt) problems.startsAt = t('meetings.timeMissing');
    if (!endsAt) problems.endsAt = t('meetings.timeMissing');
    else if (startsAt && new Date(endsAt) <= new Date(startsAt))
      problems.endsAt = t('meetings.endsBeforeStart');
    const items = agenda
      .map((a) => ({ title: a.title.trim(), notes: a.notes.trim() }))
      .filter((a) => a.title !== '' || a.notes !== '');
    if (items.some((a) => a.title === '')) problems.agenda = t('meetings.agendaTitleMissing');
    const body = {
      title: values.title,
      description: values.description,
      startsAt: startsAt ?? '',
      endsAt: endsAt ?? '',
      timeZone: values.timeZone,
      location: values.location.trim() === '' ? null : values.location.trim(),
      onlineUrl: values.onlineUrl.trim() === '' ? null : values.onlineUrl.trim(),
    };
    const parsed = creating
      ? MeetingCreate.safeParse({ ...body, agenda: items })
      : MeetingUpdate.safeParse(body);
    if (!parsed.success || Object.keys(problems).length > 0) {
      const found = parsed.success
        ? { fields: {}, other: null }
        : fieldErrorsFromZod(tc, parsed.error, FIELDS);
      form.show({ ...found.fields, ...problems }, found.other);
      return;
    }
    setBusy(true);
    try {
      const saved = creating
        ? await createMeeting(groupId, parsed.data as MeetingCreate)
        : await updateMeeting(meeting.id, parsed.data);
      form.clear();
      await onSaved(saved);
    } catch (error) {
      const { fields, other } = fieldErrorsFromApi(tc, error, FIELDS, {
        endsAt: t('meetings.endsBeforeStart'),
      });
      form.show(fields, other);
    } finally {
      setBusy(false);
    }
  }

  const err = (f: Field) => form.errors[f];
  return (
    <>
      <FormErrorSummary
        fields={[
          { name: 'title', id: `${prefix}-title`, label: t('meetings.titleField') },
          { name: 'description', id: `${prefix}-description`, label: t('meetings.description') },
          { name: 'startsAt', id: `${prefix}-starts`, label: t('meetings.startsAt') },
          { name: 'endsAt', id: `${prefix}-ends`, label: t('meetings.endsAt') },
          { name: 'timeZone', id: `${prefix}-zone`, label: t('meetings.timeZone') },
          { name: 'location', id: `${prefix}-location`, label: t('meetings.location') },
          { name: 'onlineUrl', id: `${prefix}-online`, label: t('meetings.onlineUrl') },
          { name: 'agenda', id: `${prefix}-agenda-1`, label: t('meetings.agenda') },
        ]}
        {...form}
      />
      <form noValidate onSubmit={(e) => void submit(e)} className="stack narrow">
        <Textfield
          id={`${prefix}-title`}
          label={t('meetings.titleField')}
          required
          maxLength={200}
          autoComplete="off"
          value={values.title}
          error={err('title')}
          onChange={(e) => set({ title: e.target.value })}
        />
        <Textfield
          id={`${prefix}-description`}
          label={`${t('meetings.description')} ${tc('common.optional')}`}
          multiline
          rows={3}
          maxLength={8000}
          value={values.description}
          error={err('description')}
          onChange={(e) => set({ description: e.target.value })}
        />
        <Fieldset>
          <Fieldset.Legend>{t('meetings.when')}</Fieldset.Legend>
          <Fieldset.Description>{t('meetings.whenHint')}</Fieldset.Description>
          <Field>
            <Label>{t('meetings.timeZone')}</Label>
            <Field.Description>{t('meetings.timeZoneHint', { zone })}</Field.Description>
            <Select
              id={`${prefix}-zone`}
              value={values.timeZone}
              aria-invalid={err('timeZone') ? true : undefined}
              onChange={(e) => set({ timeZone: e.target.value })}
            >
              {zones.map((z) => (
                <Select.Option key={z} value={z}>
                  {z}
                </Select.Option>
              ))}
            </Select>
            {err('timeZone') && <ValidationMessage>{err('timeZone')}</ValidationMessage>}
          </Field>
          <Textfield
            id={`${prefix}-starts`}
            type="datetime-local"
            label={t('meetings.startsAt')}
            value={values.startsAt}
            error={err('startsAt')}
            onChange={(e) => set({ startsAt: e.target.value })}
          />
          <Textfield
            id={`${prefix}-ends`}
            type="datetime-local"
            label={t('meetings.endsAt')}
            value={values.endsAt}
            error={err('endsAt')}
            onChange={(e) => set({ endsAt: e.target.value })}
          />
        </Fieldset>
        <Textfield
          id={`${prefix}-location`}
          label={`${t('meetings.location')} ${tc('common.optional')}`}
          description={t('meetings.locationHint')}
          maxLength={300}
          autoComplete="off"
          value={values.location}
          error={err('location')}
          onChange={(e) => set({ location: e.target.value })}
        />
        <Textfield
          id={`${prefix}-online`}
          type="url"
          label={`${t('meetings.onlineUrl')} ${tc('common.optional')}`}
          description={t('meetings.onlineUrlHint')}
          maxLength={2000}
          autoComplete="off"
          value={values.onlineUrl}
          error={err('onlineUrl')}
          onChange={(e) => set({ onlineUrl: e.target.value })}
        />
        {creating && (
          <Fieldset>
            <Fieldset.Legend>{t('meetings.agenda')}</Fieldset.Legend>
            <Fieldset.Description>{t('meetings.agendaHint')}</Fieldset.Description>
            {agenda.length > 0 && (
              <ol className="agenda-rows">
                {agenda.map((item, i) => (
                  <li key={i} className="stack">
                    <Textfield
                      id={`${prefix}-agenda-${i + 1}`}
                      label={t('meetings.agendaItem', { n: i + 1 })}
                      maxLength={300}
                      autoComplete="off"
                      value={item.title}
                      aria-invalid={err('agenda') && item.title.trim() === '' ? true : undefined}
                      onChange={(e) =>
                        setAgenda((a) =>
                          a.map((x, j) => (j === i ? { ...x, title: e.target.value } : x)),
                        )
                      }
                    />
                    <Textfield
                      id={`${prefix}-agenda-${i + 1}-notes`}
                      label={`${t('meetings.agendaNotes', { n: i + 1 })} ${tc('common.optional')}`}
                      multiline
                      rows={2}
                      maxLength={4000}
                      value={item.notes}
                      onChange={(e) =>
                        setAgenda((a) =>
                          a.map((x, j) => (j === i ? { ...x, notes: e.target.value } : x)),
                        )
                      }
                    />
                    <div>
                      <Button
                        type="button"
                        variant="tertiary"
                        data-size="sm"
                        aria-label={t('meetings.removeItemFor', { n: i + 1 })}
                        onClick={() => setAgenda((a) => a.filter((_, j) => j !== i))}
                      >
                        {t('meetings.removeItem')}
                      </Button>
                    </div>
                  </li>
                ))}
              </ol>
            )}
            {err('agenda') && <ValidationMessage>{err('agenda')}</ValidationMessage>}
            <div>
              <Button type="button" variant="secondary" data-size="sm" onClick={addItem}>
                {t('meetings.addItem')}
              </Button>
            </div>
          </Fieldset>
        )}
        <div>
          <Button type="submit" loading={busy}>
            {creating ? t('meetings.plan') : t('meetings.saveChanges')}
          </Button>
        </div>
      </form>
    </>
  );
}
