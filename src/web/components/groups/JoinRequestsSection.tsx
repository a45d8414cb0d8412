import { useRef } from 'react';
import { Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { Group } from '../../../shared/groups.ts';
import { ActionFeedback, useAction } from '../ActionFeedback.tsx';
import { LoadError } from '../LoadError.tsx';
import { Loading } from '../Loading.tsx';
import { NotSet } from '../NotSet.tsx';
import { decideGroupJoinRequest, useGroupJoinRequests, useGroupsChanged } from './groups-api.ts';
import type { GroupJoinRequest } from './groups-api.ts';
import { useGroupLabels } from './groups-labels.ts';

/** Conveners accept or decline requests to join, seeing where each person comes from. */
export function JoinRequestsSection({ group }: { group: Group }) {
  const { t, affiliation, country, date } = useGroupLabels();
  const changed = useGroupsChanged();
  const requests = useGroupJoinRequests(group.id, true);
  const action = useAction();
  const headingRef = useRef<HTMLHeadingElement>(null);

  async function decide(request: GroupJoinRequest, accept: boolean) {
    const ok = await action.run(
      () => decideGroupJoinRequest(group.id, request.id, accept),
      accept
        ? t('requests.accepted', { name: request.user.name })
        : t('requests.declined', { name: request.user.name }),
    );
    if (ok) {
      await changed();
      headingRef.current?.focus();
    }
  }

  return (
    <section aria-labelledby="group-requests-heading" className="stack section">
      <Heading level={2} data-size="sm" id="group-requests-heading" ref={headingRef} tabIndex={-1}>
        {t('requests.heading')}
      </Heading>
      <ActionFeedback status={action.status} failure={action.failure} />
      {requests.isPending && <Loading />}
      {requests.isError && (
        <LoadError error={requests.error} onRetry={() => void requests.refetch()} />
      )}
      {requests.data && requests.data.length === 0 && <Paragraph>{t('requests.none')}</Paragraph>}
      {requests.data && requests.data.length > 0 && (
        <div className="table-scroll">
          <Table zebra border>
            <caption className="visually-hidden">{t('requests.heading')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('members.colName')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('members.colAffiliation')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('members.colCountry')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('requests.colMessage')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('requests.colDate')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('members.colActions')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {requests.data.map((request) => (
                <Table.Row key={request.id}>
                  <Table.HeaderCell scope="row">{request.user.name}</Table.HeaderCell>
                  <Table.Cell>{affiliation(request.affiliation)}</Table.Cell>
                  <Table.Cell>{country(request.country)}</Table.Cell>
                  <Table.Cell className="prose">{request.message || <NotSet />}</Table.Cell>
                  <Table.Cell>{date(request.createdAt)}</Table.Cell>
                  <Table.Cell>
                    <div className="row-actions">
                      <Button
                        data-size="sm"
                        loading={action.busy}
                        aria-label={t('requests.acceptFor', { name: request.user.name })}
                        onClick={() => void decide(request, true)}
                      >
                        {t('requests.accept')}
                      </Button>
                      <Button
                        data-size="sm"
                        variant="secondary"
                        aria-label={t('requests.declineFor', { name: request.user.name })}
                        onClick={() => void decide(request, false)}
                      >
                        {t('requests.decline')}
                      </Button>
                    </div>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}
