import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { Space } from '../../shared/havens.ts';
import { SPACE_ROLES, SPACE_VISIBILITIES } from '../../shared/havens.ts';
import { AppLink } from '../components/AppLink.tsx';
import { useSpaces } from '../components/havens/havens-api.ts';
import { useHavensTranslation } from '../components/havens/havens-i18n.ts';
import { SpaceCreateForm } from '../components/havens/SpaceCreateForm.tsx';
import { LoadError } from '../components/LoadError.tsx';
import { Loading } from '../components/Loading.tsx';
import { NotSet } from '../components/NotSet.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { useLabels } from '../case-labels.ts';
import { usePageTitle } from '../pageTitle.ts';
import { useSession } from '../session.ts';

/** The spaces I may see (public, transparent, and private ones I belong to); open a new one. */
export function SpacesPage() {
  const { t } = useHavensTranslation();
  usePageTitle(t('spaces.title'));
  const { user, isLoading } = useSession();
  const spaces = useSpaces();

  return (
    <div className="stack">
      <PageHeading>{t('spaces.title')}</PageHeading>
      <Paragraph className="prose">{t('spaces.lead')}</Paragraph>
      <ul className="action-links">
        <li>
          <AppLink to="/lessons">{t('spaces.lessonsLink')}</AppLink>
        </li>
        {user && (
          <li>
            <AppLink to="/invitations">{t('spaces.invitationsLink')}</AppLink>
          </li>
        )}
      </ul>

      <section aria-labelledby="spaces-list-heading" className="stack section">
        <Heading level={2} data-size="sm" id="spaces-list-heading">
          {t('spaces.listHeading')}
        </Heading>
        {spaces.isPending && <Loading />}
        {spaces.isError && <LoadError error={spaces.error} onRetry={() => void spaces.refetch()} />}
        {spaces.data && spaces.data.length === 0 && <Paragraph>{t('spaces.none')}</Paragraph>}
        {spaces.data && spaces.data.length > 0 && <SpaceTable spaces={spaces.data} />}
      </section>

      {user && <SpaceCreateForm />}
      {!user && !isLoading && (
        <Paragraph>
          <AppLink to={`/sign-in?next=${encodeURIComponent('/spaces')}`}>
            {t('spaces.signInToOpen')}
          </AppLink>
        </Paragraph>
      )}
    </div>
  );
}

function SpaceTable({ spaces }: { spaces: Space[] }) {
  const { t } = useHavensTranslation();
  const labels = useLabels();
  return (
    <div className="table-scroll">
      <Table zebra border>
        <caption className="visually-hidden">{t('spaces.tableCaption')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('spaces.colName')}</Table.HeaderCell>
            <Table.HeaderCell>{t('spaces.colVisibility')}</Table.HeaderCell>
            <Table.HeaderCell>{t('spaces.colOrganisation')}</Table.HeaderCell>
            <Table.HeaderCell>{t('spaces.colRole')}</Table.HeaderCell>
            <Table.HeaderCell className="numeric">{t('spaces.colMembers')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {spaces.map((space) => (
            <Table.Row key={space.id}>
              <Table.HeaderCell scope="row">
                <AppLink to={`/spaces/${space.id}`}>{space.name}</AppLink>
              </Table.HeaderCell>
              <Table.Cell>{labels.label(SPACE_VISIBILITIES, space.visibility)}</Table.Cell>
              <Table.Cell>{space.organisation?.name ?? <NotSet />}</Table.Cell>
              <Table.Cell>
                {space.myRole ? labels.label(SPACE_ROLES, space.myRole) : <NotSet />}
              </Table.Cell>
              <Table.Cell className="numeric">{space.members}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
