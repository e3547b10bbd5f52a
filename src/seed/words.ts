// Word lists the seeders draw realistic names, titles and descriptions from.
import type { Random } from './random.js';

/** Word list for generated rows: company first. */
export const COMPANY_FIRST = [
  'Northwind', 'Bluebird', 'Ironwood', 'Silverline', 'Redwood', 'Harbor', 'Summit', 'Cobalt', 'Evergreen',
  'Granite', 'Lakeside', 'Meridian', 'Pioneer', 'Quantum', 'Riverstone', 'Sterling', 'Tidewater', 'Union',
  'Vertex', 'Westfield', 'Aurora', 'Beacon', 'Cedar', 'Driftwood', 'Falcon', 'Golden Gate', 'Highland',
  'Juniper', 'Keystone', 'Lighthouse', 'Maple', 'Oakridge', 'Pinnacle', 'Sapphire', 'Trident', 'Willow',
] as const;
/** Word list for generated rows: company second. */
export const COMPANY_SECOND = [
  'Logistics', 'Traders', 'Supply', 'Manufacturing', 'Labs', 'Systems', 'Outfitters', 'Distribution',
  'Foods', 'Health', 'Analytics', 'Robotics', 'Energy', 'Retail', 'Works', 'Partners', 'Industries', 'Studio',
] as const;
/** Word list for generated rows: company suffix. */
export const COMPANY_SUFFIX = ['Inc', 'LLC', 'GmbH', 'Ltd', 'Co', 'Group', 'SA', 'BV'] as const;
/** Word list for generated rows: industries. */
export const INDUSTRIES = [
  'Logistics', 'Retail', 'Manufacturing', 'Healthcare', 'Software', 'Food & Beverage', 'Construction',
  'Education', 'Energy', 'Financial Services', 'Automotive', 'Hospitality',
] as const;
/** Word list for generated rows: first names. */
export const FIRST_NAMES = [
  'Ada', 'Alan', 'Amara', 'Ben', 'Carla', 'Chen', 'Dara', 'Diego', 'Elena', 'Emeka', 'Farah', 'Finn', 'Grace',
  'Hana', 'Hugo', 'Ines', 'Ivan', 'Jonas', 'Julia', 'Kai', 'Keiko', 'Lars', 'Leila', 'Luca', 'Maya', 'Mateo',
  'Nadia', 'Noah', 'Olga', 'Omar', 'Priya', 'Quinn', 'Rosa', 'Sam', 'Sofia', 'Tariq', 'Uma', 'Victor', 'Wen',
  'Yara', 'Zoe',
] as const;
/** Word list for generated rows: last names. */
export const LAST_NAMES = [
  'Abebe', 'Andersen', 'Banerjee', 'Costa', 'Dubois', 'Eriksen', 'Fischer', 'Garcia', 'Haddad', 'Ito', 'Jensen',
  'Kowalski', 'Lopez', 'Moreau', 'Nakamura', 'Novak', 'Okafor', 'Park', 'Quintero', 'Rossi', 'Schmidt', 'Singh',
  'Tanaka', 'Usman', 'Varga', 'Walker', 'Xu', 'Yilmaz', 'Zhang',
] as const;
/** Word list for generated rows: timezones. */
export const TIMEZONES = [
  'UTC', 'Europe/Berlin', 'Europe/London', 'America/New_York', 'America/Chicago', 'America/Los_Angeles',
  'Asia/Tokyo', 'Asia/Singapore', 'Australia/Sydney', 'America/Sao_Paulo',
] as const;
/** Word list for generated rows: languages. */
export const LANGUAGES = ['en', 'de', 'fr', 'es', 'ja', 'pt'] as const;
/** Word list for generated rows: team names. */
export const TEAM_NAMES = [
  'Platform', 'Operations', 'Warehouse', 'Finance', 'Sales', 'Customer Success', 'Design', 'Data', 'Security',
  'Procurement', 'Marketing', 'Support',
] as const;
/** Word list for generated rows: project names. */
export const PROJECT_NAMES = [
  'Warehouse Automation', 'Q3 Inventory Audit', 'Supplier Portal', 'Mobile Picking App', 'ERP Migration',
  'Customer Onboarding', 'Returns Workflow', 'Pricing Engine', 'Website Relaunch', 'Forecasting Model',
  'Compliance Review', 'Barcode Rollout', 'Fleet Tracking', 'Payment Gateway Upgrade', 'Data Warehouse',
] as const;
/** Word list for generated rows: task verbs. */
export const TASK_VERBS = [
  'Implement', 'Design', 'Review', 'Fix', 'Document', 'Migrate', 'Test', 'Refactor', 'Investigate', 'Deploy',
  'Automate', 'Audit',
] as const;
/** Word list for generated rows: task objects. */
export const TASK_OBJECTS = [
  'stock level alerts', 'login flow', 'invoice export', 'barcode scanner support', 'reorder thresholds',
  'supplier API client', 'CSV import', 'dashboard filters', 'role permissions', 'backup schedule',
  'shipping labels', 'tax calculation', 'search indexing', 'audit trail view', 'email templates',
  'payment retries', 'warehouse map', 'onboarding checklist',
] as const;
/** Word list for generated rows: tags. */
export const TAGS = ['backend', 'frontend', 'ops', 'customer', 'urgent', 'tech-debt', 'security', 'ux', 'data'] as const;
/** Word list for generated rows: folder names. */
export const FOLDER_NAMES = ['Contracts', 'Invoices', 'Specifications', 'Policies', 'Meeting Notes', 'Reports', 'Designs', 'HR'] as const;
/** Word list for generated rows: document kinds. */
export const DOCUMENT_KINDS = [
  ['Supplier agreement', 'pdf', 'application/pdf'],
  ['Quarterly report', 'pdf', 'application/pdf'],
  ['Inventory export', 'csv', 'text/csv'],
  ['Warehouse layout', 'png', 'image/png'],
  ['Meeting notes', 'md', 'text/markdown'],
  ['Price list', 'xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ['Product spec', 'docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
] as const;
/** Word list for generated rows: workflow names. */
export const WORKFLOW_NAMES = [
  'Purchase approval', 'Low stock reorder', 'Invoice review', 'New hire onboarding', 'Return authorization',
  'Contract renewal', 'Quality inspection', 'Expense approval',
] as const;
/** Word list for generated rows: product adjectives. */
export const PRODUCT_ADJECTIVES = ['Heavy-duty', 'Compact', 'Stainless', 'Ergonomic', 'Industrial', 'Premium', 'Eco', 'Modular'] as const;
/** Word list for generated rows: product nouns. */
export const PRODUCT_NOUNS = [
  'Pallet Jack', 'Shelf Unit', 'Barcode Scanner', 'Packing Tape', 'Storage Bin', 'Safety Gloves', 'Label Printer',
  'Hand Truck', 'Stretch Film', 'Cable Ties', 'Work Bench', 'LED Lamp', 'Tool Cart', 'Shipping Box', 'Box Cutter',
] as const;
/** Word list for generated rows: cities. */
export const CITIES = [
  ['Berlin', 'DE', '10115'], ['Hamburg', 'DE', '20095'], ['London', 'GB', 'EC1A 1BB'], ['Paris', 'FR', '75001'],
  ['Madrid', 'ES', '28001'], ['New York', 'US', '10001'], ['Chicago', 'US', '60601'], ['Austin', 'US', '73301'],
  ['Toronto', 'CA', 'M5H 2N2'], ['Tokyo', 'JP', '100-0001'], ['Sydney', 'AU', '2000'], ['Amsterdam', 'NL', '1012'],
] as const;
/** Word list for generated rows: streets. */
export const STREETS = ['Main St', 'Harbor Rd', 'Industrial Way', 'Market Sq', 'Station Ave', 'Mill Lane', 'Park Blvd', 'Dock St'] as const;
/** Word list for generated rows: lorem. */
export const LOREM = [
  'Coordinate with the warehouse team before the change goes live.',
  'Numbers in the last report did not match the ledger; check the import.',
  'Customer asked for a weekly summary instead of daily emails.',
  'Needs sign-off from finance before we proceed.',
  'Blocked until the supplier confirms the new SKUs.',
  'Rolled out to the pilot site first; no issues so far.',
  'See the attached spec for the edge cases.',
  'Performance is fine up to ten thousand items per location.',
  'Follow the checklist in the onboarding folder.',
  'Escalate to the account owner if payment fails twice.',
] as const;

/** A lowercase slug of words (ASCII letters, digits and dashes). */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** One or more sentences of filler text. */
export function sentences(rng: Random, min = 1, max = 3): string {
  return rng.sample(LOREM, rng.int(min, max)).join(' ');
}

/** A person's full name. */
export function personName(rng: Random): { first: string; last: string } {
  return { first: rng.pick(FIRST_NAMES), last: rng.pick(LAST_NAMES) };
}
