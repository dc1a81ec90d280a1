/**
 * B3 (issue 15; ASVS 5.0 V3.5, WSTG-SESS-05): every mutating route of the app (read from
 * app.routes: every POST of the portals and public pages, and POST/PUT/PATCH/DELETE on every /api
 * path) × four forged requests × four body encodings, each sent by a signed-in user of the route's
 * portal. Each attack leaves the other defences satisfied, so it tests one defence alone:
 *   - no token:       same Origin, no _csrf field and no X-CSRF-Token header;
 *   - foreign Origin: the right token, Origin https://evil.example;
 *   - no Origin:      no Origin header and no token;
 *   - cross-site:     the right token, no Origin, Sec-Fetch-Site: cross-site.
 * An attempt is accepted when it answers 2xx/3xx or changes any row of any table (a fingerprint of
 * every table's rows before and after each attempt). The positive control shows a right token from
 * the same origin does change rows through the same request builder, so the matrix would see a bypass.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../support/http.ts';
import type { TestContext } from '../support/test-app.ts';
import { reliabilityContext } from './support/context.ts';
import { createPrincipals, type Principals, signedInClients } from './support/principals.ts';
import { report } from './support/report.ts';
import { type AppRoute, appRoutes, fillPath, type Method, type Portal } from './support/routes.ts';
import { changedTables, databaseTables, type Tables } from './support/tables.ts';

const ORIGIN = 'http://localhost';
const HOME: Record<Portal, string> = { seeker: '/mypage', employer: '/employer', staff: '/staff' };

let ctx: TestContext;
let people: Principals;
let clients: Record<Portal, TestClient>;
let tokens: Record<Portal, string>;
let tables: Tables;

beforeAll(async () => {
  ctx = await reliabilityContext({ env: { BASE_URL: ORIGIN } });
  people = await createPrincipals(ctx);
  clients = await signedInClients(ctx, people);
  const token = async (p: Portal) => {
    const t = (await clients[p].get(HOME[p])).csrf();
    if (!t) throw new Error(`no CSRF token on ${HOME[p]}`);
    return t;
  };
  tokens = { seeker: await token('seeker'), employer: await token('employer'), staff: await token('staff') };
  tables = await databaseTables(ctx);
});
afterAll(() => ctx?.close());

type Encoding = 'form' | 'multipart' | 'json' | 'text';
const ENCODINGS: readonly Encoding[] = ['form', 'multipart', 'json', 'text'];

interface Attack {
  name: string;
  /** Whether the body carries the right token. */
  token: boolean;
  headers: Record<string, string>;
}

const ATTACKS: readonly Attack[] = [
  { name: 'no token', token: false, headers: { origin: ORIGIN } },
  { name: 'foreign Origin', token: true, headers: { origin: 'https://evil.example' } },
  { name: 'no Origin, no token', token: false, headers: {} },
  { name: 'Sec-Fetch-Site cross-site', token: true, headers: { 'sec-fetch-site': 'cross-site' } },
];

/**
 * Fields a forged form would carry, chosen so that a bypass changes rows on the routes that take
 * them (a favourite, 二段階認証 on, an application cancelled, a message …), with the token first.
 */
function fieldsFor(token: string | undefined): [string, string][] {
  return [
    ...(token ? ([['_csrf', token]] as [string, string][]) : []),
    ['jobNumber', people.application.job.jobNumber],
    ['mfa', 'on'],
    ['active', 'off'],
    ['body', '偽の送信'],
    ['reason', 'other'],
    ['result', 'hired'],
    ['confirm', 'yes'],
  ];
}

/** The body and content type of a form in one encoding, as a browser (or fetch) would send it. */
function encode(encoding: Encoding, fields: [string, string][]): { body: BodyInit; type?: string } {
  switch (encoding) {
    case 'form':
      return { body: new URLSearchParams(fields).toString(), type: 'application/x-www-form-urlencoded' };
    case 'multipart': {
      const form = new FormData();
      for (const [k, v] of fields) form.append(k, v);
      // fetch sets the multipart boundary itself.
      return { body: form };
    }
    case 'json':
      return { body: JSON.stringify(Object.fromEntries(fields)), type: 'application/json' };
    case 'text':
      // <form enctype="text/plain">: name=value lines.
      return { body: fields.map(([k, v]) => `${k}=${v}`).join('\r\n'), type: 'text/plain' };
  }
}

/** The portal whose user sends the attempt: the route's own, a seeker for public pages and /api. */
const senderOf = (r: AppRoute): Portal => (r.area === 'employer' || r.area === 'staff' ? r.area : 'seeker');

function mutatingRoutes(): { method: Method; route: AppRoute }[] {
  const routes = appRoutes(ctx.app);
  const out = routes.filter((r) => r.method !== 'GET').map((route) => ({ method: route.method, route }));
  // /api is read-only: every mutating method on each of its paths must change nothing either.
  for (const r of routes.filter((x) => x.area === 'api' && x.method === 'GET')) {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) out.push({ method, route: r });
  }
  return out;
}

async function send(
  sender: Portal,
  method: Method,
  path: string,
  encoding: Encoding,
  token: string | undefined,
  headers: Record<string, string>,
) {
  const { body, type } = encode(encoding, fieldsFor(token));
  return clients[sender].request(method, path, body, {
    ...(type ? { 'content-type': type } : {}),
    ...headers,
  });
}

describe('B3 cross-site request forgery', () => {
  it('B3 every mutating route × {no token, foreign Origin, no Origin, Sec-Fetch-Site cross-site} × {form, multipart, JSON, text/plain}: 0 accepted', async () => {
    const list = mutatingRoutes();
    expect(list.filter((x) => x.route.area === 'seeker').length).toBeGreaterThan(10);
    expect(list.filter((x) => x.route.area === 'api').length).toBeGreaterThan(0);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let attempts = 0;
    let accepted = 0;
    let rowsChanged = 0;
    let apiThrottleCounts = 0;
    let before = await tables.fingerprint();
    for (const { method, route } of list) {
      const sender = senderOf(route);
      const path = fillPath(route, people.ids);
      for (const attack of ATTACKS) {
        for (const encoding of ENCODINGS) {
          const res = await send(
            sender,
            method,
            path,
            encoding,
            attack.token ? tokens[sender] : undefined,
            attack.headers,
          );
          attempts++;
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          const after = await tables.fingerprint();
          // The open-data API counts every request per address in rate_limits (ADR 0027), by design.
          const changed = changedTables(before, after).filter((t) => {
            const throttle = route.area === 'api' && t === 'rate_limits';
            if (throttle) apiThrottleCounts++;
            return !throttle;
          });
          const label = `${attack.name} ${encoding} ${sender} ${method} ${path} → ${res.status}`;
          if (res.status < 400) {
            accepted++;
            failures.push(`${label}: accepted`);
          }
          if (changed.length > 0) {
            rowsChanged++;
            failures.push(`${label}: changed ${changed.join(', ')}`);
          }
          // The refusal is the CSRF check's 403 on the app; /api has no such route (404), or its
          // per-address limit answers first (429) after the first minute's worth of attempts.
          const expected = route.area === 'api' ? [404, 429] : [403];
          if (!expected.includes(res.status) && res.status >= 400) {
            failures.push(`${label}: expected ${expected.join(' or ')}`);
          }
          if (res.status >= 500) failures.push(`${label}: server error`);
          before = after;
        }
      }
    }
    expect(failures).toEqual([]);
    // The senders are still signed in: no attempt signed them out.
    for (const p of ['seeker', 'employer', 'staff'] as const) {
      expect((await clients[p].get(HOME[p])).status, p).toBe(200);
    }
    report(
      'B3',
      'every mutating route (app.routes POST + POST/PUT/PATCH/DELETE on /api) × {no token, foreign Origin, no Origin+no token, Sec-Fetch-Site cross-site} × {form, multipart, JSON, text/plain}, signed in',
      {
        routes: list.length,
        attempts,
        accepted,
        rowsChanged,
        tables: tables.names.length,
        apiThrottleCounts,
        statuses: [...statuses]
          .sort(([a], [b]) => a - b)
          .map(([s, n]) => `${s}×${n}`)
          .join(' '),
      },
      '0 accepted (2xx/3xx), 0 attempts that change any row',
    );
  });

  it('B3 positive control: the right token from the same origin works through the same request builder', async () => {
    const favorites = mutatingRoutes().find((x) => x.route.pattern === '/mypage/favorites')!;
    const mfa = mutatingRoutes().find((x) => x.route.pattern === '/mypage/settings/mfa')!;
    expect(favorites && mfa).toBeTruthy();
    const results: string[] = [];
    for (const [control, encoding] of [
      [favorites, 'form'],
      [mfa, 'multipart'],
    ] as const) {
      for (const headers of [
        { origin: ORIGIN },
        { origin: ORIGIN, 'sec-fetch-site': 'same-origin' },
      ] as Record<string, string>[]) {
        const before = await tables.fingerprint();
        const path = fillPath(control.route, people.ids);
        const res = await send('seeker', control.method, path, encoding, tokens.seeker, headers);
        const changed = changedTables(before, await tables.fingerprint());
        results.push(`${path} ${encoding} ${res.status} ${changed.join(',')}`);
        expect(res.status, path).toBe(303);
        // It adds the favourite / turns 二段階認証 on; undone after each so the next send changes rows again.
        expect(changed.length, `${path} ${encoding}`).toBeGreaterThan(0);
        const undo =
          control === favorites
            ? await clients.seeker.request(
                'POST',
                '/mypage/favorites/delete',
                new URLSearchParams({
                  _csrf: tokens.seeker,
                  jobNumber: people.application.job.jobNumber,
                }).toString(),
                { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN },
              )
            : await clients.seeker.request(
                'POST',
                '/mypage/settings/mfa',
                new URLSearchParams({ _csrf: tokens.seeker, mfa: 'off' }).toString(),
                { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN },
              );
        expect(undo.status).toBe(303);
      }
    }
    report(
      'B3',
      'positive control: right token + same Origin (and Sec-Fetch-Site same-origin) on 2 seeker routes, form and multipart',
      { attempts: results.length, accepted: results.length, rowsChanged: results.length },
      'every control attempt 303 and changes rows',
    );
  });
});
