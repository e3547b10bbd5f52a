// Contacts domain: addresses, phone numbers and email addresses of any owner (polymorphic entity_type + entity_id).
import { sql } from 'drizzle-orm';
import { boolean, check, index, numeric, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { timestamps } from './_columns.js';
import { ISO_COUNTRY_CODES, inCodeList } from './_iso-codes.js';
import { tenantTable } from './_tenant-table.js';

/**
 * Owner kinds of a contact row (the spec's `entity_type`): `tenant`, `user`, `order` (a billing
 * order), plus the StockSync parties.
 */
export const CONTACT_ENTITY_TYPES = [
  'tenant',
  'user',
  'order',
  'supplier',
  'buyer',
  'driver',
  'inventory_location',
] as const;
/** Address kinds (spec). */
export const ADDRESS_TYPES = ['billing', 'shipping', 'office', 'home'] as const;
/** Phone number kinds. */
export const PHONE_TYPES = ['mobile', 'work', 'home', 'fax', 'other'] as const;
/** Email address kinds. */
export const EMAIL_TYPES = ['work', 'personal', 'billing', 'other'] as const;
/** E.164 phone numbers: `+`, country code, up to 15 digits. */
export const E164_PATTERN = '^\\+[1-9][0-9]{1,14}$';

/** Postal addresses; at most one default per owner and address type. */
export const addresses = tenantTable(
  'addresses',
  {
    entityType: varchar({ length: 50, enum: CONTACT_ENTITY_TYPES }).notNull(),
    entityId: uuid().notNull(),
    addressType: varchar({ length: 20, enum: ADDRESS_TYPES }).notNull(),
    label: varchar({ length: 100 }),
    fullName: varchar({ length: 255 }),
    companyName: varchar({ length: 255 }),
    addressLine1: varchar({ length: 255 }).notNull(),
    addressLine2: varchar({ length: 255 }),
    city: varchar({ length: 100 }).notNull(),
    state: varchar({ length: 100 }),
    postalCode: varchar({ length: 20 }).notNull(),
    countryCode: varchar({ length: 2 }).notNull(),
    latitude: numeric({ precision: 9, scale: 6, mode: 'string' }),
    longitude: numeric({ precision: 9, scale: 6, mode: 'string' }),
    isDefault: boolean().notNull().default(false),
    isVerified: boolean().notNull().default(false),
    ...timestamps(),
  },
  (t) => [
    index('addresses_tenant_id_entity_type_entity_id_idx').on(t.tenantId, t.entityType, t.entityId),
    index('addresses_tenant_id_is_default_idx').on(t.tenantId, t.isDefault),
    uniqueIndex('addresses_tenant_id_entity_type_entity_id_address_type_key')
      .on(t.tenantId, t.entityType, t.entityId, t.addressType)
      .where(sql`${t.isDefault}`),
    check('addresses_entity_type_check', inCodeList(t.entityType, CONTACT_ENTITY_TYPES)),
    check('addresses_address_type_check', inCodeList(t.addressType, ADDRESS_TYPES)),
    check('addresses_country_code_check', inCodeList(t.countryCode, ISO_COUNTRY_CODES)),
    check('addresses_latitude_check', sql`${t.latitude} between -90 and 90`),
    check('addresses_longitude_check', sql`${t.longitude} between -180 and 180`),
    check('addresses_coordinates_check', sql`(${t.latitude} is null) = (${t.longitude} is null)`),
  ],
);

/** Phone numbers in E.164 form; at most one default per owner and phone type. */
export const phoneNumbers = tenantTable(
  'phone_numbers',
  {
    entityType: varchar({ length: 50, enum: CONTACT_ENTITY_TYPES }).notNull(),
    entityId: uuid().notNull(),
    phoneType: varchar({ length: 20, enum: PHONE_TYPES }).notNull(),
    number: varchar({ length: 16 }).notNull(),
    extension: varchar({ length: 10 }),
    label: varchar({ length: 100 }),
    isDefault: boolean().notNull().default(false),
    isVerified: boolean().notNull().default(false),
    verifiedAt: timestamp({ withTimezone: true, mode: 'date' }),
    ...timestamps(),
  },
  (t) => [
    index('phone_numbers_tenant_id_entity_type_entity_id_idx').on(t.tenantId, t.entityType, t.entityId),
    uniqueIndex('phone_numbers_tenant_id_entity_type_entity_id_number_key').on(
      t.tenantId,
      t.entityType,
      t.entityId,
      t.number,
    ),
    uniqueIndex('phone_numbers_tenant_id_entity_type_entity_id_phone_type_key')
      .on(t.tenantId, t.entityType, t.entityId, t.phoneType)
      .where(sql`${t.isDefault}`),
    check('phone_numbers_entity_type_check', inCodeList(t.entityType, CONTACT_ENTITY_TYPES)),
    check('phone_numbers_phone_type_check', inCodeList(t.phoneType, PHONE_TYPES)),
    check('phone_numbers_number_check', sql`${t.number} ~ ${sql.raw(`'${E164_PATTERN}'`)}`),
    check('phone_numbers_extension_check', sql`${t.extension} is null or ${t.extension} ~ '^[0-9]{1,10}$'`),
  ],
);

/** Email addresses; unique per owner (case-insensitive), at most one default per owner and type. */
export const emailAddresses = tenantTable(
  'email_addresses',
  {
    entityType: varchar({ length: 50, enum: CONTACT_ENTITY_TYPES }).notNull(),
    entityId: uuid().notNull(),
    emailType: varchar({ length: 20, enum: EMAIL_TYPES }).notNull(),
    email: varchar({ length: 254 }).notNull(),
    label: varchar({ length: 100 }),
    isDefault: boolean().notNull().default(false),
    isVerified: boolean().notNull().default(false),
    verifiedAt: timestamp({ withTimezone: true, mode: 'date' }),
    ...timestamps(),
  },
  (t) => [
    index('email_addresses_tenant_id_entity_type_entity_id_idx').on(t.tenantId, t.entityType, t.entityId),
    uniqueIndex('email_addresses_tenant_id_entity_type_entity_id_email_key').on(
      t.tenantId,
      t.entityType,
      t.entityId,
      sql`lower(${t.email})`,
    ),
    uniqueIndex('email_addresses_tenant_id_entity_type_entity_id_email_type_key')
      .on(t.tenantId, t.entityType, t.entityId, t.emailType)
      .where(sql`${t.isDefault}`),
    check('email_addresses_entity_type_check', inCodeList(t.entityType, CONTACT_ENTITY_TYPES)),
    check('email_addresses_email_type_check', inCodeList(t.emailType, EMAIL_TYPES)),
    check('email_addresses_email_check', sql`${t.email} ~ '^[^@[:space:]]+@[^@[:space:]]+\\.[^@[:space:]]+$'`),
  ],
);

/** An address row. */
export type Address = typeof addresses.$inferSelect;
/** An address to insert. */
export type NewAddress = typeof addresses.$inferInsert;
/** A phone number row. */
export type PhoneNumber = typeof phoneNumbers.$inferSelect;
/** A phone number to insert. */
export type NewPhoneNumber = typeof phoneNumbers.$inferInsert;
/** An email address row. */
export type EmailAddress = typeof emailAddresses.$inferSelect;
/** An email address to insert. */
export type NewEmailAddress = typeof emailAddresses.$inferInsert;
