// The legacy kuandorwear shop (seed 000: StockSync replaces its tables) as a deterministic fixture:
// single-tenant products, customers and orders in the `kuandorwear` schema, generated in SQL (about 10 s per
// 200,000 orders on a 2-core machine). Same sizes and seed, same rows, on any server.
import { openMigrationConnection, type MigrationTarget } from './adapter.js';

/** Sizes and seed of {@link createKuandorwearFixture}. */
export interface KuandorwearFixtureOptions {
  products?: number;
  customers?: number;
  orders?: number;
  /** Changes every generated value (default 'kuandorwear'). */
  seed?: string;
  /** Drop and recreate the schema first (default true). */
  replace?: boolean;
}

/** Row counts the fixture created. */
export interface KuandorwearFixture {
  products: number;
  customers: number;
  orders: number;
}

/** The legacy tables as the kuandorwear app had them (single tenant: no tenant column at all). */
export const KUANDORWEAR_DDL = `
create schema if not exists kuandorwear;
create table if not exists kuandorwear.products (
  id integer primary key,
  sku varchar(32) not null unique,
  name varchar(200) not null,
  size varchar(8),
  color varchar(30),
  price numeric(10, 2) not null,
  stock integer not null default 0,
  created_at timestamptz not null
);
create table if not exists kuandorwear.customers (
  id integer primary key,
  first_name varchar(100) not null,
  last_name varchar(100) not null,
  email varchar(254) not null,
  phone varchar(30),
  created_at timestamptz not null
);
create table if not exists kuandorwear.orders (
  id integer primary key,
  customer_id integer not null references kuandorwear.customers (id),
  product_id integer not null references kuandorwear.products (id),
  quantity integer not null check (quantity > 0),
  unit_price numeric(10, 2) not null,
  status varchar(20) not null,
  created_at timestamptz not null,
  shipped_at timestamptz,
  delivered_at timestamptz
);
create index if not exists orders_customer_id_idx on kuandorwear.orders (customer_id);
`;

// A deterministic integer in [0, n) from the seed, a salt and the row number (md5, so every server agrees).
const pick = (salt: string, n: number) => `(('x' || substr(md5($1 || ':${salt}:' || g), 1, 8))::bit(32)::bigint % ${n})`;

/**
 * Creates the legacy kuandorwear tables and fills them deterministically (defaults: 200
 * products, 500 customers, 2,000 orders; the benchmark asks for a million orders).
 *
 * @example
 * ```ts
 * import { createKuandorwearFixture } from '@stocksync/db/migrations';
 * await createKuandorwearFixture({ url: process.env.DATABASE_URL! }, { orders: 1_000_000 });
 * ```
 */
export async function createKuandorwearFixture(
  target: MigrationTarget,
  options: KuandorwearFixtureOptions = {},
): Promise<KuandorwearFixture> {
  const products = options.products ?? 200;
  const customers = options.customers ?? 500;
  const orders = options.orders ?? 2000;
  const seed = options.seed ?? 'kuandorwear';
  const conn = await openMigrationConnection(target);
  try {
    if (options.replace ?? true) await conn.exec('drop schema if exists kuandorwear cascade');
    await conn.exec(KUANDORWEAR_DDL);
    await conn.query(
      `insert into kuandorwear.products (id, sku, name, size, color, price, stock, created_at)
       select g, 'KW-' || lpad(g::text, 7, '0'),
              (array['Tee', 'Hoodie', 'Cap', 'Jacket', 'Socks', 'Scarf', 'Polo', 'Beanie'])[1 + ${pick('pn', 8)}] || ' ' || g,
              (array['XS', 'S', 'M', 'L', 'XL'])[1 + ${pick('ps', 5)}],
              (array['black', 'white', 'navy', 'olive', 'sand', 'red'])[1 + ${pick('pc', 6)}],
              (500 + ${pick('pp', 15000)}) / 100.0, ${pick('pk', 400)},
              timestamptz '2023-01-01 00:00:00+00' + g * interval '1 hour'
         from generate_series(1, $2::int) g`,
      [seed, products],
    );
    await conn.query(
      `insert into kuandorwear.customers (id, first_name, last_name, email, phone, created_at)
       select g, (array['Ana', 'Luis', 'Marta', 'Jon', 'Irene', 'Pablo', 'Sofia', 'Diego'])[1 + ${pick('cf', 8)}],
              (array['Garcia', 'Lopez', 'Perez', 'Sanz', 'Ruiz', 'Diaz', 'Moreno', 'Alonso'])[1 + ${pick('cl', 8)}],
              'customer' || g || '@kuandorwear.example',
              case when ${pick('cp', 3)} = 0 then null else '+34 6' || lpad(${pick('cn', 100000000)}::text, 8, '0') end,
              timestamptz '2023-01-01 00:00:00+00' + g * interval '10 minutes'
         from generate_series(1, $2::int) g`,
      [seed, customers],
    );
    await conn.query(
      `insert into kuandorwear.orders (id, customer_id, product_id, quantity, unit_price, status, created_at, shipped_at, delivered_at)
       select g, 1 + ${pick('oc', customers)}, p.id, 1 + ${pick('oq', 5)}, p.price, s.status, s.created_at,
              case when s.status in ('shipped', 'delivered') then s.created_at + interval '1 day' end,
              case when s.status = 'delivered' then s.created_at + interval '3 days' end
         from generate_series(1, $2::int) g
         join kuandorwear.products p on p.id = 1 + ${pick('op', products)}
         cross join lateral (
           select (array['pending', 'paid', 'shipped', 'delivered', 'delivered', 'delivered', 'cancelled'])[1 + ${pick('os', 7)}] as status,
                  timestamptz '2024-01-01 00:00:00+00' + g * interval '1 minute' as created_at
         ) s`,
      [seed, orders],
    );
    await conn.exec('analyze kuandorwear.products; analyze kuandorwear.customers; analyze kuandorwear.orders');
    return { products, customers, orders };
  } finally {
    await conn.release();
  }
}
