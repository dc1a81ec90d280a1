/**
 * Pure rules of open job data (issue 16, ADR 0027): the JobPosting builder for every 公開範囲, the
 * code mappings, the script-safe JSON, the API rate-limit decision and the sitemap's files.
 */
import { describe, expect, it } from 'vitest';
import type { Employer } from '../../src/modules/employers/employers.repository.ts';
import { jobVisibility } from '../../src/modules/jobs/job.rules.ts';
import { jobSchema, toJobContent } from '../../src/modules/jobs/job.schemas.ts';
import type { PublicationScope } from '../../src/modules/jobs/job.types.ts';
import { toJobDetailView } from '../../src/modules/jobs/job-view.ts';
import type { JobPosting } from '../../src/modules/jobs/jobs.repository.ts';
import { API_LIMIT, decideApiLimit } from '../../src/modules/opendata/api-limit.rules.ts';
import {
  buildJobPosting,
  schemaEmploymentTypes,
  schemaWageUnit,
  scriptSafeJson,
  validThroughOf,
} from '../../src/modules/opendata/job-posting.rules.ts';
import { toPublicJobDetail } from '../../src/modules/opendata/public-job.ts';
import {
  robotsTxt,
  sitemapFileCount,
  sitemapIndexXml,
  urlsetXml,
} from '../../src/modules/opendata/sitemap.rules.ts';
import { tokyoDate } from '../../src/platform/dates.ts';
import { leafletJobForm } from '../integration/jobs-fixtures.ts';
import { expectValidJobPosting } from '../support/schema-org.ts';

const BASE = 'https://hellowork.example.jp';
/** 2026-11-21 00:30 in Tokyo, still the 20th in UTC. */
const NOW = new Date('2026-11-20T15:30:00Z');
const TODAY = tokyoDate(NOW);

// A 求人票 as the database returns it; the fixture has no timestamps or ids, so it is cast once here.
const jobRow = (overrides: Record<string, string> = {}, status: JobPosting['status'] = 'open') =>
  ({
    ...toJobContent(jobSchema.parse(leafletJobForm(overrides))),
    id: 7,
    jobNumber: '13010-09999999',
    employerId: 'e-1',
    officeCode: '13010',
    status,
    acceptedOn: '2026-11-21',
    referralDeadline: '2027-01-31',
  }) as unknown as JobPosting;

const employer = {
  id: 'e-1',
  name: '株式会社ハローワークケア',
  nameKana: 'カブシキガイシャハローワークケア',
  establishmentNumber: '1301-123456-7',
  postalCode: '100-0001',
  prefectureCode: '13',
  city: '千代田区',
  address: '千代田1-1',
  phone: '03-0000-0000',
  employeesTotal: 50,
  employeesAtWorkplace: 20,
  businessDescription: '介護事業',
} as unknown as Employer;

/** The view the public page renders, decided by the one visibility rule. */
function publicView(scope: PublicationScope, status: JobPosting['status'] = 'open') {
  const job = jobRow({ publicationScope: scope }, status);
  const visibility = jobVisibility(job, { role: 'public' });
  if (visibility === 'hidden') return null;
  return toJobDetailView({ job, employer, officeName: '飯田橋' }, visibility === 'full', TODAY);
}

describe('OD-1 JobPosting for every 公開範囲', () => {
  it('OD-1 公開範囲 1 (full): valid, with hiringOrganization and the street address', () => {
    const view = publicView('full');
    const ld = buildJobPosting(view!, BASE);
    expectValidJobPosting(ld, { employerShown: true });
    expect(ld).toMatchObject({
      title: '介護福祉士',
      datePosted: '2026-11-21',
      validThrough: '2027-01-31T23:59:59+09:00',
      identifier: { '@type': 'PropertyValue', name: '求人番号', value: '13010-09999999' },
      hiringOrganization: { '@type': 'Organization', name: '株式会社ハローワークケア' },
      url: `${BASE}/jobs/13010-09999999`,
      baseSalary: { currency: 'JPY', value: { minValue: 205000, maxValue: 290000, unitText: 'MONTH' } },
    });
    expect(ld?.jobLocation.address).toMatchObject({ addressCountry: 'JP', addressRegion: '東京都' });
  });

  it('OD-1 公開範囲 2 (anonymous): valid, without hiringOrganization or street address; nothing names the employer', () => {
    const ld = buildJobPosting(publicView('anonymous')!, BASE);
    expectValidJobPosting(ld, { employerShown: false });
    const text = JSON.stringify(ld);
    expect(text).not.toContain('ハローワークケア');
    expect(text).not.toContain(jobRow().workplaceAddress);
  });

  it('OD-1 公開範囲 3 (private): the public has no view, so there is no JobPosting', () => {
    expect(publicView('private')).toBeNull();
  });

  it('OD-1 jobs not 有効 (無効, 取下げ, past 紹介期限日) carry no JobPosting', () => {
    expect(buildJobPosting(publicView('full', 'invalid')!, BASE)).toBeNull();
    expect(buildJobPosting(publicView('full', 'withdrawn')!, BASE)).toBeNull();
    const job = jobRow({ publicationScope: 'full' });
    const late = toJobDetailView({ job, employer, officeName: 'x' }, true, '2027-02-01');
    expect(buildJobPosting(late, BASE)).toBeNull();
    // The last day itself (Tokyo) is still valid.
    expect(
      buildJobPosting(toJobDetailView({ job, employer, officeName: 'x' }, true, '2027-01-31'), BASE),
    ).not.toBeNull();
  });

  it('OD-1 validThrough is the end of the 紹介期限日 in Tokyo (14:59:59 UTC that day)', () => {
    expect(validThroughOf('2027-01-31')).toBe('2027-01-31T23:59:59+09:00');
    expect(new Date(validThroughOf('2027-01-31')).toISOString()).toBe('2027-01-31T14:59:59.000Z');
  });
});

describe('OD-2 code mappings', () => {
  it('OD-2 求人区分 and 雇用形態 map to schema.org employmentType', () => {
    expect(schemaEmploymentTypes('full_time', 'regular')).toEqual(['FULL_TIME']);
    expect(schemaEmploymentTypes('part_time', 'regular')).toEqual(['PART_TIME']);
    expect(schemaEmploymentTypes('full_time', 'non_regular')).toEqual(['FULL_TIME', 'TEMPORARY']);
    expect(schemaEmploymentTypes('part_time', 'fixed_term_dispatch')).toEqual(['PART_TIME', 'TEMPORARY']);
    expect(schemaEmploymentTypes('full_time', 'indefinite_dispatch')).toEqual(['FULL_TIME', 'CONTRACTOR']);
  });

  it('OD-2 the wage type gives the unit: 月給 MONTH, 日給 DAY, 時給 HOUR', () => {
    expect(schemaWageUnit('monthly')).toBe('MONTH');
    expect(schemaWageUnit('daily')).toBe('DAY');
    expect(schemaWageUnit('hourly')).toBe('HOUR');
  });
});

describe('OD-3 script-safe JSON', () => {
  it('OD-3 no <, > or & survives, and the value reads back the same', () => {
    const value = { title: '</script><script>alert(1)</script> <!-- & \u2028 \u2029' };
    const out = scriptSafeJson(value);
    expect(out).not.toMatch(/[<>&\u2028\u2029]/);
    expect(out).toContain('\\u003c/script\\u003e');
    expect(JSON.parse(out)).toEqual(value);
  });
});

describe('OD-4 API rate limit decision', () => {
  const start = new Date('2026-11-20T15:00:00Z');
  it('OD-4 60 requests a minute pass, the 61st does not, with the seconds left in the window', () => {
    expect(decideApiLimit(API_LIMIT, 60, start, new Date('2026-11-20T15:00:30Z'))).toEqual({
      allowed: true,
      limit: 60,
      remaining: 0,
      resetSeconds: 30,
    });
    const refused = decideApiLimit(API_LIMIT, 61, start, new Date('2026-11-20T15:00:59.500Z'));
    expect(refused.allowed).toBe(false);
    expect(refused.resetSeconds).toBe(1);
    expect(decideApiLimit(API_LIMIT, 1, start, start)).toMatchObject({ remaining: 59, resetSeconds: 60 });
  });

  it('OD-4 Retry-After is at least one second, even at the end of the window', () => {
    expect(decideApiLimit(API_LIMIT, 61, start, new Date('2026-11-20T15:01:00Z')).resetSeconds).toBe(1);
  });
});

describe('OD-5 the API detail serves what the page shows', () => {
  it('OD-5 公開範囲 2: 事業所名等 are null, internal columns absent', () => {
    const detail = toPublicJobDetail(publicView('anonymous')!, BASE);
    expect(detail.employer).toMatchObject({
      name: null,
      establishmentNumber: null,
      phone: null,
      address: null,
    });
    expect(detail.workplaceAddress).toBeNull();
    for (const key of ['id', 'employerId', 'formKey', 'closedReason', 'closedCause', 'createdAt'])
      expect(detail).not.toHaveProperty(key);
    expect(toPublicJobDetail(publicView('full')!, BASE).employer.name).toBe('株式会社ハローワークケア');
  });
});

describe('OD-8 sitemap', () => {
  it('OD-8 one file up to 50,000 URLs, then an index of numbered files', () => {
    expect(sitemapFileCount(0)).toBe(1);
    expect(sitemapFileCount(50_000)).toBe(1);
    expect(sitemapFileCount(50_001)).toBe(2);
    expect(sitemapFileCount(150_000)).toBe(3);
    const index = sitemapIndexXml(BASE, 2);
    expect(index).toContain(`<loc>${BASE}/sitemap-1.xml</loc>`);
    expect(index).toContain(`<loc>${BASE}/sitemap-2.xml</loc>`);
  });

  it('OD-8 URLs are escaped and carry their last change; robots.txt names the sitemap', () => {
    const xml = urlsetXml('https://a.example/?x=1&y=2', [
      { jobNumber: '13010-00000001', lastModified: new Date('2026-11-20T15:30:00Z') },
    ]);
    expect(xml).toContain('<loc>https://a.example/?x=1&amp;y=2/jobs/13010-00000001</loc>');
    expect(xml).toContain('<lastmod>2026-11-20T15:30:00.000Z</lastmod>');
    expect(robotsTxt(BASE)).toContain(`Sitemap: ${BASE}/sitemap.xml`);
    expect(robotsTxt(BASE)).toContain('Disallow: /mypage/');
  });
});
