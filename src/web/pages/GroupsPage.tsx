import { Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { GroupSummary } from '../../shared/groups.ts';
import { AppLink } from '../components/AppLink.tsx';
import { useGroups } from '../components/groups/groups-api.ts';
import { useGroupLabels } from '../components/groups/groups-labels.ts';
import { LoadError } from '../components/LoadError.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { usePageTitle } from '../pageTitle.ts';
import { useSession } from '../session.ts';
import '../components/groups/groups.css';

/** The working groups I may see: mine first, then the public ones; open a new one. */
export function GroupsPage() {
  const { t } = useGroupLabels();
  usePageTitle(t('list.title'));
  const { user } = useSession();
  const query = useGroups();
  const mine = (query.data ?? []).filter((g) => g.myRole !== null);
  const others = (query.data ?? []).filter((g) => g.myRole === null);

  return (
    <div className="stack">
      <PageHeading>{t('list.title')}</PageHeading>
      <Paragraph className="prose">{t('list.lead')}</Paragraph>
      <ul className="action-links">
        <li>
          <AppLink to="/groups/new">{t('list.create')}</AppLink>
        </li>
        {user && (
          <li>
            <AppLink to="/invitations">{t('list.invitations')}</AppLink>
          </li>
        )}
      </ul>
      {query.isPending && <Loading />}
      {query.isError && <LoadError error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && (
        <>
          {user && (
            <GroupSection
              id="groups-mine-heading"
              heading={t('list.mine')}
              groups={mine}
              empty={t('list.noneMine')}
            />
          )}
          <GroupSection
            id="groups-others-heading"
            heading={user ? t('list.others') : t('list.all')}
            groups={others}
            empty={t('list.noneOthers')}
          />
        </>
      )}
    </div>
  );
}

function GroupSection({
  id,
  heading,
  groups,
  empty,
}: {
  id: string;
  heading: string;
  groups: GroupSummary[];
  empty: string;
}) {
  return (
    <section aria-labelledby={id} className="stack section">
      <Heading level={2} data-size="sm" id={id}>
        {heading}
      </Heading>
      {groups.length === 0 ? (
        <Paragraph>{empty}</Paragraph>
      ) : (
        <ul className="case-hits" aria-labelledby={id}>
          {groups.map((g) => (
            <GroupHit key={g.id} group={g} />
          ))}
        </ul>
      )}
    </section>
  );
}

function GroupHit({ group }: { group: GroupSummary }) {
  const { t, role, visibility } = useGroupLabels();
  return (
    <li className="case-hit">
      <Heading level={3} data-size="xs" className="case-hit-title">
        <AppLink to={`/groups/${group.id}`}>{group.name}</AppLink>
      </Heading>
      <ul className="tag-list" aria-label={t('list.about', { name: group.name })}>
        <li>
          <Tag data-color={group.visibility === 'private' ? 'warning' : 'info'} data-size="sm">
            {visibility(group.visibility)}
          </Tag>
        </li>
        {group.myRole && (
          <li>
            <Tag data-color="success" data-size="sm">
              {t('group.yourRole', { role: role(group.myRole) })}
            </Tag>
          </li>
        )}
      </ul>
      <Paragraph data-size="sm">
        {t('list.membersCountries', {
          members: t('list.members', { count: group.members }),
          countries: t('list.countries', { count: group.countries }),
        })}
      </Paragraph>
      {group.purpose && (
        <Paragraph data-size="sm" className="case-hit-text group-purpose-excerpt">
          {group.purpose.length > 280 ? `${group.purpose.slice(0, 279)}…` : group.purpose}
        </Paragraph>
      )}
    </li>
  );
}
