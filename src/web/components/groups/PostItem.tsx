import { useId, useState, type FormEvent } from 'react';
import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { PostUpdate, type GroupMember, type Post, type Thread } from '../../../shared/groups.ts';
import { fieldErrorsFromApi, fieldErrorsFromZod } from '../../validation.ts';
import { FormErrorSummary, useFormErrors } from '../FormErrorSummary.tsx';
import { LoadError } from '../LoadError.tsx';
import { Loading } from '../Loading.tsx';
import { editPost, usePostRevisions } from './groups-api.ts';
import { useGroupLabels } from './groups-labels.ts';
import { MarkdownField } from './MarkdownField.tsx';

/**
 * One post of a thread: who wrote it and when, which post it answers, its text (HTML the server
 * rendered from Markdown and made safe), and the ways to reply, to change one's own post and to
 * read its earlier versions.
 */
export function PostItem({
  post,
  parent,
  depth,
  members,
  canReply,
  onReply,
  onEdited,
}: {
  post: Post;
  parent: Post | null;
  depth: number;
  members: readonly GroupMember[];
  canReply: boolean;
  onReply: (post: Post) => void;
  onEdited: (thread: Thread) => Promise<void>;
}) {
  const { t, instant, person } = useGroupLabels();
  const [editing, setEditing] = useState(false);
  const headingId = `post-${post.id}-heading`;
  const name = person(post.author);
  return (
    <li className={`post post-depth-${Math.min(depth, 4)}`}>
      <article aria-labelledby={headingId} className="post-card stack">
        <div>
          <Heading level={3} data-size="2xs" id={headingId}>
            {name}
          </Heading>
          <Paragraph data-size="sm" className="post-meta">
            <time dateTime={post.createdAt}>{instant(post.createdAt)}</time>
            {post.editedAt && ` · ${t('threads.edited', { date: instant(post.editedAt) })}`}
            {parent && ` · ${t('threads.inReplyTo', { name: person(parent.author) })}`}
          </Paragraph>
        </div>
        {editing ? (
          <EditPostForm
            post={post}
            members={members}
            onCancel={() => setEditing(false)}
            onSaved={async (thread) => {
              setEditing(false);
              await onEdited(thread);
            }}
          />
        ) : (
          // Rendered by the server from Markdown: no raw HTML, links allow-listed (safe as is).
          <div className="post-body" dangerouslySetInnerHTML={{ __html: post.html }} />
        )}
        {!editing && (canReply || post.canEdit) && (
          <div className="button-row">
            {canReply && (
              <Button
                variant="tertiary"
                data-size="sm"
                aria-label={t('threads.replyToFor', { name })}
                onClick={() => onReply(post)}
              >
                {t('threads.reply')}
              </Button>
            )}
            {post.canEdit && (
              <Button variant="tertiary" data-size="sm" onClick={() => setEditing(true)}>
                {t('threads.edit')}
              </Button>
            )}
          </div>
        )}
        {post.revisions > 0 && <Revisions post={post} />}
      </article>
    </li>
  );
}

function EditPostForm({
  post,
  members,
  onCancel,
  onSaved,
}: {
  post: Post;
  members: readonly GroupMember[];
  onCancel: () => void;
  onSaved: (thread: Thread) => Promise<void>;
}) {
  const { t: tc } = useTranslation();
  const { t } = useGroupLabels();
  const form = useFormErrors<'body'>();
  const [body, setBody] = useState(post.body);
  const [busy, setBusy] = useState(false);
  const id = `post-${post.id}-edit`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const parsed = PostUpdate.safeParse({ body });
    if (!parsed.success) {
      const { fields, other } = fieldErrorsFromZod(tc, parsed.error, ['body'] as const);
      form.show(fields, other);
      return;
    }
    setBusy(true);
    try {
      const thread = await editPost(post.id, parsed.data.body);
      form.clear();
      await onSaved(thread);
    } catch (error) {
      const { fields, other } = fieldErrorsFromApi(tc, error, ['body'] as const);
      form.show(fields, other);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <FormErrorSummary fields={[{ name: 'body', id, label: t('threads.editField') }]} {...form} />
      <form noValidate onSubmit={(e) => void submit(e)} className="stack">
        <MarkdownField
          id={id}
          label={t('threads.editField')}
          description={t('threads.editHint')}
          value={body}
          onChange={setBody}
          error={form.errors.body}
          members={members}
        />
        <div className="button-row">
          <Button type="submit" data-size="sm" loading={busy}>
            {t('threads.saveEdit')}
          </Button>
          <Button type="button" variant="secondary" data-size="sm" onClick={onCancel}>
            {tc('common.cancel')}
          </Button>
        </div>
      </form>
    </>
  );
}

/** The earlier versions of a post, loaded when asked for. */
function Revisions({ post }: { post: Post }) {
  const { t, instant, person } = useGroupLabels();
  const [open, setOpen] = useState(false);
  const regionId = useId();
  const revisions = usePostRevisions(post.id, open);
  return (
    <div className="stack post-history">
      <div>
        <Button
          variant="tertiary"
          data-size="sm"
          aria-expanded={open}
          aria-controls={regionId}
          onClick={() => setOpen((o) => !o)}
        >
          {open ? t('threads.hideHistory') : t('threads.showHistory', { count: post.revisions })}
        </Button>
      </div>
      <div id={regionId} hidden={!open}>
        {open && revisions.isPending && <Loading />}
        {open && revisions.isError && (
          <LoadError error={revisions.error} onRetry={() => void revisions.refetch()} />
        )}
        {open && revisions.data && (
          <ol className="revision-list" aria-label={t('threads.historyLabel')}>
            {revisions.data.map((r, i) => (
              <li key={i}>
                <Paragraph data-size="sm" className="post-meta">
                  {t('threads.replacedOn', {
                    date: instant(r.editedAt),
                    name: person(r.editedBy),
                  })}
                </Paragraph>
                <pre className="revision-body">{r.body}</pre>
              </li>
            ))}
          </ol>
        )}
      </div>
    </div>
  );
}
