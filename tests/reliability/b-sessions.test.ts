/**
 * B2 (issue 15; ASVS 5.0 V7.2–V7.4, NIST 800-63B 7.1, WSTG-SESS-03/06/07): a session cookie that
 * must sign nobody in is refused on every route of every portal (read from the app): one planted by
 * the client before sign-in (session fixation, a made-up value and a real session of the attacker's
 * own), the old cookie after sign-out, a session idle for 30:00 (29:59 still live) and one 12 h old
 * although used every 10 minutes (src/modules/accounts/session.rules.ts). Time moves on ctx.clock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
  SESSION_TOUCH_MS,
} from '../../src/modules/accounts/session.rules.ts';
import { randomToken } from '../../src/platform/ids.ts';
import { createSeeker } from '../support/factories.ts';
import type { TestClient } from '../support/http.ts';
import { signInAs } from '../support/sign-in.ts';
import type { TestContext } from '../support/test-app.ts';
import { canary, reliabilityContext } from './support/context.ts';
import { createPrincipals, type Principals } from './support/principals.ts';
import { report } from './support/report.ts';
import { appRoutes, fillPath, LIVE_PATHS, type Portal } from './support/routes.ts';

const SESSION = 'hw_session';
const PORTALS = ['seeker', 'employer', 'staff'] as const;
const LOGIN: Record<Portal, string> = {
  seeker: '/login',
  employer: '/employer/login',
  staff: '/staff/login',
};
const HOME: Record<Portal, string> = { seeker: '/mypage', employer: '/employer', staff: '/staff' };

let ctx: TestContext;
let people: Principals;
/** The attacker's own account. */
let intruder: Awaited<ReturnType<typeof createSeeker>>;
let ipSerial = 1;
const client = () => ctx.client(`198.51.100.${ipSerial++}`);

beforeAll(async () => {
  ctx = await reliabilityContext();
  people = await createPrincipals(ctx);
  intruder = await createSeeker(ctx.deps, { password: canary('password') });
});
afterAll(() => ctx?.close());

/** Signs a fresh client in as the person of `portal` and registers the session cookie as a canary. */
async function signIn(portal: Portal, c = client()): Promise<TestClient> {
  const person = people[portal];
  await signInAs(c, portal, person.email, person.password);
  canary('session-id', c.cookies.get(SESSION)!);
  return c;
}

/** A fresh client sending exactly these cookies (a stolen or replayed cookie jar). */
function replay(jar: ReadonlyMap<string, string>): TestClient {
  const c = client();
  for (const [k, v] of jar) c.cookies.set(k, v);
  return c;
}

const portalRoutes = () => appRoutes(ctx.app).filter((r) => r.area !== 'public' && r.area !== 'api');

/**
 * Every GET and POST route of the three portals with `jar` (the cookie jar is restored before each
 * request, so a clearing response does not help): a GET must be sent to the route's sign-in (401 for
 * the live-update script), a POST with the session's CSRF token to the sign-in or refused with 403.
 */
async function refusedEverywhere(
  label: string,
  jar: ReadonlyMap<string, string>,
  token: string | undefined,
): Promise<{ requests: number; failures: string[] }> {
  const failures: string[] = [];
  let requests = 0;
  const c = client();
  for (const r of portalRoutes()) {
    if (r.area === 'public' || r.area === 'api') continue;
    c.cookies.clear();
    for (const [k, v] of jar) c.cookies.set(k, v);
    const path = fillPath(r, people.ids);
    const res =
      r.method === 'GET' ? await c.get(path) : await c.post(path, { note: 'x' }, { csrf: token ?? false });
    requests++;
    const toLogin = res.status === 303 && (res.location ?? '').startsWith(LOGIN[r.area]);
    const ok =
      r.method === 'GET'
        ? LIVE_PATHS.test(r.pattern)
          ? res.status === 401
          : toLogin
        : toLogin || res.status === 403;
    if (!ok) failures.push(`${label}: ${r.method} ${path} → ${res.status} ${res.location ?? ''}`);
  }
  return { requests, failures };
}

/** The session of this jar is live on its portal's home page. */
async function liveAt(portal: Portal, jar: ReadonlyMap<string, string>): Promise<boolean> {
  const res = await replay(jar).get(HOME[portal]);
  return res.status === 200;
}

describe('B2 session lifetimes and fixation', () => {
  it('B2 fixation: a session cookie planted before sign-in is replaced at sign-in and signs nobody in', async () => {
    let requests = 0;
    const failures: string[] = [];
    for (const portal of PORTALS) {
      // (a) A made-up value planted in the browser (e.g. from a sibling subdomain), planted again
      // right before the form is sent, since the first page clears an unknown session cookie.
      const planted = canary('session-id', randomToken());
      const victim = client();
      victim.cookies.set(SESSION, planted);
      await victim.get(LOGIN[portal]);
      victim.cookies.set(SESSION, planted);
      const res = await victim.post(LOGIN[portal], {
        email: people[portal].email,
        password: people[portal].password,
      });
      expect(res.status).toBe(303);
      const issued = victim.cookies.get(SESSION);
      canary('session-id', issued!);
      expect(issued, `${portal}: a new session id`).toBeDefined();
      expect(issued).not.toBe(planted);
      expect(await liveAt(portal, victim.cookies)).toBe(true);
      const a = await refusedEverywhere(`${portal} planted value`, new Map([[SESSION, planted]]), undefined);

      // (b) The attacker's own real session planted in the victim's browser: after the victim signs
      // in, the browser holds a new id and the attacker's id is dead (it was ended at the sign-in).
      const attacker = client();
      await signInAs(attacker, 'seeker', intruder.email, intruder.password);
      const attackerToken = canary('session-id', attacker.cookies.get(SESSION)!);
      const browser = client();
      browser.cookies.set(SESSION, attackerToken);
      // A live seeker session is sent from /login to its MyPage: the form is sent with the token of
      // the page the browser ended on (bound to the planted session), as the sign-in form would be.
      const form = await browser.open(LOGIN[portal]);
      expect(form.csrf(), `${portal}: a page with a token`).toBeDefined();
      const signedIn = await browser.post(LOGIN[portal], {
        email: people[portal].email,
        password: people[portal].password,
      });
      expect(signedIn.status, `${portal}: sign-in over a planted session`).toBe(303);
      const mine = browser.cookies.get(SESSION)!;
      canary('session-id', mine);
      expect(mine).not.toBe(attackerToken);
      expect(await liveAt(portal, browser.cookies)).toBe(true);
      const b = await refusedEverywhere(
        `${portal} attacker's planted session`,
        new Map([[SESSION, attackerToken]]),
        undefined,
      );
      requests += a.requests + b.requests;
      failures.push(...a.failures, ...b.failures);
    }
    expect(failures).toEqual([]);
    report(
      'B2',
      'fixation: a planted session cookie (made-up value; the attacker’s own live session) before sign-in on each portal, then that value on every portal route',
      { portals: 3, plantedValues: 6, requests, accepted: failures.length },
      'a new id at every sign-in; the planted value refused on every route (0 accepted)',
    );
  });

  it('B2 the old cookie after sign-out is refused on every portal route', async () => {
    let requests = 0;
    const failures: string[] = [];
    for (const portal of PORTALS) {
      const c = await signIn(portal);
      const token = (await c.get(HOME[portal])).csrf();
      const before = { jar: new Map(c.cookies), token };
      const out = await c.post('/logout', {}, { csrf: token });
      expect(out.status).toBe(303);
      expect(c.cookies.has(SESSION)).toBe(false);
      const r = await refusedEverywhere(`${portal} after sign-out`, before.jar, before.token);
      requests += r.requests;
      failures.push(...r.failures);
    }
    expect(failures).toEqual([]);
    report(
      'B2',
      'sign-out on each portal, then the whole old cookie jar (session + CSRF cookie and token) replayed on every portal route',
      { portals: 3, requests, accepted: failures.length },
      '0 accepted',
    );
  });

  it('B2 idle: 29:59 after the last request still live, 30:00 refused on every portal route', async () => {
    const start = ctx.clock.now();
    // Two sessions per portal signed in at 0:00: one asked for at 29:59 (live, and that request
    // restarts its idle time), one never used again (refused at 30:00).
    const used: { portal: Portal; jar: ReadonlyMap<string, string> }[] = [];
    const quiet: { portal: Portal; jar: ReadonlyMap<string, string>; token: string | undefined }[] = [];
    for (const portal of PORTALS) {
      used.push({ portal, jar: new Map((await signIn(portal)).cookies) });
      const q = await signIn(portal);
      // A page at 0:00 for the session's CSRF token: no touch is due yet (SESSION_TOUCH_MS).
      const token = (await q.get(HOME[portal])).csrf();
      quiet.push({ portal, jar: new Map(q.cookies), token });
    }
    let requests = 0;
    const failures: string[] = [];
    const at = (ms: number) => ctx.clock.set(new Date(start.getTime() + ms));
    try {
      at(SESSION_IDLE_MS - 1000);
      for (const u of used) expect(await liveAt(u.portal, u.jar), `${u.portal} at 29:59`).toBe(true);
      at(SESSION_IDLE_MS);
      for (const q of quiet) {
        const r = await refusedEverywhere(`${q.portal} idle 30:00`, q.jar, q.token);
        requests += r.requests;
        failures.push(...r.failures);
        // Being refused did not revive it.
        expect(await liveAt(q.portal, q.jar), `${q.portal} still refused`).toBe(false);
      }
      // The ones asked for at 29:59 are idle from then: refused 30:00 later, at 59:59.
      at(SESSION_IDLE_MS - 1000 + SESSION_IDLE_MS);
      for (const u of used) {
        const r = await refusedEverywhere(
          `${u.portal} idle 30:00 after a request at 29:59`,
          u.jar,
          undefined,
        );
        requests += r.requests;
        failures.push(...r.failures);
      }
    } finally {
      ctx.clock.set(start);
    }
    expect(failures).toEqual([]);
    report(
      'B2',
      'idle: sessions on each portal live 29:59 after sign-in; untouched ones at 30:00, and ones used at 29:59 at 59:59, on every portal route',
      { portals: 3, idleMs: SESSION_IDLE_MS, touchMs: SESSION_TOUCH_MS, requests, accepted: failures.length },
      'live at 29:59; 0 accepted 30:00 after the last request',
    );
  });

  it('B2 absolute: a session used every 10 minutes is live at 11:59:59 and refused at 12:00:00 on every portal route', async () => {
    const start = ctx.clock.now();
    const clients: { portal: Portal; c: TestClient; token: string | undefined }[] = [];
    for (const portal of PORTALS) {
      const c = await signIn(portal);
      clients.push({ portal, c, token: (await c.get(HOME[portal])).csrf() });
    }
    let requests = 0;
    let activeRequests = 0;
    const failures: string[] = [];
    try {
      const step = 10 * 60 * 1000;
      for (let t = step; t < SESSION_ABSOLUTE_MS; t += step) {
        ctx.clock.set(new Date(start.getTime() + t));
        for (const x of clients) {
          const res = await x.c.get(HOME[x.portal]);
          activeRequests++;
          if (res.status !== 200) failures.push(`${x.portal} active at ${t / 60_000} min → ${res.status}`);
          x.token = res.csrf() ?? x.token;
        }
      }
      ctx.clock.set(new Date(start.getTime() + SESSION_ABSOLUTE_MS - 1000));
      for (const x of clients)
        expect((await x.c.get(HOME[x.portal])).status, `${x.portal} 11:59:59`).toBe(200);
      ctx.clock.set(new Date(start.getTime() + SESSION_ABSOLUTE_MS));
      for (const x of clients) {
        const r = await refusedEverywhere(`${x.portal} absolute 12:00:00`, x.c.cookies, x.token);
        requests += r.requests;
        failures.push(...r.failures);
      }
    } finally {
      ctx.clock.set(start);
    }
    expect(failures).toEqual([]);
    report(
      'B2',
      'absolute: a session on each portal used every 10 min, live at 11:59:59, then every portal route at 12:00:00',
      { portals: 3, absoluteMs: SESSION_ABSOLUTE_MS, activeRequests, requests, accepted: failures.length },
      'live while active until 11:59:59; 0 accepted at 12:00:00',
    );
  });

  it('B2 control: the refusal check fails for a live session', async () => {
    // Without a CSRF token, so the POSTs change nothing; the GETs of its own portal answer 200.
    const c = await signIn('seeker');
    const r = await refusedEverywhere('live control', new Map(c.cookies), undefined);
    expect(r.failures.length).toBeGreaterThan(10);
  });
});
