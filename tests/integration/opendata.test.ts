/**
 * Open job data (issue 16, ADR 0027): JSON-LD on job pages for every 公開範囲, the /api/v1 API
 * answering as the pages do, its caching, CORS, cookies, the rate limit across two web servers,
 * the OpenAPI document, the human guide, and the sitemap.
 */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobPostings } from '../../src/db/schema/index.ts';
import { publicJobDetailSchema, publicJobSearchSchema } from '../../src/modules/opendata/public-job.ts';
import { createJob, createStaff } from '../support/factories.ts';
import type { Page } from '../support/http.ts';
import { expectValidJobPosting } from '../support/schema-org.ts';
import { signInAs } from '../support/sign-in.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

const marker = () => `目印${randomBytes(3).toString('hex')}`;
const q = (s: string) => encodeURIComponent(s);
let ipSerial = 0;
/** A client address of its own, so the rate limit of one test never meets another's. */
const freshIp = () => `198.51.100.${++ipSerial}`;

const pageNumbers = (page: Page) =>
  page.dom
    .querySelectorAll('.job-list article h3 a')
    .map((a) => a.getAttribute('href')?.replace('/jobs/', '') ?? '');

const jsonLd = (page: Page) =>
  page.dom
    .querySelectorAll('script[type="application/ld+json"]')
    .map((s) => JSON.parse(s.textContent) as Record<string, unknown>);

async function api(path: string, ip = freshIp(), headers: Record<string, string> = {}) {
  return ctx.client(ip).request('GET', path, undefined, headers);
}

describe('OD-1 JobPosting JSON-LD on job pages', () => {
  it('OD-1 公開範囲 1: a valid JobPosting naming the employer, with the street address and salary unit', async () => {
    const job = await createJob(ctx.deps, { publicationScope: 'full', wageType: 'hourly' });
    const page = await ctx.client().get(`/jobs/${job.jobNumber}`);
    const all = jsonLd(page);
    expect(all).toHaveLength(1);
    const ld = all[0] as Record<string, unknown>;
    expectValidJobPosting(ld, { employerShown: true });
    expect(ld.hiringOrganization).toEqual({ '@type': 'Organization', name: job.employer.name });
    expect(ld.identifier).toMatchObject({ value: job.jobNumber });
    expect(ld.validThrough).toBe(`${job.posting.referralDeadline}T23:59:59+09:00`);
    expect((ld.baseSalary as { value: { unitText: string } }).value.unitText).toBe('HOUR');
    expect((ld.jobLocation as { address: { streetAddress?: string } }).address.streetAddress).toBe(
      job.posting.workplaceAddress,
    );
  });

  it('OD-1 公開範囲 2: a valid JobPosting without hiringOrganization or street address, even to staff', async () => {
    const job = await createJob(ctx.deps, { publicationScope: 'anonymous', wageType: 'monthly' });
    const staff = await createStaff(ctx.deps);
    const staffClient = ctx.client();
    await signInAs(staffClient, 'staff', staff.email, staff.password);
    for (const client of [ctx.client(), staffClient]) {
      const page = await client.get(`/jobs/${job.jobNumber}`);
      expect(page.status).toBe(200);
      const [ld] = jsonLd(page);
      expectValidJobPosting(ld, { employerShown: false });
      expect(ld).not.toHaveProperty('hiringOrganization');
      expect(page.html.includes('application/ld+json')).toBe(true);
      const script = page.dom.querySelector('script[type="application/ld+json"]')?.textContent ?? '';
      expect(script).not.toContain(job.employer.name);
      expect(script).not.toContain(job.posting.workplaceAddress);
    }
  });

  it('OD-1 公開範囲 3: no page for the public, and the page staff see carries no JobPosting', async () => {
    const job = await createJob(ctx.deps, { publicationScope: 'private' });
    expect((await ctx.client().get(`/jobs/${job.jobNumber}`)).status).toBe(404);
    const staff = await createStaff(ctx.deps);
    const staffClient = ctx.client();
    await signInAs(staffClient, 'staff', staff.email, staff.password);
    const page = await staffClient.get(`/jobs/${job.jobNumber}`);
    expect(page.status).toBe(200);
    expect(jsonLd(page)).toEqual([]);
  });

  it('OD-3 a title with </script> cannot break out of the JSON-LD element', async () => {
    const title = '介護</script><script>alert(1)</script>';
    const job = await createJob(ctx.deps, { title, publicationScope: 'full' });
    const page = await ctx.client().get(`/jobs/${job.jobNumber}`);
    expect(page.html).not.toContain('</script><script>alert(1)');
    const [ld] = jsonLd(page);
    expect(ld?.title).toBe(title);
  });

  it('OD-1 an ended job (無効) says so on its page and carries no JobPosting', async () => {
    const job = await createJob(ctx.deps, { publicationScope: 'full' });
    await ctx.db.update(jobPostings).set({ status: 'invalid' }).where(eq(jobPostings.id, job.id));
    const page = await ctx.client().get(`/jobs/${job.jobNumber}`);
    expect(page.status).toBe(200);
    expect(jsonLd(page)).toEqual([]);
  });
});

describe('OD-5 /api/v1 answers as the pages do', () => {
  it('OD-5 SR-1 the search answers the same job numbers in the same order as the search page', async () => {
    const m = marker();
    for (let i = 0; i < 14; i++)
      await createJob(ctx.deps, {
        title: `介護スタッフ ${m}`,
        wageMin: 180_000 + i * 1_000,
        wageMax: 250_000 + i * 1_000,
        publicationScope: i % 3 === 0 ? 'anonymous' : i % 5 === 0 ? 'private' : 'full',
      });
    const queries = [
      `kw=${q(m)}`,
      `kw=${q(m)}&sort=wage&per=10`,
      `kw=${q(m)}&sort=wage&per=10&page=2`,
      `kw=${q(`${m} 介護`)}&kwMode=and&pref=13&emp=regular&emp=non_regular&sort=deadline`,
    ];
    for (const query of queries) {
      const page = await ctx.client().get(`/jobs?${query}`);
      const res = await api(`/api/v1/jobs?${query}`);
      expect(res.status).toBe(200);
      const body = JSON.parse(res.html) as {
        total: number;
        jobs: { jobNumber: string; employerName: string }[];
      };
      expect(body.jobs.map((j) => j.jobNumber)).toEqual(pageNumbers(page));
      expect(body.total).toBe(Number(page.text('[data-testid="hit-count"]').replace(/\D/g, '')));
    }
    const all = JSON.parse((await api(`/api/v1/jobs?kw=${q(m)}&per=50`)).html) as {
      total: number;
      jobs: { publicationScope: string; employerName: string | null }[];
    };
    expect(all.total).toBe(12); // the two private ones are found by nobody
    publicJobSearchSchema.strict().parse(all);
    for (const j of all.jobs) expect(j.employerName === null).toBe(j.publicationScope === 'anonymous');
  });

  it('OD-5 invalid conditions are 400 with the field named, as the page refuses them', async () => {
    const res = await api('/api/v1/jobs?age=7&pref=99');
    expect(res.status).toBe(400);
    const body = JSON.parse(res.html) as { issues: Record<string, string> };
    expect(Object.keys(body.issues).sort()).toEqual(['age', 'pref']);
    expect((await ctx.client().get('/jobs?age=7&pref=99')).status).toBe(400);
  });

  it('OD-5 SR-4 the detail hides what the page hides; private, unknown and ended jobs are 404', async () => {
    const full = await createJob(ctx.deps, { publicationScope: 'full' });
    const anon = await createJob(ctx.deps, { publicationScope: 'anonymous' });
    const hidden = await createJob(ctx.deps, { publicationScope: 'private' });
    const ended = await createJob(ctx.deps, { publicationScope: 'full' });
    await ctx.db.update(jobPostings).set({ status: 'withdrawn' }).where(eq(jobPostings.id, ended.id));

    const a = JSON.parse((await api(`/api/v1/jobs/${full.jobNumber}`)).html);
    // Exactly the documented fields (the OpenAPI schema), no more.
    publicJobDetailSchema.strict().parse(a);
    expect(a.employer.name).toBe(full.employer.name);
    expect(a.workplaceAddress).toBe(full.posting.workplaceAddress);
    expect(a.title).toBe(full.posting.title);

    const b = JSON.parse((await api(`/api/v1/jobs/${anon.jobNumber}`)).html);
    expect(b.employer).toMatchObject({ name: null, establishmentNumber: null, phone: null, address: null });
    expect(b.workplaceAddress).toBeNull();
    expect(JSON.stringify(b)).not.toContain(anon.employer.name);
    const anonPage = await ctx.client().get(`/jobs/${anon.jobNumber}`);
    expect(anonPage.text('main')).not.toContain(anon.employer.name);

    for (const n of [hidden.jobNumber, ended.jobNumber, '13010-99999998', 'nonsense'])
      expect((await api(`/api/v1/jobs/${n}`)).status).toBe(404);
    // Nothing internal: no ids, no employer account, no staff notes.
    for (const key of ['id', 'employerId', 'formKey', 'closedReason', 'createdAt'])
      expect(a).not.toHaveProperty(key);
  });
});

describe('OD-6 caching, CORS and cookies', () => {
  it('OD-6 an ETag with 304 for If-None-Match, Cache-Control public max-age=60, CORS for any origin', async () => {
    const job = await createJob(ctx.deps, { publicationScope: 'full' });
    const ip = freshIp();
    const first = await api(`/api/v1/jobs/${job.jobNumber}`, ip, { origin: 'https://example.org' });
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toContain('application/json');
    expect(first.headers.get('cache-control')).toBe('public, max-age=60');
    expect(first.headers.get('access-control-allow-origin')).toBe('*');
    expect(first.headers.get('access-control-allow-credentials')).toBeNull();
    const tag = first.headers.get('etag');
    expect(tag).toBeTruthy();
    const again = await api(`/api/v1/jobs/${job.jobNumber}`, ip, { 'if-none-match': tag! });
    expect(again.status).toBe(304);
    expect(again.html).toBe('');

    const preflight = await ctx.client(ip).request('OPTIONS', '/api/v1/jobs', undefined, {
      origin: 'https://example.org',
      'access-control-request-method': 'GET',
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('GET');
  });

  it('OD-6 no API answer sets a cookie, even for a signed-in browser', async () => {
    const staff = await createStaff(ctx.deps);
    const client = ctx.client(freshIp());
    await signInAs(client, 'staff', staff.email, staff.password);
    const job = await createJob(ctx.deps, { publicationScope: 'anonymous' });
    for (const path of [
      '/api/v1/jobs',
      `/api/v1/jobs/${job.jobNumber}`,
      '/api/v1/openapi.json',
      '/api/v1/nope',
    ]) {
      const res = await client.request('GET', path, undefined, { cookie: client.cookieHeader() });
      expect(res.headers.getSetCookie(), path).toEqual([]);
    }
    // Signed in as staff, the API still hides what the public may not see.
    const body = JSON.parse((await client.get(`/api/v1/jobs/${job.jobNumber}`)).html);
    expect(body.employer.name).toBeNull();
  });
});

describe('OD-4 rate limit across web servers', () => {
  it('OD-4 the 61st request in a minute from one client, spread over two web servers, is 429 with Retry-After', async () => {
    const sibling = await ctx.sibling();
    try {
      const ip = freshIp();
      const one = ctx.client(ip);
      const two = sibling.client(ip);
      for (let i = 0; i < 30; i++) {
        expect((await one.get('/api/v1/jobs?per=10')).status).toBe(200);
        expect((await two.get('/api/v1/jobs?per=10')).status).toBe(200);
      }
      const refused = await two.get('/api/v1/jobs?per=10');
      expect(refused.status).toBe(429);
      const retry = Number(refused.headers.get('retry-after'));
      expect(retry).toBeGreaterThan(0);
      expect(retry).toBeLessThanOrEqual(60);
      expect((await one.get('/api/v1/jobs?per=10')).status).toBe(429);
      // Another client is not affected; after the window the same client is served again.
      expect((await ctx.client(freshIp()).get('/api/v1/jobs?per=10')).status).toBe(200);
      ctx.clock.advance(61_000);
      expect((await one.get('/api/v1/jobs?per=10')).status).toBe(200);
    } finally {
      await sibling.close();
    }
  });
});

describe('OD-4 the client address as the app determines it', () => {
  it('OD-4 behind a proxy (TRUST_PROXY) each X-Forwarded-For client has its own 60 a minute', async () => {
    const proxied = await createTestContext({ env: { TRUST_PROXY: 'true' } });
    try {
      const viaProxy = (forwarded: string) =>
        proxied.client('10.0.0.1').request('GET', '/api/v1/openapi.json', undefined, {
          'x-forwarded-for': `${forwarded}, 10.0.0.1`,
        });
      for (let i = 0; i < 60; i++) expect((await viaProxy('192.0.2.1')).status).toBe(200);
      expect((await viaProxy('192.0.2.1')).status).toBe(429);
      expect((await viaProxy('192.0.2.2')).status).toBe(200);
    } finally {
      await proxied.close();
    }
  });
});

describe('OD-7 documentation and sitemap', () => {
  it('OD-7 the OpenAPI document is served at /api/v1/openapi.json, generated from the search schema', async () => {
    const res = await api('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    const doc = JSON.parse(res.html);
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths).sort()).toEqual(['/jobs', '/jobs/{number}']);
    const names = (doc.paths['/jobs'].get.parameters as { name: string }[]).map((p) => p.name);
    for (const n of ['kw', 'kwMode', 'pref', 'city', 'occ', 'emp', 'wage', 'sort', 'per', 'page'])
      expect(names).toContain(n);
    expect(doc.components.schemas).toHaveProperty('Job');
    expect(doc.components.schemas).toHaveProperty('JobSearchResult');
  });

  it('OD-7 the human page /api documents the API in Japanese and English', async () => {
    const ja = await ctx.client().get('/api');
    expect(ja.status).toBe(200);
    expect(ja.h1()).toBe('求人情報API');
    expect(ja.text('main')).toContain('/api/v1/openapi.json');
    expect(ja.text('main')).toContain('/api/v1/jobs');
    const en = ctx.client();
    await en.get('/locale?lang=en&next=/');
    const enPage = await en.get('/api');
    expect(enPage.h1()).toBe('Job data API');
  });

  it('OD-8 /sitemap.xml lists the public open jobs, not the private or ended ones; robots.txt points at it', async () => {
    const full = await createJob(ctx.deps, { publicationScope: 'full' });
    const anon = await createJob(ctx.deps, { publicationScope: 'anonymous' });
    const hidden = await createJob(ctx.deps, { publicationScope: 'private' });
    const ended = await createJob(ctx.deps, { publicationScope: 'full' });
    await ctx.db.update(jobPostings).set({ status: 'invalid' }).where(eq(jobPostings.id, ended.id));
    const res = await ctx.client().get('/sitemap.xml');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/xml');
    expect(res.html).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(res.html).toContain(`<loc>http://localhost/jobs/${full.jobNumber}</loc>`);
    expect(res.html).toContain(`<loc>http://localhost/jobs/${anon.jobNumber}</loc>`);
    expect(res.html).not.toContain(hidden.jobNumber);
    expect(res.html).not.toContain(ended.jobNumber);
    const robots = await ctx.client().get('/robots.txt');
    expect(robots.status).toBe(200);
    expect(robots.html).toContain('Sitemap: http://localhost/sitemap.xml');
  });
});
