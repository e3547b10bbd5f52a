// Seeds the audit domain: an append-only log of sign-ins and changes, reviews, compliance reports, content.
import {
  auditLogs,
  auditReviews,
  complianceReports,
  contents,
  type NewAuditLog,
  type NewAuditReview,
  type NewComplianceReport,
  type NewContent,
} from '../schema/index.js';
import type { TenantSeedContext } from './context.js';
import { fakeSha256 } from './projects.js';
import { addDays, SEED_EPOCH } from './random.js';
import { sentences } from './words.js';

const EVENTS = [
  ['user.login', 'user', 'POST', '/api/auth/login', 'info'],
  ['user.login_failed', 'user', 'POST', '/api/auth/login', 'warning'],
  ['project.updated', 'project', 'PATCH', '/api/projects', 'info'],
  ['task.created', 'task', 'POST', '/api/tasks', 'info'],
  ['document.downloaded', 'document', 'GET', '/api/documents', 'info'],
  ['settings.updated', 'tenant', 'PATCH', '/api/settings', 'warning'],
  ['inventory.adjusted', 'stock_movement', 'POST', '/api/inventory/movements', 'info'],
  ['billing.payment_failed', 'payment', 'POST', '/api/billing/webhook', 'error'],
  ['user.role_changed', 'user', 'PATCH', '/api/users', 'critical'],
] as const;

/**
 * Seeds 20-80 audit log entries over the last 90 days, one or two reviews, a compliance report
 * per quarter, and a few content items.
 *
 * @example
 * ```ts
 * import { seedAudit } from '@stocksync/db/seed';
 * ```
 */
export function seedAudit(ctx: TenantSeedContext): void {
  const rng = ctx.rng('audit');
  const { tenantId } = ctx;
  const logs: Array<NewAuditLog & { id: string }> = [];
  for (let i = rng.int(20, 80); i > 0; i--) {
    const [action, resourceType, method, path, severity] = rng.pick(EVENTS);
    const user = rng.pick(ctx.users);
    const at = rng.pastDate(90);
    const resourceId = resourceType === 'user' ? user.id : rng.uuid(at);
    logs.push({
      tenantId,
      id: rng.uuid(at),
      userId: user.id,
      action,
      resourceType,
      resourceId,
      ipAddress: `203.0.113.${rng.int(1, 254)}`,
      userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5)',
      requestMethod: method,
      requestPath: resourceType === 'user' || resourceType === 'tenant' ? path : `${path}/${resourceId}`,
      requestId: `req_${rng.next().toString(36)}${rng.next().toString(36)}`,
      changes: action.endsWith('updated') || action === 'user.role_changed' ? { before: { role: 'member' }, after: { role: 'admin' } } : {},
      metadata: { source: rng.pick(['web', 'api', 'mobile']) },
      severity,
      createdAt: at,
    });
  }
  const reviewer = ctx.users.find((u) => u.role === 'owner') ?? ctx.users[0]!;
  const reviews: NewAuditReview[] = [];
  const epoch = new Date(SEED_EPOCH);
  for (let r = rng.int(1, 2); r > 0; r--) {
    const start = addDays(epoch, -30 * r - 30);
    const end = addDays(start, 30);
    const done = r > 1 || rng.chance(0.5);
    const flagged = logs.find((l) => l.severity === 'critical' || l.severity === 'error');
    reviews.push({
      tenantId,
      id: rng.uuid(end),
      reviewerId: reviewer.id,
      auditLogId: flagged?.id ?? null,
      status: done ? 'completed' : 'in_progress',
      periodStart: start,
      periodEnd: end,
      filters: { severity: ['error', 'critical'] },
      findings: done ? [{ finding: 'Role change without ticket', severity: 'medium' }] : [],
      notes: sentences(rng, 1, 1),
      completedAt: done ? addDays(end, 3) : null,
      createdAt: end,
      updatedAt: done ? addDays(end, 3) : end,
    });
  }
  const reports: NewComplianceReport[] = [];
  for (let q = 1; q <= rng.int(1, 3); q++) {
    const start = addDays(epoch, -91 * q);
    const end = addDays(start, 90);
    const generated = addDays(end, 1);
    const ready = q > 1 || rng.chance(0.7);
    reports.push({
      tenantId,
      id: rng.uuid(generated),
      reportType: rng.pick(['soc2', 'gdpr', 'access_review'] as const),
      title: `Quarterly compliance report ${start.toISOString().slice(0, 7)}`,
      status: ready ? 'ready' : 'draft',
      periodStart: start.toISOString().slice(0, 10),
      periodEnd: end.toISOString().slice(0, 10),
      summary: { events: rng.int(100, 5000), findings: rng.int(0, 4) },
      filePath: ready ? `tenants/${tenantId}/compliance/${start.toISOString().slice(0, 7)}.pdf` : null,
      checksum: ready ? fakeSha256(rng) : null,
      generatedBy: reviewer.id,
      generatedAt: ready ? generated : null,
      createdAt: generated,
      updatedAt: generated,
    });
  }
  const items: NewContent[] = [];
  for (let c = rng.int(1, 4); c > 0; c--) {
    const at = rng.pastDate(300, 10);
    items.push({
      tenantId,
      id: rng.uuid(at),
      title: rng.pick(['Warehouse safety rules', 'Returns policy', 'Onboarding guide', 'Release notes', 'Supplier FAQ']),
      contentType: rng.pick(['article', 'page', 'post'] as const),
      status: rng.pick(['draft', 'published', 'published'] as const),
      body: sentences(rng, 2, 4),
      metadata: {},
      createdBy: rng.pick(ctx.users).id,
      createdAt: at,
      updatedAt: at,
    });
  }
  ctx.batch.push(auditLogs, logs);
  ctx.batch.push(auditReviews, reviews);
  ctx.batch.push(complianceReports, reports);
  ctx.batch.push(contents, items);
}
