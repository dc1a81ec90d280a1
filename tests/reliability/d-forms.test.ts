/**
 * D1 (issue 15; SPEC G-1, ASVS 5.0 V1.2/V2.2, WSTG-INPV): fast-check against every form handler.
 * Every POST route of the app (read from app.routes, so a new form joins the day it is added), sent
 * by the principal whose portal it is (public routes: a fresh anonymous client), its path ids filled
 * with that principal's real records (or taken from the action of the form the app rendered), its
 * field names taken from the rendered form where one exists, with a valid CSRF token and values
 * drawn from: Unicode edge cases (lone surrogates, U+FFFE, RTL override, ZWJ sequences, combining
 * marks, full-width digits, 𠮷), C0/C1 control characters, NUL, 64 KB and (rarely) 1 MB strings,
 * `__proto__` / `constructor` / `prototype` as names and values, and repeated parameters. Mostly
 * form-urlencoded, some multipart.
 *
 * Pass: 0 × 5xx; and no 4xx changes any row of any table (a write is detected by the transaction
 * counter, pg_current_snapshot's xmax, and then located by the fingerprint of every table's rows,
 * support/tables.ts). Two writes on a refusal are by design and counted apart: the throttle
 * counters (rate_limits, ADR 0027), and the apply form's draft (the typed text and checked files
 * kept when a field is refused, SPEC AP-1).
 *
 * HW_FUZZ_RUNS (default 1000) runs per route; HW_FUZZ_SEED replays a run (printed).
 */
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.ts';
import { createJob } from '../support/factories.ts';
import { discoverPostForms, type RenderedForm } from '../support/forms.ts';
import type { TestClient } from '../support/http.ts';
import { signInAs } from '../support/sign-in.ts';
import type { TestContext } from '../support/test-app.ts';
import { reliabilityContext } from './support/context.ts';
import { createPrincipals, type Principals, signedInClients } from './support/principals.ts';
import { report } from './support/report.ts';
import { type AppRoute, appRoutes, fillPath, type Portal } from './support/routes.ts';
import { changedTables, databaseTables, type Fingerprint, type Tables } from './support/tables.ts';

const RUNS = Number(process.env.HW_FUZZ_RUNS ?? 1000);
const SEED = Number(process.env.HW_FUZZ_SEED ?? Date.now() % 2 ** 31);
const HOME: Record<Portal, string> = { seeker: '/mypage', employer: '/employer', staff: '/staff' };
/** Tables a refused request may write by design: the throttle's counters (ADR 0027). */
const BOOKKEEPING = new Set(['rate_limits']);
/**
 * The apply form's 「次へ進む」 keeps what was typed, and the files that passed their checks, as the
 * seeker's draft even when a field is refused (SPEC AP-1, src/modules/applications/apply.ts
 * saveDraft: "so the back button and a refused field lose nothing"): a whole draft, by design.
 */
const DRAFT_ROUTE = /\/apply$/;
const DRAFT_TABLES = new Set(['application_drafts', 'application_documents']);

let ctx: TestContext;
let people: Principals;
let clients: Record<Portal, TestClient>;
let tables: Tables;
let forms: Map<string, RenderedForm>;
/** The principals' ids, and a job the seeker has not applied to yet for the apply form. */
let ids: (name: string, pattern: string) => string | undefined;

beforeAll(async () => {
  ctx = await reliabilityContext();
  people = await createPrincipals(ctx);
  clients = await signedInClients(ctx, people);
  tables = await databaseTables(ctx);
  // The job of the principals' application answers 409 (applied already): the apply handler is
  // fuzzed on a job of its own that takes documents through MyPage.
  const open = await createJob(
    ctx.deps,
    { documentMethods: ['mypage', 'post'], acceptsOnlineApplication: true },
    people.employer.employer,
  );
  ids = (name, pattern) =>
    name === 'number' && pattern.startsWith('/mypage/jobs/') ? open.jobNumber : people.ids(name, pattern);
  // Every form the app renders, per portal, from every GET page filled with the principal's records.
  const gets = appRoutes(ctx.app).filter((r) => r.method === 'GET' && !LIVE.test(r.pattern));
  forms = new Map();
  const anonymous = ctx.client('203.0.113.99');
  for (const [who, client] of [
    ['public', anonymous],
    ['seeker', clients.seeker],
    ['employer', clients.employer],
    ['staff', clients.staff],
  ] as const) {
    const paths = gets
      .filter((r) => (who === 'public' ? r.area === 'public' : r.area === who))
      .map((r) => fillPath(r, ids));
    for (const [action, form] of await discoverPostForms(client, paths)) {
      if (!forms.has(action)) forms.set(action, form);
    }
  }
}, 240_000);
afterAll(() => ctx?.close());

const LIVE = /\/(events|fragments)\b|\/assets\/|\.(css|js|svg|png|ico|txt|xml|pdf|csv)$/;

// ─── Values ─────────────────────────────────────────────────────────────────────────────────────

const ONE_MB = 'あ'.repeat(350_000); // 1,050,000 bytes in UTF-8: over the 1 MiB body limit with the rest
const EDGES = [
  '',
  ' ',
  '\u3000',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff',
  'x\ud83dy',
  '\ufffe',
  '\uffff',
  '\ufeff',
  '\u200b',
  '\u202e',
  '\u2028',
  '👨‍👩‍👧‍👦',
  '🇯🇵',
  'e\u0301\u0301\u0301',
  '𠮷野家',
  '１２３４５',
  'ｱｲｳｴｵ',
  '①②③',
  '\r\n',
  '\u001b[31m',
  '\u0085',
  '\u009b',
  '__proto__',
  'constructor',
  'prototype',
  '{"__proto__":{"admin":true}}',
  'toString',
  '-1',
  '0',
  '1e309',
  'NaN',
  'Infinity',
  '9'.repeat(40),
  '2026-02-30',
  '13010-00000001',
  '00000000-0000-4000-8000-000000000000',
  "'; drop table accounts; --",
  '<script>alert(1)</script>',
  '%00',
  '%',
  '../../etc/passwd',
  'on',
  'yes',
  'true',
];

const chr = (n: number) => String.fromCharCode(n);
const controls = fc.string({
  unit: fc.oneof(fc.integer({ min: 0, max: 0x1f }), fc.integer({ min: 0x7f, max: 0x9f })).map(chr),
  maxLength: 20,
});
const surrogates = fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map(chr), maxLength: 6 });
const value: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...EDGES) },
  { weight: 4, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 2, arbitrary: controls },
  { weight: 1, arbitrary: surrogates },
  { weight: 2, arbitrary: fc.integer().map(String) },
);
/**
 * What one run adds beyond the small values: mostly nothing; now and then one long field (64 KB, or
 * 20,000 of one character of 1–4 bytes, NUL included); 1 run in 200 a 1 MB field (over the 1 MiB
 * body limit with the rest: 413, never read whole).
 */
const big: fc.Arbitrary<string | null> = fc.oneof(
  { weight: 190, arbitrary: fc.constant(null) },
  { weight: 4, arbitrary: fc.constant('y'.repeat(64 * 1024)) },
  {
    weight: 5,
    arbitrary: fc
      .tuple(fc.constantFrom('x', 'あ', '𠮷', '\u0000', '👨‍👩‍👧‍👦'), fc.integer({ min: 1000, max: 20_000 }))
      .map(([c, n]) => c.repeat(n)),
  },
  { weight: 1, arbitrary: fc.constant(ONE_MB) },
);

interface Input {
  /** Field pairs, after the token (a name may repeat). */
  pairs: [string, string][];
  /** Whether the form's hidden fields (draft key …) are sent too. */
  hidden: boolean;
  encoding: 'form' | 'multipart';
}

function inputs(names: readonly string[]): fc.Arbitrary<Input> {
  const known = names.filter((n) => n !== '_csrf');
  const name = fc.oneof(
    { weight: 8, arbitrary: known.length ? fc.constantFrom(...known) : fc.constant('q') },
    { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', '__proto__[admin]') },
    {
      weight: 1,
      arbitrary: fc.oneof(fc.constantFrom(...EDGES), fc.string({ unit: 'binary', maxLength: 12 })),
    },
  );
  // Every known field once (the handler reads them all), then extras and repeats.
  return fc
    .record({
      own: fc.array(value, { minLength: known.length, maxLength: known.length }),
      extra: fc.array(fc.tuple(name, value), { maxLength: 6 }),
      drop: fc.array(fc.nat(), { maxLength: 2 }),
      long: fc.tuple(big, fc.nat()),
      hidden: fc.boolean(),
      encoding: fc.constantFrom<'form' | 'multipart'>('form', 'form', 'form', 'multipart'),
    })
    .map(({ own, extra, drop, long: [long, at], hidden, encoding }) => {
      const pairs: [string, string][] = known.map((n, i) => [n, own[i]!]);
      for (const d of drop) if (pairs.length) pairs.splice(d % pairs.length, 1);
      if (long !== null) {
        if (pairs.length) pairs[at % pairs.length]![1] = long;
        else pairs.push(['q', long]);
      }
      return { pairs: [...pairs, ...extra], hidden, encoding };
    });
}

// ─── Sending ────────────────────────────────────────────────────────────────────────────────────

async function encode(
  input: Input,
  token: string,
  hidden: [string, string][],
): Promise<{ body: BodyInit; type?: string }> {
  const all: [string, string][] = [
    ['_csrf', token],
    ...(input.hidden ? hidden.filter(([n]) => n !== '_csrf') : []),
    ...input.pairs,
  ];
  if (input.encoding === 'form') {
    // URLSearchParams would turn a lone surrogate into U+FFFD: encode each code unit as the attacker's bytes.
    const enc = (s: string) =>
      [...Buffer.from(s, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
    const raw = all.map(([k, v]) => `${enc(k)}=${rawLoneSurrogates(v, enc)}`).join('&');
    return { body: raw, type: 'application/x-www-form-urlencoded' };
  }
  const form = new FormData();
  for (const [k, v] of all) form.append(k, v);
  // Serialised here: a FormData body streamed by undici into app.request fails on its own
  // (an unhandled "ReadableStream is already closed") when the app stops reading at the limit.
  const serialised = new Response(form);
  return {
    body: new Uint8Array(await serialised.arrayBuffer()),
    type: serialised.headers.get('content-type') ?? undefined,
  };
}

/** Lone surrogates as the bytes of their WTF-8 form (ED A0 80 …), which no UTF-8 encoder writes. */
function rawLoneSurrogates(v: string, enc: (s: string) => string): string {
  let out = '';
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < v.length && /[\udc00-\udfff]/.test(v[i + 1]!);
    if (pair) {
      out += enc(v.slice(i, i + 2));
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      out += `%${(0xe0 | (c >> 12)).toString(16)}%${(0x80 | ((c >> 6) & 0x3f)).toString(16)}%${(0x80 | (c & 0x3f)).toString(16)}`;
    } else out += enc(v[i]!);
  }
  return out;
}

const xidNow = async () =>
  (await queryRows<{ x: string }>(ctx.db, sql`select pg_snapshot_xmax(pg_current_snapshot())::text as x`))[0]!
    .x;

/** The pattern as a regular expression over a filled path. */
const patternRe = (pattern: string) =>
  new RegExp(`^${pattern.replace(/:[a-zA-Z_]+(\{[^}]*\})?/g, '[^/]+')}$`);

function senderOf(r: AppRoute): Portal | 'anonymous' {
  return r.area === 'seeker' || r.area === 'employer' || r.area === 'staff' ? r.area : 'anonymous';
}

/** A token for `client` from the page of the route's form, or its portal's home, or /login. */
async function tokenFor(client: TestClient, form: RenderedForm | undefined, sender: Portal | 'anonymous') {
  const pages = [form?.page, sender === 'anonymous' ? '/login' : HOME[sender]].filter((p): p is string =>
    Boolean(p),
  );
  for (const p of pages) {
    const page = await client.get(p);
    const token = page.csrf();
    if (token) {
      let hidden: Record<string, string | string[] | undefined> = {};
      if (form && page.dom.querySelector(`form[action="${form.action}"]`)) {
        hidden = page.hiddenForm(`form[action="${form.action}"]`).fields;
      }
      return { token, page: p, hidden };
    }
  }
  throw new Error(`no CSRF token for ${sender} on ${pages.join(', ')}`);
}

describe('D1 fast-check per form handler', () => {
  it('D1 G-1 every POST route × fuzzed fields (Unicode edges, controls, 1 MB, __proto__, repeats) with a valid token: 0 × 5xx, 0 rows changed on any 4xx', async () => {
    const routes = appRoutes(ctx.app).filter((r) => r.method === 'POST' && r.area !== 'api');
    expect(routes.length).toBeGreaterThan(50);
    console.log(`[D1] seed=${SEED} runs/route=${RUNS} (replay: HW_FUZZ_SEED=${SEED})`);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    const perRoute: string[] = [];
    let requests = 0;
    let refused = 0;
    let accepted = 0;
    let serverErrors = 0;
    let rowsChangedOn4xx = 0;
    let throttleWrites = 0;
    let formsFound = 0;
    let reSignIns = 0;
    let hugeBodies = 0;
    let fingerprints = 0;
    let draftWrites = 0;
    let requestMs = 0;
    const started = performance.now();
    let fingerprint: Fingerprint = await tables.fingerprint();
    let xid = await xidNow();

    for (const [index, route] of routes.entries()) {
      const sender = senderOf(route);
      const re = patternRe(route.pattern);
      const form = [...forms.values()].find((f) => re.test(f.action));
      if (form) formsFound++;
      const path = form?.action ?? fillPath(route, ids);
      const names = form?.names.length ? form.names : ['q', 'body', 'name', 'email', 'confirm', 'id'];
      const client =
        sender === 'anonymous' ? ctx.client(`198.51.100.${(index % 200) + 20}`) : clients[sender];
      let { token, hidden } = await tokenFor(client, form, sender);
      const hiddenPairs = (): [string, string][] =>
        Object.entries(hidden).flatMap(([k, v]) =>
          (Array.isArray(v) ? v : [v ?? '']).map((x): [string, string] => [k, x]),
        );
      const routeStatuses = new Map<number, number>();
      const routeStarted = performance.now();
      const result = await fc.check(
        fc.asyncProperty(inputs(names), async (input) => {
          const { body, type } = await encode(input, token, hiddenPairs());
          if ((typeof body === 'string' ? body.length : (body as Uint8Array).byteLength) > 1_000_000)
            hugeBodies++;
          const sentAt = performance.now();
          const res = await client.request('POST', path, body, {
            ...(type ? { 'content-type': type } : {}),
            origin: 'http://localhost',
          });
          requestMs += performance.now() - sentAt;
          requests++;
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          routeStatuses.set(res.status, (routeStatuses.get(res.status) ?? 0) + 1);
          const now = await xidNow();
          let changed: string[] = [];
          if (now !== xid) {
            const after = await tables.fingerprint();
            fingerprints++;
            changed = changedTables(fingerprint, after);
            fingerprint = after;
            xid = now;
          }
          if (res.status >= 500) {
            serverErrors++;
            return false;
          }
          if (res.status >= 400) {
            refused++;
            const throttle = changed.filter((t) => BOOKKEEPING.has(t));
            const draft = DRAFT_ROUTE.test(route.pattern) ? changed.filter((t) => DRAFT_TABLES.has(t)) : [];
            const real = changed.filter((t) => !throttle.includes(t) && !draft.includes(t));
            if (throttle.length) throttleWrites++;
            if (draft.length) draftWrites++;
            if (real.length) {
              rowsChangedOn4xx++;
              failures.push(`${route.pattern} → ${res.status} changed ${real.join(', ')}`);
              return false;
            }
          } else accepted++;
          // A handler that signed the sender out (or a new token): carry on as a user would.
          if (res.status === 403 || (res.status === 303 && /login/.test(res.location ?? ''))) {
            if (sender !== 'anonymous' && (await client.get(HOME[sender])).status !== 200) {
              reSignIns++;
              const who = people[sender];
              await signInAs(client, sender, who.email, who.password);
            }
            ({ token, hidden } = await tokenFor(client, form, sender));
          }
          return true;
        }),
        { numRuns: RUNS, seed: SEED + index, endOnFailure: true },
      );
      if (result.failed) {
        const example = JSON.stringify(result.counterexample?.[0])?.slice(0, 400);
        failures.push(
          `${route.pattern} (${path}) failed after ${result.numRuns} runs, seed ${SEED + index}: ${example}; ${String(result.errorInstance ?? '')}`,
        );
      }
      perRoute.push(
        `${route.pattern} ${Math.round(performance.now() - routeStarted)}ms ${[...routeStatuses]
          .map(([s, n]) => `${s}×${n}`)
          .join(' ')}`,
      );
      console.log(`[D1] ${index + 1}/${routes.length} ${perRoute.at(-1)}`);
    }
    const seconds = Math.round((performance.now() - started) / 1000);
    console.log(`[D1] per route:\n${perRoute.join('\n')}`);
    expect(failures).toEqual([]);
    expect(serverErrors).toBe(0);
    expect(rowsChangedOn4xx).toBe(0);
    expect(formsFound).toBeGreaterThan(20);
    report(
      'D1',
      `every POST route of app.routes × ${RUNS} fast-check runs (Unicode edges, C0/C1 controls, NUL, lone surrogates, 64 KB and 1 MB strings, __proto__/constructor names and values, repeated parameters; form and multipart; valid CSRF token)`,
      {
        routes: routes.length,
        formsFromPages: formsFound,
        runsPerRoute: RUNS,
        requests,
        accepted,
        refused4xx: refused,
        serverErrors,
        rowsChangedOn4xx,
        throttleWritesOn4xx: throttleWrites,
        applyDraftsKeptOn4xx: draftWrites,
        bodiesOver1MB: hugeBodies,
        reSignIns,
        fingerprints,
        requestSeconds: Math.round(requestMs / 1000),
        seed: SEED,
        seconds,
        statuses: [...statuses]
          .sort(([a], [b]) => a - b)
          .map(([s, n]) => `${s}×${n}`)
          .join(' '),
      },
      "0 × 5xx; 0 rows changed on any 4xx (but the throttle counters, and the apply form's draft kept by design)",
    );
  }, 7_200_000);
});
