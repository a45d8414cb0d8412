import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { PostCreate, type Group, type Post, type Thread } from '../../shared/groups.ts';
import { ActionFeedback, useAction } from '../components/ActionFeedback.tsx';
import { AppLink } from '../components/AppLink.tsx';
import { FormErrorSummary, useFormErrors } from '../components/FormErrorSummary.tsx';
import {
  addPost,
  followThread,
  useGroupMembers,
  useGroupsChanged,
  useThread,
} from '../components/groups/groups-api.ts';
import { useGroupLabels } from '../components/groups/groups-labels.ts';
import { GroupShell } from '../components/groups/GroupShell.tsx';
import { MarkdownField } from '../components/groups/MarkdownField.tsx';
import { PostItem } from '../components/groups/PostItem.tsx';
import { StatusMessage } from '../components/StatusMessage.tsx';
import { HavensLoadState } from '../components/havens/HavensLoadState.tsx';
import { threadOrder } from '../groups-format.ts';
import { useSession } from '../session.ts';
import { fieldErrorsFromApi, fieldErrorsFromZod } from '../validation.ts';

/**
 * A discussion: its posts with their replies, each reply after the post it answers. Members
 * reply (to the thread or to a post), mention other members, change their own posts (earlier
 * versions stay readable) and follow the thread.
 */
export function GroupThreadPage() {
  const { id = '', threadId = '' } = useParams();
  const { t } = useGroupLabels();
  const thread = useThread(threadId);
  return (
    <GroupShell groupId={id} heading={() => thread.data?.title ?? t('threads.threadTitle')}>
      {(group) => (
        <>
          <Paragraph>
            <AppLink to={`/groups/${group.id}/threads`}>{t('threads.back')}</AppLink>
          </Paragraph>
          <HavensLoadState query={thread} notFound={t('threads.notFound')} />
          {thread.data && <ThreadContent key={thread.data.id} group={group} thread={thread.data} />}
        </>
      )}
    </GroupShell>
  );
}

function ThreadContent({ group, thread }: { group: Group; thread: Thread }) {
  const { t } = useGroupLabels();
  const { user } = useSession();
  const changed = useGroupsChanged();
  const members = useGroupMembers(group.id);
  const others = (members.data ?? []).filter((m) => m.user.id !== user?.id);
  const [replyTo, setReplyTo] = useState<Post | null>(null);
  const follow = useAction();
  const placed = threadOrder(thread.items);

  async function toggleFollow() {
    const on = !thread.following;
    const ok = await follow.run(
      () => followThread(thread.id, on),
      on ? t('threads.followed') : t('threads.unfollowed'),
    );
    if (ok) await changed();
  }

  return (
    <>
      {group.canTakePart && (
        <div className="stack">
          <div>
            <Button
              variant="secondary"
              data-size="sm"
              loading={follow.busy}
              onClick={() => void toggleFollow()}
            >
              {thread.following ? t('threads.unfollow') : t('threads.follow')}
            </Button>
          </div>
          <Paragraph data-size="sm">
            {thread.following ? t('threads.followingHint') : t('threads.notFollowingHint')}
          </Paragraph>
          <ActionFeedback status={follow.status} failure={follow.failure} />
        </div>
      )}
      <section aria-labelledby="thread-posts-heading" className="stack">
        <Heading level={2} data-size="sm" id="thread-posts-heading">
          {t('threads.postsHeading', { count: thread.items.length })}
        </Heading>
        <ol className="post-list" aria-labelledby="thread-posts-heading">
          {placed.map(({ post, parent, depth }) => (
            <PostItem
              key={post.id}
              post={post}
              parent={parent}
              depth={depth}
              members={others}
              canReply={group.canTakePart}
              onReply={setReplyTo}
              onEdited={(updated) => changed({ thread: updated })}
            />
          ))}
        </ol>
      </section>
      {group.canTakePart ? (
        <ReplyForm
          thread={thread}
          replyTo={replyTo}
          members={others}
          onCancelReply={() => setReplyTo(null)}
          onPosted={async (updated) => {
            setReplyTo(null);
            await changed({ thread: updated });
          }}
        />
      ) : (
        <Paragraph>{t('threads.membersOnlyReply')}</Paragraph>
      )}
    </>
  );
}

function ReplyForm({
  thread,
  replyTo,
  members,
  onCancelReply,
  onPosted,
}: {
  thread: Thread;
  replyTo: Post | null;
  members: Parameters<typeof MarkdownField>[0]['members'];
  onCancelReply: () => void;
  onPosted: (thread: Thread) => Promise<void>;
}) {
  const { t: tc } = useTranslation();
  const { t, person } = useGroupLabels();
  const form = useFormErrors<'body'>();
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);

  // Choosing "Reply" on a post brings the reader to the text area, with its heading said.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (replyTo) document.getElementById('thread-reply-body')?.focus();
  }, [replyTo]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const parsed = PostCreate.safeParse({ body, parentId: replyTo?.id ?? null });
    if (!parsed.success) {
      const { fields, other } = fieldErrorsFromZod(tc, parsed.error, ['body'] as const);
      form.show(fields, other);
      return;
    }
    setBusy(true);
    setStatus(null);
    try {
      const updated = await addPost(thread.id, parsed.data);
      form.clear();
      setBody('');
      setStatus(t('threads.posted'));
      await onPosted(updated);
      headingRef.current?.focus();
    } catch (error) {
      const { fields, other } = fieldErrorsFromApi(tc, error, ['body'] as const);
      form.show(fields, other);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="thread-reply-heading" className="stack section">
      <Heading level={2} data-size="sm" id="thread-reply-heading" ref={headingRef} tabIndex={-1}>
        {replyTo
          ? t('threads.replyToHeading', { name: person(replyTo.author) })
          : t('threads.replyHeading')}
      </Heading>
      <StatusMessage message={status} />
      {replyTo && (
        <div>
          <Button variant="tertiary" data-size="sm" onClick={onCancelReply}>
            {t('threads.replyToThreadInstead')}
          </Button>
        </div>
      )}
      <FormErrorSummary
        fields={[{ name: 'body', id: 'thread-reply-body', label: t('threads.replyField') }]}
        {...form}
      />
      <form noValidate onSubmit={(e) => void submit(e)} className="stack narrow">
        <MarkdownField
          id="thread-reply-body"
          label={t('threads.replyField')}
          value={body}
          onChange={setBody}
          error={form.errors.body}
          members={members}
        />
        <div>
          <Button type="submit" loading={busy}>
            {t('threads.postReply')}
          </Button>
        </div>
      </form>
    </section>
  );
}
