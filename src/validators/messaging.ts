// Messaging validators: notifications and communication records.
import { createSelectSchema } from 'drizzle-zod';
import { insertSchemaOf, updateSchemaOf } from './_columns.js';
import type { z } from 'zod';
import { communications, notifications } from '../schema/messaging.js';
import { wireSchemaOf, type Paginated, type Wire } from './_shared.js';
import type { Notification, Communication } from '../schema/messaging.js';

const notificationRefine = { title: (s: z.ZodString) => s.trim().min(1, 'Must not be blank'), kind: (s: z.ZodString) => s.min(1) };

/** Notification: select schema. */
export const notificationSelectSchema = createSelectSchema(notifications);
/**
 * Notification: insert schema.
 *
 * @example
 * ```ts
 * import { notificationInsertSchema } from '@stocksync/db/validators';
 * notificationInsertSchema.parse({ tenantId, userId, kind: 'stock.low', title: 'Low stock' });
 * ```
 */
export const notificationInsertSchema = insertSchemaOf(notifications, notificationRefine);
/** Notification: update schema. */
export const notificationUpdateSchema = updateSchemaOf(notifications, notificationRefine);

/** Communication: select schema. */
export const communicationSelectSchema = createSelectSchema(communications);
/** Communication: insert schema (the database checks that the counterparty exists in the tenant). */
export const communicationInsertSchema = insertSchemaOf(communications);
/** Communication: update schema. */
export const communicationUpdateSchema = updateSchemaOf(communications);

// Wire (JSON) forms: timestamps as ISO 8601 strings, and paginated lists.
/** Notification: wire schema (what a JSON API returns). */
export const notificationWireSchema = wireSchemaOf(notifications);
/** A notification as a JSON API returns it. */
export type NotificationWire = Wire<Notification>;
/** A page of notifications. */
export type NotificationListResponse = Paginated<NotificationWire>;
/** Communication: wire schema (what a JSON API returns). */
export const communicationWireSchema = wireSchemaOf(communications);
/** A communication as a JSON API returns it. */
export type CommunicationWire = Wire<Communication>;
/** A page of communications. */
export type CommunicationListResponse = Paginated<CommunicationWire>;
