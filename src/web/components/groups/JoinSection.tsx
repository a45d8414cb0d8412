import { useRef, useState, type FormEvent } from 'react';
import { useLocation } from 'react-router';
import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { GroupJoinRequestCreate, type Group } from '../../../shared/groups.ts';
import { ApiError } from '../../api.ts';
import { useSession, withNext } from '../../session.ts';
import { fieldErrorsFromApi, fieldErrorsFromZod } from '../../validation.ts';
import { AppLink } from '../AppLink.tsx';
import { FormErrorSummary, useFormErrors } from '../FormErrorSummary.tsx';
import { StatusMessage } from '../StatusMessage.tsx';
import { requestToJoinGroup, useGroupsChanged } from './groups-api.ts';
import { useGroupLabels } from './groups-labels.ts';
import { MembershipFields } from './MembershipFields.tsx';

const FIELDS = ['affiliation', 'country', 'message'] as const;
type Field = (typeof FIELDS)[number];

/**
 * For someone who is not a member of a public group: ask to join (saying where they come from,
 * with a message for the conveners), or read that they have asked; signed out, a way to sign in.
 */
export function JoinSection({ group }: { group: Group }) {
  const { t: tc } = useTranslation();
  const { t } = useGroupLabels();
  const { user } = useSession();
  const location = useLocation();
  const changed = useGroupsChanged();
  const form = useFormErrors<Field>();
  const [values, setValues] = useState({ affiliation: '', country: '', message: '' });
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  if (group.myRole !== null || group.visibility !== 'public') return null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const parsed = GroupJoinRequestCreate.safeParse(values);
    if (!parsed.success) {
      const { fields, other } = fieldErrorsFromZod(tc, parsed.error, FIELDS);
      form.show(fields, other);
      return;
    }
    setBusy(true);
    try {
      await requestToJoinGroup(group.id, parsed.data);
      form.clear();
      setStatus(t('join.sent'));
      await changed();
      headingRef.current?.focus();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'already_requested') {
        form.show({}, t('join.alreadyRequested'));
        await changed();
      } else {
        const { fields, other } = fieldErrorsFromApi(tc, error, FIELDS);
        form.show(fields, other);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="group-join-heading" className="stack section">
      <Heading level={2} data-size="sm" id="group-join-heading" ref={headingRef} tabIndex={-1}>
        {t('join.heading')}
      </Heading>
      <StatusMessage message={status} />
      {!user ? (
        <Paragraph>
          <AppLink to={withNext('/sign-in', location.pathname)}>{t('join.signIn')}</AppLink>
        </Paragraph>
      ) : group.requested ? (
        <Paragraph>{t('join.requested')}</Paragraph>
      ) : (
        <>
          <Paragraph>{t('join.lead')}</Paragraph>
          <FormErrorSummary
            fields={[
              {
                name: 'affiliation',
                id: 'group-join-affiliation',
                label: t('membership.affiliation'),
              },
              { name: 'country', id: 'group-join-country', label: t('membership.country') },
              { name: 'message', id: 'group-join-message', label: t('join.message') },
            ]}
            {...form}
          />
          <form noValidate onSubmit={(e) => void submit(e)} className="stack narrow">
            <MembershipFields
              idPrefix="group-join"
              values={values}
              errors={form.errors}
              onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
            />
            <Textfield
              id="group-join-message"
              label={`${t('join.message')} ${tc('common.optional')}`}
              description={t('join.messageHint')}
              multiline
              rows={3}
              maxLength={2000}
              value={values.message}
              error={form.errors.message}
              onChange={(e) => setValues((v) => ({ ...v, message: e.target.value }))}
            />
            <div>
              <Button type="submit" loading={busy}>
                {t('join.submit')}
              </Button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}
