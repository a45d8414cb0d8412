import { useParams } from 'react-router';
import { Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { Group } from '../../shared/groups.ts';
import { EditDetails } from '../components/EditDetails.tsx';
import { CrossBorderView } from '../components/groups/CrossBorderView.tsx';
import { useGroupsChanged } from '../components/groups/groups-api.ts';
import { useGroupLabels } from '../components/groups/groups-labels.ts';
import { GroupForm } from '../components/groups/GroupForm.tsx';
import { GroupShell } from '../components/groups/GroupShell.tsx';
import { JoinSection } from '../components/groups/JoinSection.tsx';

/**
 * A working group: its purpose, conveners and my role; asking to join a public group; changing
 * it (conveners); and the cross-border view of who its members are and how active it is.
 */
export function GroupPage() {
  const { id = '' } = useParams();
  const { t } = useGroupLabels();
  return (
    <GroupShell groupId={id} heading={(group) => group?.name ?? t('group.title')}>
      {(group) => <GroupOverview group={group} />}
    </GroupShell>
  );
}

function GroupOverview({ group }: { group: Group }) {
  const { t, role, visibility, date } = useGroupLabels();
  const changed = useGroupsChanged();
  return (
    <>
      <ul className="tag-list" aria-label={t('group.tags')}>
        <li>
          <Tag data-color={group.visibility === 'private' ? 'warning' : 'info'}>
            {visibility(group.visibility)}
          </Tag>
        </li>
        {group.myRole && (
          <li>
            <Tag data-color="success">{t('group.yourRole', { role: role(group.myRole) })}</Tag>
          </li>
        )}
      </ul>
      <section aria-labelledby="group-purpose-heading" className="stack">
        <Heading level={2} data-size="sm" id="group-purpose-heading">
          {t('group.purpose')}
        </Heading>
        <Paragraph className="prose">{group.purpose || t('group.noPurpose')}</Paragraph>
      </section>
      <dl className="details-list">
        <dt>{t('group.conveners')}</dt>
        <dd>{group.conveners.map((c) => c.name).join(', ')}</dd>
        <dt>{t('group.members')}</dt>
        <dd>
          {t('list.membersCountries', {
            members: t('list.members', { count: group.members }),
            countries: t('list.countries', { count: group.countries }),
          })}
        </dd>
        <dt>{t('group.myRole')}</dt>
        <dd>{group.myRole ? role(group.myRole) : t('group.notAMember')}</dd>
        <dt>{t('group.created')}</dt>
        <dd>{date(group.createdAt)}</dd>
      </dl>
      <JoinSection group={group} />
      {group.canManage && (
        <EditDetails<Group>
          summary={t('group.edit')}
          changed={(saved) => changed({ group: saved })}
          form={(onSaved) => <GroupForm group={group} onSaved={onSaved} />}
        />
      )}
      <CrossBorderView group={group} />
    </>
  );
}
