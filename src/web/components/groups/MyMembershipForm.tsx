import { useState, type FormEvent } from 'react';
import { Button } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { GroupMemberUpdate, type GroupMember } from '../../../shared/groups.ts';
import { fieldErrorsFromApi, fieldErrorsFromZod } from '../../validation.ts';
import { FormErrorSummary, useFormErrors } from '../FormErrorSummary.tsx';
import { updateGroupMember } from './groups-api.ts';
import { useGroupLabels } from './groups-labels.ts';
import { MembershipFields } from './MembershipFields.tsx';

const FIELDS = ['affiliation', 'country'] as const;

/** A member changes where they come from: their own affiliation and country in the group. */
export function MyMembershipForm({
  groupId,
  me,
  onSaved,
}: {
  groupId: string;
  me: GroupMember;
  onSaved: (members: GroupMember[]) => Promise<void>;
}) {
  const { t: tc } = useTranslation();
  const { t } = useGroupLabels();
  const form = useFormErrors<(typeof FIELDS)[number]>();
  const [values, setValues] = useState<{ affiliation: string; country: string }>({
    affiliation: me.affiliation,
    country: me.country,
  });
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const parsed = GroupMemberUpdate.safeParse(values);
    if (!parsed.success) {
      const { fields, other } = fieldErrorsFromZod(tc, parsed.error, FIELDS);
      form.show(fields, other);
      return;
    }
    setBusy(true);
    try {
      const members = await updateGroupMember(groupId, me.user.id, parsed.data);
      form.clear();
      await onSaved(members);
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
        fields={[
          { name: 'affiliation', id: 'group-me-affiliation', label: t('membership.affiliation') },
          { name: 'country', id: 'group-me-country', label: t('membership.country') },
        ]}
        {...form}
      />
      <form noValidate onSubmit={(e) => void submit(e)} className="stack narrow">
        <MembershipFields
          idPrefix="group-me"
          values={values}
          errors={form.errors}
          onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
        />
        <div>
          <Button type="submit" loading={busy}>
            {t('members.saveMine')}
          </Button>
        </div>
      </form>
    </>
  );
}
