// Seeds contact details (addresses, phone numbers, email addresses) of the tenant, its users and
// its inventory parties and locations; each owner exists before its details (the database checks).
import { addresses, emailAddresses, phoneNumbers, type NewAddress, type NewEmailAddress, type NewPhoneNumber } from '../schema/index.js';
import type { TenantSeedContext } from './context.js';
import type { InventoryRefs } from './inventory.js';
import { addDays } from './random.js';
import { CITIES, STREETS } from './words.js';

type Owner = { type: NewAddress['entityType']; id: string; name: string };

/**
 * Seeds a billing address, phone and email for the tenant, an office address for each location,
 * addresses, phones and emails for suppliers and buyers, and mobile numbers for some users.
 *
 * @example
 * ```ts
 * import { seedContacts } from '@stocksync/db/seed';
 * ```
 */
export function seedContacts(ctx: TenantSeedContext): void {
  const rng = ctx.rng('contacts');
  const { tenantId } = ctx;
  const inv = ctx.refs.inventory as InventoryRefs | undefined;
  const at = addDays(ctx.tenant.createdAt, 2);
  const adds: NewAddress[] = [];
  const phones: NewPhoneNumber[] = [];
  const emails: NewEmailAddress[] = [];
  const address = (owner: Owner, type: NewAddress['addressType']) => {
    const [city, country, postal] = rng.pick(CITIES);
    const located = rng.chance(0.5);
    adds.push({
      tenantId,
      id: rng.uuid(at),
      entityType: owner.type,
      entityId: owner.id,
      addressType: type,
      label: type === 'billing' ? 'Billing' : null,
      fullName: null,
      companyName: owner.name,
      addressLine1: `${rng.int(1, 250)} ${rng.pick(STREETS)}`,
      addressLine2: rng.chance(0.2) ? `Unit ${rng.int(1, 40)}` : null,
      city,
      state: country === 'US' ? rng.pick(['NY', 'IL', 'TX', 'CA']) : null,
      postalCode: postal,
      countryCode: country,
      latitude: located ? (rng.int(-60_000_000, 60_000_000) / 1e6).toFixed(6) : null,
      longitude: located ? (rng.int(-170_000_000, 170_000_000) / 1e6).toFixed(6) : null,
      isDefault: true,
      isVerified: rng.chance(0.6),
      createdAt: at,
      updatedAt: at,
    });
  };
  const phone = (owner: Owner, type: NewPhoneNumber['phoneType']) => {
    phones.push({
      tenantId,
      id: rng.uuid(at),
      entityType: owner.type,
      entityId: owner.id,
      phoneType: type,
      number: `+1555${rng.int(1_000_000, 9_999_999)}`,
      extension: type === 'work' && rng.chance(0.3) ? String(rng.int(10, 999)) : null,
      label: null,
      isDefault: true,
      isVerified: false,
      verifiedAt: null,
      createdAt: at,
      updatedAt: at,
    });
  };
  const email = (owner: Owner, type: NewEmailAddress['emailType'], value: string) => {
    emails.push({
      tenantId,
      id: rng.uuid(at),
      entityType: owner.type,
      entityId: owner.id,
      emailType: type,
      email: value,
      label: null,
      isDefault: true,
      isVerified: true,
      verifiedAt: at,
      createdAt: at,
      updatedAt: at,
    });
  };
  const tenant: Owner = { type: 'tenant', id: tenantId, name: ctx.tenant.name };
  address(tenant, 'billing');
  phone(tenant, 'work');
  email(tenant, 'billing', ctx.tenant.billingEmail ?? ctx.tenant.email);
  for (const u of ctx.users.filter(() => rng.chance(0.3))) phone({ type: 'user', id: u.id, name: u.name }, 'mobile');
  if (inv) {
    for (const id of inv.locations) address({ type: 'inventory_location', id, name: ctx.tenant.name }, 'office');
    inv.suppliers.forEach((id, i) => {
      const owner: Owner = { type: 'supplier', id, name: `Supplier ${i + 1}` };
      address(owner, 'shipping');
      phone(owner, 'work');
      email(owner, 'work', `orders${i + 1}@supplier-${id.slice(-6)}.example.net`);
    });
    inv.buyers.forEach((id, i) => {
      const owner: Owner = { type: 'buyer', id, name: `Buyer ${i + 1}` };
      address(owner, 'shipping');
      email(owner, 'billing', `ap${i + 1}@buyer-${id.slice(-6)}.example.net`);
    });
    for (const id of inv.drivers) phone({ type: 'driver', id, name: 'Driver' }, 'mobile');
  }
  ctx.batch.push(addresses, adds);
  ctx.batch.push(phoneNumbers, phones);
  ctx.batch.push(emailAddresses, emails);
}
