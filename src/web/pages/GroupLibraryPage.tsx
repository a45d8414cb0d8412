import { useRef } from 'react';
import { useParams } from 'react-router';
import { Button, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { Group, LibraryItem } from '../../shared/groups.ts';
import { ActionFeedback, useAction } from '../components/ActionFeedback.tsx';
import { AppLink } from '../components/AppLink.tsx';
import {
  removeLibraryItem,
  useGroupsChanged,
  useLibrary,
} from '../components/groups/groups-api.ts';
import { useGroupLabels } from '../components/groups/groups-labels.ts';
import { GroupShell } from '../components/groups/GroupShell.tsx';
import { AddAnalysisForm, AddCaseForm, UploadForm } from '../components/groups/LibraryForms.tsx';
import { LoadError } from '../components/LoadError.tsx';
import { Loading } from '../components/Loading.tsx';
import { byCollection, formatFileSize } from '../groups-format.ts';
import { useSession } from '../session.ts';

/**
 * A working group's library: cases, saved QCA analyses and documents, by collection. Members
 * add cases and analyses and upload documents; conveners and whoever added an item remove it.
 */
export function GroupLibraryPage() {
  const { id = '' } = useParams();
  const { t } = useGroupLabels();
  return (
    <GroupShell
      groupId={id}
      heading={(group) => (group ? t('library.title', { name: group.name }) : t('group.title'))}
    >
      {(group) => <Library group={group} />}
    </GroupShell>
  );
}

function Library({ group }: { group: Group }) {
  const { t, lang } = useGroupLabels();
  const { user } = useSession();
  const changed = useGroupsChanged();
  const library = useLibrary(group.id);
  const remove = useAction();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const collections = byCollection(library.data ?? [], lang);

  async function take(item: LibraryItem) {
    const ok = await remove.run(
      () => removeLibraryItem(item.id),
      t('library.removed', { title: item.title }),
    );
    if (ok) {
      await changed();
      headingRef.current?.focus();
    }
  }

  return (
    <>
      <section aria-labelledby="library-items-heading" className="stack">
        <Heading level={2} data-size="sm" id="library-items-heading" ref={headingRef} tabIndex={-1}>
          {t('library.itemsHeading')}
        </Heading>
        <ActionFeedback status={remove.status} failure={remove.failure} />
        {library.isPending && <Loading />}
        {library.isError && (
          <LoadError error={library.error} onRetry={() => void library.refetch()} />
        )}
        {library.data && library.data.length === 0 && <Paragraph>{t('library.none')}</Paragraph>}
        {collections.map(({ collection, items }, i) => (
          <section key={collection} aria-labelledby={`library-collection-${i}`} className="stack">
            <Heading level={3} data-size="xs" id={`library-collection-${i}`}>
              {collection}
            </Heading>
            <ul className="case-hits" aria-labelledby={`library-collection-${i}`}>
              {items.map((item) => (
                <LibraryEntry
                  key={item.id}
                  item={item}
                  mayRemove={group.canManage || (!!user && item.addedBy?.id === user.id)}
                  busy={remove.busy}
                  onRemove={() => void take(item)}
                />
              ))}
            </ul>
          </section>
        ))}
      </section>
      {group.canTakePart && (
        <section aria-labelledby="library-add-heading" className="stack section">
          <Heading level={2} data-size="sm" id="library-add-heading">
            {t('library.addHeading')}
          </Heading>
          <UploadForm groupId={group.id} onAdded={() => changed()} />
          <AddCaseForm groupId={group.id} onAdded={() => changed()} />
          <AddAnalysisForm groupId={group.id} onAdded={() => changed()} />
        </section>
      )}
    </>
  );
}

function LibraryEntry({
  item,
  mayRemove,
  busy,
  onRemove,
}: {
  item: LibraryItem;
  mayRemove: boolean;
  busy: boolean;
  onRemove: () => void;
}) {
  const { t, lang, libraryKind, person, date } = useGroupLabels();
  return (
    <li className="case-hit">
      <Paragraph className="library-title">
        {item.kind === 'document' ? (
          // A download the server serves as an attachment, outside the app's routes.
          <Link href={item.href}>{item.title}</Link>
        ) : (
          <AppLink to={item.href}>{item.title}</AppLink>
        )}
      </Paragraph>
      <div>
        <Tag data-size="sm" data-color="info">
          {libraryKind(item.kind)}
        </Tag>
      </div>
      {item.file && (
        <Paragraph data-size="sm">
          {t('library.fileLine', {
            name: item.file.name,
            size: formatFileSize(item.file.size, lang),
          })}
        </Paragraph>
      )}
      <Paragraph data-size="sm">
        {t('library.addedBy', { name: person(item.addedBy), date: date(item.createdAt) })}
      </Paragraph>
      {item.note && (
        <Paragraph data-size="sm" className="prose">
          {item.note}
        </Paragraph>
      )}
      {mayRemove && (
        <div>
          <Button
            variant="tertiary"
            data-color="danger"
            data-size="sm"
            disabled={busy}
            aria-label={t('library.removeFor', { title: item.title })}
            onClick={onRemove}
          >
            {t('library.remove')}
          </Button>
        </div>
      )}
    </li>
  );
}
