import { useParams } from 'react-router';
import type { Me } from '../../shared/accounts.ts';
import type { Group, GroupMember } from '../../shared/groups.ts';
import { EditDetails } from '../components/EditDetails.tsx';
import { useGroupMembers, useGroupsChanged } from '../components/groups/groups-api.ts';
import { useGroupLabels } from '../components/groups/groups-labels.ts';
import { GroupShell } from '../components/groups/GroupShell.tsx';
import { InvitationsSection } from '../components/groups/InvitationsSection.tsx';
import { JoinRequestsSection } from '../components/groups/JoinRequestsSection.tsx';
import { MembersSection } from '../components/groups/MembersSection.tsx';
import { MyMembershipForm } from '../components/groups/MyMembershipForm.tsx';
import { useSession } from '../session.ts';

/**
 * The members of a working group, with affiliation and country. Members change their own details
 * and may leave; conveners also change roles, remove members, invite by e-mail and answer
 * requests to join.
 */
export function GroupMembersPage() {
  const { id = '' } = useParams();
  const { t } = useGroupLabels();
  const { user } = useSession();
  return (
    <GroupShell
      groupId={id}
      heading={(group) => (group ? t('members.title', { name: group.name }) : t('group.title'))}
    >
      {(group) => <MembersContent group={group} user={user} />}
    </GroupShell>
  );
}

function MembersContent({ group, user }: { group: Group; user: Me | null }) {
  const { t } = useGroupLabels();
  const changed = useGroupsChanged();
  const members = useGroupMembers(group.id);
  const me = members.data?.find((m) => m.user.id === user?.id);
  return (
    <>
      <MembersSection group={group} user={user} />
      {me && (
        <EditDetails<GroupMember[]>
          summary={t('members.editMine')}
          changed={() => changed()}
          form={(onSaved) => <MyMembershipForm groupId={group.id} me={me} onSaved={onSaved} />}
        />
      )}
      {group.canManage && <InvitationsSection group={group} />}
      {group.canManage && <JoinRequestsSection group={group} />}
    </>
  );
}
