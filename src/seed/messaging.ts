// Seeds messaging: in-app and email notifications to users, and the communication log with
// suppliers, buyers and drivers (often about an inventory order).
import { communications, notifications, type NewCommunication, type NewNotification } from '../schema/index.js';
import { activeUsers, type TenantSeedContext } from './context.js';
import type { InventoryRefs } from './inventory.js';
import { capped } from './projects.js';
import { addDays } from './random.js';
import { sentences } from './words.js';

const KINDS = [
  ['task.assigned', 'You were assigned a task'],
  ['stock.low', 'Stock below reorder point'],
  ['order.delivered', 'Order delivered'],
  ['approval.requested', 'Approval requested'],
  ['invoice.paid', 'Invoice paid'],
] as const;

/**
 * Seeds 0-4 notifications per active user (most read) and 3-20 communications with the tenant's
 * inventory parties.
 *
 * @example
 * ```ts
 * import { seedMessaging } from '@stocksync/db/seed';
 * ```
 */
export function seedMessaging(ctx: TenantSeedContext): void {
  const rng = ctx.rng('messaging');
  const { tenantId } = ctx;
  const people = activeUsers(ctx);
  const notes: NewNotification[] = [];
  for (const u of people) {
    for (let i = rng.int(0, 4); i > 0; i--) {
      const [kind, title] = rng.pick(KINDS);
      const at = rng.pastDate(30);
      const channel = rng.weighted([['in_app', 6], ['email', 3], ['push', 1]] as const);
      notes.push({
        tenantId,
        id: rng.uuid(at),
        userId: u.id,
        kind,
        channel,
        priority: kind === 'stock.low' ? 'high' : 'normal',
        title,
        body: sentences(rng, 1, 1),
        data: {},
        sentAt: channel === 'in_app' ? null : at,
        readAt: rng.chance(0.7) ? capped(addDays(at, rng.int(0, 3))) : null,
        createdAt: at,
        updatedAt: at,
      });
    }
  }
  const comms: NewCommunication[] = [];
  const inv = ctx.refs.inventory as InventoryRefs | undefined;
  if (inv) {
    for (const order of inv.orders) {
      if (!rng.chance(0.6)) continue;
      const at = capped(addDays(order.at, rng.int(0, 3)));
      const outbound = rng.chance(0.6);
      comms.push({
        tenantId,
        id: rng.uuid(at),
        channel: rng.pick(['email', 'phone', 'whatsapp'] as const),
        direction: outbound ? 'outbound' : 'inbound',
        counterpartyType: order.kind === 'purchase' ? 'supplier' : 'buyer',
        counterpartyId: order.partyId,
        inventoryOrderId: order.id,
        sentById: outbound ? rng.pick(people).id : null,
        status: outbound ? 'delivered' : 'received',
        subject: order.kind === 'purchase' ? 'Purchase order confirmation' : 'Delivery schedule',
        body: sentences(rng, 1, 2),
        metadata: {},
        occurredAt: at,
        createdAt: at,
        updatedAt: at,
      });
    }
    for (const driverId of inv.drivers) {
      const at = rng.pastDate(20, 1);
      comms.push({
        tenantId,
        id: rng.uuid(at),
        channel: 'sms',
        direction: 'outbound',
        counterpartyType: 'driver',
        counterpartyId: driverId,
        inventoryOrderId: null,
        sentById: rng.pick(people).id,
        status: 'sent',
        subject: null,
        body: 'Pickup at the main warehouse at 8:00 tomorrow.',
        metadata: {},
        occurredAt: at,
        createdAt: at,
        updatedAt: at,
      });
    }
  }
  ctx.batch.push(notifications, notes);
  ctx.batch.push(communications, comms);
}
