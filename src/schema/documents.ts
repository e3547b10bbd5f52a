// Document management domain: folders, documents, their versions, permissions, shares and activity.
import { relations, sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  inet,
  integer,
  jsonb,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { checksumCheck, enumCheck, softDelete, timestamps } from './_columns.js';
import { tenantRef, tenantTable } from './_tenant-table.js';
import { teams, users } from './identity.js';
import { projects } from './projects.js';

/** Deepest folder nesting (a root folder has depth 1). */
export const MAX_FOLDER_DEPTH = 10;
/** Document states. */
export const DOCUMENT_STATUSES = ['draft', 'published', 'archived', 'deleted'] as const;
/** Permission levels on a document or folder, weakest first. */
export const DOCUMENT_PERMISSION_LEVELS = ['view', 'comment', 'edit', 'manage'] as const;
/** How a document is shared. */
export const DOCUMENT_SHARE_TYPES = ['link', 'email'] as const;
/** Kinds of document activity entry. */
export const DOCUMENT_ACTIVITY_ACTIONS = [
  'created',
  'viewed',
  'downloaded',
  'updated',
  'version_added',
  'moved',
  'shared',
  'unshared',
  'permission_changed',
  'deleted',
  'restored',
] as const;

/**
 * Folders: a tree per tenant. `path` ('/Finance/2026') and `depth` are kept by a trigger from
 * the parent and the name; depth is at most {@link MAX_FOLDER_DEPTH}. Soft-deleted.
 *
 * @example
 * ```ts
 * import { folders } from '@stocksync/db/schema';
 * const rows = await db.select().from(folders).limit(10);
 * ```
 */
export const folders = tenantTable(
  'folders',
  {
    parentId: uuid(),
    projectId: uuid(),
    name: varchar({ length: 255 }).notNull(),
    path: text().notNull().default(''),
    depth: smallint().notNull().default(1),
    createdBy: uuid(),
    ...timestamps(),
    ...softDelete(),
  },
  (t) => [
    tenantRef('folders', t.tenantId, t.parentId, { tenantId: t.tenantId, id: t.id }, 'cascade'),
    tenantRef('folders', t.tenantId, t.projectId, projects, 'set null'),
    tenantRef('folders', t.tenantId, t.createdBy, users, 'set null'),
    uniqueIndex('folders_tenant_id_path_key').on(t.tenantId, t.path).where(sql`${t.deletedAt} is null`),
    index('folders_tenant_id_parent_id_idx').on(t.tenantId, t.parentId).where(sql`${t.deletedAt} is null`),
    check('folders_name_check', sql`${t.name} <> '' and position('/' in ${t.name}) = 0`),
    check('folders_depth_check', sql`${t.depth} between 1 and ${sql.raw(String(MAX_FOLDER_DEPTH))}`),
    check('folders_parent_id_check', sql`${t.parentId} is null or ${t.parentId} <> ${t.id}`),
  ],
);

/**
 * Documents: a file and its metadata. `version` follows the newest document_versions row;
 * the file size is limited by the tenant's tier (trigger). Soft-deleted.
 *
 * @example
 * ```ts
 * import { documents } from '@stocksync/db/schema';
 * const rows = await db.select().from(documents).limit(10);
 * ```
 */
export const documents = tenantTable(
  'documents',
  {
    projectId: uuid(),
    folderId: uuid(),
    title: varchar({ length: 500 }).notNull(),
    description: text().notNull().default(''),
    filePath: varchar({ length: 1000 }).notNull(),
    fileName: varchar({ length: 255 }).notNull(),
    fileSizeBytes: bigint({ mode: 'number' }).notNull(),
    mimeType: varchar({ length: 100 }).notNull(),
    checksum: varchar({ length: 64 }).notNull(),
    version: integer().notNull().default(1),
    status: varchar({ length: 20, enum: DOCUMENT_STATUSES }).notNull().default('draft'),
    ownerId: uuid(),
    createdBy: uuid(),
    updatedBy: uuid(),
    tags: jsonb().$type<string[]>().notNull().default([]),
    metadata: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    ...timestamps(),
    ...softDelete(),
  },
  (t) => [
    tenantRef('documents', t.tenantId, t.projectId, projects, 'set null'),
    tenantRef('documents', t.tenantId, t.folderId, folders, 'set null'),
    tenantRef('documents', t.tenantId, t.ownerId, users, 'set null'),
    tenantRef('documents', t.tenantId, t.createdBy, users, 'set null'),
    tenantRef('documents', t.tenantId, t.updatedBy, users, 'set null'),
    index('documents_tenant_id_folder_id_idx').on(t.tenantId, t.folderId).where(sql`${t.deletedAt} is null`),
    index('documents_tenant_id_checksum_idx').on(t.tenantId, t.checksum),
    index('documents_tenant_id_owner_id_idx').on(t.tenantId, t.ownerId),
    index('documents_tenant_id_status_updated_at_idx').on(t.tenantId, t.status, t.updatedAt.desc()),
    index('documents_tenant_id_project_id_idx').on(t.tenantId, t.projectId),
    index('documents_tenant_id_tags_idx').using('gin', t.tenantId, t.tags),
    enumCheck('documents', t.status, DOCUMENT_STATUSES),
    checksumCheck('documents', t.checksum),
    check('documents_file_size_bytes_check', sql`${t.fileSizeBytes} >= 0`),
    check('documents_version_check', sql`${t.version} >= 1`),
    check('documents_tags_check', sql`jsonb_typeof(${t.tags}) = 'array'`),
  ],
);

/**
 * Document versions: `version_number` is assigned by a trigger (1, 2, 3 ... per document, under a
 * lock on the document row) and unique per document; rows are never renumbered.
 *
 * @example
 * ```ts
 * import { documentVersions } from '@stocksync/db/schema';
 * const rows = await db.select().from(documentVersions).limit(10);
 * ```
 */
export const documentVersions = tenantTable(
  'document_versions',
  {
    documentId: uuid().notNull(),
    // The trigger assigns the next number when NULL is sent; drizzle sends NULL unless a value is given.
    versionNumber: integer()
      .notNull()
      .$defaultFn(() => sql`null` as unknown as number),
    filePath: varchar({ length: 1000 }).notNull(),
    fileSizeBytes: bigint({ mode: 'number' }).notNull(),
    checksum: varchar({ length: 64 }).notNull(),
    changeSummary: text().notNull().default(''),
    createdBy: uuid(),
    ...timestamps(),
  },
  (t) => [
    tenantRef('document_versions', t.tenantId, t.documentId, documents, 'cascade'),
    tenantRef('document_versions', t.tenantId, t.createdBy, users, 'set null'),
    uniqueIndex('document_versions_tenant_id_document_id_version_number_key').on(
      t.tenantId,
      t.documentId,
      t.versionNumber.desc(),
    ),
    index('document_versions_tenant_id_checksum_idx').on(t.tenantId, t.checksum),
    checksumCheck('document_versions', t.checksum),
    check('document_versions_version_number_check', sql`${t.versionNumber} >= 1`),
    check('document_versions_file_size_bytes_check', sql`${t.fileSizeBytes} >= 0`),
  ],
);

/**
 * Document permissions: a grant on a document or on a folder (inherited by its documents when
 * the document has no grant of its own), to a user or a team. Exactly one target, one grantee.
 *
 * @example
 * ```ts
 * import { documentPermissions } from '@stocksync/db/schema';
 * const rows = await db.select().from(documentPermissions).limit(10);
 * ```
 */
export const documentPermissions = tenantTable(
  'document_permissions',
  {
    documentId: uuid(),
    folderId: uuid(),
    userId: uuid(),
    teamId: uuid(),
    permission: varchar({ length: 20, enum: DOCUMENT_PERMISSION_LEVELS }).notNull().default('view'),
    grantedBy: uuid(),
    expiresAt: timestamp({ withTimezone: true, mode: 'date' }),
    ...timestamps(),
  },
  (t) => [
    tenantRef('document_permissions', t.tenantId, t.documentId, documents, 'cascade'),
    tenantRef('document_permissions', t.tenantId, t.folderId, folders, 'cascade'),
    tenantRef('document_permissions', t.tenantId, t.userId, users, 'cascade'),
    tenantRef('document_permissions', t.tenantId, t.teamId, teams, 'cascade'),
    tenantRef('document_permissions', t.tenantId, t.grantedBy, users, 'set null'),
    unique('document_permissions_tenant_id_document_id_folder_id_user_id_team_id_key')
      .on(t.tenantId, t.documentId, t.folderId, t.userId, t.teamId)
      .nullsNotDistinct(),
    index('document_permissions_tenant_id_user_id_idx').on(t.tenantId, t.userId),
    index('document_permissions_tenant_id_team_id_idx').on(t.tenantId, t.teamId),
    index('document_permissions_tenant_id_folder_id_idx').on(t.tenantId, t.folderId),
    enumCheck('document_permissions', t.permission, DOCUMENT_PERMISSION_LEVELS),
    check('document_permissions_target_check', sql`num_nonnulls(${t.documentId}, ${t.folderId}) = 1`),
    check('document_permissions_grantee_check', sql`num_nonnulls(${t.userId}, ${t.teamId}) = 1`),
  ],
);

/**
 * Document shares: links or e-mail invitations, revocable, optionally expiring.
 *
 * @example
 * ```ts
 * import { documentShares } from '@stocksync/db/schema';
 * const rows = await db.select().from(documentShares).limit(10);
 * ```
 */
export const documentShares = tenantTable(
  'document_shares',
  {
    documentId: uuid().notNull(),
    shareType: varchar({ length: 20, enum: DOCUMENT_SHARE_TYPES }).notNull().default('link'),
    token: varchar({ length: 64 }).notNull(),
    sharedWithEmail: varchar({ length: 254 }),
    permission: varchar({ length: 20, enum: DOCUMENT_PERMISSION_LEVELS }).notNull().default('view'),
    expiresAt: timestamp({ withTimezone: true, mode: 'date' }),
    revokedAt: timestamp({ withTimezone: true, mode: 'date' }),
    accessCount: integer().notNull().default(0),
    createdBy: uuid(),
    ...timestamps(),
  },
  (t) => [
    tenantRef('document_shares', t.tenantId, t.documentId, documents, 'cascade'),
    tenantRef('document_shares', t.tenantId, t.createdBy, users, 'set null'),
    uniqueIndex('document_shares_tenant_id_token_key').on(t.tenantId, t.token),
    index('document_shares_tenant_id_document_id_idx').on(t.tenantId, t.documentId),
    enumCheck('document_shares', t.shareType, DOCUMENT_SHARE_TYPES),
    enumCheck('document_shares', t.permission, DOCUMENT_PERMISSION_LEVELS),
    check(
      'document_shares_shared_with_email_check',
      sql`(${t.shareType} = 'email') = (${t.sharedWithEmail} is not null)`,
    ),
    check('document_shares_access_count_check', sql`${t.accessCount} >= 0`),
  ],
);

/**
 * The activity stream of a document.
 *
 * @example
 * ```ts
 * import { documentActivities } from '@stocksync/db/schema';
 * const rows = await db.select().from(documentActivities).limit(10);
 * ```
 */
export const documentActivities = tenantTable(
  'document_activities',
  {
    documentId: uuid().notNull(),
    actorId: uuid(),
    action: varchar({ length: 30, enum: DOCUMENT_ACTIVITY_ACTIONS }).notNull(),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    ipAddress: inet(),
    ...timestamps(),
  },
  (t) => [
    tenantRef('document_activities', t.tenantId, t.documentId, documents, 'cascade'),
    tenantRef('document_activities', t.tenantId, t.actorId, users, 'set null'),
    index('document_activities_tenant_id_document_id_created_at_idx').on(
      t.tenantId,
      t.documentId,
      t.createdAt.desc(),
    ),
    enumCheck('document_activities', t.action, DOCUMENT_ACTIVITY_ACTIONS),
  ],
);

/** A folder row. */
export type Folder = typeof folders.$inferSelect;
/** A folder row to insert. */
export type NewFolder = typeof folders.$inferInsert;
/** A document row. */
export type Document = typeof documents.$inferSelect;
/** A document row to insert. */
export type NewDocument = typeof documents.$inferInsert;
/** A document version row. */
export type DocumentVersion = typeof documentVersions.$inferSelect;
/** A document version row to insert. */
export type NewDocumentVersion = typeof documentVersions.$inferInsert;
/** A document permission row. */
export type DocumentPermission = typeof documentPermissions.$inferSelect;
/** A document permission row to insert. */
export type NewDocumentPermission = typeof documentPermissions.$inferInsert;
/** A document share row. */
export type DocumentShare = typeof documentShares.$inferSelect;
/** A document share row to insert. */
export type NewDocumentShare = typeof documentShares.$inferInsert;
/** A document activity row. */
export type DocumentActivity = typeof documentActivities.$inferSelect;
/** A document activity row to insert. */
export type NewDocumentActivity = typeof documentActivities.$inferInsert;

/** Relations of folders. */
export const foldersRelations = relations(folders, ({ one, many }) => ({
  parent: one(folders, { fields: [folders.tenantId, folders.parentId], references: [folders.tenantId, folders.id], relationName: 'folder_parent' }),
  children: many(folders, { relationName: 'folder_parent' }),
  documents: many(documents),
  permissions: many(documentPermissions),
}));
/** Relations of documents. */
export const documentsRelations = relations(documents, ({ one, many }) => ({
  folder: one(folders, { fields: [documents.tenantId, documents.folderId], references: [folders.tenantId, folders.id] }),
  project: one(projects, { fields: [documents.tenantId, documents.projectId], references: [projects.tenantId, projects.id] }),
  owner: one(users, { fields: [documents.tenantId, documents.ownerId], references: [users.tenantId, users.id] }),
  versions: many(documentVersions),
  permissions: many(documentPermissions),
  shares: many(documentShares),
  activities: many(documentActivities),
}));
/** Relations of document_versions. */
export const documentVersionsRelations = relations(documentVersions, ({ one }) => ({
  document: one(documents, { fields: [documentVersions.tenantId, documentVersions.documentId], references: [documents.tenantId, documents.id] }),
}));
/** Relations of document_permissions. */
export const documentPermissionsRelations = relations(documentPermissions, ({ one }) => ({
  document: one(documents, { fields: [documentPermissions.tenantId, documentPermissions.documentId], references: [documents.tenantId, documents.id] }),
  folder: one(folders, { fields: [documentPermissions.tenantId, documentPermissions.folderId], references: [folders.tenantId, folders.id] }),
  user: one(users, { fields: [documentPermissions.tenantId, documentPermissions.userId], references: [users.tenantId, users.id] }),
  team: one(teams, { fields: [documentPermissions.tenantId, documentPermissions.teamId], references: [teams.tenantId, teams.id] }),
}));
/** Relations of document_shares. */
export const documentSharesRelations = relations(documentShares, ({ one }) => ({
  document: one(documents, { fields: [documentShares.tenantId, documentShares.documentId], references: [documents.tenantId, documents.id] }),
}));
/** Relations of document_activities. */
export const documentActivitiesRelations = relations(documentActivities, ({ one }) => ({
  document: one(documents, { fields: [documentActivities.tenantId, documentActivities.documentId], references: [documents.tenantId, documents.id] }),
}));
