// Seeds document management: folder trees, documents with numbered versions, permissions, shares, activity.
import {
  documentActivities,
  documentPermissions,
  documents,
  documentShares,
  documentVersions,
  folders,
  type NewDocument,
  type NewDocumentActivity,
  type NewDocumentPermission,
  type NewDocumentShare,
  type NewDocumentVersion,
  type NewFolder,
} from '../schema/index.js';
import { activeUsers, type TenantSeedContext } from './context.js';
import { fakeSha256, capped } from './projects.js';
import { addDays, SEED_EPOCH } from './random.js';
import { DOCUMENT_KINDS, FOLDER_NAMES, sentences, TAGS } from './words.js';

// Stays under the smallest tier's file size limit (10 MiB for trial and starter).
const MAX_FILE_BYTES = 9_000_000;

/**
 * Seeds folders (a root level and a few subfolders), 8-20 documents with 1-4 versions each,
 * permissions for users and teams, link and email shares, and view/download activity.
 *
 * @example
 * ```ts
 * import { seedDocuments } from '@stocksync/db/seed';
 * ```
 */
export function seedDocuments(ctx: TenantSeedContext): void {
  const rng = ctx.rng('documents');
  const { tenantId } = ctx;
  const people = activeUsers(ctx);
  const projectRefs = (ctx.refs.projects as Array<{ id: string; createdAt: Date }> | undefined) ?? [];
  const teamIds = (ctx.refs.teams as string[] | undefined) ?? [];
  const folderRows: Array<NewFolder & { id: string; createdAt: Date }> = [];
  for (const name of rng.sample(FOLDER_NAMES, rng.int(3, 6))) {
    const at = rng.between(ctx.tenant.createdAt, addDays(ctx.tenant.createdAt, 120));
    const id = rng.uuid(at);
    const root = {
      tenantId,
      id,
      parentId: null,
      projectId: projectRefs.length && rng.chance(0.3) ? rng.pick(projectRefs).id : null,
      name,
      path: `/${name}`,
      depth: 1,
      createdBy: rng.pick(people).id,
      createdAt: at,
      updatedAt: at,
      deletedAt: null,
    };
    folderRows.push(root);
    for (const year of rng.sample(['2024', '2025', 'Archive', 'Drafts'], rng.int(0, 2))) {
      const sub = rng.between(at, addDays(at, 60));
      folderRows.push({
        tenantId,
        id: rng.uuid(sub),
        parentId: id,
        projectId: root.projectId,
        name: year,
        path: `/${name}/${year}`,
        depth: 2,
        createdBy: rng.pick(people).id,
        createdAt: sub,
        updatedAt: sub,
        deletedAt: null,
      });
    }
  }
  const docs: NewDocument[] = [];
  const versions: NewDocumentVersion[] = [];
  const permissions: NewDocumentPermission[] = [];
  const shares: NewDocumentShare[] = [];
  const activity: NewDocumentActivity[] = [];
  for (let i = rng.int(8, 20); i > 0; i--) {
    const folder = rng.pick(folderRows);
    const [label, ext, mime] = rng.pick(DOCUMENT_KINDS);
    const at = rng.between(folder.createdAt, addDays(folder.createdAt, 200));
    const id = rng.uuid(at);
    const owner = rng.pick(people);
    const title = `${label} ${rng.int(1, 99)}`;
    const fileName = `${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.${ext}`;
    const count = rng.weighted([[1, 4], [2, 3], [3, 2], [4, 1]] as const);
    let when = at;
    let last = { path: '', size: 0, checksum: '' };
    let editor = owner;
    for (let v = 1; v <= count; v++) {
      const size = rng.int(1_000, MAX_FILE_BYTES);
      const checksum = fakeSha256(rng);
      const path = `tenants/${tenantId}/documents/${id}/v${v}/${fileName}`;
      editor = v === 1 ? owner : rng.pick(people);
      versions.push({
        tenantId,
        id: rng.uuid(when),
        documentId: id,
        versionNumber: v,
        filePath: path,
        fileSizeBytes: size,
        checksum,
        changeSummary: v === 1 ? 'Initial upload' : rng.pick(['Updated figures', 'Fixed typos', 'New section', 'Signed copy']),
        createdBy: editor.id,
        createdAt: when,
        updatedAt: when,
      });
      last = { path, size, checksum };
      if (v < count) when = capped(rng.between(when, addDays(when, 30)));
    }
    const status = rng.weighted([['draft', 2], ['published', 6], ['archived', 1]] as const);
    docs.push({
      tenantId,
      id,
      projectId: folder.projectId,
      folderId: folder.id,
      title,
      description: sentences(rng, 1, 1),
      filePath: last.path,
      fileName,
      fileSizeBytes: last.size,
      mimeType: mime,
      checksum: last.checksum,
      version: count,
      status,
      ownerId: owner.id,
      createdBy: owner.id,
      updatedBy: editor.id,
      tags: rng.sample(TAGS, rng.int(0, 2)),
      metadata: { pages: rng.int(1, 40) },
      createdAt: at,
      updatedAt: when,
      deletedAt: null,
    });
    if (rng.chance(0.4)) {
      const grantee = rng.chance(0.5) && teamIds.length ? { teamId: rng.pick(teamIds), userId: null } : { userId: rng.pick(people).id, teamId: null };
      permissions.push({
        tenantId,
        id: rng.uuid(at),
        documentId: id,
        folderId: null,
        ...grantee,
        permission: rng.pick(['view', 'comment', 'edit'] as const),
        grantedBy: owner.id,
        expiresAt: rng.chance(0.2) ? addDays(new Date(SEED_EPOCH), rng.int(10, 90)) : null,
        createdAt: at,
        updatedAt: at,
      });
    }
    if (status === 'published' && rng.chance(0.35)) {
      const byEmail = rng.chance(0.5);
      shares.push({
        tenantId,
        id: rng.uuid(when),
        documentId: id,
        shareType: byEmail ? 'email' : 'link',
        token: fakeSha256(rng).slice(0, 40),
        sharedWithEmail: byEmail ? `partner${rng.int(1, 500)}@example.org` : null,
        permission: 'view',
        expiresAt: addDays(when, 30),
        revokedAt: null,
        accessCount: rng.int(0, 40),
        createdBy: owner.id,
        createdAt: when,
        updatedAt: when,
      });
    }
    activity.push({ tenantId, id: rng.uuid(at), documentId: id, actorId: owner.id, action: 'created', details: {}, ipAddress: null, createdAt: at, updatedAt: at });
    for (let k = rng.int(0, 3); k > 0; k--) {
      const seen = capped(rng.between(at, addDays(at, 90)));
      activity.push({
        tenantId,
        id: rng.uuid(seen),
        documentId: id,
        actorId: rng.pick(people).id,
        action: rng.pick(['viewed', 'viewed', 'downloaded'] as const),
        details: {},
        ipAddress: `192.168.${rng.int(0, 255)}.${rng.int(1, 254)}`,
        createdAt: seen,
        updatedAt: seen,
      });
    }
  }
  if (teamIds.length && folderRows.length) {
    const f = folderRows[0]!;
    permissions.push({
      tenantId,
      id: rng.uuid(f.createdAt),
      documentId: null,
      folderId: f.id,
      userId: null,
      teamId: rng.pick(teamIds),
      permission: 'edit',
      grantedBy: f.createdBy ?? null,
      expiresAt: null,
      createdAt: f.createdAt,
      updatedAt: f.createdAt,
    });
  }
  ctx.batch.push(folders, folderRows);
  ctx.batch.push(documents, docs);
  ctx.batch.push(documentVersions, versions);
  ctx.batch.push(documentPermissions, permissions);
  ctx.batch.push(documentShares, shares);
  ctx.batch.push(documentActivities, activity);
}
