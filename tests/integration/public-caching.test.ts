/**
 * Issue 13, public pages cacheable and still exact (ADR 0039): a page the same for every visitor
 * sets no cookie and is `public, no-cache` with an ETag, so a cache (the browser's, or a shared one
 * in front of the app) answers repeat views with a 304; a withdrawn job is gone at the next request;
 * nothing rendered for a session, and no page that sets a cookie, is ever public.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeJob } from '../../src/modules/jobs/close-job.ts';
import { etagMatches } from '../../src/web/middleware.ts';
import { createJob, createSeeker, createStaff } from '../support/factories.ts';
import { signInAs } from '../support/sign-in.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
let job: Awaited<ReturnType<typeof createJob>>;

beforeAll(async () => {
  ctx = await createTestContext();
  job = await createJob(ctx.deps);
});
afterAll(() => ctx?.close());

const visitorPages = () => ['/', '/jobs', `/jobs?kw=${encodeURIComponent('介護')}`, `/jobs/${job.jobNumber}`];

describe('public pages', () => {
  it('set no cookie and are public, no-cache with an ETag; a repeat view with If-None-Match is a 304 without a body', async () => {
    for (const path of visitorPages()) {
      const visitor = ctx.client();
      const first = await visitor.get(path);
      expect(first.status, path).toBe(200);
      expect(first.headers.getSetCookie(), path).toEqual([]);
      expect(first.headers.get('cache-control'), path).toBe('public, no-cache');
      expect(first.headers.get('vary') ?? '', path).toMatch(/\bCookie\b/);
      const tag = first.headers.get('etag');
      expect(tag, path).toMatch(/^W\/"[A-Za-z0-9_-]+"$/);
      const again = await visitor.request('GET', path, undefined, { 'if-none-match': tag ?? '' });
      expect(again.status, path).toBe(304);
      expect(again.html, path).toBe('');
      expect(again.headers.get('etag'), path).toBe(tag);
      // Another tag, or none: the whole page.
      const other = await visitor.request('GET', path, undefined, { 'if-none-match': 'W/"stale"' });
      expect(other.status, path).toBe(200);
      expect(other.html, path).toBe(first.html);
    }
  });

  it('a page in another language has another ETag (the language cookie is in Vary)', async () => {
    const ja = await ctx.client().get(`/jobs/${job.jobNumber}`);
    const english = ctx.client();
    english.cookies.set('hw_lang', 'en');
    const en = await english.get(`/jobs/${job.jobNumber}`);
    expect(en.status).toBe(200);
    expect(en.headers.get('etag')).not.toBe(ja.headers.get('etag'));
    const cross = await english.request('GET', `/jobs/${job.jobNumber}`, undefined, {
      'if-none-match': ja.headers.get('etag') ?? '',
    });
    expect(cross.status).toBe(200);
  });

  it('a withdrawn job is not served from a cache: its old ETag gets the ended page, not a 304', async () => {
    const own = await createJob(ctx.deps);
    const visitor = ctx.client();
    const before = await visitor.get(`/jobs/${own.jobNumber}`);
    const tag = before.headers.get('etag') ?? '';
    expect(tag).not.toBe('');
    const staff = await createStaff(ctx.deps);
    const closed = await closeJob(ctx.deps, {
      jobId: own.id,
      kind: 'withdrawn',
      reason: '充足',
      staffId: staff.staff.id,
    });
    expect(closed).toBe(true);
    const after = await visitor.request('GET', `/jobs/${own.jobNumber}`, undefined, { 'if-none-match': tag });
    expect(after.status).not.toBe(304);
    expect(after.headers.get('etag')).not.toBe(tag);
    // And it has left the results at once.
    const results = await visitor.get(`/jobs?kw=${encodeURIComponent(own.posting.title)}`);
    expect(results.html).not.toContain(`/jobs/${own.jobNumber}"`);
  });

  it('nothing rendered for a session is public: the same pages signed in are no-store, without an ETag', async () => {
    const seeker = await createSeeker(ctx.deps);
    const client = ctx.client();
    await signInAs(client, 'seeker', seeker.email, seeker.password);
    for (const path of visitorPages()) {
      const page = await client.get(path);
      expect(page.headers.get('cache-control'), path).toBe('no-store');
      expect(page.headers.get('etag'), path).toBeNull();
      // An ETag from the anonymous page gets no 304 for a session.
      const anonymousTag = (await ctx.client().get(path)).headers.get('etag') ?? '';
      const again = await client.request('GET', path, undefined, { 'if-none-match': anonymousTag });
      expect(again.status, path).toBe(200);
    }
  });

  it('a page with a form gets its CSRF cookie, and is then no-store; the form posts with it', async () => {
    const visitor = ctx.client();
    const login = await visitor.get('/login');
    expect(login.headers.getSetCookie().some((c) => c.startsWith('hw_csrf='))).toBe(true);
    expect(login.headers.get('cache-control')).toBe('no-store');
    expect(login.headers.get('etag')).toBeNull();
    const seeker = await createSeeker(ctx.deps);
    const signedIn = await visitor.post('/login', { email: seeker.email, password: seeker.password });
    expect(signedIn.status).toBe(303);
  });
});

describe('etagMatches', () => {
  it('compares weakly, and knows * and lists', () => {
    expect(etagMatches(undefined, 'W/"a"')).toBe(false);
    expect(etagMatches('W/"a"', 'W/"a"')).toBe(true);
    expect(etagMatches('"a"', 'W/"a"')).toBe(true);
    expect(etagMatches('W/"b", W/"a"', 'W/"a"')).toBe(true);
    expect(etagMatches('W/"b"', 'W/"a"')).toBe(false);
    expect(etagMatches('*', 'W/"a"')).toBe(true);
    expect(etagMatches('', 'W/"a"')).toBe(false);
  });
});
