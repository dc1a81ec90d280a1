/**
 * B1 (issue 15; ASVS 5.0 V3.3, WSTG-SESS-02): every Set-Cookie the app sends, on every GET route
 * (read from the app) as a visitor and as each signed-in role, and along the flows that set the
 * cookies that matter (sign-in with and without a mailed code, sign-out, language, reset, sign-up):
 * HttpOnly, Secure, SameSite, Path=/, no Domain, the __Host- prefix (BASE_URL is https here, which
 * is what turns both on), no personal data in the value, and a session cookie only from the response
 * that signs someone in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeeker } from '../support/factories.ts';
import type { Page, TestClient } from '../support/http.ts';
import { codeIn } from '../support/mailbox.ts';
import type { TestContext } from '../support/test-app.ts';
import { canary, reliabilityContext } from './support/context.ts';
import { createPrincipals, type Principals, signedInClients } from './support/principals.ts';
import { report } from './support/report.ts';
import { appRoutes, fillPath, type Portal } from './support/routes.ts';

const BASE_URL = 'https://hw.example.jp';
const PREFIX = '__Host-';
const SESSION = `${PREFIX}hw_session`;

let ctx: TestContext;
let people: Principals;

beforeAll(async () => {
  ctx = await reliabilityContext({ env: { BASE_URL } });
  people = await createPrincipals(ctx);
});
afterAll(() => ctx?.close());

interface SetCookie {
  name: string;
  value: string;
  /** Attribute names lower-cased, with their values ('' for flags). */
  attrs: Map<string, string>;
  raw: string;
}

function parseSetCookie(raw: string): SetCookie {
  const [pair, ...rest] = raw.split(';');
  const at = pair!.indexOf('=');
  const attrs = new Map<string, string>();
  for (const a of rest) {
    const eq = a.indexOf('=');
    const key = (eq < 0 ? a : a.slice(0, eq)).trim().toLowerCase();
    if (key) attrs.set(key, eq < 0 ? '' : a.slice(eq + 1).trim());
  }
  return { name: pair!.slice(0, at).trim(), value: pair!.slice(at + 1).trim(), attrs, raw };
}

const isDeletion = (c: SetCookie) =>
  c.value === '' || c.attrs.get('max-age') === '0' || /1970/.test(c.attrs.get('expires') ?? '');

/** The value as written and the readings someone holding the cookie could make of it. */
function readings(value: string): string[] {
  const out = [value];
  try {
    out.push(decodeURIComponent(value));
  } catch {
    // not URI-encoded
  }
  for (const part of value.split(/[.|:]/)) {
    for (const enc of ['base64url', 'base64'] as const) {
      const text = Buffer.from(part, enc).toString('utf8');
      if (text) out.push(text);
    }
  }
  return out;
}

/** What is wrong with one Set-Cookie (an empty list when nothing is). */
function violations(c: SetCookie, personal: readonly string[]): string[] {
  const v: string[] = [];
  if (!c.name.startsWith(PREFIX)) v.push('no __Host- prefix');
  if (!c.attrs.has('secure')) v.push('no Secure');
  if (c.attrs.get('path') !== '/') v.push(`Path=${c.attrs.get('path')}`);
  if (c.attrs.has('domain')) v.push(`Domain=${c.attrs.get('domain')}`);
  if (!c.attrs.has('httponly')) v.push('no HttpOnly');
  const sameSite = (c.attrs.get('samesite') ?? '').toLowerCase();
  if (sameSite !== 'lax' && sameSite !== 'strict') v.push(`SameSite=${c.attrs.get('samesite') ?? '(none)'}`);
  if (!isDeletion(c)) {
    const texts = readings(c.value).map((t) => t.toLowerCase());
    for (const p of personal) {
      if (texts.some((t) => t.includes(p.toLowerCase()))) v.push(`value holds personal data (${p})`);
    }
    if (texts.some((t) => /[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}/.test(t)))
      v.push('value holds an e-mail address');
  }
  return v;
}

interface Tally {
  requests: number;
  cookies: number;
  names: Set<string>;
  failures: string[];
}

const newTally = (): Tally => ({ requests: 0, cookies: 0, names: new Set(), failures: [] });

/**
 * Checks every Set-Cookie of one response. `signsIn`: this response is the one that signs someone in
 * (the only kind that may set a live session cookie).
 */
function check(t: Tally, label: string, page: Page, signsIn = false): SetCookie[] {
  t.requests++;
  const cookies = page.headers.getSetCookie().map(parseSetCookie);
  for (const c of cookies) {
    t.cookies++;
    t.names.add(c.name);
    if (c.name === SESSION && !isDeletion(c)) canary('session-id', c.value);
    for (const v of violations(c, people.personal)) t.failures.push(`${label}: ${c.name}: ${v} — ${c.raw}`);
    if (c.name === SESSION && !isDeletion(c) && !signsIn) t.failures.push(`${label}: session cookie set`);
  }
  if (signsIn && !cookies.some((c) => c.name === SESSION && !isDeletion(c))) {
    t.failures.push(`${label}: signed in without a new session cookie`);
  }
  return cookies;
}

describe('B1 cookies', () => {
  it('B1 every GET route as a visitor and as each signed-in role: every Set-Cookie is HttpOnly, Secure, SameSite, Path=/, __Host-, no Domain, no personal data', async () => {
    const routes = appRoutes(ctx.app).filter((r) => r.method === 'GET');
    expect(routes.length).toBeGreaterThan(80);
    const clients: Record<Portal | 'visitor', TestClient> = {
      visitor: ctx.client('203.0.113.40'),
      ...(await signedInClients(ctx, people, '203.0.113.41')),
    };
    const t = newTally();
    let pairs = 0;
    for (const [role, client] of Object.entries(clients)) {
      const before = client.cookies.get(SESSION);
      for (const r of routes) {
        const path = fillPath(r, people.ids);
        const page = await client.get(path);
        pairs++;
        if (page.status >= 500) t.failures.push(`${role} GET ${path} → ${page.status}`);
        check(t, `${role} GET ${path}`, page);
      }
      // A visitor never got a session; a signed-in client still holds the one its sign-in set.
      expect(client.cookies.get(SESSION), role).toBe(before);
    }
    expect(t.failures).toEqual([]);
    expect(t.cookies).toBeGreaterThan(0);
    report(
      'B1',
      'every GET route (from app.routes) × {visitor, seeker, employer, staff}, BASE_URL https: attributes and value of every Set-Cookie',
      {
        routes: routes.length,
        roles: 4,
        requests: pairs,
        cookiesSeen: t.cookies,
        cookieNames: [...t.names].sort().join(' '),
        violations: t.failures.length,
      },
      '0 violations; no session cookie from any GET',
    );
  });

  it('B1 the flows that set cookies: sign-in (password, mailed code, trusted device), language, sign-out, reset, sign-up', async () => {
    const t = newTally();
    const ip = '203.0.113.42';

    // Password sign-in on each portal: nothing before the successful POST sets a session cookie.
    for (const [role, login] of [
      ['seeker', '/login'],
      ['employer', '/employer/login'],
      ['staff', '/staff/login'],
    ] as const) {
      const person = people[role];
      const c = ctx.client(ip);
      check(t, `${role} GET ${login}`, await c.get(login));
      const wrong = await c.post(login, { email: person.email, password: canary('password') });
      expect(wrong.status, `${role} wrong password`).toBe(401);
      check(t, `${role} POST ${login} (wrong password)`, wrong);
      await c.get(login);
      const ok = await c.post(login, { email: person.email, password: person.password });
      expect(ok.status, `${role} sign-in`).toBe(303);
      check(t, `${role} POST ${login}`, ok, true);
      // Language chosen while signed in, then sign-out: the cookies it clears are cleared the same way.
      check(t, `${role} GET /locale`, await c.get('/locale?lang=en&next=/'));
      const home = { seeker: '/mypage', employer: '/employer', staff: '/staff' }[role];
      const csrf = (await c.get(home)).csrf();
      const out = await c.post('/logout', {}, { csrf });
      expect(out.status).toBe(303);
      check(t, `${role} POST /logout`, out);
      expect(c.cookies.has(SESSION), `${role} session cookie after sign-out`).toBe(false);
    }

    // A mailed sign-in code (MP-11): the step between password and code holds no session and no
    // personal data in its journey cookie; the code signs in and may trust the device.
    const password = canary('password');
    const mfa = await createSeeker(ctx.deps, { mfa: true, password, name: '多要素 次郎' });
    const personal = [...people.personal, mfa.email, mfa.email.split('@')[0]!, mfa.account.id, mfa.seeker.id];
    const c = ctx.client(ip);
    await c.get('/login');
    const first = await c.post('/login', { email: mfa.email, password });
    expect(first.location).toBe('/login/code');
    check(t, 'POST /login (code sent)', first);
    for (const v of first.headers.getSetCookie().flatMap((s) => violations(parseSetCookie(s), personal))) {
      t.failures.push(`POST /login (code sent): ${v}`);
    }
    check(t, 'GET /login/code', await c.get('/login/code'));
    await ctx.drain();
    const code = canary('auth-key', codeIn(ctx.mailbox.last(mfa.email)));
    const signedIn = await c.post('/login/code', { code, trust: 'yes' });
    expect(signedIn.location).toBe('/mypage');
    const cookies = check(t, 'POST /login/code', signedIn, true);
    expect(cookies.some((k) => k.name === `${PREFIX}hw_device`)).toBe(true);

    // Password reset and sign-up carry the typed e-mail from step to step: not in a readable cookie.
    const r = ctx.client(ip);
    check(t, 'GET /password-reset', await r.get('/password-reset'));
    const reset = await r.post('/password-reset', { email: people.seeker.email });
    expect(reset.status).toBe(303);
    check(t, 'POST /password-reset', reset);
    const journeyName = `${PREFIX}hw_journey`;
    const sealed = r.cookies.get(journeyName)!;
    // Sealed, not just signed: a changed byte or a cut tag and the step is not reached.
    for (const forged of [
      `${sealed.slice(0, 20)}${sealed[20] === 'A' ? 'B' : 'A'}${sealed.slice(21)}`,
      sealed.slice(0, 30),
      Buffer.from(JSON.stringify({ flow: 'reset-seeker', step: 'sent', data: {}, exp: 9e15 })).toString(
        'base64url',
      ),
    ]) {
      const f = ctx.client(ip);
      for (const [k, v] of r.cookies) f.cookies.set(k, v);
      f.cookies.set(journeyName, forged);
      const res = await f.get('/password-reset/password');
      expect(res.status, `forged journey ${forged.slice(0, 12)}…`).toBe(303);
    }
    const step = await r.get('/password-reset/password');
    expect(step.status).toBe(200);
    check(t, 'GET /password-reset/password', step);

    const s = ctx.client(ip);
    await s.get('/signup');
    check(t, 'POST /signup', await s.post('/signup', { agree: 'yes' }));
    await s.get('/signup/email');
    const signupEmail = `signup-${mfa.account.id.slice(0, 8)}@example.jp`;
    const sent = await s.post('/signup/email', { email: signupEmail });
    expect(sent.location).toBe('/signup/sent');
    for (const v of sent.headers
      .getSetCookie()
      .flatMap((h) => violations(parseSetCookie(h), [signupEmail]))) {
      t.failures.push(`POST /signup/email: ${v}`);
    }
    check(t, 'POST /signup/email', sent);

    expect(t.failures).toEqual([]);
    report(
      'B1',
      'cookie-setting flows, BASE_URL https: password sign-in ×3 portals (wrong, right), mailed code + trusted device, language, sign-out, password reset, sign-up',
      {
        requests: t.requests,
        cookiesSeen: t.cookies,
        cookieNames: [...t.names].sort().join(' '),
        violations: t.failures.length,
      },
      '0 violations; a session cookie only on the response that signs in; none left after sign-out',
    );
  });
});
