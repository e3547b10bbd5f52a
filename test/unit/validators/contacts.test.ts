// Contact and messaging validators: ISO country codes, coordinates, E.164, emails.
import { describe, expect, it } from 'vitest';
import {
  addressInsertSchema,
  communicationInsertSchema,
  emailAddressInsertSchema,
  notificationInsertSchema,
  phoneNumberInsertSchema,
} from '../../../src/validators/index.js';
import { issuePaths } from './_paths.js';

const T = '0190a5b4-0000-7000-8000-000000000001';
const E = '0190a5b4-0000-7000-8000-000000000002';
const owner = { tenantId: T, entityType: 'user', entityId: E };
const address = { ...owner, addressType: 'billing', addressLine1: '1 Main St', city: 'Springfield', postalCode: '12345', countryCode: 'US' };

describe('addresses', () => {
  it('country codes are ISO 3166-1 alpha-2 in upper case', () => {
    expect(issuePaths(addressInsertSchema, address)).toEqual([]);
    expect(issuePaths(addressInsertSchema, { ...address, countryCode: 'GB' })).toEqual([]);
    expect(issuePaths(addressInsertSchema, { ...address, countryCode: 'UK' })).toEqual(['countryCode']);
    expect(issuePaths(addressInsertSchema, { ...address, countryCode: 'us' })).toEqual(['countryCode']);
    expect(issuePaths(addressInsertSchema, { ...address, countryCode: 'USA' })).toEqual(['countryCode']);
  });

  it('latitude and longitude are in range and given together', () => {
    expect(issuePaths(addressInsertSchema, { ...address, latitude: '-90', longitude: '180.000000' })).toEqual([]);
    expect(issuePaths(addressInsertSchema, { ...address, latitude: '90.5', longitude: '0' })).toEqual(['latitude']);
    expect(issuePaths(addressInsertSchema, { ...address, latitude: '0', longitude: '-181' })).toEqual(['longitude']);
    expect(issuePaths(addressInsertSchema, { ...address, latitude: '10' })).toEqual(['longitude']);
    expect(issuePaths(addressInsertSchema, { ...address, entityType: 'planet' })).toEqual(['entityType']);
  });
});

describe('phones, emails, messaging', () => {
  it('phones are E.164', () => {
    const phone = { ...owner, phoneType: 'mobile', number: '+14155550100' };
    expect(issuePaths(phoneNumberInsertSchema, phone)).toEqual([]);
    expect(issuePaths(phoneNumberInsertSchema, { ...phone, number: '415-555-0100' })).toEqual(['number']);
    expect(issuePaths(phoneNumberInsertSchema, { ...phone, extension: 'x12' })).toEqual(['extension']);
  });

  it('emails are valid addresses', () => {
    expect(issuePaths(emailAddressInsertSchema, { ...owner, emailType: 'work', email: 'a@b.test' })).toEqual([]);
    expect(issuePaths(emailAddressInsertSchema, { ...owner, emailType: 'work', email: 'nope' })).toEqual(['email']);
  });

  it('notifications and communications use their enums', () => {
    expect(issuePaths(notificationInsertSchema, { tenantId: T, userId: E, kind: 'stock.low', title: 'Low' })).toEqual([]);
    expect(issuePaths(notificationInsertSchema, { tenantId: T, userId: E, kind: 'x', title: ' ', channel: 'pigeon' })).toEqual(['channel', 'title']);
    expect(
      issuePaths(communicationInsertSchema, { tenantId: T, channel: 'sms', direction: 'sideways', counterpartyType: 'driver', counterpartyId: E }),
    ).toEqual(['direction']);
  });
});
