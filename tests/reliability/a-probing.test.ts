/**
 * A4 (issue 15; ASVS 5.0 V6.3.8, WSTG-IDNT-04 account enumeration): every public page that takes an
 * e-mail address, found by walking the public GET routes of app.routes (through the 「同意します」 step
 * where a journey starts with one) and keeping the forms with an `email` input, is sent 200 known
 * and 200 unknown addresses, alternating, each from its own client address:
 * - the answer (status, Location, content type, the names of the cookies set, and the body with the
 *   CSRF token, nonces and the address typed blanked) is the same for known and unknown addresses,
 *   on the page itself, on the page it redirects to, and — for the journeys that mail a 認証キー — on
 *   the next step when a wrong key is entered (it must not tell "no key was issued");
 * - the median time of the POST for known and unknown addresses differs by less than
 *   max(5 ms, 30 % of the larger median): sign-in hashes a decoy password for an unknown address, and
 *   the steps that mail a key only to a known address answer no sooner than CODE_REQUEST_MIN_MS
 *   (before that floor they answered unknown addresses 2.5–6× faster). Both medians are reported.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/modules/accounts/password-hash.ts';
import { createEmployer, createSeeker, uniqueEmail } from '../support/factories.ts';
import type { Page, TestClient } from '../support/http.ts';
import type { TestContext } from '../support/test-app.ts';
import { freshIp, headerShape, median, normalised } from './support/auth-flows.ts';
import { canary, reliabilityContext } from './support/context.ts';
import { report } from './support/report.ts';
import { appRoutes } from './support/routes.ts';

const N = Number(process.env.HW_PROBE_ADDRESSES ?? 200);
const BIRTH = '1987-08-14';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await reliabilityContext();
});
afterAll(() => ctx?.close());

/** One known / unknown address with the other fields the form wants. */
interface Subject {
  email: string;
  fields: Record<string, string>;
}

interface Probe {
  /** The form's action (POST). */
  action: string;
  /** The page that shows the form (GET), reached after `prepare`. */
  form: string;
  /** Steps before the form (the 「同意します」 of a journey). */
  prepare(c: TestClient): Promise<void>;
  known(): Promise<Subject[]>;
  unknown(i: number): Subject;
  /** After the POST: the next step where a wrong 認証キー is entered (journeys that mail one). */
  keyStep?: string;
}

const agree = (path: string) => async (c: TestClient) => {
  await c.get(path);
  await c.post(path, { agree: 'yes' });
};
const nothing = async () => {};
const WRONG_PASSWORD = canary('password', 'Pr0be-wrong-pw#');

/** Accounts written with one INSERT: opened, with one password hash, no profile rows. */
async function bulkAccounts(role: 'seeker' | 'employer' | 'staff', n: number): Promise<string[]> {
  const hash = await hashPassword(canary('password', 'Pr0be-right-pw#'));
  const prefix = `probe-${role}-${Date.now().toString(36)}`;
  const now = ctx.clock.now().toISOString();
  await ctx.db.execute(sql`
    insert into accounts (role, email, password_hash, opened_at, created_at, updated_at)
    select ${role}::text, ${prefix}::text || '-' || g::text || '@example.jp', ${hash}, ${now}::timestamptz,
           ${now}::timestamptz, ${now}::timestamptz
    from generate_series(1, ${n}) g`);
  return Array.from({ length: n }, (_, i) => `${prefix}-${i + 1}@example.jp`);
}

const asSubjects = (emails: string[], fields: Record<string, string> = {}) =>
  emails.map((email) => ({ email, fields: { ...fields } }));

/**
 * The forms that take an address, by their action. A public page with an `email` form field that is
 * not here fails the test (a new page joins by being added here with its known/unknown subjects).
 */
const PROBES: Record<string, Omit<Probe, 'action'>> = {
  '/login': {
    form: '/login',
    prepare: nothing,
    known: async () => asSubjects(await bulkAccounts('seeker', N), { password: WRONG_PASSWORD }),
    unknown: () => ({ email: uniqueEmail('nobody'), fields: { password: WRONG_PASSWORD } }),
  },
  '/employer/login': {
    form: '/employer/login',
    prepare: nothing,
    known: async () => asSubjects(await bulkAccounts('employer', N), { password: WRONG_PASSWORD }),
    unknown: () => ({ email: uniqueEmail('nobody'), fields: { password: WRONG_PASSWORD } }),
  },
  '/staff/login': {
    form: '/staff/login',
    prepare: nothing,
    known: async () => asSubjects(await bulkAccounts('staff', N), { password: WRONG_PASSWORD }),
    unknown: () => ({ email: uniqueEmail('nobody'), fields: { password: WRONG_PASSWORD } }),
  },
  '/mypage/open/identify': {
    form: '/mypage/open/identify',
    prepare: agree('/mypage/open'),
    known: async () => {
      const out: Subject[] = [];
      for (let i = 0; i < N; i++) {
        const { email } = await createSeeker(ctx.deps, { opened: false, birthDate: BIRTH });
        out.push({ email, fields: { proof: BIRTH } });
      }
      return out;
    },
    unknown: () => ({ email: uniqueEmail('nobody'), fields: { proof: BIRTH } }),
    keyStep: '/mypage/open/password',
  },
  '/employer/open/identify': {
    form: '/employer/open/identify',
    prepare: agree('/employer/open'),
    known: async () => {
      const out: Subject[] = [];
      for (let i = 0; i < N; i++) {
        const { email, employer } = await createEmployer(ctx.deps, { opened: false });
        out.push({ email, fields: { proof: employer.establishmentNumber } });
      }
      return out;
    },
    // A well-formed 事業所番号 that no employer has.
    unknown: () => ({ email: uniqueEmail('nobody'), fields: { proof: '1301-999999-9' } }),
    keyStep: '/employer/open/password',
  },
  '/password-reset': {
    form: '/password-reset',
    prepare: nothing,
    known: async () => asSubjects(await bulkAccounts('seeker', N)),
    unknown: () => ({ email: uniqueEmail('nobody'), fields: {} }),
    keyStep: '/password-reset/password',
  },
  '/employer/password-reset': {
    form: '/employer/password-reset',
    prepare: nothing,
    known: async () => asSubjects(await bulkAccounts('employer', N)),
    unknown: () => ({ email: uniqueEmail('nobody'), fields: {} }),
    keyStep: '/employer/password-reset/password',
  },
  '/signup/email': {
    form: '/signup/email',
    prepare: agree('/signup'),
    known: async () => asSubjects(await bulkAccounts('seeker', N)),
    unknown: () => ({ email: uniqueEmail('nobody'), fields: {} }),
    keyStep: '/signup/password',
  },
};

/**
 * Every form with an `email` input on the public pages: each public GET route without parameters,
 * opened by a fresh browser; a route that sends the browser back to a journey's 「同意します」 page is
 * opened again after agreeing there.
 */
async function addressForms(): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const routes = appRoutes(ctx.app).filter(
    (r) =>
      r.method === 'GET' && r.area === 'public' && r.params.length === 0 && !r.pattern.startsWith('/api'),
  );
  for (const r of routes) {
    const c = ctx.client(freshIp());
    let page = await c.get(r.pattern);
    if (page.status === 303 && page.location?.startsWith('/')) {
      const start = await c.get(page.location);
      if (start.dom.querySelector('form input[name="agree"]')) {
        await agree(page.location)(c);
        page = await c.get(r.pattern);
      }
    }
    if (page.status !== 200 || !page.headers.get('content-type')?.includes('text/html')) continue;
    for (const form of page.dom.querySelectorAll('form')) {
      if (form.querySelector('input[name="email"]'))
        found.set(form.getAttribute('action') ?? r.pattern, r.pattern);
    }
  }
  return found;
}

interface Answer {
  shape: string;
  next: string;
  key: string;
  ms: number;
}

async function ask(probe: Probe, s: Subject): Promise<Answer> {
  const c = ctx.client(freshIp());
  await probe.prepare(c);
  const form = await c.get(probe.form);
  expect(form.status, probe.form).toBe(200);
  const t0 = performance.now();
  const page = await c.post(probe.action, { email: s.email, ...s.fields });
  const ms = performance.now() - t0;
  const typed = [s.email];
  const shape = `${headerShape(page)}\n${normalised(page.html, typed)}`;
  let next = '';
  if (page.status === 303 && page.location?.startsWith('/')) {
    const after: Page = await c.get(page.location);
    next = `${headerShape(after)}\n${normalised(after.html, typed)}`;
  }
  let key = '';
  if (probe.keyStep) {
    await c.get(probe.keyStep);
    const password = 'Kq7#mZ2!xW4$';
    const step = await c.post(probe.keyStep, { password, passwordConfirm: password, code: '000000' });
    key = `${headerShape(step)}\n${normalised(step.html, typed)}`;
  }
  return { shape, next, key, ms };
}

const firstDifference = (a: string, b: string) => {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `…${a.slice(Math.max(0, i - 60), i + 80)}… vs …${b.slice(Math.max(0, i - 60), i + 80)}…`;
};

describe('A4 account probing', () => {
  it('A4 the pages that take an address are the ones probed (found from app.routes and the rendered forms)', async () => {
    const found = await addressForms();
    expect([...found.keys()].sort()).toEqual(Object.keys(PROBES).sort());
    report(
      'A4',
      'public pages with an e-mail form field, found by walking app.routes (through 「同意します」)',
      {
        formsFound: found.size,
        probed: Object.keys(PROBES).length,
        actions: [...found.keys()].sort().join(' '),
      },
      'every address form is probed',
    );
  });

  for (const [action, rest] of Object.entries(PROBES)) {
    const probe: Probe = { action, ...rest };
    it(`A4 ${action}: ${N} known vs ${N} unknown addresses → the same answer; timing within noise`, async () => {
      const known = await probe.known();
      expect(known).toHaveLength(N);
      const answers: Record<'known' | 'unknown', Answer[]> = { known: [], unknown: [] };
      for (let i = 0; i < N; i++) {
        // Alternating, so drift in the machine's load falls on both sides alike.
        answers.known.push(await ask(probe, known[i]!));
        answers.unknown.push(await ask(probe, probe.unknown(i)));
      }
      const all = [...answers.known, ...answers.unknown];
      const differ = (part: 'shape' | 'next' | 'key') => {
        const ref = answers.known[0]![part];
        const other = all.find((a) => a[part] !== ref);
        return other ? firstDifference(ref, other[part]) : '';
      };
      const differences = { page: differ('shape'), next: differ('next'), keyStep: differ('key') };
      const statusOf = (a: Answer) => a.shape.split(' ')[0];
      const k = median(answers.known.map((a) => a.ms));
      const u = median(answers.unknown.map((a) => a.ms));
      const bound = Math.max(5, 0.3 * Math.max(k, u));

      expect(all.filter((a) => Number(statusOf(a)) >= 500)).toEqual([]);
      expect(differences).toEqual({ page: '', next: '', keyStep: '' });
      expect(Math.abs(k - u)).toBeLessThan(bound);
      report(
        'A4',
        `${action}: ${N} known vs ${N} unknown addresses, alternating, each from its own address`,
        {
          known: N,
          unknown: N,
          status: statusOf(all[0]!) ?? '',
          distinctAnswers: new Set(all.map((a) => a.shape + a.next + a.key)).size,
          keyStepChecked: probe.keyStep ? 'yes' : 'no',
          medianKnownMs: Math.round(k * 10) / 10,
          medianUnknownMs: Math.round(u * 10) / 10,
          diffMs: Math.round(Math.abs(k - u) * 10) / 10,
          ratioKnownToUnknown: Math.round((k / u) * 100) / 100,
          boundMs: Math.round(bound * 10) / 10,
        },
        'identical status, headers and body (CSRF/nonce/typed address blanked), also on the next step and the key step; |median diff| < max(5 ms, 30 %)',
      );
    });
  }
});
