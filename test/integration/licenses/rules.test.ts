// License rules enforced by the database: seat limit (also under concurrent opens), one active session
// per machine, final session states, and the zombie reaper.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asTenant, createTenant, expectSqlState, openRulesDatabase, tq, type RulesDatabase } from '../inventory/helpers.js';

let r: RulesDatabase;
let A: { tenantId: string; userId: string };

beforeAll(async () => {
  r = await openRulesDatabase(14);
  A = await createTenant(r.pool, 'lic-a');
});
afterAll(async () => {
  await r?.close();
});

async function license(seats: number, opts: { status?: string; expiresAt?: string } = {}): Promise<string> {
  const [l] = await tq<{ id: string }>(
    r.pool,
    A.tenantId,
    `insert into licenses (tenant_id, license_key, seats_total, status, expires_at) values ($1, 'KEY-' || gen_random_uuid(), $2, $3, $4) returning id`,
    [A.tenantId, seats, opts.status ?? 'active', opts.expiresAt ?? null],
  );
  return l!.id;
}
async function open(licenseId: string, hardwareId: string, lastHeartbeat?: string): Promise<string> {
  const [s] = await tq<{ id: string }>(
    r.pool,
    A.tenantId,
    `insert into license_sessions (tenant_id, license_id, hardware_id, last_heartbeat_at) values ($1, $2, $3, coalesce($4::timestamptz, now())) returning id`,
    [A.tenantId, licenseId, hardwareId, lastHeartbeat ?? null],
  );
  return s!.id;
}
async function active(licenseId: string): Promise<number> {
  const [row] = await tq<{ n: number }>(r.pool, A.tenantId, `select count(*)::int as n from license_sessions where license_id = $1 and status = 'active'`, [licenseId]);
  return row!.n;
}
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

describe('license seats', () => {
  it('refuses a session beyond seats_total (23514)', async () => {
    const l = await license(2);
    await open(l, 'hw-1');
    await open(l, 'hw-2');
    const err = await expectSqlState(open(l, 'hw-3'), '23514');
    expect((err as { constraint?: string }).constraint).toBe('license_sessions_seats_check');
    expect(await active(l)).toBe(2);
  });

  it('allows one active session per (license, hardware_id) (23505), and a new one after closing', async () => {
    const l = await license(5);
    const s = await open(l, 'hw-same');
    await expectSqlState(open(l, 'hw-same'), '23505');
    await tq(r.pool, A.tenantId, `update license_sessions set status = 'closed' where id = $1`, [s]);
    await open(l, 'hw-same');
    expect(await active(l)).toBe(1);
  });

  it('never exceeds seats_total under concurrent opens from many connections', async () => {
    const l = await license(3);
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => open(l, `hw-c${i}`)));
    const ok = results.filter((x) => x.status === 'fulfilled').length;
    const codes = (results.filter((x) => x.status === 'rejected') as PromiseRejectedResult[]).map((x) => (x.reason as { code?: string }).code);
    expect(ok).toBe(3);
    expect(codes).toEqual(Array(7).fill('23514'));
    expect(await active(l)).toBe(3);
  });

  it('never exceeds seats_total under concurrent opens in REPEATABLE READ (losers get 40001 or 23514)', async () => {
    const l = await license(2);
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        asTenant(
          r.pool,
          A.tenantId,
          (c) => c.query(`insert into license_sessions (tenant_id, license_id, hardware_id) values ($1, $2, $3)`, [A.tenantId, l, `hw-rr${i}`]),
          'repeatable read',
        ),
      ),
    );
    const codes = (results.filter((x) => x.status === 'rejected') as PromiseRejectedResult[]).map((x) => (x.reason as { code?: string }).code);
    expect(codes.every((c) => c === '40001' || c === '23514')).toBe(true);
    expect(await active(l)).toBeLessThanOrEqual(2);
    expect(await active(l)).toBeGreaterThanOrEqual(1);
  });

  it('refuses lowering seats_total below the active sessions (23514)', async () => {
    const l = await license(3);
    await open(l, 'hw-a');
    await open(l, 'hw-b');
    await expectSqlState(tq(r.pool, A.tenantId, `update licenses set seats_total = 1 where id = $1`, [l]), '23514');
    await tq(r.pool, A.tenantId, `update licenses set seats_total = 2 where id = $1`, [l]);
  });

  it('refuses sessions on a suspended or expired license (55000)', async () => {
    await expectSqlState(open(await license(1, { status: 'suspended' }), 'hw'), '55000');
    await expectSqlState(open(await license(1, { expiresAt: minutesAgo(1) }), 'hw'), '55000');
  });
});

describe('session lifecycle and the reaper', () => {
  it('turns sessions silent for more than 6 minutes into zombies, freeing their seats', async () => {
    const l = await license(2);
    const stale = await open(l, 'hw-stale', minutesAgo(7));
    const fresh = await open(l, 'hw-fresh', minutesAgo(5));
    await expectSqlState(open(l, 'hw-new'), '23514');
    const reaped = await tq<{ id: string; status: string }>(r.pool, A.tenantId, `select id, status from stocksync_reap_license_sessions()`);
    expect(reaped).toEqual([{ id: stale, status: 'zombie' }]);
    const [row] = await tq<{ status: string; ended_at: Date | null }>(r.pool, A.tenantId, `select status, ended_at from license_sessions where id = $1`, [stale]);
    expect(row!.status).toBe('zombie');
    expect(row!.ended_at).toBeInstanceOf(Date);
    await open(l, 'hw-new');
    const [f] = await tq<{ status: string }>(r.pool, A.tenantId, `select status from license_sessions where id = $1`, [fresh]);
    expect(f!.status).toBe('active');
  });

  it('keeps closed and zombie sessions final (55000)', async () => {
    const l = await license(2);
    const s = await open(l, 'hw-final', minutesAgo(10));
    await tq(r.pool, A.tenantId, `select stocksync_reap_license_sessions()`);
    await expectSqlState(tq(r.pool, A.tenantId, `update license_sessions set status = 'active', ended_at = null where id = $1`, [s]), '55000');
    await expectSqlState(tq(r.pool, A.tenantId, `update license_sessions set last_heartbeat_at = now() where id = $1`, [s]), '55000');
    await expectSqlState(tq(r.pool, A.tenantId, `update license_sessions set status = 'closed' where id = $1`, [s]), '55000');
  });

  it('only reaps the current tenant under RLS', async () => {
    const B = await createTenant(r.pool, 'lic-b');
    const [lb] = await tq<{ id: string }>(r.pool, B.tenantId, `insert into licenses (tenant_id, license_key, seats_total) values ($1, 'B-KEY', 1) returning id`, [B.tenantId]);
    await tq(r.pool, B.tenantId, `insert into license_sessions (tenant_id, license_id, hardware_id, last_heartbeat_at) values ($1, $2, 'hw', now() - interval '1 hour')`, [
      B.tenantId,
      lb!.id,
    ]);
    await tq(r.pool, A.tenantId, `select stocksync_reap_license_sessions()`);
    const [still] = await tq<{ status: string }>(r.pool, B.tenantId, `select status from license_sessions where license_id = $1`, [lb!.id]);
    expect(still!.status).toBe('active');
  });
});
