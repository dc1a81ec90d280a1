/**
 * The schema.org rules for JobPosting that can be checked without the network (issue 16, ADR 0027):
 * the properties search engines require, and each property's expected type as schema.org defines it
 * (Text, Date / DateTime in ISO 8601, Organization, Place with PostalAddress, MonetaryAmount with a
 * QuantitativeValue and an ISO 4217 currency, PropertyValue). Unknown properties are refused too.
 */
import { expect } from 'vitest';

const ALLOWED = new Set([
  '@context',
  '@type',
  'title',
  'description',
  'identifier',
  'datePosted',
  'validThrough',
  'employmentType',
  'hiringOrganization',
  'jobLocation',
  'baseSalary',
  'totalJobOpenings',
  'url',
]);
const EMPLOYMENT = [
  'FULL_TIME',
  'PART_TIME',
  'CONTRACTOR',
  'TEMPORARY',
  'INTERN',
  'VOLUNTEER',
  'PER_DIEM',
  'OTHER',
];
const UNITS = ['HOUR', 'DAY', 'WEEK', 'MONTH', 'YEAR'];
const nonEmpty = (v: unknown) => typeof v === 'string' && v.trim().length > 0;
type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => {
  expect(v, 'an object').toBeTypeOf('object');
  expect(v).not.toBeNull();
  return v as Obj;
};

export function expectValidJobPosting(value: unknown, o: { employerShown: boolean }): void {
  const ld = obj(value);
  expect(ld['@context']).toBe('https://schema.org');
  expect(ld['@type']).toBe('JobPosting');
  for (const key of Object.keys(ld)) expect(ALLOWED.has(key), `unknown property ${key}`).toBe(true);
  // Required (Google's JobPosting): title, description, datePosted, hiringOrganization, jobLocation.
  expect(nonEmpty(ld.title)).toBe(true);
  expect(nonEmpty(ld.description)).toBe(true);
  expect(ld.datePosted).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(ld.validThrough).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/);
  expect(Number.isNaN(Date.parse(String(ld.validThrough)))).toBe(false);
  expect(String(ld.validThrough).slice(0, 10) >= String(ld.datePosted)).toBe(true);
  const types = ld.employmentType as unknown[];
  expect(Array.isArray(types) && types.length > 0).toBe(true);
  for (const t of types) expect(EMPLOYMENT).toContain(t);

  const id = obj(ld.identifier);
  expect(id['@type']).toBe('PropertyValue');
  expect(nonEmpty(id.name) && nonEmpty(id.value)).toBe(true);

  if (o.employerShown) {
    const org = obj(ld.hiringOrganization);
    expect(org['@type']).toBe('Organization');
    expect(nonEmpty(org.name)).toBe(true);
  } else {
    expect(ld.hiringOrganization).toBeUndefined();
  }

  const place = obj(ld.jobLocation);
  expect(place['@type']).toBe('Place');
  const address = obj(place.address);
  expect(address['@type']).toBe('PostalAddress');
  expect(address.addressCountry).toBe('JP');
  expect(nonEmpty(address.addressRegion)).toBe(true);
  expect(nonEmpty(address.addressLocality)).toBe(true);
  if (o.employerShown) expect(nonEmpty(address.streetAddress)).toBe(true);
  else expect(address.streetAddress).toBeUndefined();

  const salary = obj(ld.baseSalary);
  expect(salary['@type']).toBe('MonetaryAmount');
  expect(salary.currency).toMatch(/^[A-Z]{3}$/);
  const amount = obj(salary.value);
  expect(amount['@type']).toBe('QuantitativeValue');
  expect(UNITS).toContain(amount.unitText);
  expect(Number.isInteger(amount.minValue) && Number.isInteger(amount.maxValue)).toBe(true);
  expect(amount.minValue as number).toBeGreaterThan(0);
  expect(amount.maxValue as number).toBeGreaterThanOrEqual(amount.minValue as number);

  expect(Number.isInteger(ld.totalJobOpenings)).toBe(true);
  expect(String(ld.url)).toMatch(/^https?:\/\/.+\/jobs\/\d{5}-\d{8}$/);
}
