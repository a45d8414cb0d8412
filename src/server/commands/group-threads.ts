/**
 * A working group's discussions: threads of posts and replies in Markdown (rendered to safe HTML
 * on the way out), mentions that notify, following, and the edit history of each post.
 */
import { sql } from 'drizzle-orm';
import type { Post, Thread } from '../../shared/groups.ts';
import type { ActiveSession } from '../auth/sessions.ts';
import type { Db, Tx } from '../db/client.ts';
import { rows } from '../db/rows.ts';
import {
  groupPostRevisions,
  groupPosts,
  groupThreadFollowers,
  groupThreads,
} from '../db/schema/index.ts';
import { badRequest, forbidden, notFound } from '../errors.ts';
import { mentionedUserIds, renderMarkdown } from '../groups/markdown.ts';
import { notifyAll } from '../notifications/notify.ts';
import { recordAudit } from './audit.ts';
import { groupOf, memberGroup, visibleGroup } from './groups.ts';

type Viewer = ActiveSession | null;
const iso = (d: string | Date) => new Date(d).toISOString();

export async function listThreads(db: Db, viewer: Viewer, groupId: string) {
  await visibleGroup(db, viewer, groupId);
  const found = await rows<{
    id: string;
    title: string;
    posts: number;
    last_post_at: string | Date;
    created_by: string | null;
    name: string | null;
  }>(
    db,
    sql`select t.id, t.title, t.last_post_at, t.created_by,
               case when u.erased_at is null then u.name end as name,
               (select count(*)::int from group_posts p where p.thread_id = t.id) as posts
        from group_threads t left join users u on u.id = t.created_by
        where t.group_id = ${groupId} order by t.last_post_at desc, t.id limit 500`,
  );
  return {
    items: found.map((t) => ({
      id: t.id,
      title: t.title,
      posts: t.posts,
      lastPostAt: iso(t.last_post_at),
      createdBy: t.created_by && t.name ? { id: t.created_by, name: t.name } : null,
    })),
  };
}

/** The thread, if the viewer may see its group. */
async function visibleThread(db: Db | Tx, viewer: Viewer, threadId: string, what = 'Thread') {
  const [t] = await rows<{ id: string; group_id: string; title: string }>(
    db,
    sql`select id, group_id, title from group_threads where id = ${threadId}`,
  );
  if (!t) throw notFound(what);
  return { thread: t, group: await groupOf(db, viewer, t.group_id, what) };
}

/**
 * Tells the people mentioned in a post (who are members and may see the group) and the
 * thread's followers; the author is never told of their own post.
 */
async function notifyAboutPost(
  tx: Tx,
  viewer: ActiveSession,
  groupId: string,
  thread: { id: string; title: string },
  body: string,
  alreadyMentioned: string[] = [],
) {
  const mentioned = mentionedUserIds(body).filter((id) => !alreadyMentioned.includes(id));
  const members = mentioned.length
    ? await rows<{ user_id: string }>(
        tx,
        sql`select user_id from group_members where group_id = ${groupId}
              and user_id in (${sql.join(
                mentioned.map((m) => sql`${m}`),
                sql`, `,
              )})`,
      )
    : [];
  const mentionedMembers = members.map((m) => m.user_id).filter((id) => id !== viewer.user.id);
  const link = `/groups/${groupId}/threads/${thread.id}`;
  await notifyAll(tx, mentionedMembers, {
    kind: 'group.mention',
    params: { actor: viewer.user.name, thread: thread.title },
    link,
  });
  // Followers who are still members (a private group's former members are told nothing).
  const followers = await rows<{ user_id: string }>(
    tx,
    sql`select f.user_id from group_thread_followers f
        join group_members m on m.user_id = f.user_id and m.group_id = ${groupId}
        where f.thread_id = ${thread.id}`,
  );
  await notifyAll(
    tx,
    followers
      .map((f) => f.user_id)
      .filter((id) => id !== viewer.user.id && !mentionedMembers.includes(id)),
    { kind: 'group.post', params: { actor: viewer.user.name, thread: thread.title }, link },
  );
}

export async function createThread(
  db: Db,
  viewer: ActiveSession,
  groupId: string,
  input: { title: string; body: string },
): Promise<Thread> {
  await memberGroup(db, viewer, groupId);
  const id = await db.transaction(async (tx) => {
    const [t] = await tx
      .insert(groupThreads)
      .values({ groupId, title: input.title, createdBy: viewer.user.id })
      .returning({ id: groupThreads.id });
    await tx
      .insert(groupPosts)
      .values({ threadId: t!.id, authorId: viewer.user.id, body: input.body });
    await tx.insert(groupThreadFollowers).values({ threadId: t!.id, userId: viewer.user.id });
    await notifyAboutPost(tx, viewer, groupId, { id: t!.id, title: input.title }, input.body);
    await recordAudit(tx, {
      actorId: viewer.user.id,
      action: 'group.thread.create',
      targetType: 'group',
      targetId: groupId,
    });
    return t!.id;
  });
  return getThread(db, viewer, id);
}

export async function getThread(db: Db, viewer: Viewer, threadId: string): Promise<Thread> {
  const { thread, group } = await visibleThread(db, viewer, threadId);
  const me = viewer?.user.id ?? null;
  const [head] = await rows<{
    posts: number;
    last_post_at: string | Date;
    created_by: string | null;
    name: string | null;
    following: boolean;
  }>(
    db,
    sql`select (select count(*)::int from group_posts p where p.thread_id = t.id) as posts,
               t.last_post_at, t.created_by, case when u.erased_at is null then u.name end as name,
               exists (select 1 from group_thread_followers f where f.thread_id = t.id and f.user_id = ${me}) as following
        from group_threads t left join users u on u.id = t.created_by where t.id = ${threadId}`,
  );
  const posts = await rows<{
    id: string;
    parent_id: string | null;
    author_id: string | null;
    name: string | null;
    body: string;
    created_at: string | Date;
    edited_at: string | Date | null;
    revisions: number;
  }>(
    db,
    sql`select p.id, p.parent_id, p.author_id, case when u.erased_at is null then u.name end as name,
               p.body, p.created_at, p.edited_at,
               (select count(*)::int from group_post_revisions r where r.post_id = p.id) as revisions
        from group_posts p left join users u on u.id = p.author_id
        where p.thread_id = ${threadId} order by p.created_at, p.id limit 2000`,
  );
  return {
    id: thread.id,
    title: thread.title,
    posts: head!.posts,
    lastPostAt: iso(head!.last_post_at),
    createdBy: head!.created_by && head!.name ? { id: head!.created_by, name: head!.name } : null,
    group: { id: group.id, name: group.name },
    following: head!.following,
    items: posts.map((p): Post => ({
      id: p.id,
      parentId: p.parent_id,
      author: p.author_id && p.name ? { id: p.author_id, name: p.name } : null,
      body: p.body,
      html: renderMarkdown(p.body),
      createdAt: iso(p.created_at),
      editedAt: p.edited_at ? iso(p.edited_at) : null,
      revisions: p.revisions,
      canEdit: me !== null && p.author_id === me && group.canTakePart,
    })),
  } satisfies Thread;
}

export async function addPost(
  db: Db,
  viewer: ActiveSession,
  threadId: string,
  input: { body: string; parentId: string | null },
): Promise<Thread> {
  const { thread, group } = await visibleThread(db, viewer, threadId);
  if (!group.canTakePart) throw forbidden('Only members of the group may write in it.');
  await db.transaction(async (tx) => {
    if (input.parentId) {
      const [parent] = await rows<{ id: string }>(
        tx,
        sql`select id from group_posts where id = ${input.parentId} and thread_id = ${threadId}`,
      );
      if (!parent)
        throw badRequest('You can only reply to a post in this thread.', [
          { path: 'parentId', message: 'is not a post in this thread' },
        ]);
    }
    await tx.insert(groupPosts).values({
      threadId,
      parentId: input.parentId,
      authorId: viewer.user.id,
      body: input.body,
    });
    await tx
      .update(groupThreads)
      .set({ lastPostAt: new Date() })
      .where(sql`${groupThreads.id} = ${threadId}`);
    await notifyAboutPost(tx, viewer, group.id, thread, input.body);
    await recordAudit(tx, {
      actorId: viewer.user.id,
      action: 'group.post.create',
      targetType: 'group',
      targetId: group.id,
    });
  });
  return getThread(db, viewer, threadId);
}

/** Its author changes a post; the earlier body is kept, and only new mentions are notified. */
export async function editPost(
  db: Db,
  viewer: ActiveSession,
  postId: string,
  body: string,
): Promise<Thread> {
  const [p] = await rows<{ thread_id: string; author_id: string | null; body: string }>(
    db,
    sql`select thread_id, author_id, body from group_posts where id = ${postId}`,
  );
  if (!p) throw notFound('Post');
  const { thread, group } = await visibleThread(db, viewer, p.thread_id, 'Post');
  if (p.author_id !== viewer.user.id || !group.canTakePart)
    throw forbidden('Only its author may change a post.');
  await db.transaction(async (tx) => {
    await tx.insert(groupPostRevisions).values({ postId, body: p.body, editedBy: viewer.user.id });
    await tx
      .update(groupPosts)
      .set({ body, editedAt: new Date() })
      .where(sql`${groupPosts.id} = ${postId}`);
    await notifyAboutPost(tx, viewer, group.id, thread, body, mentionedUserIds(p.body));
    await recordAudit(tx, {
      actorId: viewer.user.id,
      action: 'group.post.edit',
      targetType: 'group',
      targetId: group.id,
    });
  });
  return getThread(db, viewer, p.thread_id);
}

export async function postRevisions(db: Db, viewer: Viewer, postId: string) {
  const [p] = await rows<{ thread_id: string }>(
    db,
    sql`select thread_id from group_posts where id = ${postId}`,
  );
  if (!p) throw notFound('Post');
  await visibleThread(db, viewer, p.thread_id, 'Post');
  const found = await rows<{
    body: string;
    edited_by: string | null;
    name: string | null;
    edited_at: string | Date;
  }>(
    db,
    sql`select r.body, r.edited_by, case when u.erased_at is null then u.name end as name, r.edited_at
        from group_post_revisions r left join users u on u.id = r.edited_by
        where r.post_id = ${postId} order by r.edited_at desc, r.id limit 200`,
  );
  return {
    items: found.map((r) => ({
      body: r.body,
      editedBy: r.edited_by && r.name ? { id: r.edited_by, name: r.name } : null,
      editedAt: iso(r.edited_at),
    })),
  };
}

export async function followThread(db: Db, viewer: ActiveSession, threadId: string, on: boolean) {
  const { group } = await visibleThread(db, viewer, threadId);
  if (!group.canTakePart) throw forbidden('Only members of the group may follow its threads.');
  if (on)
    await db
      .insert(groupThreadFollowers)
      .values({ threadId, userId: viewer.user.id })
      .onConflictDoNothing();
  else
    await db.execute(
      sql`delete from group_thread_followers where thread_id = ${threadId} and user_id = ${viewer.user.id}`,
    );
}
