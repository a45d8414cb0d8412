import { useRef, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Heading, Link, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { JoinRequestCreate, type Organisation } from '../../shared/organisations.ts';
import { ApiError, requestToJoin } from '../api.ts';
import { AdoptionSuggestions } from '../components/AdoptionSuggestions.tsx';
import { AppLink } from '../components/AppLink.tsx';
import { CapacitySection } from '../components/exchange/CapacitySection.tsx';
import { FacilitationProfile } from '../components/initiatives/FacilitationProfile.tsx';
import { useNeedsTranslation } from '../components/needs/needs-i18n.ts';
import { FormErrorSummary, useFormErrors } from '../components/FormErrorSummary.tsx';
import { PremoderationSection } from '../components/moderation/PremoderationSection.tsx';
import { NotSet } from '../components/NotSet.tsx';
import { OrganisationLoadState } from '../components/OrganisationLoadState.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { StatusMessage } from '../components/StatusMessage.tsx';
import { countryName, safeHttpUrl } from '../format.ts';
import { usePageTitle } from '../pageTitle.ts';
import { canManage, organisationKey, useOrganisation } from '../queries.ts';
import { useSession } from '../session.ts';
import { fieldErrorsFromApi, fieldErrorsFromZod } from '../validation.ts';
import { kindLabel, levelLabel, roleLabel, sectorLabel } from '../vocab.ts';

export function OrganisationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const query = useOrganisation(id);
  const org = query.data;
  usePageTitle(org?.name ?? t('organisation.title'));

  return (
    <div className="stack">
      <PageHeading>{org?.name ?? t('organisation.title')}</PageHeading>
      <OrganisationLoadState query={query} />
      {org && <OrganisationDetails org={org} />}
    </div>
  );
}

function OrganisationDetails({ org }: { org: Organisation }) {
  const { t, i18n } = useTranslation();
  const { t: tn } = useNeedsTranslation();
  const { user } = useSession();
  const website = safeHttpUrl(org.website);
  const manager = canManage(org, user);

  return (
    <>
      {org.myRole && (
        <div>
          <Tag data-color="success">
            {t('organisation.yourRole', { role: roleLabel(t, org.myRole) })}
          </Tag>
        </div>
      )}
      <dl className="details-list">
        <dt>{t('organisation.kind')}</dt>
        <dd>{kindLabel(t, org.kind)}</dd>
        <dt>{t('organisation.country')}</dt>
        <dd>{countryName(org.country, i18n.language)}</dd>
        {org.kind === 'public_body' && (
          <>
            <dt>{t('organisation.level')}</dt>
            <dd>{org.level ? levelLabel(t, org.level) : <NotSet />}</dd>
          </>
        )}
        <dt>{t('organisation.sector')}</dt>
        <dd>{org.sector ? sectorLabel(t, org.sector) : <NotSet />}</dd>
        <dt>{t('organisation.website')}</dt>
        <dd>
          {website ? (
            <Link href={website} rel="noopener noreferrer">
              {website}
            </Link>
          ) : (
            <NotSet />
          )}
        </dd>
        <dt>{t('organisation.membersLabel')}</dt>
        <dd>{t('organisation.members', { count: org.memberCount })}</dd>
      </dl>

      <section aria-labelledby="org-description" className="stack">
        <Heading level={2} data-size="sm" id="org-description">
          {t('organisation.description')}
        </Heading>
        {org.description ? (
          <Paragraph className="prose">{org.description}</Paragraph>
        ) : (
          <Paragraph>{t('organisation.noDescription')}</Paragraph>
        )}
      </section>

      <ul className="action-links">
        {manager && (
          <li>
            <AppLink to={`/organisations/${org.id}/edit`}>{t('organisation.edit')}</AppLink>
          </li>
        )}
        <li>
          <AppLink to={`/organisations/${org.id}/members`}>
            {manager ? t('organisation.manageMembers') : t('organisation.viewMembers')}
          </AppLink>
        </li>
        <li>
          <AppLink to={`/responsiveness?organisation=${org.id}`}>
            {tn('responsiveness.organisationPageLink')}
          </AppLink>
        </li>
      </ul>

      <AdoptionSuggestions organisationId={org.id} />

      {org.kind === 'public_body' && <FacilitationProfile organisationId={org.id} />}

      <CapacitySection organisationId={org.id} name={org.name} />

      {(org.myRole === 'owner' || org.myRole === 'admin') && (
        <PremoderationSection organisationId={org.id} />
      )}

      {!org.myRole && <JoinSection org={org} signedIn={user !== null} />}
    </>
  );
}

const JOIN_FIELDS = ['message'] as const;

function JoinSection({ org, signedIn }: { org: Organisation; signedIn: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useFormErrors<(typeof JOIN_FIELDS)[number]>();
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const parsed = JoinRequestCreate.safeParse({ message });
    if (!parsed.success) {
      const { fields, other } = fieldErrorsFromZod(t, parsed.error, JOIN_FIELDS);
      form.show(fields, other);
      return;
    }
    setBusy(true);
    try {
      await requestToJoin(org.id, parsed.data);
      form.clear();
      setStatus(t('organisation.joinSent'));
      await queryClient.invalidateQueries({ queryKey: organisationKey(org.id), exact: true });
      // The form is gone now; keep focus in this section.
      headingRef.current?.focus();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'request_pending') {
        form.show({}, t('organisation.joinPending'));
      } else {
        const { fields, other } = fieldErrorsFromApi(t, error, JOIN_FIELDS);
        form.show(fields, other);
      }
    } finally {
      setBusy(false);
    }
  }

  let body;
  if (!signedIn) {
    body = (
      <Paragraph>
        <AppLink to={`/sign-in?next=${encodeURIComponent(`/organisations/${org.id}`)}`}>
          {t('organisation.joinSignIn')}
        </AppLink>
      </Paragraph>
    );
  } else if (org.myJoinRequestPending) {
    body = status ? null : <Paragraph>{t('organisation.joinPending')}</Paragraph>;
  } else {
    body = (
      <>
        <Paragraph>{t('organisation.joinLead')}</Paragraph>
        <FormErrorSummary
          fields={[{ name: 'message', id: 'join-message', label: t('organisation.joinMessage') }]}
          {...form}
        />
        <form noValidate onSubmit={(e) => void onSubmit(e)} className="stack narrow">
          <Textfield
            id="join-message"
            label={`${t('organisation.joinMessage')} ${t('common.optional')}`}
            multiline
            rows={3}
            value={message}
            error={form.errors.message}
            onChange={(e) => setMessage(e.target.value)}
          />
          <div>
            <Button type="submit" loading={busy}>
              {t('organisation.joinSubmit')}
            </Button>
          </div>
        </form>
      </>
    );
  }

  return (
    <section aria-labelledby="org-join" className="stack section">
      <Heading level={2} data-size="sm" id="org-join" ref={headingRef} tabIndex={-1}>
        {t('organisation.joinHeading')}
      </Heading>
      {body}
      <StatusMessage message={status} />
    </section>
  );
}
