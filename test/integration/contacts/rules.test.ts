// Contact and messaging rules enforced by the database: ISO country codes, coordinates, one default per
// owner and type, E.164 phones, and the polymorphic owner/counterparty checked like a foreign key.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, expectSqlState, openRulesDatabase, tq, type RulesDatabase } from '../inventory/helpers.js';

let r: RulesDatabase;
let A: { tenantId: string; userId: string };
let B: { tenantId: string; userId: string };

beforeAll(async () => {
  r = await openRulesDatabase(6);
  A = await createTenant(r.pool, 'con-a');
  B = await createTenant(r.pool, 'con-b');
});
afterAll(async () => {
  await r?.close();
});

interface AddressInput {
  entityType?: string;
  entityId?: string;
  addressType?: string;
  country?: string;
  lat?: number | null;
  long?: number | null;
  isDefault?: boolean;
}
function address(input: AddressInput = {}) {
  return tq<{ id: string }>(
    r.pool,
    A.tenantId,
    `insert into addresses (tenant_id, entity_type, entity_id, address_type, address_line1, city, postal_code, country_code, latitude, longitude, is_default)
     values ($1, $2, $3, $4, '1 Main St', 'Springfield', '12345', $5, $6, $7, $8) returning id`,
    [
      A.tenantId,
      input.entityType ?? 'user',
      input.entityId ?? A.userId,
      input.addressType ?? 'billing',
      input.country ?? 'US',
      input.lat === undefined ? null : input.lat,
      input.long === undefined ? null : input.long,
      input.isDefault ?? false,
    ],
  );
}

describe('addresses', () => {
  it('requires an ISO 3166-1 alpha-2 country code (23514)', async () => {
    await address({ country: 'DE' });
    await expectSqlState(address({ country: 'XX' }), '23514');
    await expectSqlState(address({ country: 'us' }), '23514');
    await expectSqlState(address({ country: 'UK' }), '23514'); // GB is the code; UK is only reserved
  });

  it('keeps latitude and longitude in range, and both or neither (23514)', async () => {
    await address({ lat: -90, long: 180 });
    await expectSqlState(address({ lat: 90.5, long: 0 }), '23514');
    await expectSqlState(address({ lat: 0, long: -180.5 }), '23514');
    await expectSqlState(address({ lat: 10, long: null }), '23514');
  });

  it('allows one default address per owner and type (23505)', async () => {
    const [sup] = await tq<{ id: string }>(r.pool, A.tenantId, `insert into suppliers (tenant_id, name) values ($1, 'Default Co') returning id`, [A.tenantId]);
    await address({ entityType: 'supplier', entityId: sup!.id, addressType: 'shipping', isDefault: true });
    await expectSqlState(address({ entityType: 'supplier', entityId: sup!.id, addressType: 'shipping', isDefault: true }), '23505');
    await address({ entityType: 'supplier', entityId: sup!.id, addressType: 'billing', isDefault: true });
    await address({ entityType: 'supplier', entityId: sup!.id, addressType: 'shipping', isDefault: false });
    await address({ entityType: 'supplier', entityId: sup!.id, addressType: 'shipping', isDefault: false });
  });

  it('checks the polymorphic owner like a foreign key: it must exist in the same tenant (23503)', async () => {
    await address({ entityType: 'tenant', entityId: A.tenantId });
    await expectSqlState(address({ entityType: 'tenant', entityId: B.tenantId }), '23503');
    await expectSqlState(address({ entityType: 'user', entityId: B.userId }), '23503');
    await expectSqlState(address({ entityType: 'order', entityId: A.userId }), '23503');
    await expectSqlState(address({ entityType: 'planet', entityId: A.userId }), '23514');
  });

  it('removes the contact rows of a deleted owner', async () => {
    const [buyer] = await tq<{ id: string }>(r.pool, A.tenantId, `insert into buyers (tenant_id, name) values ($1, 'Gone Shop') returning id`, [A.tenantId]);
    await address({ entityType: 'buyer', entityId: buyer!.id });
    await tq(r.pool, A.tenantId, `insert into phone_numbers (tenant_id, entity_type, entity_id, phone_type, number) values ($1, 'buyer', $2, 'work', '+14155550100')`, [
      A.tenantId,
      buyer!.id,
    ]);
    await tq(r.pool, A.tenantId, `delete from buyers where id = $1`, [buyer!.id]);
    expect(await tq(r.pool, A.tenantId, `select id from addresses where entity_id = $1 union all select id from phone_numbers where entity_id = $1`, [buyer!.id])).toEqual([]);
  });
});

describe('phone numbers and email addresses', () => {
  const phone = (number: string, isDefault = false, phoneType = 'mobile') =>
    tq(r.pool, A.tenantId, `insert into phone_numbers (tenant_id, entity_type, entity_id, phone_type, number, is_default) values ($1, 'user', $2, $3, $4, $5)`, [
      A.tenantId,
      A.userId,
      phoneType,
      number,
      isDefault,
    ]);
  const email = (value: string, isDefault = false, emailType = 'work') =>
    tq(r.pool, A.tenantId, `insert into email_addresses (tenant_id, entity_type, entity_id, email_type, email, is_default) values ($1, 'user', $2, $3, $4, $5)`, [
      A.tenantId,
      A.userId,
      emailType,
      value,
      isDefault,
    ]);

  it('stores phones in E.164 (23514), unique per owner, one default per type (23505)', async () => {
    await phone('+4930123456', true);
    await expectSqlState(phone('030 123456'), '23514');
    await expectSqlState(phone('+0123'), '23514');
    await expectSqlState(phone('+4930123456'), '23505');
    await expectSqlState(phone('+4930999999', true), '23505');
    await phone('+4930999999', true, 'work');
  });

  it('keeps emails unique per owner regardless of case (23505), one default per type', async () => {
    await email('Ops@Example.test', true);
    await expectSqlState(email('ops@example.test'), '23505');
    await expectSqlState(email('not-an-email'), '23514');
    await expectSqlState(email('second@example.test', true), '23505');
    await email('billing@example.test', true, 'billing');
  });
});

describe('messaging', () => {
  it('checks the communication counterparty like a foreign key (23503) and clears sent_by on user delete', async () => {
    const [d] = await tq<{ id: string }>(r.pool, A.tenantId, `insert into drivers (tenant_id, name) values ($1, 'Dana') returning id`, [A.tenantId]);
    const [u] = await tq<{ id: string }>(r.pool, A.tenantId, `insert into users (tenant_id, email) values ($1, 'sender@con-a.test') returning id`, [A.tenantId]);
    const [c] = await tq<{ id: string }>(
      r.pool,
      A.tenantId,
      `insert into communications (tenant_id, channel, direction, counterparty_type, counterparty_id, sent_by_id, body) values ($1, 'sms', 'outbound', 'driver', $2, $3, 'Pick-up at 9') returning id`,
      [A.tenantId, d!.id, u!.id],
    );
    await expectSqlState(
      tq(r.pool, A.tenantId, `insert into communications (tenant_id, channel, direction, counterparty_type, counterparty_id) values ($1, 'sms', 'outbound', 'buyer', $2)`, [
        A.tenantId,
        d!.id,
      ]),
      '23503',
    );
    await tq(r.pool, A.tenantId, `delete from users where id = $1`, [u!.id]);
    const [after] = await tq<{ sent_by_id: string | null; tenant_id: string }>(r.pool, A.tenantId, `select sent_by_id, tenant_id from communications where id = $1`, [c!.id]);
    expect(after).toEqual({ sent_by_id: null, tenant_id: A.tenantId });
  });

  it('addresses notifications to a user of the same tenant (23503 across tenants)', async () => {
    await tq(r.pool, A.tenantId, `insert into notifications (tenant_id, user_id, kind, title) values ($1, $2, 'stock.low', 'Low stock')`, [A.tenantId, A.userId]);
    await expectSqlState(
      tq(r.pool, A.tenantId, `insert into notifications (tenant_id, user_id, kind, title) values ($1, $2, 'stock.low', 'Low stock')`, [A.tenantId, B.userId]),
      '23503',
    );
    await expectSqlState(tq(r.pool, A.tenantId, `insert into notifications (tenant_id, user_id, kind, title, channel) values ($1, $2, 'x', 'x', 'pigeon')`, [A.tenantId, A.userId]), '23514');
  });
});
