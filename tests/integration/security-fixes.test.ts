/**
 * Regression tests for the holes a security test of the landed work found (the issue "Close the
 * holes …"), and for the one way in of request bodies. Each fails on the code before its fix.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.ts';
import { jobPostings } from '../../src/db/schema/index.ts';
import { createMemoryLogger } from '../../src/platform/logger.ts';
import { createEmployer, createJob, createSeeker, createStaff, uniqueEmail } from '../support/factories.ts';
import type { TestClient } from '../support/http.ts';
import { signInAs } from '../support/sign-in.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

const LIMIT = 1_048_576;
const TEN_MB = 10 * 1024 * 1024;

/** A body that streams `total` bytes of form data in 64 KiB chunks and counts what was read. */
function countingBody(total: number) {
  const chunk = new TextEncoder().encode('a='.padEnd(65_536, 'x'));
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= total) return controller.close();
      pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled: () => pulled };
}

describe('one way in: request bodies have a limit that holds while they stream', () => {
  it('G-1 a 10 MB urlencoded post is refused with 413 before it is read', async () => {
    const body = countingBody(TEN_MB);
    const res = await ctx.app.request('/login', {
      method: 'POST',
      body: body.stream,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(TEN_MB) },
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(await res.text()).toContain('大きすぎます');
    expect(body.pulled()).toBeLessThanOrEqual(2 * 65_536);
  });

  it('G-1 a 10 MB chunked post (no length) is cut off at the limit, never buffered whole', async () => {
    const body = countingBody(TEN_MB);
    const res = await ctx.app.request('/login', {
      method: 'POST',
      body: body.stream,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    // Read up to the limit and one chunk more, then stopped: the rest never left the client.
    expect(body.pulled()).toBeLessThanOrEqual(LIMIT + 2 * 65_536);
    expect(body.pulled()).toBeLessThan(TEN_MB);
  });

  it('G-1 a multipart form works like the urlencoded one and still needs its token', async () => {
    const c = ctx.client('198.51.100.201');
    const login = await c.get('/login');
    const form = (token?: string) => {
      const data = new FormData();
      if (token) data.append('_csrf', token);
      data.append('email', uniqueEmail('nobody'));
      data.append('password', 'Wrong-pass-123!');
      return data;
    };
    const withToken = await c.request('POST', '/login', form(login.csrf()));
    expect(withToken.status).toBe(401);
    expect(withToken.text('.error-summary')).toContain('メールアドレスまたはパスワードが正しくありません');
    expect((await c.request('POST', '/login', form())).status).toBe(403);
  });
});

describe('one way in: every form still needs its token', () => {
  it('G-2 every POST route of the app refuses a form without the CSRF token, urlencoded and multipart', async () => {
    const failures: string[] = [];
    let tried = 0;
    const anon = ctx.client('198.51.100.202');
    await anon.get('/login');
    for (const r of ctx.app.routes) {
      // Signing out with no session has nothing to forge (ADR 0010).
      if (r.method !== 'POST' || r.path === '/logout') continue;
      const path = r.path.replace(/:[a-zA-Z]+(\{[^}]*\})?/g, '1');
      for (const body of [
        new URLSearchParams({ email: 'a@example.jp' }),
        (() => {
          const f = new FormData();
          f.append('email', 'a@example.jp');
          return f;
        })(),
      ]) {
        tried++;
        const res = await anon.request(
          'POST',
          path,
          body,
          body instanceof URLSearchParams ? { 'content-type': 'application/x-www-form-urlencoded' } : {},
        );
        if (res.status !== 403)
          failures.push(
            `POST ${path} (${body instanceof URLSearchParams ? 'urlencoded' : 'multipart'}) → ${res.status}`,
          );
      }
    }
    console.info(`CSRF: ${tried} posts without a token`);
    expect(tried).toBeGreaterThan(40);
    expect(failures).toEqual([]);
  });
});

describe('G-1 no open redirect', () => {
  const tricks = [
    '/%09/evil.example/',
    '/%0A/evil.example/',
    '/%0D%0ALocation:%20https://evil.example/',
    '//evil.example/',
    '/\\evil.example/',
    '/%5Cevil.example/',
    '%2F%2Fevil.example/',
    'https://evil.example/',
    'javascript:alert(1)',
    '/\t/evil.example/',
  ];

  it('G-1 the language switch only returns to this site, whatever is in next', async () => {
    for (const next of tricks) {
      const res = await ctx.app.request(`/locale?lang=en&next=${next}`);
      expect(res.status, next).toBe(303);
      const location = res.headers.get('location') ?? '';
      expect(new URL(location, 'http://localhost').origin, `${next} → ${location}`).toBe('http://localhost');
      expect(location, next).not.toMatch(/[\t\r\n\\]/);
      expect(location.startsWith('//'), next).toBe(false);
    }
    expect(
      (await ctx.app.request('/locale?lang=en&next=/jobs?kw=%E4%BB%8B%E8%AD%B7')).headers.get('location'),
    ).toBe('/jobs?kw=%E4%BB%8B%E8%AD%B7');
  });

  it('G-1 sign-in only returns to a page of the portal, whatever is in next', async () => {
    const { email, password } = await createSeeker(ctx.deps);
    let ip = 10;
    for (const next of tricks) {
      const c = ctx.client(`198.51.100.${++ip}`);
      await c.get('/login');
      const res = await c.request(
        'POST',
        `/login?next=${next}`,
        new URLSearchParams({ _csrf: c.lastPage!.csrf()!, email, password }).toString(),
        { 'content-type': 'application/x-www-form-urlencoded' },
      );
      expect(res.status, next).toBe(303);
      expect(res.location, next).toBe('/mypage');
    }
  });
});

describe('G-1 ids in the address that are not UUIDs', () => {
  it('G-1 a 36-character non-UUID is the 404 page, not a 500', async () => {
    const { email, password } = await createSeeker(ctx.deps);
    const c = ctx.client('198.51.100.60');
    await signInAs(c, 'seeker', email, password);
    await c.get('/mypage/searches');
    const dashes = '-'.repeat(36);
    expect((await c.post(`/mypage/searches/${dashes}/delete`, {})).status).toBe(404);
    expect((await c.post(`/mypage/searches/${'0'.repeat(36)}/delete`, {})).status).toBe(404);
    expect((await c.get(`/dev/mail/${dashes}`)).status).toBe(404);
    expect((await c.get(`/dev/mail/${'a'.repeat(36)}`)).status).toBe(404);
  });
});

describe('G-2 no-store wherever a page shows who you are', () => {
  let clients: Record<'anonymous' | 'seeker' | 'employer' | 'staff', TestClient>;
  beforeAll(async () => {
    const seeker = await createSeeker(ctx.deps);
    const employer = await createEmployer(ctx.deps);
    const staff = await createStaff(ctx.deps);
    clients = {
      anonymous: ctx.client('198.51.100.70'),
      seeker: ctx.client('198.51.100.71'),
      employer: ctx.client('198.51.100.72'),
      staff: ctx.client('198.51.100.73'),
    };
    await signInAs(clients.seeker, 'seeker', seeker.email, seeker.password);
    await signInAs(clients.employer, 'employer', employer.email, employer.password);
    await signInAs(clients.staff, 'staff', staff.email, staff.password);
  });

  const OPEN_DATA_PATHS = [/^\/api\/v1\//, /^\/robots\.txt$/, /^\/sitemap\.xml$/];
  const getPaths = () => {
    const out = new Set<string>();
    for (const r of ctx.app.routes) {
      // Assets (and /favicon.ico, a redirect to one) are the same public bytes for everyone.
      const asset = r.path.startsWith('/assets') || r.path === '/favicon.ico';
      if (r.method !== 'GET' || r.path.includes('*') || asset || r.path === '/locale') continue;
      // Open job data (ADR 0027) never reads the session: the same public, cacheable answer for everyone.
      if (OPEN_DATA_PATHS.some((p) => p.test(r.path))) continue;
      out.add(r.path.replace(/:[a-zA-Z]+(\{[^}]*\})?/g, '1').replace(/(.)\/$/, '$1'));
    }
    return [...out];
  };

  it('G-2 every GET page rendered for a signed-in user is no-store, error pages included (every role)', async () => {
    const failures: string[] = [];
    let pages = 0;
    for (const role of ['seeker', 'employer', 'staff'] as const) {
      for (const path of [...getPaths(), '/jobs?kw=介護', '/no-such-page']) {
        const res = await clients[role].get(path);
        pages++;
        if (res.status >= 500) failures.push(`${role} ${path} → ${res.status}`);
        else if (res.headers.get('cache-control') !== 'no-store')
          failures.push(`${role} ${path} ${res.status} → ${res.headers.get('cache-control')}`);
      }
    }
    console.info(`no-store crawl: ${pages} signed-in pages`);
    expect(failures).toEqual([]);
  });

  it('G-2 signed-in /, /jobs and results, and 403 pages, are no-store; the anonymous top page may be cached', async () => {
    for (const path of ['/', '/jobs', '/jobs?kw=介護', '/staff']) {
      expect((await clients.seeker.get(path)).headers.get('cache-control'), `seeker ${path}`).toBe(
        'no-store',
      );
    }
    expect((await clients.seeker.get('/staff')).status).toBe(403);
    expect((await clients.anonymous.get('/')).headers.get('cache-control')).toBe('public, no-cache');
  });

  it('G-2 the opening and reset steps that show the typed e-mail are no-store', async () => {
    const { email } = await createSeeker(ctx.deps, { opened: false, birthDate: '1995-06-15' });
    const c = ctx.client('198.51.100.80');
    await c.get('/mypage/open');
    await c.post('/mypage/open', { agree: 'yes' });
    await c.get('/mypage/open/identify');
    await c.post('/mypage/open/identify', { email, proof: '1995-06-15' });
    for (const path of ['/mypage/open/sent', '/mypage/open/password']) {
      const res = await c.get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe('no-store');
    }
    const r = ctx.client('198.51.100.81');
    await r.get('/password-reset');
    await r.post('/password-reset', { email });
    const reset = await r.get('/password-reset/password');
    expect(reset.status).toBe(200);
    expect(reset.headers.get('cache-control')).toBe('no-store');
  });
});

describe('no personal data in logs (ASVS 16.2.5)', () => {
  it('a failed sign-in logs no e-mail address', async () => {
    const email = uniqueEmail('secret-person');
    const c = ctx.client('198.51.100.90');
    await c.get('/login');
    await c.post('/login', { email, password: 'Wrong-pass-123!' });
    expect(JSON.stringify(ctx.logs)).not.toContain(email);
  });

  it('a request that fails in the database logs its request id, SQL text and code, never what was sent', async () => {
    const own = await createTestContext();
    try {
      const { email, password } = await createSeeker(own.deps);
      const c = own.client('198.51.100.91');
      await signInAs(c, 'seeker', email, password);
      // Break the table so that saving a search condition fails inside PostgreSQL.
      await own.db.execute(sql`alter table saved_searches rename column name to name_broken`);
      await c.get('/mypage/searches');
      const res = await c.post('/mypage/searches', {
        name: '秘密の検索条件ヤマダ',
        query: 'kw=%E4%BB%8B%E8%AD%B7',
      });
      expect(res.status).toBe(500);
      const requestId = res.headers.get('x-request-id');
      const lines = own.logs.filter((l) => l.requestId === requestId);
      const text = JSON.stringify(lines);
      expect(text).toContain('unhandled error');
      expect(text).toContain('saved_searches');
      expect(text).not.toContain('秘密の検索条件ヤマダ');
      expect(text).not.toContain(email);
    } finally {
      await own.close();
    }
  });

  it('a failed query is logged with its SQL text and code, never its parameters', async () => {
    const logger = createMemoryLogger();
    const secret = '山田花子-1990-01-01-東京都千代田区霞が関1-2-2';
    const error = await queryRows(ctx.db, sql`select ${secret}::int`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    logger.error('unhandled error', { error, email: 'hanako.yamada@example.jp' });
    const line = JSON.stringify(logger.lines);
    expect(line).not.toContain('山田花子');
    expect(line).not.toContain('hanako.yamada@example.jp');
    expect(line).toContain('h***@example.jp');
    expect(line).toContain('select $1::int');
  });
});

describe('a failed form saves no extra drafts', () => {
  it('EM-4 an invalid 新しい求人票 sent twice, or twice at once, keeps one draft', async () => {
    const made = await createEmployer(ctx.deps);
    const c = ctx.client('198.51.100.100');
    await signInAs(c, 'employer', made.email, made.password);
    const form = await c.get('/employer/jobs/new');
    const formKey = form.value('formKey');
    expect(formKey).toMatch(/^[0-9a-f-]{36}$/);
    const invalid = { intent: 'draft', title: '介護福祉士', annualHolidays: '400', formKey };
    const first = await c.post('/employer/jobs/new', invalid, { csrf: form.csrf()! });
    expect(first.status).toBe(400);
    await c.post('/employer/jobs/new', invalid, { csrf: form.csrf()! });
    await Promise.all([
      c.post('/employer/jobs/new', { ...invalid, title: '介護職員' }, { csrf: form.csrf()! }),
      c.post('/employer/jobs/new', { ...invalid, title: '介護職員' }, { csrf: form.csrf()! }),
    ]);
    const drafts = await ctx.db
      .select({ title: jobPostings.title })
      .from(jobPostings)
      .where(eq(jobPostings.employerId, made.employer.id));
    expect(drafts).toEqual([{ title: '介護職員' }]);
  });

  it('ST-3 staff registering a job: the same invalid form sent twice keeps one draft', async () => {
    const made = await createEmployer(ctx.deps);
    const staff = await createStaff(ctx.deps);
    const c = ctx.client('198.51.100.101');
    await signInAs(c, 'staff', staff.email, staff.password);
    const form = await c.get('/staff/jobs/new');
    const fields = {
      intent: 'draft',
      establishmentNumber: made.employer.establishmentNumber,
      title: '調理補助',
      annualHolidays: '400',
      formKey: form.value('formKey'),
    };
    await c.post('/staff/jobs/new', fields, { csrf: form.csrf()! });
    await c.post('/staff/jobs/new', fields, { csrf: form.csrf()! });
    const drafts = await ctx.db
      .select({ id: jobPostings.id })
      .from(jobPostings)
      .where(eq(jobPostings.employerId, made.employer.id));
    expect(drafts).toHaveLength(1);
  });
});

describe('G-2 staff office scope: every office reads, only the home office changes', () => {
  it('G-2 staff of another office read a seeker, employer and job, but cannot change them', async () => {
    const seeker = await createSeeker(ctx.deps);
    const employer = await createEmployer(ctx.deps);
    const job = await createJob(ctx.deps, { officeCode: '13010' }, employer.employer);
    const other = await createStaff(ctx.deps, { officeCode: '13020' });
    const c = ctx.client('198.51.100.110');
    await signInAs(c, 'staff', other.email, other.password);

    expect((await c.get(`/staff/seekers/${seeker.seeker.id}`)).status).toBe(200);
    expect((await c.get(`/staff/employers/${employer.employer.id}`)).status).toBe(200);
    expect((await c.get(`/staff/jobs/${job.id}`)).status).toBe(200);

    await c.get(`/staff/seekers/${seeker.seeker.id}`);
    const counselling = await c.post(`/staff/seekers/${seeker.seeker.id}/counselling`, {
      heldOn: '2026-11-21',
      desiredConditions: '介護職',
      notes: '他の安定所から',
    });
    expect(counselling.status).toBe(403);
    expect((await c.get(`/staff/jobs/${job.id}/edit`)).status).toBe(403);
    await c.get(`/staff/jobs/${job.id}`);
    expect((await c.post(`/staff/jobs/${job.id}/close`, { kind: 'invalid', reason: 'x' })).status).toBe(403);
    await c.get(`/staff/employers/${employer.employer.id}`);
    expect(
      (await c.post(`/staff/employers/${employer.employer.id}/login`, { loginEmail: uniqueEmail() })).status,
    ).toBe(403);
    // Nothing changed.
    const [row] = await ctx.db
      .select({ status: jobPostings.status })
      .from(jobPostings)
      .where(eq(jobPostings.id, job.id));
    expect(row!.status).toBe('open');
  });

  it('G-2 staff of the home office still change them', async () => {
    const seeker = await createSeeker(ctx.deps);
    const home = await createStaff(ctx.deps, { officeCode: '13010' });
    const c = ctx.client('198.51.100.111');
    await signInAs(c, 'staff', home.email, home.password);
    await c.get(`/staff/seekers/${seeker.seeker.id}`);
    const res = await c.post(`/staff/seekers/${seeker.seeker.id}/counselling`, {
      heldOn: '2026-11-21',
      desiredConditions: '介護職、千代田区',
      notes: '希望条件を確認',
    });
    expect(res.status).toBe(303);
  });
});
