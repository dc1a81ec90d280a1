/**
 * G-1: bad input gets a 4xx page, never a 500. Every GET route of the app (read from the app
 * itself, so a new page is covered the day it is added) is opened as every role that can see it;
 * every form on it is sent back with U+0000, a lone surrogate, and 1 MB in its fields; and the
 * query string of every GET route gets the same. One bad value reaches no database error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmployer, createJob, createSeeker, createStaff } from '../support/factories.ts';
import type { Fields, Page, TestClient } from '../support/http.ts';
import { signInAs } from '../support/sign-in.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
type Who = 'anonymous' | 'seeker' | 'employer' | 'staff';
let clients: Record<Who, TestClient>;
let ids: Record<string, string>;

beforeAll(async () => {
  ctx = await createTestContext();
  const seeker = await createSeeker(ctx.deps);
  const employer = await createEmployer(ctx.deps);
  const staff = await createStaff(ctx.deps);
  const job = await createJob(ctx.deps, {}, employer.employer);
  ids = {
    seeker: seeker.seeker.id,
    employer: employer.employer.id,
    job: String(job.id),
    number: job.jobNumber,
  };
  clients = { anonymous: ctx.client(), seeker: ctx.client(), employer: ctx.client(), staff: ctx.client() };
  await signInAs(clients.seeker, 'seeker', seeker.email, seeker.password);
  await signInAs(clients.employer, 'employer', employer.email, employer.password);
  await signInAs(clients.staff, 'staff', staff.email, staff.password);
});
afterAll(() => ctx?.close());

const NUL = 'a\u0000b@example.jp';
const LONE_SURROGATE = 'x\uD83Dy@example.jp';
const ONE_MB = 'x'.repeat(1_000_000);

function whoFor(path: string): Who[] {
  if (/^\/mypage\/open|^\/employer\/(login|open|password-reset)|^\/staff\/login/.test(path))
    return ['anonymous'];
  if (path.startsWith('/mypage')) return ['seeker'];
  if (path.startsWith('/employer')) return ['employer'];
  if (path.startsWith('/staff')) return ['staff'];
  return ['anonymous', 'seeker'];
}

/** GET routes with their parameters filled with rows that exist, so that their forms render. */
function getRoutes(): string[] {
  const out = new Set<string>();
  for (const r of ctx.app.routes) {
    if (r.method !== 'GET' || r.path.includes('*') || r.path.startsWith('/assets')) continue;
    const id = r.path.startsWith('/staff/seekers')
      ? ids.seeker
      : r.path.startsWith('/staff/employers')
        ? ids.employer
        : ids.job;
    out.add(
      r.path
        .replace(/:id(\{[^}]*\})?/g, id!)
        .replace(/:number(\{[^}]*\})?/g, ids.number!)
        .replace(/:[a-zA-Z]+(\{[^}]*\})?/g, '1')
        .replace(/(.)\/$/, '$1'),
    );
  }
  return [...out];
}

interface Form {
  method: string;
  action: string;
  hidden: Fields;
  names: string[];
}

function formsOf(page: Page, path: string): Form[] {
  return page.dom.querySelectorAll('form').map((form) => {
    const hidden: Record<string, string> = {};
    const names = new Set<string>();
    for (const el of form.querySelectorAll('input, select, textarea')) {
      const name = el.getAttribute('name');
      if (!name) continue;
      if (el.getAttribute('type') === 'hidden') hidden[name] = el.getAttribute('value') ?? '';
      else names.add(name);
    }
    return {
      method: (form.getAttribute('method') ?? 'get').toUpperCase(),
      action: form.getAttribute('action') ?? path,
      hidden,
      names: [...names],
    };
  });
}

let address = 0;
async function send(client: TestClient, form: Form, fields: Fields): Promise<Page> {
  if (form.method === 'GET') {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) query.append(k, String(v));
    return client.get(`${form.action}${form.action.includes('?') ? '&' : '?'}${query}`);
  }
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...form.hidden, ...fields })) body.append(k, String(v ?? ''));
  // Each post from its own address, so that the sign-in throttle does not hide what comes after it.
  return client.request('POST', form.action, body.toString(), {
    'content-type': 'application/x-www-form-urlencoded',
    'x-test-client-ip': `198.51.100.${++address % 250}`,
  });
}

describe('G-1 bad input never produces a 500', () => {
  it('G-1 every form field of every page refuses NUL, a lone surrogate and 1 MB without a 5xx', async () => {
    const failures: string[] = [];
    let requests = 0;
    let formsTried = 0;
    for (const path of getRoutes()) {
      for (const who of whoFor(path)) {
        const client = clients[who];
        const page = await client.get(path);
        requests++;
        if (page.status >= 500) failures.push(`${who} GET ${path} → ${page.status}`);
        for (const form of formsOf(page, path)) {
          if (form.action === '/logout' || form.names.length === 0) continue;
          formsTried++;
          for (const [label, value] of [
            ['NUL', NUL],
            ['lone surrogate', LONE_SURROGATE],
          ] as const) {
            // Every field at once: validation reads them all.
            await client.get(path);
            const fresh = formsOf(client.lastPage!, path).find((f) => f.action === form.action) ?? form;
            const res = await send(client, fresh, Object.fromEntries(form.names.map((n) => [n, value])));
            requests++;
            if (res.status >= 500)
              failures.push(`${who} ${form.method} ${form.action} (${label}) → ${res.status}`);
          }
          for (const name of form.names) {
            await client.get(path);
            const fresh = formsOf(client.lastPage!, path).find((f) => f.action === form.action) ?? form;
            const res = await send(client, fresh, { [name]: ONE_MB });
            requests++;
            if (res.status >= 500)
              failures.push(`${who} ${form.method} ${form.action} ${name}=1 MB → ${res.status}`);
          }
        }
        // The query string of the page itself.
        // (U+0000; a surrogate encoded on its own, which is not UTF-8; a sequence cut short.)
        for (const value of ['a%00b', '%ED%A0%BD', '%F0%9F']) {
          const res = await client.get(`${path}?q=${value}&next=${value}&kw=${value}&page=${value}`);
          requests++;
          if (res.status >= 500) failures.push(`${who} GET ${path}?q=… → ${res.status}`);
        }
      }
    }
    console.info(`G-1 fuzz: ${formsTried} forms, ${requests} requests`);
    expect(formsTried).toBeGreaterThan(20);
    expect(failures).toEqual([]);
  }, 300_000);

  it('G-1 a NUL in a text field is refused next to the field with the input kept', async () => {
    const anon = ctx.client();
    await anon.get('/login');
    const res = await anon.post('/login', { email: 'a\u0000b@example.jp', password: 'x' });
    expect(res.status).toBe(400);
    expect(res.fieldError('email')).toContain('メールアドレス');
  });

  it('G-1 a NUL in the address gets a 400 page', async () => {
    const res = await clients.anonymous.get('/jobs?kw=%00');
    expect(res.status).toBe(400);
  });
});
