// Messaging domain (StockSync): in-app/email/SMS notifications to users, and the communication log
// with suppliers, buyers and drivers.
import { sql } from 'drizzle-orm';
import { check, index, jsonb, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { timestamps } from './_columns.js';
import { inCodeList } from './_iso-codes.js';
import { tenantRef, tenantTable } from './_tenant-table.js';
import { users } from './identity.js';
import { inventoryOrders } from './inventory.js';

/** Delivery channels of a notification. */
export const NOTIFICATION_CHANNELS = ['in_app', 'email', 'sms', 'push'] as const;
/** Notification priorities. */
export const NOTIFICATION_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
/** Channels of a communication record. */
export const COMMUNICATION_CHANNELS = ['email', 'sms', 'phone', 'whatsapp', 'in_person', 'other'] as const;
/** Direction of a communication. */
export const COMMUNICATION_DIRECTIONS = ['inbound', 'outbound'] as const;
/** Who the other side of a communication is (polymorphic `counterparty_id`). */
export const COMMUNICATION_COUNTERPARTY_TYPES = ['supplier', 'buyer', 'driver', 'user'] as const;
/** Communication states. */
export const COMMUNICATION_STATUSES = ['draft', 'sent', 'delivered', 'failed', 'received'] as const;

/** Notifications addressed to one user. */
export const notifications = tenantTable(
  'notifications',
  {
    userId: uuid().notNull(),
    kind: varchar({ length: 100 }).notNull(),
    channel: varchar({ length: 20, enum: NOTIFICATION_CHANNELS }).notNull().default('in_app'),
    priority: varchar({ length: 20, enum: NOTIFICATION_PRIORITIES }).notNull().default('normal'),
    title: varchar({ length: 255 }).notNull(),
    body: text().notNull().default(''),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    sentAt: timestamp({ withTimezone: true, mode: 'date' }),
    readAt: timestamp({ withTimezone: true, mode: 'date' }),
    ...timestamps(),
  },
  (t) => [
    tenantRef('notifications', t.tenantId, t.userId, users, 'cascade'),
    index('notifications_tenant_id_user_id_created_at_idx').on(t.tenantId, t.userId, t.createdAt),
    index('notifications_tenant_id_user_id_unread_idx')
      .on(t.tenantId, t.userId)
      .where(sql`${t.readAt} is null`),
    check('notifications_channel_check', inCodeList(t.channel, NOTIFICATION_CHANNELS)),
    check('notifications_priority_check', inCodeList(t.priority, NOTIFICATION_PRIORITIES)),
  ],
);

/** Communication records with suppliers, buyers, drivers or users, optionally about an inventory order. */
export const communications = tenantTable(
  'communications',
  {
    channel: varchar({ length: 20, enum: COMMUNICATION_CHANNELS }).notNull(),
    direction: varchar({ length: 10, enum: COMMUNICATION_DIRECTIONS }).notNull(),
    counterpartyType: varchar({ length: 20, enum: COMMUNICATION_COUNTERPARTY_TYPES }).notNull(),
    counterpartyId: uuid().notNull(),
    inventoryOrderId: uuid(),
    sentById: uuid(),
    status: varchar({ length: 20, enum: COMMUNICATION_STATUSES }).notNull().default('sent'),
    subject: varchar({ length: 500 }),
    body: text().notNull().default(''),
    metadata: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    occurredAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    ...timestamps(),
  },
  (t) => [
    tenantRef('communications', t.tenantId, t.inventoryOrderId, inventoryOrders, 'set null'),
    tenantRef('communications', t.tenantId, t.sentById, users, 'set null'),
    index('communications_tenant_id_counterparty_type_counterparty_id_idx').on(
      t.tenantId,
      t.counterpartyType,
      t.counterpartyId,
    ),
    index('communications_tenant_id_inventory_order_id_idx').on(t.tenantId, t.inventoryOrderId),
    index('communications_tenant_id_occurred_at_idx').on(t.tenantId, t.occurredAt),
    check('communications_channel_check', inCodeList(t.channel, COMMUNICATION_CHANNELS)),
    check('communications_direction_check', inCodeList(t.direction, COMMUNICATION_DIRECTIONS)),
    check('communications_counterparty_type_check', inCodeList(t.counterpartyType, COMMUNICATION_COUNTERPARTY_TYPES)),
    check('communications_status_check', inCodeList(t.status, COMMUNICATION_STATUSES)),
  ],
);

/** A notification row. */
export type Notification = typeof notifications.$inferSelect;
/** A notification to insert. */
export type NewNotification = typeof notifications.$inferInsert;
/** A communication row. */
export type Communication = typeof communications.$inferSelect;
/** A communication to insert. */
export type NewCommunication = typeof communications.$inferInsert;
