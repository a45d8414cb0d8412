/**
 * A working group's library: cases and saved QCA analyses it curates, and documents its members
 * upload — checked by content, not by name, limited in size, kept in the database and served
 * as downloads that a browser never runs.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { LibraryItem } from '../../shared/groups.ts';
import type { ActiveSession } from '../auth/sessions.ts';
import type { Db } from '../db/client.ts';
import { rows } from '../db/rows.ts';
import { groupFiles, groupLibraryItems } from '../db/schema/index.ts';
import { badRequest, forbidden, HttpError, notFound } from '../errors.ts';
import {
  safeDownloadName,
  sniffUpload,
  UploadError,
  UPLOAD_LIMIT_BYTES,
} from '../groups/uploads.ts';
import { recordAudit } from './audit.ts';
import { visibleCase } from './cases.ts';
import { groupOf, memberGroup, visibleGroup } from './groups.ts';

type Viewer = ActiveSession | null;
const iso = (d: string | Date) => new Date(d).toISOString();

export async function listLibrary(db: Db, viewer: Viewer, groupId: string) {
  await visibleGroup(db, viewer, groupId);
  const found = await rows<{
    id: string;
    collection: string;
    kind: LibraryItem['kind'];
    title: string;
    note: string;
    case_id: string | null;
    analysis_id: string | null;
    file_id: string | null;
    file_name: string | null;
    mime: string | null;
    size: number | null;
    added_by: string | null;
    name: string | null;
    created_at: string | Date;
  }>(
    db,
    sql`select i.id, i.collection, i.kind, i.title, i.note, i.case_id, i.analysis_id, i.file_id,
               f.name as file_name, f.mime, f.size, i.added_by,
               case when u.erased_at is null then u.name end as name, i.created_at
        from group_library_items i
        left join group_files f on f.id = i.file_id
        left join users u on u.id = i.added_by
        left join cases c on c.id = i.case_id
        where i.group_id = ${groupId} and (i.case_id is null or c.status = 'published')
        order by i.collection, i.created_at desc, i.id limit 1000`,
  );
  return {
    items: found.map((i): LibraryItem => ({
      id: i.id,
      collection: i.collection,
      kind: i.kind,
      title: i.title,
      note: i.note,
      href:
        i.kind === 'case'
          ? `/cases/${i.case_id}`
          : i.kind === 'analysis'
            ? `/qca/analyses/${i.analysis_id}`
            : `/api/groups/files/${i.file_id}`,
      file: i.file_id ? { name: i.file_name!, mime: i.mime!, size: i.size! } : null,
      addedBy: i.added_by && i.name ? { id: i.added_by, name: i.name } : null,
      createdAt: iso(i.created_at),
    })),
  };
}

/** A member adds a published case or a saved analysis to a collection. */
export async function addLibraryItem(
  db: Db,
  viewer: ActiveSession,
  groupId: string,
  input: {
    collection: string;
    kind: 'case' | 'analysis';
    caseId?: string;
    analysisId?: string;
    note: string;
  },
) {
  await memberGroup(db, viewer, groupId);
  let title: string;
  if (input.kind === 'case') {
    const { c } = await visibleCase(db, viewer, input.caseId!).catch(() => {
      throw badRequest('That case does not exist.', [{ path: 'caseId', message: 'is not a case' }]);
    });
    if (c.status !== 'published')
      throw badRequest('Only published cases go in a library.', [
        { path: 'caseId', message: 'is not published' },
      ]);
    title = c.title;
  } else {
    const [a] = await rows<{ title: string }>(
      db,
      sql`select title from qca_analyses where id = ${input.analysisId!}`,
    );
    if (!a)
      throw badRequest('That analysis does not exist.', [
        { path: 'analysisId', message: 'is not a saved analysis' },
      ]);
    title = a.title;
  }
  await db.transaction(async (tx) => {
    await tx.insert(groupLibraryItems).values({
      groupId,
      collection: input.collection,
      kind: input.kind,
      caseId: input.kind === 'case' ? input.caseId! : null,
      analysisId: input.kind === 'analysis' ? input.analysisId! : null,
      title,
      note: input.note,
      addedBy: viewer.user.id,
    });
    await recordAudit(tx, {
      actorId: viewer.user.id,
      action: 'group.library.add',
      targetType: 'group',
      targetId: groupId,
    });
  });
  return listLibrary(db, viewer, groupId);
}

/**
 * A member uploads a document: over the limit is a 413, a type not allowed (by its content) a
 * 400 naming the type; nothing is stored unless all is well.
 */
export async function uploadDocument(
  db: Db,
  viewer: ActiveSession,
  groupId: string,
  body: Buffer,
  input: { name: string; title?: string; collection: string; note: string },
) {
  await memberGroup(db, viewer, groupId);
  if (body.length > UPLOAD_LIMIT_BYTES)
    throw new HttpError(
      413,
      'too_large',
      `The file is ${(body.length / 1048576).toFixed(1)} MiB; the limit is ${UPLOAD_LIMIT_BYTES / 1048576} MiB.`,
    );
  let sniffed;
  try {
    sniffed = await sniffUpload(body, input.name);
  } catch (err) {
    if (err instanceof UploadError)
      throw badRequest(`This file cannot be uploaded: ${err.message}`, [
        { path: 'file', message: err.message },
      ]);
    throw err;
  }
  const name = safeDownloadName(input.name);
  await db.transaction(async (tx) => {
    const [file] = await tx
      .insert(groupFiles)
      .values({
        groupId,
        name,
        mime: sniffed.mime,
        size: body.length,
        sha256: createHash('sha256').update(body).digest('hex'),
        bytes: body,
        uploadedBy: viewer.user.id,
      })
      .returning({ id: groupFiles.id });
    await tx.insert(groupLibraryItems).values({
      groupId,
      collection: input.collection,
      kind: 'document',
      fileId: file!.id,
      title: input.title ?? name,
      note: input.note,
      addedBy: viewer.user.id,
    });
    await recordAudit(tx, {
      actorId: viewer.user.id,
      action: 'group.library.upload',
      targetType: 'group',
      targetId: groupId,
      details: { mime: sniffed.mime, size: body.length },
    });
  });
  return listLibrary(db, viewer, groupId);
}

/** A document, for those who may see its group. */
export async function downloadDocument(db: Db, viewer: Viewer, fileId: string) {
  const [f] = await rows<{
    group_id: string;
    name: string;
    mime: string;
    bytes: Buffer;
    sha256: string;
  }>(db, sql`select group_id, name, mime, bytes, sha256 from group_files where id = ${fileId}`);
  if (!f) throw notFound('File');
  await groupOf(db, viewer, f.group_id, 'File');
  return { name: f.name, mime: f.mime, bytes: Buffer.from(f.bytes), sha256: f.sha256 };
}

/** Conveners, or whoever added it, take an item out (an uploaded file goes with it). */
export async function removeLibraryItem(db: Db, viewer: ActiveSession, itemId: string) {
  const [i] = await rows<{ group_id: string; added_by: string | null; file_id: string | null }>(
    db,
    sql`select group_id, added_by, file_id from group_library_items where id = ${itemId}`,
  );
  if (!i) throw notFound('Library item');
  const group = await groupOf(db, viewer, i.group_id, 'Library item');
  if (!group.canManage && i.added_by !== viewer.user.id)
    throw forbidden('Only the conveners and whoever added it may take it out.');
  await db.transaction(async (tx) => {
    await tx.execute(sql`delete from group_library_items where id = ${itemId}`);
    if (i.file_id) await tx.execute(sql`delete from group_files where id = ${i.file_id}`);
    await recordAudit(tx, {
      actorId: viewer.user.id,
      action: 'group.library.remove',
      targetType: 'group',
      targetId: i.group_id,
    });
  });
}
