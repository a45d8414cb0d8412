import { useParams } from 'react-router';
import { Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { SPACE_ROLES, SPACE_VISIBILITIES, type Space } from '../../shared/havens.ts';
import { AppLink } from '../components/AppLink.tsx';
import { AccessLogSection } from '../components/havens/AccessLogSection.tsx';
import { useSpace } from '../components/havens/havens-api.ts';
import { useHavensTranslation } from '../components/havens/havens-i18n.ts';
import { HavensLoadState } from '../components/havens/HavensLoadState.tsx';
import { SpaceExperiments } from '../components/havens/SpaceExperiments.tsx';
import { SpaceInvitations } from '../components/havens/SpaceInvitations.tsx';
import { SpaceMembers } from '../components/havens/SpaceMembers.tsx';
import { NotSet } from '../components/NotSet.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { useLabels } from '../case-labels.ts';
import { formatDate } from '../format.ts';
import { usePageTitle } from '../pageTitle.ts';
import { useSession } from '../session.ts';

/** A space: what it is, its experiments, its members; owners also manage invitations and read the access log. */
export function SpacePage() {
  const { id = '' } = useParams();
  const { t } = useHavensTranslation();
  const query = useSpace(id);
  const space = query.data;
  usePageTitle(space?.name ?? t('space.title'));

  return (
    <div className="stack">
      <PageHeading>{space?.name ?? t('space.title')}</PageHeading>
      <Paragraph>
        <AppLink to="/spaces">{t('space.backToSpaces')}</AppLink>
      </Paragraph>
      <HavensLoadState query={query} notFound={t('space.notFound')} />
      {space && <SpaceContent space={space} />}
    </div>
  );
}

function SpaceContent({ space }: { space: Space }) {
  const { t, lang } = useHavensTranslation();
  const labels = useLabels();
  const { user } = useSession();

  return (
    <>
      {space.myRole && (
        <div>
          <Tag data-color="success">
            {t('space.yourRole', { role: labels.label(SPACE_ROLES, space.myRole) })}
          </Tag>
        </div>
      )}
      <dl className="details-list">
        <dt>{t('space.visibility')}</dt>
        <dd>{labels.label(SPACE_VISIBILITIES, space.visibility)}</dd>
        <dt>{t('space.organisation')}</dt>
        <dd>
          {space.organisation ? (
            <AppLink to={`/organisations/${space.organisation.id}`}>
              {space.organisation.name}
            </AppLink>
          ) : (
            <NotSet />
          )}
        </dd>
        <dt>{t('space.members')}</dt>
        <dd>{t('space.memberCount', { count: space.members })}</dd>
        <dt>{t('space.created')}</dt>
        <dd>{formatDate(space.createdAt, lang)}</dd>
      </dl>
      <section aria-labelledby="space-description-heading" className="stack">
        <Heading level={2} data-size="sm" id="space-description-heading">
          {t('space.description')}
        </Heading>
        <Paragraph className="prose">{space.description || t('space.noDescription')}</Paragraph>
      </section>

      <SpaceExperiments space={space} />
      <SpaceMembers space={space} user={user} />
      {space.canManage && <SpaceInvitations space={space} />}
      {space.canManage && <AccessLogSection spaceId={space.id} />}
    </>
  );
}
