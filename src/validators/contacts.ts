// Contact validators: addresses, phone numbers and email addresses with the database rules mirrored
// (ISO country codes, coordinates in range and paired, E.164 phones, valid emails).
import { createSelectSchema } from 'drizzle-zod';
import { insertSchemaOf, updateSchemaOf } from './_columns.js';
import { z } from 'zod';
import { E164_PATTERN, addresses, emailAddresses, phoneNumbers } from '../schema/contacts.js';
import { countryCode } from './_fields.js';
import { wireSchemaOf, type Paginated, type Wire } from './_shared.js';
import type { Address, PhoneNumber, EmailAddress } from '../schema/contacts.js';

const coordinate = (limit: number) =>
  z
    .string()
    .regex(/^-?\d{1,3}(\.\d{1,6})?$/, 'Must be a decimal with up to 6 places')
    .refine((v) => Math.abs(Number(v)) <= limit, { message: `Must be between -${limit} and ${limit}` });

const addressRefine = {
  countryCode: () => countryCode,
  latitude: () => coordinate(90),
  longitude: () => coordinate(180),
  addressLine1: (s: z.ZodString) => s.trim().min(1, 'Must not be blank'),
  city: (s: z.ZodString) => s.trim().min(1, 'Must not be blank'),
};
function pairedCoordinates(v: { latitude?: string | null; longitude?: string | null }, ctx: z.RefinementCtx) {
  if (v.latitude === undefined && v.longitude === undefined) return;
  if ((v.latitude == null) !== (v.longitude == null))
    ctx.addIssue({ code: 'custom', path: [v.latitude == null ? 'latitude' : 'longitude'], message: 'Give latitude and longitude together' });
}

/** Address: select schema. */
export const addressSelectSchema = createSelectSchema(addresses);
/**
 * Address: insert schema (ISO 3166-1 alpha-2 country, latitude in [-90, 90], longitude in [-180, 180], both or neither).
 *
 * @example
 * ```ts
 * import { addressInsertSchema } from '@stocksync/db/validators';
 * addressInsertSchema.parse({ tenantId, entityType: 'user', entityId, addressType: 'billing', addressLine1: '1 Main St', city: 'Springfield', postalCode: '12345', countryCode: 'US' });
 * ```
 */
export const addressInsertSchema = insertSchemaOf(addresses, addressRefine).superRefine(pairedCoordinates);
/** Address: update schema. */
export const addressUpdateSchema = updateSchemaOf(addresses, addressRefine).superRefine(pairedCoordinates);

const phoneRefine = {
  number: (s: z.ZodString) => s.regex(new RegExp(E164_PATTERN), 'Must be an E.164 number, e.g. +14155550100'),
  extension: (s: z.ZodString) => s.regex(/^\d{1,10}$/, 'Must be 1-10 digits'),
};
/** Phone number: select schema. */
export const phoneNumberSelectSchema = createSelectSchema(phoneNumbers);
/** Phone number: insert schema (E.164). */
export const phoneNumberInsertSchema = insertSchemaOf(phoneNumbers, phoneRefine);
/** Phone number: update schema. */
export const phoneNumberUpdateSchema = updateSchemaOf(phoneNumbers, phoneRefine);

const emailRefine = { email: () => z.email().max(254) };
/** Email address: select schema. */
export const emailAddressSelectSchema = createSelectSchema(emailAddresses);
/** Email address: insert schema. */
export const emailAddressInsertSchema = insertSchemaOf(emailAddresses, emailRefine);
/** Email address: update schema. */
export const emailAddressUpdateSchema = updateSchemaOf(emailAddresses, emailRefine);

// Wire (JSON) forms: timestamps as ISO 8601 strings, and paginated lists.
/** Address: wire schema (what a JSON API returns). */
export const addressWireSchema = wireSchemaOf(addresses);
/** An address as a JSON API returns it. */
export type AddressWire = Wire<Address>;
/** A page of addresses. */
export type AddressListResponse = Paginated<AddressWire>;
/** Phone number: wire schema (what a JSON API returns). */
export const phoneNumberWireSchema = wireSchemaOf(phoneNumbers);
/** A phone number as a JSON API returns it. */
export type PhoneNumberWire = Wire<PhoneNumber>;
/** A page of phone numbers. */
export type PhoneNumberListResponse = Paginated<PhoneNumberWire>;
/** Email address: wire schema (what a JSON API returns). */
export const emailAddressWireSchema = wireSchemaOf(emailAddresses);
/** An email address as a JSON API returns it. */
export type EmailAddressWire = Wire<EmailAddress>;
/** A page of email addresses. */
export type EmailAddressListResponse = Paginated<EmailAddressWire>;
