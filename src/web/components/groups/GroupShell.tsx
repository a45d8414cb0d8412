import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { Paragraph } from '@digdir/designsystemet-react';
import type { Group } from '../../../shared/groups.ts';
import { usePageTitle } from '../../pageTitle.ts';
import { AppLink } from '../AppLink.tsx';
import { HavensLoadState } from '../havens/HavensLoadState.tsx';
import { PageHeading } from '../PageHeading.tsx';
import { useGroup } from './groups-api.ts';
import { useGroupsTranslation, type GroupsKey } from './groups-i18n.ts';
import './groups.css';

const SECTIONS: readonly { path: string; key: GroupsKey }[] = [
  { path: '', key: 'nav.overview' },
  { path: '/threads', key: 'nav.threads' },
  { path: '/decisions', key: 'nav.decisions' },
  { path: '/meetings', key: 'nav.meetings' },
  { path: '/library', key: 'nav.library' },
  { path: '/members', key: 'nav.members' },
];

/**
 * The frame of every page of a working group: the page's heading and title, the way back to all
 * groups, "not found" (also for a private group the viewer is not in: the API answers 404), and
 * the group's sections as a list of links, the current one marked.
 */
export function GroupShell({
  groupId,
  heading,
  children,
}: {
  groupId: string;
  /** The page's heading, once the group (or not yet) has loaded. */
  heading: (group: Group | undefined) => string;
  children: (group: Group) => ReactNode;
}) {
  const { t } = useGroupsTranslation();
  const query = useGroup(groupId);
  const group = query.data;
  const title = heading(group);
  usePageTitle(title);
  return (
    <div className="stack">
      <PageHeading>{title}</PageHeading>
      <Paragraph>
        <AppLink to="/groups">{t('group.backToGroups')}</AppLink>
      </Paragraph>
      <HavensLoadState query={query} notFound={t('group.notFound')} />
      {group && (
        <>
          <nav aria-label={t('nav.label', { name: group.name })} className="group-nav">
            <ul>
              {SECTIONS.map((s) => (
                <li key={s.key}>
                  <NavLink to={`/groups/${group.id}${s.path}`} end={s.path === ''}>
                    {t(s.key)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          {children(group)}
        </>
      )}
    </div>
  );
}
