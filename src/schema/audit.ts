// Audit domain: the immutable audit log, its reviews, compliance reports, and seed 002's contents.
import { relations, sql } from 'drizzle-orm';
import { check, date, index, inet, jsonb, pgPolicy, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { checksumCheck, createdAt, enumCheck, timestamps } from './_columns.js';
import { retentionRole } from './_roles.js';
import { tenantRef, tenantTable } from './_tenant-table.js';
import { users } from './identity.js';

/** Audit severities. */
export const AUDIT_SEVERITIES = ['info', 'warning', 'error', 'critical'] as const;
/** Audit review states. */
export const AUDIT_REVIEW_STATUSES = ['pending', 'in_progress', 'completed', 'dismissed'] as const;
/** Kinds of compliance report. */
export const COMPLIANCE_REPORT_TYPES = ['soc2', 'gdpr', 'hipaa', 'iso27001', 'access_review', 'custom'] as const;
/** Compliance report states. */
export const COMPLIANCE_REPORT_STATUSES = ['draft', 'generating', 'ready', 'failed', 'archived'] as const;
/** Kinds of content (seed 002's `content.type`). */
export const CONTENT_TYPES = ['article', 'page', 'post', 'media', 'other'] as const;
/** Content states. */
export const CONTENT_STATUSES = ['draft', 'published', 'archived'] as const;

/**
 * Audit logs: append-only. UPDATE, DELETE and TRUNCATE raise (trigger) for every role except
 * `stocksync_retention`, which may delete rows older than the retention period (1 year). A row
 * also goes when its tenant is purged. `user_id` has no foreign key: the record of who acted
 * outlives the user.
 *
 * @example
 * ```ts
 * import { auditLogs } from '@stocksync/db/schema';
 * const rows = await db.select().from(auditLogs).limit(10);
 * ```
 */
export const auditLogs = tenantTable(
  'audit_logs',
  {
    userId: uuid(),
    action: varchar({ length: 100 }).notNull(),
    resourceType: varchar({ length: 100 }).notNull(),
    resourceId: varchar({ length: 255 }),
    ipAddress: inet(),
    userAgent: varchar({ length: 500 }).notNull().default(''),
    requestMethod: varchar({ length: 10 }).notNull().default(''),
    requestPath: varchar({ length: 1000 }).notNull().default(''),
    requestId: varchar({ length: 100 }),
    changes: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    metadata: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    severity: varchar({ length: 20, enum: AUDIT_SEVERITIES }).notNull().default('info'),
    ...createdAt(),
  },
  (t) => [
    index('audit_logs_tenant_id_user_id_created_at_idx').on(t.tenantId, t.userId, t.createdAt.desc()),
    index('audit_logs_tenant_id_resource_type_resource_id_idx').on(t.tenantId, t.resourceType, t.resourceId),
    index('audit_logs_tenant_id_action_idx').on(t.tenantId, t.action),
    index('audit_logs_tenant_id_severity_idx')
      .on(t.tenantId, t.severity)
      .where(sql`${t.severity} in ('error', 'critical')`),
    enumCheck('audit_logs', t.severity, AUDIT_SEVERITIES),
    // The retention role sees (and so may delete) only rows past the retention period.
    pgPolicy('audit_logs_retention', {
      as: 'permissive',
      for: 'all',
      to: retentionRole,
      using: sql`created_at < now() - stocksync_audit_retention()`,
      withCheck: sql`false`,
    }),
  ],
);

/**
 * Audit reviews: a reviewer's pass over a period of the audit log (optionally about one entry).
 * `audit_log_id` has no foreign key: retention may delete the entry, the review keeps its id.
 *
 * @example
 * ```ts
 * import { auditReviews } from '@stocksync/db/schema';
 * const rows = await db.select().from(auditReviews).limit(10);
 * ```
 */
export const auditReviews = tenantTable(
  'audit_reviews',
  {
    reviewerId: uuid(),
    auditLogId: uuid(),
    status: varchar({ length: 20, enum: AUDIT_REVIEW_STATUSES }).notNull().default('pending'),
    periodStart: timestamp({ withTimezone: true, mode: 'date' }),
    periodEnd: timestamp({ withTimezone: true, mode: 'date' }),
    filters: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    findings: jsonb().$type<Array<Record<string, unknown>>>().notNull().default([]),
    notes: text().notNull().default(''),
    completedAt: timestamp({ withTimezone: true, mode: 'date' }),
    ...timestamps(),
  },
  (t) => [
    tenantRef('audit_reviews', t.tenantId, t.reviewerId, users, 'set null'),
    index('audit_reviews_tenant_id_status_idx').on(t.tenantId, t.status),
    index('audit_reviews_tenant_id_reviewer_id_idx').on(t.tenantId, t.reviewerId),
    enumCheck('audit_reviews', t.status, AUDIT_REVIEW_STATUSES),
    check('audit_reviews_period_check', sql`${t.periodEnd} is null or ${t.periodStart} is null or ${t.periodEnd} >= ${t.periodStart}`),
  ],
);

/**
 * Compliance reports: generated evidence for a period (file stored elsewhere, checksummed).
 *
 * @example
 * ```ts
 * import { complianceReports } from '@stocksync/db/schema';
 * const rows = await db.select().from(complianceReports).limit(10);
 * ```
 */
export const complianceReports = tenantTable(
  'compliance_reports',
  {
    reportType: varchar({ length: 30, enum: COMPLIANCE_REPORT_TYPES }).notNull(),
    title: varchar({ length: 255 }).notNull(),
    status: varchar({ length: 20, enum: COMPLIANCE_REPORT_STATUSES }).notNull().default('draft'),
    periodStart: date({ mode: 'string' }).notNull(),
    periodEnd: date({ mode: 'string' }).notNull(),
    summary: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    filePath: varchar({ length: 1000 }),
    checksum: varchar({ length: 64 }),
    generatedBy: uuid(),
    generatedAt: timestamp({ withTimezone: true, mode: 'date' }),
    ...timestamps(),
  },
  (t) => [
    tenantRef('compliance_reports', t.tenantId, t.generatedBy, users, 'set null'),
    index('compliance_reports_tenant_id_report_type_period_start_idx').on(t.tenantId, t.reportType, t.periodStart),
    index('compliance_reports_tenant_id_status_idx').on(t.tenantId, t.status),
    enumCheck('compliance_reports', t.reportType, COMPLIANCE_REPORT_TYPES),
    enumCheck('compliance_reports', t.status, COMPLIANCE_REPORT_STATUSES),
    checksumCheck('compliance_reports', t.checksum),
    check('compliance_reports_period_check', sql`${t.periodEnd} >= ${t.periodStart}`),
  ],
);

/**
 * Contents (seed 002): titled pieces of tenant content with an author.
 *
 * @example
 * ```ts
 * import { contents } from '@stocksync/db/schema';
 * const rows = await db.select().from(contents).limit(10);
 * ```
 */
export const contents = tenantTable(
  'contents',
  {
    title: varchar({ length: 500 }).notNull(),
    contentType: varchar({ length: 20, enum: CONTENT_TYPES }).notNull().default('article'),
    status: varchar({ length: 20, enum: CONTENT_STATUSES }).notNull().default('draft'),
    body: text().notNull().default(''),
    metadata: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdBy: uuid(),
    ...timestamps(),
  },
  (t) => [
    tenantRef('contents', t.tenantId, t.createdBy, users, 'set null'),
    index('contents_tenant_id_content_type_status_idx').on(t.tenantId, t.contentType, t.status),
    index('contents_tenant_id_created_by_idx').on(t.tenantId, t.createdBy),
    enumCheck('contents', t.contentType, CONTENT_TYPES),
    enumCheck('contents', t.status, CONTENT_STATUSES),
  ],
);

/** An audit log row. */
export type AuditLog = typeof auditLogs.$inferSelect;
/** An audit log row to insert. */
export type NewAuditLog = typeof auditLogs.$inferInsert;
/** An audit review row. */
export type AuditReview = typeof auditReviews.$inferSelect;
/** An audit review row to insert. */
export type NewAuditReview = typeof auditReviews.$inferInsert;
/** A compliance report row. */
export type ComplianceReport = typeof complianceReports.$inferSelect;
/** A compliance report row to insert. */
export type NewComplianceReport = typeof complianceReports.$inferInsert;
/** A content row. */
export type Content = typeof contents.$inferSelect;
/** A content row to insert. */
export type NewContent = typeof contents.$inferInsert;

/** Relations of audit_reviews. */
export const auditReviewsRelations = relations(auditReviews, ({ one }) => ({
  reviewer: one(users, { fields: [auditReviews.tenantId, auditReviews.reviewerId], references: [users.tenantId, users.id] }),
}));
/** Relations of contents. */
export const contentsRelations = relations(contents, ({ one }) => ({
  author: one(users, { fields: [contents.tenantId, contents.createdBy], references: [users.tenantId, users.id] }),
}));
