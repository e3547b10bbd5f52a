// Audit validators: audit logs (insert only: the log is immutable), audit reviews, compliance reports
// and contents (select, insert, update, wire).
import { createSelectSchema } from 'drizzle-zod';
import { insertSchemaOf, updateSchemaOf } from './_columns.js';
import { z } from 'zod';
import {
  auditLogs,
  auditReviews,
  complianceReports,
  contents,
  type AuditLog,
  type AuditReview,
  type ComplianceReport,
  type Content,
} from '../schema/audit.js';
import { requireThat, sha256Hex, wireSchemaOf, type Paginated, type Wire } from './_shared.js';

/** Audit log: select schema. */
export const auditLogSelectSchema = createSelectSchema(auditLogs);
/**
 * Audit log: insert schema (`action` like `document.delete`).
 *
 * @example
 * ```ts
 * import { auditLogInsertSchema } from '@stocksync/db/validators';
 * auditLogInsertSchema.parse({ tenantId, action: 'user.login', resourceType: 'User' });
 * ```
 */
export const auditLogInsertSchema = insertSchemaOf(auditLogs, {
  action: (s: z.ZodString) => s.regex(/^[a-z0-9_]+(\.[a-z0-9_]+)+$/, 'Must look like resource.verb, e.g. user.login'),
  resourceType: (s: z.ZodString) => s.min(1, 'Must not be empty'),
});
/** Audit log: update schema. Audit logs are immutable, so every update is rejected (as in the database). */
export const auditLogUpdateSchema = z.never({ error: 'Audit logs are immutable: they cannot be updated' });
/** Audit log: wire schema. */
export const auditLogWireSchema = wireSchemaOf(auditLogs);
/** An audit log entry as JSON. */
export type AuditLogWire = Wire<AuditLog>;
/** A page of audit log entries. */
export type AuditLogListResponse = Paginated<AuditLogWire>;

const periodOrder = (v: { periodStart?: Date | string | null; periodEnd?: Date | string | null }, ctx: z.RefinementCtx) =>
  requireThat(ctx, !v.periodStart || !v.periodEnd || v.periodEnd >= v.periodStart, ['periodEnd'], 'Must not be before periodStart');

/** Audit review: select schema. */
export const auditReviewSelectSchema = createSelectSchema(auditReviews);
/** Audit review: insert schema (period end not before start). */
export const auditReviewInsertSchema = insertSchemaOf(auditReviews).superRefine(periodOrder);
/** Audit review: update schema. */
export const auditReviewUpdateSchema = updateSchemaOf(auditReviews).superRefine(periodOrder);
/** Audit review: wire schema. */
export const auditReviewWireSchema = wireSchemaOf(auditReviews);
/** An audit review as JSON. */
export type AuditReviewWire = Wire<AuditReview>;
/** A page of audit reviews. */
export type AuditReviewListResponse = Paginated<AuditReviewWire>;

const reportRefine = { checksum: () => sha256Hex.nullable(), periodStart: z.iso.date(), periodEnd: z.iso.date() };
/** Compliance report: select schema. */
export const complianceReportSelectSchema = createSelectSchema(complianceReports);
/** Compliance report: insert schema (SHA-256 checksum, period end not before start). */
export const complianceReportInsertSchema = insertSchemaOf(complianceReports, reportRefine).superRefine(periodOrder);
/** Compliance report: update schema. */
export const complianceReportUpdateSchema = updateSchemaOf(complianceReports, reportRefine).superRefine(periodOrder);
/** Compliance report: wire schema. */
export const complianceReportWireSchema = wireSchemaOf(complianceReports);
/** A compliance report as JSON. */
export type ComplianceReportWire = Wire<ComplianceReport>;
/** A page of compliance reports. */
export type ComplianceReportListResponse = Paginated<ComplianceReportWire>;

const contentRefine = { title: (s: z.ZodString) => s.trim().min(1, 'Must not be blank') };
/** Content: select schema. */
export const contentSelectSchema = createSelectSchema(contents);
/** Content: insert schema. */
export const contentInsertSchema = insertSchemaOf(contents, contentRefine);
/** Content: update schema. */
export const contentUpdateSchema = updateSchemaOf(contents, contentRefine);
/** Content: wire schema. */
export const contentWireSchema = wireSchemaOf(contents);
/** A content item as JSON. */
export type ContentWire = Wire<Content>;
/** A page of content items. */
export type ContentListResponse = Paginated<ContentWire>;
