// Brings one tenant schema to the template's structure: the statements that turn what it holds into
// what the template holds (create, alter, drop), applied in one transaction and stamped with the
// template's digest, so the fleet's state is read back from one catalog query.
import { sql } from 'drizzle-orm';
import { ConfigurationError } from '../errors.js';
import {
  OBJECT_KINDS,
  SCHEMA_PLACEHOLDER,
  forSchema,
  quoteIdent,
  readStructure,
  structureDigest,
  templateTables,
  type SchemaObject,
  type SchemaStructure,
  type SqlRunner,
  type TransactionRunner,
} from './structure.js';
import { STAMP_PREFIX, stampComment } from './stamp.js';

/** The template a schema is brought to: the structure of `public`'s tenant tables and its digest. */
export interface Template {
  tables: string[];
  structure: SchemaStructure;
  digest: string;
}

/**
 * Reads the template: the tenant tables of `public` as they are after the shared migrations.
 *
 * @example
 * ```ts
 * import { readTemplate } from '@stocksync/db/tenant-schemas';
 * const template = await readTemplate(db);
 * ```
 */
export async function readTemplate(db: TransactionRunner): Promise<Template> {
  const tables = await templateTables(db);
  const structure = await readStructure(db, 'public', tables);
  return { tables, structure, digest: structureDigest(structure) };
}

const rank = (o: SchemaObject) => OBJECT_KINDS.indexOf(o.kind);

/** The CHECK every table of a tenant schema carries: its rows are the tenant's. */
export const SCHEMA_TENANT_CHECK = 'schema_tenant_check';

/** One change the sync makes, for reports and `--plan`. */
export interface SchemaChange {
  action: 'create' | 'alter' | 'drop';
  key: string;
}

/** What it takes to bring a schema to the template. */
export interface SyncPlan {
  schema: string;
  changes: SchemaChange[];
  statements: string[];
}

function columnAlters(table: string, want: NonNullable<SchemaObject['column']>, have: NonNullable<SchemaObject['column']>): string[] | null {
  const shape = (d: string | null) => (d && /^[sad]+:/.test(d) ? d.slice(0, d.indexOf(':')) : '');
  // A generated or identity column that changes kind is dropped and added (not altered in place).
  if (shape(want.default) !== shape(have.default)) return null;
  const qt = `${table}`;
  const col = quoteIdent(want.name);
  const out: string[] = [];
  if (want.type !== have.type) out.push(`ALTER TABLE ${qt} ALTER COLUMN ${col} TYPE ${want.type} USING ${col}::${want.type.replace(/ COLLATE .*$/, '')}`);
  if (want.default !== have.default && !shape(want.default)) {
    out.push(want.default === null ? `ALTER TABLE ${qt} ALTER COLUMN ${col} DROP DEFAULT` : `ALTER TABLE ${qt} ALTER COLUMN ${col} SET DEFAULT ${want.default}`);
  }
  if (want.notNull !== have.notNull) out.push(`ALTER TABLE ${qt} ALTER COLUMN ${col} ${want.notNull ? 'SET' : 'DROP'} NOT NULL`);
  return out;
}

/**
 * The statements that bring `current` (the schema as it is; an empty structure for a new schema) to the
 * template. Refuses a table that loses one column and gains another of the same type (a rename would be
 * a drop and an add, losing the column's data): such a migration renames in each schema itself.
 */
export function planSync(
  template: SchemaStructure,
  current: SchemaStructure,
  schema: string,
  tenantId?: string,
  /** The schema's columns as `table.column`, when known: a rename done by hand is then not refused. */
  columns?: ReadonlySet<string>,
): SyncPlan {
  const have = new Map(current.objects.map((o) => [o.key, o]));
  const want = new Map(template.objects.map((o) => [o.key, o]));
  const drops: SchemaObject[] = [];
  const creates: SchemaObject[] = [];
  const alters: { o: SchemaObject; statements: string[] }[] = [];
  const changes: SchemaChange[] = [];
  for (const o of template.objects) {
    const h = have.get(o.key);
    if (!h) {
      creates.push(o);
      changes.push({ action: 'create', key: o.key });
    } else if (h.create.join('\n') !== o.create.join('\n')) {
      const inPlace = o.kind === 'column' ? columnAlters(`${SCHEMA_PLACEHOLDER}.${quoteIdent(o.table!)}`, o.column!, h.column!) : null;
      if (inPlace) alters.push({ o, statements: inPlace });
      else if (o.kind === 'function') creates.push(o);
      else {
        drops.push(h);
        creates.push(o);
      }
      changes.push({ action: 'alter', key: o.key });
    }
  }
  const droppedTables = new Set<string>();
  for (const h of current.objects) {
    if (want.has(h.key)) continue;
    if (h.kind === 'table') droppedTables.add(h.table!);
    drops.push(h);
    changes.push({ action: 'drop', key: h.key });
  }
  const newColumns = creates.filter((o) => o.kind === 'column');
  for (const gone of drops.filter((o) => o.kind === 'column' && !want.has(o.key) && !droppedTables.has(o.table!))) {
    const twin = newColumns.find((n) => n.table === gone.table && !have.has(n.key) && n.column!.type === gone.column!.type);
    const renamedByHand = columns && twin && !columns.has(`${gone.table}.${gone.column!.name}`) && columns.has(`${twin.table}.${twin.column!.name}`);
    if (twin && !renamedByHand) {
      throw new ConfigurationError(
        `Schema ${schema}: ${gone.table}.${gone.column!.name} would be dropped and ${twin.table}.${twin.column!.name} added (the same type): ` +
          "that looks like a rename, which a sync cannot tell from a drop and would lose the column's data. " +
          `Rename the column in each tenant schema first (ALTER TABLE <schema>.${gone.table} RENAME COLUMN ...), then run migrate up again.`,
      );
    }
  }
  const statements: string[] = [];
  const keep = (o: SchemaObject) => o.kind === 'table' || !o.table || !droppedTables.has(o.table);
  for (const o of drops.filter(keep).sort((a, b) => rank(b) - rank(a))) statements.push(...o.drop.map((s) => forSchema(s, schema)));
  const ordered = [...creates.map((o) => ({ o, statements: o.create })), ...alters].sort((a, b) => rank(a.o) - rank(b.o));
  for (const step of ordered) statements.push(...step.statements.map((s) => forSchema(s, schema)));
  // Each table of a tenant's schema holds that tenant's rows only: a statement of another tenant that names
  // this schema cannot leave rows in it, whatever tenant id it writes.
  if (tenantId) {
    for (const o of creates.filter((c) => c.kind === 'table')) {
      statements.push(
        `ALTER TABLE ${quoteIdent(schema)}.${quoteIdent(o.table!)} ADD CONSTRAINT ${SCHEMA_TENANT_CHECK} CHECK (tenant_id = '${tenantId}'::uuid)`,
      );
    }
  }
  return { schema, changes, statements };
}

type TxDb = SqlRunner;

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : ((result as { rows?: T[] }).rows ?? [])) as T[];
}

/**
 * Where each template a schema was brought to is kept (with the migration history, local to the
 * coordinator on Citus): a schema is migrated from the template its stamp names to the current one,
 * without reading the schema's own catalog (PostgreSQL does not print a re-created CHECK exactly as
 * the original, so comparing printed catalogs would see changes that are not there).
 */
const TEMPLATES_TABLE = 'drizzle.stocksync_tenant_templates';

/** Records the template (once per digest), so schemas brought to it can later be migrated from it. */
export async function saveTemplate(db: TxDb, template: Template): Promise<void> {
  await db.execute(sql.raw(`CREATE SCHEMA IF NOT EXISTS drizzle`));
  await db.execute(
    sql.raw(`CREATE TABLE IF NOT EXISTS ${TEMPLATES_TABLE} (digest text PRIMARY KEY, tables text[] NOT NULL, objects jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`),
  );
  await db.execute(
    sql`insert into drizzle.stocksync_tenant_templates (digest, tables, objects) values (${template.digest}, ${`{${template.tables.join(',')}}`}::text[], ${JSON.stringify(template.structure.objects)}::jsonb) on conflict (digest) do nothing`,
  );
}

/** The template recorded under `digest`, or undefined. */
export async function loadTemplate(db: TxDb, digest: string): Promise<SchemaStructure | undefined> {
  const rows = rowsOf<{ objects: SchemaObject[] | string }>(
    await db.execute(sql`select objects from drizzle.stocksync_tenant_templates where digest = ${digest}`),
  );
  if (!rows[0]) return undefined;
  const objects = typeof rows[0].objects === 'string' ? (JSON.parse(rows[0].objects) as SchemaObject[]) : rows[0].objects;
  return { schema: 'public', objects };
}

/** The stamp of one schema, or null when the schema does not exist; throws for a schema that is not a tenant schema. */
async function readStamp(db: TxDb, schema: string): Promise<{ tenantId: string; digest: string } | null> {
  const rows = rowsOf<{ c: string | null }>(await db.execute(sql`select obj_description(oid, 'pg_namespace') as c from pg_namespace where nspname = ${schema}`));
  if (!rows.length) return null;
  const match = new RegExp(`^${STAMP_PREFIX} ([0-9a-f-]{36}) ([0-9a-f]+)$`).exec(rows[0]!.c ?? '');
  if (!match) {
    throw new ConfigurationError(`Schema ${schema} is not a stocksync tenant schema (its comment is not a stamp): leave schemas the package did not create alone.`);
  }
  return { tenantId: match[1]!, digest: match[2]! };
}

/** What {@link syncTenantSchema} did to one schema. */
export interface SyncResult extends SyncPlan {
  created: boolean;
  from: string | null;
}

/**
 * Brings one schema to the template in one transaction: creates it (when `tenantId` is given and it does
 * not exist) or migrates it from the template its stamp names, then stamps it. The template must have
 * been saved ({@link saveTemplate}). A schema already at the template is left alone.
 *
 * @example
 * ```ts
 * import { readTemplate, saveTemplate, syncTenantSchema, tenantSchemaName } from '@stocksync/db/tenant-schemas';
 * const template = await readTemplate(db);
 * await saveTemplate(db, template);
 * await syncTenantSchema(db, template, tenantSchemaName(tenantId), { tenantId });
 * ```
 */
export async function syncTenantSchema(
  db: TransactionRunner,
  template: Template,
  schema: string,
  options: {
    tenantId?: string;
    lockTimeoutMs?: number;
    /**
     * Recorded templates already read, by digest (a recorded template never changes): a fleet migration
     * passes one map for all its schemas, so each old template is read and parsed once, not once per schema.
     */
    recorded?: Map<string, SchemaStructure>;
  } = {},
): Promise<SyncResult> {
  const run = async (tx: TxDb): Promise<SyncResult> => {
    await tx.execute(sql`select set_config('lock_timeout', ${`${options.lockTimeoutMs ?? 5000}ms`}, true)`);
    const stamp = await readStamp(tx, schema);
    if (!stamp && !options.tenantId) throw new ConfigurationError(`Schema ${schema} does not exist: create the tenant with isolation 'schema' first.`);
    if (stamp && options.tenantId && stamp.tenantId !== options.tenantId) {
      throw new ConfigurationError(`Schema ${schema} belongs to tenant ${stamp.tenantId}, not ${options.tenantId}.`);
    }
    if (stamp?.digest === template.digest) return { schema, changes: [], statements: [], created: false, from: stamp.digest };
    let from: SchemaStructure = { schema, objects: [] };
    if (stamp) {
      const recorded = options.recorded?.get(stamp.digest) ?? (await loadTemplate(tx, stamp.digest));
      if (recorded) options.recorded?.set(stamp.digest, recorded);
      if (!recorded) {
        throw new ConfigurationError(
          `Schema ${schema} was brought to template ${stamp.digest}, which is not recorded in ${TEMPLATES_TABLE}: it cannot be migrated from it. ` +
            'Move the tenant to shared and back (stocksync-db tenant move) to rebuild its schema.',
        );
      }
      from = recorded;
    } else {
      await createSchemaIn(tx, schema, template);
    }
    const tenantId = stamp?.tenantId ?? options.tenantId!;
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(tenantId)) throw new ConfigurationError(`"${tenantId}" is not a tenant id.`);
    const columns = stamp
      ? new Set(
          rowsOf<{ c: string }>(
            await tx.execute(sql`select c.relname || '.' || a.attname as c from pg_attribute a join pg_class c on c.oid = a.attrelid
              join pg_namespace n on n.oid = c.relnamespace where n.nspname = ${schema} and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped`),
          ).map((r) => r.c),
        )
      : undefined;
    const plan = planSync(template.structure, from, schema, tenantId, columns);
    for (const statement of plan.statements) await tx.execute(sql.raw(statement));
    await tx.execute(sql.raw(`COMMENT ON SCHEMA ${quoteIdent(schema)} IS ${literal(stampComment(tenantId, template.digest))}`));
    return { ...plan, created: !stamp, from: stamp?.digest ?? null };
  };
  return db.transaction(run);
}

function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** Creates the schema, owned like the template's tables, usable by every role granted on them. */
async function createSchemaIn(tx: TxDb, schema: string, template: Template): Promise<void> {
  const owner = template.structure.objects.find((o) => o.kind === 'table')?.create[1]?.replace(/^.* OWNER TO /, '');
  const grantees = new Set<string>();
  for (const o of template.structure.objects) {
    if (o.kind !== 'grant') continue;
    for (const statement of o.create) grantees.add(statement.replace(/^.* TO /, ''));
  }
  await tx.execute(sql.raw(`CREATE SCHEMA ${quoteIdent(schema)}${owner ? ` AUTHORIZATION ${owner}` : ''}`));
  await tx.execute(sql.raw(`REVOKE ALL ON SCHEMA ${quoteIdent(schema)} FROM PUBLIC`));
  if (grantees.size) await tx.execute(sql.raw(`GRANT USAGE ON SCHEMA ${quoteIdent(schema)} TO ${[...grantees].join(', ')}`));
}
