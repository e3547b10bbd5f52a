// The global billing catalog and tax rates the tenant seeders buy from: created once (missing rows
// only, whatever the seed), then read back so tenants reference the rows really in the database.
import { sql } from 'drizzle-orm';
import type { Database } from '../connection.js';
import {
  billingProductRequirements,
  billingProducts,
  taxRates,
  type NewBillingProduct,
  type NewTaxRate,
} from '../schema/index.js';
import { addDays, Random, SEED_EPOCH } from './random.js';

/** A catalog product as the seeders need it. */
export interface CatalogProduct {
  id: string;
  sku: string;
  kind: 'product' | 'addon' | 'subscription';
  priceCents: number;
  currency: string;
  interval: 'month' | 'year' | null;
}

/** What tenant seeders read from the database: the catalog by SKU and tax rates by `CC` / `CC:STATE`. */
export interface SeedEnvironment {
  catalog: Map<string, CatalogProduct>;
  taxRates: Map<string, string>;
}

const CREATED = addDays(new Date(SEED_EPOCH), -1000);

const PRODUCTS: Array<Omit<CatalogProduct, 'id' | 'currency'> & { name: string }> = [
  { sku: 'plan-starter-month', name: 'Starter (monthly)', kind: 'subscription', priceCents: 2900, interval: 'month' },
  { sku: 'plan-starter-year', name: 'Starter (yearly)', kind: 'subscription', priceCents: 29000, interval: 'year' },
  { sku: 'plan-professional-month', name: 'Professional (monthly)', kind: 'subscription', priceCents: 9900, interval: 'month' },
  { sku: 'plan-professional-year', name: 'Professional (yearly)', kind: 'subscription', priceCents: 99000, interval: 'year' },
  { sku: 'plan-enterprise-year', name: 'Enterprise (yearly)', kind: 'subscription', priceCents: 490000, interval: 'year' },
  { sku: 'addon-extra-seats', name: 'Extra seats (5)', kind: 'addon', priceCents: 1500, interval: null },
  { sku: 'addon-warehouse-pack', name: 'Additional warehouse', kind: 'addon', priceCents: 4900, interval: null },
  { sku: 'service-onboarding', name: 'Guided onboarding', kind: 'product', priceCents: 25000, interval: null },
];

const RATES: Array<[country: string, state: string | null, name: string, rate: string]> = [
  ['DE', null, 'Umsatzsteuer', '0.190000'],
  ['FR', null, 'TVA', '0.200000'],
  ['GB', null, 'VAT', '0.200000'],
  ['NL', null, 'BTW', '0.210000'],
  ['ES', null, 'IVA', '0.210000'],
  ['US', 'CA', 'California sales tax', '0.072500'],
  ['US', 'NY', 'New York sales tax', '0.040000'],
  ['CA', null, 'GST', '0.050000'],
  ['JP', null, 'Consumption tax', '0.100000'],
  ['AU', null, 'GST', '0.100000'],
];

/**
 * The catalog rows the seeders create (ids are fixed: the catalog is the same for every seed).
 *
 * @example
 * ```ts
 * import { catalogRows } from '@stocksync/db/seed';
 * const { products, rates } = catalogRows();
 * ```
 */
export function catalogRows(): { products: NewBillingProduct[]; rates: NewTaxRate[] } {
  const rng = Random.from('stocksync-catalog');
  const products: NewBillingProduct[] = PRODUCTS.map((p) => ({
    id: rng.uuid(CREATED),
    sku: p.sku,
    name: p.name,
    description: `${p.name} for StockSync.`,
    kind: p.kind,
    priceCents: p.priceCents,
    currency: 'USD',
    interval: p.interval,
    isActive: true,
    metadata: {},
    createdAt: CREATED,
    updatedAt: CREATED,
  }));
  const rates: NewTaxRate[] = RATES.map(([countryCode, stateCode, name, rate]) => ({
    id: rng.uuid(CREATED),
    countryCode,
    stateCode,
    name,
    rate,
    isActive: true,
    createdAt: CREATED,
    updatedAt: CREATED,
  }));
  return { products, rates };
}

/**
 * The environment built from the catalog rows alone (for generating rows without a database).
 *
 * @example
 * ```ts
 * import { defaultEnvironment } from '@stocksync/db/seed';
 * const env = defaultEnvironment(); // the catalog as the seeders would create it
 * ```
 */
export function defaultEnvironment(): SeedEnvironment {
  const { products, rates } = catalogRows();
  return {
    catalog: new Map(products.map((p) => [p.sku, { id: p.id!, sku: p.sku, kind: p.kind!, priceCents: p.priceCents, currency: p.currency!, interval: p.interval ?? null }])),
    taxRates: new Map(rates.map((r) => [r.stateCode ? `${r.countryCode}:${r.stateCode}` : r.countryCode, r.rate])),
  };
}

function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : (((result as { rows?: T[] }).rows ?? []) as T[]);
}

/**
 * Inserts the catalog products, their requirement and the tax rates that are missing, then reads
 * back what the database holds.
 *
 * @example
 * ```ts
 * import { ensureCatalog } from '@stocksync/db/seed';
 * const env = await ensureCatalog(db);
 * ```
 */
export async function ensureCatalog(db: Database): Promise<SeedEnvironment> {
  const { products, rates } = catalogRows();
  await db.insert(billingProducts).values(products).onConflictDoNothing();
  await db.insert(taxRates).values(rates).onConflictDoNothing();
  const bySku = new Map(products.map((p) => [p.sku, p.id!]));
  const addon = bySku.get('addon-warehouse-pack')!;
  const plan = bySku.get('plan-professional-month')!;
  const existing = rowsOf<{ id: string; sku: string; kind: CatalogProduct['kind']; price_cents: number; currency: string; interval: CatalogProduct['interval'] }>(
    await db.execute(sql`select id, sku, kind, price_cents, currency, interval from billing_products`),
  );
  const real = new Map(existing.map((r) => [r.sku, r]));
  if (real.get('addon-warehouse-pack')?.id === addon && real.get('plan-professional-month')?.id === plan) {
    await db
      .insert(billingProductRequirements)
      .values({ productId: addon, requiresProductId: plan, createdAt: CREATED, updatedAt: CREATED })
      .onConflictDoNothing();
  }
  const rateRows = rowsOf<{ country_code: string; state_code: string | null; rate: string }>(
    await db.execute(sql`select country_code, state_code, rate::text as rate from tax_rates where is_active`),
  );
  return {
    catalog: new Map(
      existing.map((r) => [
        r.sku,
        { id: r.id, sku: r.sku, kind: r.kind, priceCents: Number(r.price_cents), currency: r.currency, interval: r.interval },
      ]),
    ),
    taxRates: new Map(rateRows.map((r) => [r.state_code ? `${r.country_code}:${r.state_code}` : r.country_code, r.rate])),
  };
}

/**
 * Tax in cents as the database computes it: `round(taxable * rate)`, half away from zero.
 *
 * @example
 * ```ts
 * import { taxCents } from '@stocksync/db/seed';
 * taxCents(await ensureCatalog(db), 10_000, 'DE', null); // 1900
 * ```
 */
export function taxCents(env: SeedEnvironment, taxableCents: number, country: string | null, state: string | null): number {
  if (!country) return 0;
  const rate = (state && env.taxRates.get(`${country}:${state}`)) || env.taxRates.get(country) || '0';
  const [whole, frac = ''] = rate.split('.');
  const micro = Number(whole) * 1_000_000 + Number(frac.padEnd(6, '0').slice(0, 6));
  return Math.floor((Math.max(0, taxableCents) * micro + 500_000) / 1_000_000);
}
