/**
 * schema.org JobPosting for a public 求人票 (issue 16, ADR 0027, OD-1..OD-3): built from the same view
 * model the page renders (toJobDetailView), so 公開範囲 is decided once, by jobVisibility — when the
 * view hides 事業所名等, so does the JSON-LD (no hiringOrganization, no street address).
 */
import { prefectureName } from '../geo/geo.data.ts';
import type { EmploymentType, WageType, WorkStyle } from '../jobs/job.types.ts';
import type { JobDetailView } from '../jobs/job-view.ts';

/** schema.org / Google's employmentType values. */
export type SchemaEmploymentType = 'FULL_TIME' | 'PART_TIME' | 'TEMPORARY' | 'CONTRACTOR';

/** schema.org QuantitativeValue unitText for a wage. */
export type SchemaWageUnit = 'HOUR' | 'DAY' | 'MONTH' | 'YEAR';

export interface JobPostingLd {
  '@context': 'https://schema.org';
  '@type': 'JobPosting';
  title: string;
  description: string;
  identifier: { '@type': 'PropertyValue'; name: string; value: string };
  datePosted: string;
  validThrough: string;
  employmentType: SchemaEmploymentType[];
  hiringOrganization?: { '@type': 'Organization'; name: string };
  jobLocation: {
    '@type': 'Place';
    address: {
      '@type': 'PostalAddress';
      addressCountry: 'JP';
      addressRegion: string;
      addressLocality: string;
      streetAddress?: string;
    };
  };
  baseSalary: {
    '@type': 'MonetaryAmount';
    currency: 'JPY';
    value: { '@type': 'QuantitativeValue'; minValue: number; maxValue: number; unitText: SchemaWageUnit };
  };
  totalJobOpenings: number;
  url: string;
}

/** OD-2: 求人区分 gives full/part time; 雇用形態 adds what kind of contract it is. */
export function schemaEmploymentTypes(
  workStyle: WorkStyle,
  employment: EmploymentType,
): SchemaEmploymentType[] {
  const base: SchemaEmploymentType = workStyle === 'full_time' ? 'FULL_TIME' : 'PART_TIME';
  switch (employment) {
    case 'regular':
      return [base];
    case 'non_regular':
    case 'fixed_term_dispatch':
      return [base, 'TEMPORARY'];
    case 'indefinite_dispatch':
      return [base, 'CONTRACTOR'];
  }
}

/** OD-2: the wage type's unit (月給 MONTH, 日給 DAY, 時給 HOUR). */
export function schemaWageUnit(wageType: WageType): SchemaWageUnit {
  switch (wageType) {
    case 'monthly':
      return 'MONTH';
    case 'daily':
      return 'DAY';
    case 'hourly':
      return 'HOUR';
  }
}

/** OD-1: 紹介期限日 is valid through the end of that day in Tokyo. */
export function validThroughOf(referralDeadline: string): string {
  return `${referralDeadline}T23:59:59+09:00`;
}

/**
 * OD-1: the JobPosting of a job page, or null when the job is not 有効 (an ended job's page says
 * 「この求人は現在無効です」 and carries no posting) or has no 求人番号 / dates yet.
 */
export function buildJobPosting(view: JobDetailView, baseUrl: string): JobPostingLd | null {
  const { job } = view;
  if (!view.valid || !job.jobNumber || !job.acceptedOn || !job.referralDeadline) return null;
  const address: JobPostingLd['jobLocation']['address'] = {
    '@type': 'PostalAddress',
    addressCountry: 'JP',
    addressRegion: prefectureName(job.prefectureCode, 'ja'),
    addressLocality: job.city,
  };
  if (job.workplaceAddress) address.streetAddress = job.workplaceAddress;
  return {
    '@context': 'https://schema.org',
    '@type': 'JobPosting',
    title: job.title,
    description: job.description,
    identifier: { '@type': 'PropertyValue', name: '求人番号', value: job.jobNumber },
    datePosted: job.acceptedOn,
    validThrough: validThroughOf(job.referralDeadline),
    employmentType: schemaEmploymentTypes(job.workStyle, job.employmentType),
    ...(view.showsEmployer && view.employer.name
      ? { hiringOrganization: { '@type': 'Organization' as const, name: view.employer.name } }
      : {}),
    jobLocation: { '@type': 'Place', address },
    baseSalary: {
      '@type': 'MonetaryAmount',
      currency: 'JPY',
      value: {
        '@type': 'QuantitativeValue',
        minValue: job.wageMin,
        maxValue: job.wageMax,
        unitText: schemaWageUnit(job.wageType),
      },
    },
    totalJobOpenings: job.openings,
    url: `${baseUrl}/jobs/${job.jobNumber}`,
  };
}

/**
 * OD-3: JSON for inside a <script> element. `<` becomes \u003c (so neither `</script>` nor `<!--`
 * can end or change the element), and U+2028/U+2029 are escaped for old parsers; JSON.parse reads
 * the same value back.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
