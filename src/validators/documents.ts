// Document management validators: drizzle-zod schemas for every documents-domain table with the
// database rules mirrored (checksums, size by tier, folder names and depth, version numbers, grants).
import { createSelectSchema } from 'drizzle-zod';
import { insertSchemaOf, updateSchemaOf } from './_columns.js';
import { z } from 'zod';
import {
  documentActivities,
  documentPermissions,
  documentShares,
  documentVersions,
  documents,
  folders,
  MAX_FOLDER_DEPTH,
  type Document,
  type DocumentActivity,
  type DocumentPermission,
  type DocumentShare,
  type DocumentVersion,
  type Folder,
} from '../schema/documents.js';
import type { LICENSE_TIERS } from '../schema/tenancy.js';
import { fileSizeBytesFor, requireThat, sha256Hex, wireSchemaOf, type Paginated, type Wire } from './_shared.js';

type LicenseTier = (typeof LICENSE_TIERS)[number];
const nonBlank = (s: z.ZodString) => s.trim().min(1, 'Must not be blank');

/** A folder name: not blank, no slash (the path separator). */
export const folderName = z
  .string()
  .min(1, 'Must not be blank')
  .max(255)
  .refine((v) => !v.includes('/'), { message: 'Must not contain /' });
// path and depth are kept by the database from the parent: not input.
const folderRefine = { name: () => folderName };
/** Folder: select schema. */
export const folderSelectSchema = createSelectSchema(folders);
/**
 * Folder: insert schema (name without a slash; `path` and `depth` are computed by the database).
 *
 * @example
 * ```ts
 * import { folderInsertSchema } from '@stocksync/db/validators';
 * folderInsertSchema.parse({ tenantId, name: 'Finance', parentId: null });
 * ```
 */
export const folderInsertSchema = insertSchemaOf(folders, folderRefine).omit({ path: true, depth: true });
/** Folder: update schema (rename or move; path and depth follow). */
export const folderUpdateSchema = updateSchemaOf(folders, folderRefine).omit({ path: true, depth: true });

/**
 * Whether a folder (with a subtree `subtreeHeight` levels high, 1 for a leaf) fits under a parent of
 * `parentDepth` (0 for the root) within MAX_FOLDER_DEPTH; the issue names `parentId`.
 *
 * @example
 * ```ts
 * import { folderPlacementSchema } from '@stocksync/db/validators';
 * folderPlacementSchema.parse({ parentDepth: 9, subtreeHeight: 2 }); // throws
 * ```
 */
export const folderPlacementSchema = z
  .object({ parentDepth: z.number().int().min(0), subtreeHeight: z.number().int().min(1).default(1) })
  .superRefine((v, ctx) =>
    requireThat(
      ctx,
      v.parentDepth + v.subtreeHeight <= MAX_FOLDER_DEPTH,
      ['parentId'],
      `Folders nest at most ${MAX_FOLDER_DEPTH} levels deep`,
    ),
  );
/** Folder: wire schema. */
export const folderWireSchema = wireSchemaOf(folders);
/** A folder as JSON. */
export type FolderWire = Wire<Folder>;
/** A page of folders. */
export type FolderListResponse = Paginated<FolderWire>;

const documentRefine = {
  title: nonBlank,
  fileName: nonBlank,
  checksum: sha256Hex,
  fileSizeBytes: (s: z.ZodNumber) => s.int().min(0, 'Must not be negative'),
};
/** Document: select schema. */
export const documentSelectSchema = createSelectSchema(documents);
/** Document: insert schema (SHA-256 checksum; the tier's size limit: {@link documentInsertSchemaFor}). */
export const documentInsertSchema = insertSchemaOf(documents, documentRefine);
/** Document: update schema. */
export const documentUpdateSchema = updateSchemaOf(documents, documentRefine);
/**
 * Document insert schema with the tenant tier's file size limit.
 *
 * @example
 * ```ts
 * import { documentInsertSchemaFor } from '@stocksync/db/validators';
 * documentInsertSchemaFor('professional').parse(input);
 * ```
 */
export function documentInsertSchemaFor(tier: LicenseTier) {
  return insertSchemaOf(documents, { ...documentRefine, fileSizeBytes: () => fileSizeBytesFor(tier) });
}
/** Document: wire schema. */
export const documentWireSchema = wireSchemaOf(documents);
/** A document as JSON. */
export type DocumentWire = Wire<Document>;
/** A page of documents. */
export type DocumentListResponse = Paginated<DocumentWire>;

const versionRefine = { checksum: sha256Hex, fileSizeBytes: (s: z.ZodNumber) => s.int().min(0) };
/** Document version: select schema. */
export const documentVersionSelectSchema = createSelectSchema(documentVersions);
/** Document version: insert schema (the number is assigned by the database, so it is not input). */
export const documentVersionInsertSchema = insertSchemaOf(documentVersions, versionRefine).omit({ versionNumber: true });
/** Document version: update schema (document and number are permanent). */
export const documentVersionUpdateSchema = updateSchemaOf(documentVersions, versionRefine).omit({
  versionNumber: true,
  documentId: true,
});
/** Document version insert schema with the tenant tier's file size limit. */
export function documentVersionInsertSchemaFor(tier: LicenseTier) {
  return insertSchemaOf(documentVersions, { ...versionRefine, fileSizeBytes: () => fileSizeBytesFor(tier) }).omit({
    versionNumber: true,
  });
}
/** Document version: wire schema. */
export const documentVersionWireSchema = wireSchemaOf(documentVersions);
/** A document version as JSON. */
export type DocumentVersionWire = Wire<DocumentVersion>;
/** A page of document versions. */
export type DocumentVersionListResponse = Paginated<DocumentVersionWire>;

const oneTargetOneGrantee = (
  v: { documentId?: string | null; folderId?: string | null; userId?: string | null; teamId?: string | null },
  ctx: z.RefinementCtx,
) => {
  requireThat(ctx, !!v.documentId !== !!v.folderId, ['documentId'], 'Give exactly one of documentId and folderId');
  requireThat(ctx, !!v.userId !== !!v.teamId, ['userId'], 'Give exactly one of userId and teamId');
};
/** Document permission: select schema. */
export const documentPermissionSelectSchema = createSelectSchema(documentPermissions);
/** Document permission: insert schema (exactly one target, exactly one grantee). */
export const documentPermissionInsertSchema = insertSchemaOf(documentPermissions).superRefine(oneTargetOneGrantee);
/** Document permission: update schema. */
export const documentPermissionUpdateSchema = updateSchemaOf(documentPermissions);
/** Document permission: wire schema. */
export const documentPermissionWireSchema = wireSchemaOf(documentPermissions);
/** A document permission as JSON. */
export type DocumentPermissionWire = Wire<DocumentPermission>;
/** A page of document permissions. */
export type DocumentPermissionListResponse = Paginated<DocumentPermissionWire>;

const shareEmail = (v: { shareType?: string; sharedWithEmail?: string | null }, ctx: z.RefinementCtx) => {
  if (v.shareType === undefined) return;
  requireThat(
    ctx,
    (v.shareType === 'email') === !!v.sharedWithEmail,
    ['sharedWithEmail'],
    'Required for e-mail shares, empty for link shares',
  );
};
const shareRefine = {
  token: (s: z.ZodString) => s.min(16, 'Must be at least 16 characters'),
  sharedWithEmail: (s: z.ZodString) => s.email(),
};
/** Document share: select schema. */
export const documentShareSelectSchema = createSelectSchema(documentShares);
/** Document share: insert schema (e-mail exactly for e-mail shares). */
export const documentShareInsertSchema = insertSchemaOf(documentShares, shareRefine).superRefine(shareEmail);
/** Document share: update schema. */
export const documentShareUpdateSchema = updateSchemaOf(documentShares, shareRefine).superRefine(shareEmail);
/** Document share: wire schema. */
export const documentShareWireSchema = wireSchemaOf(documentShares);
/** A document share as JSON. */
export type DocumentShareWire = Wire<DocumentShare>;
/** A page of document shares. */
export type DocumentShareListResponse = Paginated<DocumentShareWire>;

/** Document activity: select schema. */
export const documentActivitySelectSchema = createSelectSchema(documentActivities);
/** Document activity: insert schema. */
export const documentActivityInsertSchema = insertSchemaOf(documentActivities);
/** Document activity: update schema. */
export const documentActivityUpdateSchema = updateSchemaOf(documentActivities);
/** Document activity: wire schema. */
export const documentActivityWireSchema = wireSchemaOf(documentActivities);
/** A document activity as JSON. */
export type DocumentActivityWire = Wire<DocumentActivity>;
/** A page of document activities. */
export type DocumentActivityListResponse = Paginated<DocumentActivityWire>;
