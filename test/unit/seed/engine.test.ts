// The seed engine without a database: the PRNG, deterministic ids, COPY text encoding, array literals.
import { describe, expect, it } from 'vitest';
import { users } from '../../../src/schema/index.js';
import { arrayLiteral, copyPlan, generateTenant, Random, SeedBatch, tenantRow } from '../../../src/seed/index.js';

describe('Random', () => {
  it('is a pure function of its seed path', () => {
    const a = Random.from('42', 'tenant', 1);
    const b = Random.from('42', 'tenant', 1);
    const c = Random.from('42', 'tenant', 2);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
  });

  it('keeps ints in range and forks independently of usage', () => {
    const r = Random.from('range');
    for (let i = 0; i < 1000; i++) {
      const n = r.int(3, 7);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(7);
    }
    const used = Random.from('f');
    used.next();
    expect(used.fork('x').next()).toBe(Random.from('f').fork('x').next());
  });

  it('makes version 7 shaped uuids carrying the given time, all distinct', () => {
    const r = Random.from('ids');
    const at = new Date('2025-03-04T05:06:07Z');
    const ids = Array.from({ length: 2000 }, () => r.uuid(at));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids.slice(0, 20)) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(at.getTime());
    }
  });
});

describe('generation', () => {
  it('generates the same rows for the same seed and index', () => {
    const one = new SeedBatch();
    const two = new SeedBatch();
    generateTenant('gen', 3, one);
    generateTenant('gen', 3, two);
    expect(one.counts()).toEqual(two.counts());
    expect(JSON.stringify(one.ordered().map(([, rows]) => rows))).toBe(JSON.stringify(two.ordered().map(([, rows]) => rows)));
    expect(tenantRow('gen', 3).slug).toMatch(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/);
  });

  it('writes parents before children', () => {
    const batch = new SeedBatch();
    generateTenant('order', 0, batch);
    const names = batch.ordered().map(([t]) => (t as unknown as { [k: symbol]: string })[Symbol.for('drizzle:Name')]);
    expect(names.indexOf('tenants')).toBeLessThan(names.indexOf('users'));
    expect(names.indexOf('projects')).toBeLessThan(names.indexOf('tasks'));
    expect(names.indexOf('tasks')).toBeLessThan(names.indexOf('task_comments'));
    expect(names.indexOf('stock_levels')).toBeLessThan(names.indexOf('stock_movements'));
  });
});

describe('COPY encoding', () => {
  // JSON's own escape for a tab (backslash t) gets its backslash doubled for COPY's text format.
  it('escapes tabs, newlines and backslashes, writes NULL as \\N, JSON and timestamps as text', () => {
    const rows = [
      {
        tenantId: '00000000-0000-7000-8000-000000000001',
        id: '00000000-0000-7000-8000-000000000002',
        email: 'a\tb\\c\nd@example.com',
        avatarUrl: null,
        notificationPreferences: { note: 'x\ty' },
        createdAt: new Date('2025-01-02T03:04:05Z'),
      },
    ];
    const plan = copyPlan(users, rows);
    expect(plan.statement('STDIN')).toBe(
      'COPY "users" ("tenant_id", "id", "email", "avatar_url", "notification_preferences", "created_at") FROM STDIN',
    );
    expect(plan.encode(rows)).toBe(
      '00000000-0000-7000-8000-000000000001\t00000000-0000-7000-8000-000000000002\ta\\tb\\\\c\\nd@example.com\t\\N\t{"note":"x\\\\ty"}\t2025-01-02T03:04:05.000Z\n',
    );
  });

  it('quotes array literal elements', () => {
    expect(arrayLiteral(['a', 'b"c', 'd\\e', null, 3])).toBe('{"a","b\\"c","d\\\\e",NULL,"3"}');
  });
});
