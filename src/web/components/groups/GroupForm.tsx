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
  GROUP_VISIBILITIES,
  GroupCreate,
  GroupUpdate,
  type Group,
} from '../../../shared/groups.ts';
import { fieldErrorsFromApi, fieldErrorsFromZod } from '../../validation.ts';
import { FormErrorSummary, useFormErrors } from '../FormErrorSummary.tsx';
import { createGroup, updateGroup } from './groups-api.ts';
import { useGroupLabels } from './groups-labels.ts';
import { MembershipFields } from './MembershipFields.tsx';

const FIELDS = ['name', 'purpose', 'visibility', 'affiliation', 'country'] as const;
type Field = (typeof FIELDS)[number];

/**
 * Open a working group (without `group`: with my own affiliation and country, as I become its
 * convener), or change its name, purpose and visibility.
 */
export function GroupForm({
  group,
  onSaved,
}: {
  group?: Group;
  onSaved: (group: Group) => void | Promise<void>;
}) {
  const { t: tc } = useTranslation();
  const { t, visibility: visibilityLabel } = useGroupLabels();
  const form = useFormErrors<Field>();
  const creating = group === undefined;
  const [name, setName] = useState(group?.name ?? '');
  const [purpose, setPurpose] = useState(group?.purpose ?? '');
  const [visibility, setVisibility] = useState<string>(group?.visibility ?? 'public');
  const [membership, setMembership] = useState({ affiliation: '', country: '' });
  const [busy, setBusy] = useState(false);
  const prefix = creating ? 'group-new' : 'group-edit';

  const summaryFields = [
    { name: 'name' as const, id: `${prefix}-name`, label: t('form.name') },
    { name: 'purpose' as const, id: `${prefix}-purpose`, label: t('form.purpose') },
    {
      name: 'visibility' as const,
      id: `${prefix}-visibility-public`,
      label: t('form.visibility'),
    },
    ...(creating
      ? [
          {
            name: 'affiliation' as const,
            id: `${prefix}-affiliation`,
            label: t('membership.affiliation'),
          },
          { name: 'country' as const, id: `${prefix}-country`, label: t('membership.country') },
        ]
      : []),
  ];

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    let send: () => Promise<Group>;
    if (creating) {
      const parsed = GroupCreate.safeParse({ name, purpose, visibility, ...membership });
      if (!parsed.success) {
        const { fields, other } = fieldErrorsFromZod(tc, parsed.error, FIELDS);
        form.show(fields, other);
        return;
      }
      send = () => createGroup(parsed.data);
    } else {
      const parsed = GroupUpdate.safeParse({ name, purpose, visibility });
      if (!parsed.success) {
        const { fields, other } = fieldErrorsFromZod(tc, parsed.error, FIELDS);
        form.show(fields, other);
        return;
      }
      send = () => updateGroup(group.id, parsed.data);
    }
    setBusy(true);
    try {
      const saved = await send();
      form.clear();
      await onSaved(saved);
    } catch (error) {
      const { fields, other } = fieldErrorsFromApi(tc, error, FIELDS);
      form.show(fields, other);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <FormErrorSummary fields={summaryFields} {...form} />
      <form noValidate onSubmit={(e) => void submit(e)} className="stack narrow">
        <Textfield
          id={`${prefix}-name`}
          label={t('form.name')}
          description={t('form.nameHint')}
          required
          maxLength={200}
          autoComplete="off"
          value={name}
          error={form.errors.name}
          onChange={(e) => setName(e.target.value)}
        />
        <Textfield
          id={`${prefix}-purpose`}
          label={`${t('form.purpose')} ${tc('common.optional')}`}
          description={t('form.purposeHint')}
          multiline
          rows={5}
          maxLength={8000}
          value={purpose}
          error={form.errors.purpose}
          onChange={(e) => setPurpose(e.target.value)}
        />
        <Fieldset>
          <Fieldset.Legend>{t('form.visibility')}</Fieldset.Legend>
          <Fieldset.Description>{t('form.visibilityHint')}</Fieldset.Description>
          {GROUP_VISIBILITIES.values.map((v) => (
            <Radio
              key={v}
              id={`${prefix}-visibility-${v}`}
              name={`${prefix}-visibility`}
              value={v}
              label={visibilityLabel(v)}
              checked={visibility === v}
              onChange={() => setVisibility(v)}
            />
          ))}
          {form.errors.visibility && (
            <ValidationMessage>{form.errors.visibility}</ValidationMessage>
          )}
        </Fieldset>
        {creating && (
          <Fieldset>
            <Fieldset.Legend>{t('form.aboutMe')}</Fieldset.Legend>
            <Fieldset.Description>{t('form.aboutMeHint')}</Fieldset.Description>
            <MembershipFields
              idPrefix={prefix}
              values={membership}
              errors={form.errors}
              onChange={(patch) => setMembership((m) => ({ ...m, ...patch }))}
            />
          </Fieldset>
        )}
        <div>
          <Button type="submit" loading={busy}>
            {creating ? t('form.create') : t('form.save')}
          </Button>
        </div>
      </form>
    </>
  );
}
