/**
 * Row C1: every route of the app (read from app.routes, so a new route joins by itself) filled with
 * every object id of the world, and what each principal must get for it.
 *
 * Decisions (SPEC G-2, ADR 0005, 0014, 0016, 0017, 0024, 0025):
 * - a seeker's or an employer's object is private: another seeker or employer gets the 404 page, the
 *   same answer as for an id that does not exist (never 403, which would say it exists);
 * - a signed-in user of another role gets 403 before any lookup, the same for every id (no oracle);
 *   an anonymous visitor is sent to the portal's sign-in (the live routes answer 401);
 * - staff of every office read every record; only the home office changes one (403 otherwise); a
 *   record without a home office (an internet-only seeker) may be taken on by any office;
 * - a job that is not public (公開範囲 private, or not accepted yet) is the 404 page for everyone but
 *   its employer and staff; the open-data API shows public jobs only;
 * - the alert stop link is a capability (an HMAC of the saved search): a forged one is the 404 page.
 */
import type { Hono } from 'hono';
import type { AppEnv } from '../../../src/web/env.ts';
import { PRINCIPALS, type PrincipalName, ROLE_OF, type Role, type World } from './idor-world.ts';
import { appRoutes, LIVE_PATHS } from './routes.ts';

export type Method = 'GET' | 'POST';
export type Portal = 'seeker' | 'employer' | 'staff' | 'public';

export interface RouteTemplate {
  method: Method;
  path: string;
  portal: Portal;
  params: string[];
}

/** Routes left out on purpose, each with its reason (a stale entry fails the test). */
export const LEFT_OUT: Record<string, string> = {
  'GET /dev/mail': 'development mailbox, not mounted when NODE_ENV=production (app.ts)',
  'GET /dev/mail/:id{[0-9a-f-]{36}}': 'development mailbox, not mounted when NODE_ENV=production (app.ts)',
  'POST /logout': 'ends the session of whoever sends it; no object',
};

/**
 * The GET and POST routes of the app (support/routes.ts), as this matrix names them: the open-data
 * API answers like a public page.
 */
export function enumerateRoutes(app: Hono<AppEnv>): RouteTemplate[] {
  return appRoutes(app)
    .filter((r) => r.method === 'GET' || r.method === 'POST')
    .map((r) => ({
      method: r.method as Method,
      path: r.pattern,
      portal: r.area === 'api' ? 'public' : r.area,
      params: r.params,
    }));
}

/** One value for a route parameter, with who owns it. */
export interface Instance {
  label: string;
  value: string;
  /** Seekers / employers allowed on their portal; absent: any of that role. */
  seekers?: PrincipalName[];
  employers?: PrincipalName[];
  /** The parent application of a nested object (offer, document): another parent is another object. */
  parent?: string;
  /** Staff: the record's home office (管轄); null: none yet. */
  home?: string | null;
  /** Public jobs: who may see a job that is not public (everyone when absent). */
  viewers?: PrincipalName[];
  /** The open-data API: whether the job is listed there. */
  api?: boolean;
  /** A capability (the stop link): whoever holds it may use it, so no leak check on its answer. */
  capability?: boolean;
  /** Verbs valid on one side only. */
  sides?: Portal[];
  /** Anything here is refused for everybody (a journey step without its cookie): any answer but 2xx. */
  refused?: boolean;
  /** Applications: whether it has a 紹介状 (only a 応募（ハローワーク紹介） has one, AP-6 AP-7). */
  letter?: boolean;
  /** Staff: the home office is read again before a post (a 求職登録 at the counter sets it). */
  homeFromDb?: boolean;
}

const UNKNOWN_UUID = '7d3f0c52-9a1b-4e6f-8c2d-0123456789ab';

export function instances(world: World): Record<string, Instance[]> {
  const { ids, jobs } = world;
  const A: PrincipalName[] = ['seekerA'];
  const X: PrincipalName[] = ['employerX'];
  const application: Instance[] = [
    { label: 'A direct application', value: ids.direct, seekers: A, employers: X, letter: false },
    { label: 'A referral application', value: ids.referred, seekers: A, employers: X, letter: true },
    {
      label: 'B application (to Y)',
      value: ids.otherApplication,
      seekers: ['seekerB'],
      employers: ['employerY'],
      letter: false,
    },
    { label: 'unknown application', value: UNKNOWN_UUID, seekers: [], employers: [] },
  ];
  const nested = (label: string, value: string): Instance[] => [
    { label: `A ${label}`, value, seekers: A, employers: X, parent: ids.direct },
    { label: `unknown ${label}`, value: UNKNOWN_UUID, seekers: [], employers: [], parent: 'none' },
  ];
  const hiddenViewers: PrincipalName[] = ['employerX', 'staff1', 'staff2'];
  return {
    application,
    document: nested('document', ids.document),
    offer: nested('interview offer', ids.offer),
    verb: [
      { label: 'book', value: 'book', sides: ['seeker'] },
      { label: 'decline', value: 'decline', sides: ['seeker'] },
      { label: 'cancel', value: 'cancel', sides: ['seeker', 'employer'] },
    ],
    part: [
      { label: 'entries', value: 'entries' },
      { label: 'interview', value: 'interview' },
    ],
    referral: [
      { label: 'A referral (applied)', value: ids.referral, seekers: A },
      { label: 'A referral (open)', value: ids.openReferral, seekers: A },
      { label: 'unknown referral', value: UNKNOWN_UUID, seekers: [] },
    ],
    inbox: [
      { label: 'A inbox message', value: ids.inbox, seekers: A },
      { label: 'unknown inbox message', value: UNKNOWN_UUID, seekers: [] },
    ],
    savedSearch: [
      { label: 'A saved search', value: ids.saved, seekers: A },
      { label: 'unknown saved search', value: UNKNOWN_UUID, seekers: [] },
    ],
    jobNumber: [
      { label: 'X open job', value: jobs.open.jobNumber!, api: true },
      { label: 'X referral-target job', value: jobs.target.jobNumber!, api: true },
      {
        label: 'X private job',
        value: jobs.hidden.jobNumber!,
        viewers: hiddenViewers,
        api: false,
        seekers: [],
      },
      { label: 'unknown job number', value: '13010-99999998', viewers: [], api: false, seekers: [] },
    ],
    jobId: [
      { label: 'X open job', value: String(jobs.open.id), employers: X, home: '13010' },
      { label: 'X private job', value: String(jobs.hidden.id), employers: X, home: '13010' },
      { label: 'X submitted job', value: String(jobs.submitted.id), employers: X, home: '13010' },
      { label: 'unknown job id', value: '999999999', employers: [], home: 'none' },
    ],
    seekerId: [
      { label: 'seeker A (13010)', value: world.people.seekerA.seeker.id, home: '13010' },
      { label: 'internet-only seeker', value: world.people.netonly.seeker.id, home: null, homeFromDb: true },
      { label: 'unknown seeker', value: UNKNOWN_UUID, home: 'none' },
    ],
    employerId: [
      { label: 'employer X (13010)', value: world.people.employerX.employer.id, home: '13010' },
      { label: 'unknown employer', value: UNKNOWN_UUID, home: 'none' },
    ],
    token: [
      { label: 'A stop link', value: ids.stopToken, capability: true },
      {
        label: 'forged stop link (A id, wrong HMAC)',
        value: `${ids.saved}.${'0'.repeat(64)}`,
        viewers: [],
      },
    ],
    seekerFragment: ['nav-unread', 'messages-list', 'home-referrals', 'home-information'].map((n) => ({
      label: n,
      value: n,
    })),
    employerFragment: [{ label: 'nav-unread', value: 'nav-unread' }],
    step: [{ label: 'basic', value: 'basic', refused: true }],
    sitemapFile: [{ label: 'sitemap-1.xml', value: 'sitemap-1.xml' }],
    assetFile: [{ label: 'app.css', value: 'app.css' }],
  };
}

/** Routes without an owner to control: each with its reason. */
export const NO_OWNER_CONTROL: Record<string, string> = {
  'GET /signup/profile/:step':
    'a step of the signup journey, keyed by its signed cookie, not by an id: refused to everyone without it (signup.test.ts walks it)',
  'POST /signup/profile/:step': 'as GET',
  'POST /mypage/applications/:id/messages/interviews':
    'the thread routes are mounted on both sides, but slots are offered by the employer: 404 to every seeker',
};

/** GET routes whose owner passes the guards but gets no 2xx here: a step that needs the step before it. */
export const STEP_ROUTES: Record<string, string> = {
  'GET /mypage/jobs/:number/apply/confirm': 'the confirmation needs the form’s draft: 303 back to the form',
  'GET /mypage/referrals/:id/apply/confirm': 'the confirmation needs the form’s draft: 303 back to the form',
  'GET /staff/seekers/:id/referrals/confirm': 'needs the referral input step: 303 to it',
  'GET /staff/seekers/:id/renew': 'only when the registration is due: 303 with renew=not_due',
};

/** Which kind of object a route parameter takes; undefined: unknown (the test fails with the route). */
export function kindOf(path: string, param: string): string | undefined {
  if (param === 'doc') return 'document';
  if (param === 'offer') return 'offer';
  if (param === 'verb') return 'verb';
  if (param === 'part') return 'part';
  if (param === 'token' && path.startsWith('/alerts/stop/')) return 'token';
  if (param === 'step' && path.startsWith('/signup/profile/')) return 'step';
  if (param === 'file' && path.startsWith('/assets/')) return 'assetFile';
  if (param === 'file' && path.includes('sitemap')) return 'sitemapFile';
  if (param === 'name' && path.startsWith('/mypage/fragments/')) return 'seekerFragment';
  if (param === 'name' && path.startsWith('/employer/fragments/')) return 'employerFragment';
  if (param === 'number') return 'jobNumber';
  if (param === 'referralId') return 'referral';
  if (param !== 'id') return undefined;
  if (/^\/(mypage|employer)\/applications\//.test(path)) return 'application';
  if (path.startsWith('/mypage/referrals/')) return 'referral';
  if (path.startsWith('/mypage/messages/')) return 'inbox';
  if (path.startsWith('/mypage/searches/')) return 'savedSearch';
  if (/^\/(employer|staff)\/jobs\//.test(path)) return 'jobId';
  if (path.startsWith('/staff/seekers/')) return 'seekerId';
  if (path.startsWith('/staff/employers/')) return 'employerId';
  return undefined;
}

export interface Probe {
  route: RouteTemplate;
  url: string;
  principal: PrincipalName;
  objects: Instance[];
  expected: Expected;
}

export type Expected =
  | { kind: 'allow' }
  | { kind: 'login' }
  | { kind: 'live401' }
  | { kind: 'role403' }
  | { kind: 'private404'; why: string }
  | { kind: 'office403' }
  /** Refused, with this status (the same answer as for an id that does not exist), or any non-2xx. */
  | { kind: 'refused'; status?: number; why: string }
  /** A public page without an object: any answer but a 5xx; only the leak check applies. */
  | { kind: 'public' };

/** GET steps of a staff change journey (edit form, 再開, referral input, fit list, confirmation) are changes too. */
const STAFF_CHANGE = /\/(edit|renew|referrals|referrals\/confirm|referrals\/fit)$/;

export function expectationFor(
  route: RouteTemplate,
  principal: PrincipalName,
  objects: Instance[],
): Expected {
  const role: Role = ROLE_OF[principal];
  const { portal } = route;
  if (portal === 'public') return publicExpectation(route, principal, objects);
  if (role === 'anonymous') return LIVE_PATHS.test(route.path) ? { kind: 'live401' } : { kind: 'login' };
  if (role !== portal) return { kind: 'role403' };
  if (portal === 'staff') {
    if (objects.some((o) => o.home === 'none')) return { kind: 'private404', why: 'no such record' };
    const change = route.method === 'POST' || STAFF_CHANGE.test(route.path);
    const foreign = objects.some(
      (o) => o.home !== undefined && o.home !== null && o.home !== officeOf(principal),
    );
    return change && foreign ? { kind: 'office403' } : { kind: 'allow' };
  }
  const [first, ...nestedObjects] = objects;
  const ownersOf = (o: Instance) => (portal === 'seeker' ? o.seekers : o.employers);
  const owners = first ? ownersOf(first) : undefined;
  // Deleting is idempotent: a saved search that is not theirs answers as an unknown one, and stays.
  if (route.path === '/mypage/searches/:id/delete' && first && !owners?.includes(principal))
    return { kind: 'refused', status: 303, why: 'idempotent delete (the fingerprint shows nothing deleted)' };
  if (first && owners && !owners.includes(principal))
    return { kind: 'private404', why: `${first.label} not theirs` };
  if (portal === 'seeker' && route.method === 'POST' && /\/messages\/interviews$/.test(route.path))
    return { kind: 'private404', why: 'slots are offered by the employer only' };
  if (first?.letter === false && /\/letter(\.pdf)?$/.test(route.path))
    return { kind: 'private404', why: 'no 紹介状 for an オンライン自主応募' };
  for (const o of nestedObjects) {
    if (o.sides && !o.sides.includes(portal))
      return { kind: 'private404', why: `no ${o.label} on this side` };
  }
  for (const o of nestedObjects) {
    if (o.parent !== undefined && o.parent !== first?.value) {
      // The thread is theirs: an offer id that is not this thread's is a stale form, as an unknown one.
      if (/\/interviews\/:offer\/:verb$/.test(route.path))
        return { kind: 'refused', status: 409, why: `${o.label} not under ${first?.label}: stale form` };
      return { kind: 'private404', why: `${o.label} not under ${first?.label}` };
    }
  }
  return { kind: 'allow' };
}

const officeOf = (p: PrincipalName) => (p === 'staff2' ? '13020' : '13010');

function publicExpectation(route: RouteTemplate, principal: PrincipalName, objects: Instance[]): Expected {
  if (objects.length === 0) return { kind: 'public' };
  for (const o of objects) {
    if (o.refused) return { kind: 'refused', why: `${o.label}: a journey step without its journey` };
    if (route.path.startsWith('/api/') && o.api === false)
      return { kind: 'private404', why: 'not a public job' };
    if (o.viewers && !o.viewers.includes(principal))
      return { kind: 'private404', why: `${o.label} not public` };
  }
  return { kind: 'allow' };
}

/** Every (route, object combination, principal) of the matrix, or the routes it cannot fill. */
export function probes(
  routes: RouteTemplate[],
  world: World,
): { probes: Probe[]; unfilled: string[]; notSent: string[] } {
  const table = instances(world);
  const out: Probe[] = [];
  const unfilled: string[] = [];
  const notSent: string[] = [];
  for (const route of routes) {
    const key = `${route.method} ${route.path}`;
    if (LEFT_OUT[key]) continue;
    const lists: Instance[][] = [];
    for (const param of route.params) {
      const kind = kindOf(route.path, param);
      const list = kind ? table[kind] : undefined;
      if (!list) {
        unfilled.push(`${key} (:${param})`);
        break;
      }
      lists.push(list);
    }
    if (lists.length !== route.params.length) continue;
    for (const objects of cartesian(lists)) {
      let url = route.path;
      route.params.forEach((_, i) => {
        url = url.replace(/:[a-zA-Z]+(\{[^}]*\})?/, objects[i]!.value);
      });
      for (const principal of PRINCIPALS) {
        const expected = expectationFor(route, principal, objects);
        // Forms without an object, posted by their own role, are the D1 / mass-assignment rows' business:
        // an empty post could change the principal's own settings or end its session.
        if (
          route.method === 'POST' &&
          objects.length === 0 &&
          (expected.kind === 'public' || isOwnRole(route, principal))
        ) {
          notSent.push(`${principal} ${key}`);
          continue;
        }
        out.push({ route, url, principal, objects, expected });
      }
    }
  }
  return { probes: out, unfilled, notSent };
}

const isOwnRole = (route: RouteTemplate, p: PrincipalName) => ROLE_OF[p] === route.portal;

function cartesian(lists: Instance[][]): Instance[][] {
  return lists.reduce<Instance[][]>(
    (acc, list) => acc.flatMap((prefix) => list.map((x) => [...prefix, x])),
    [[]],
  );
}

/** Markers of A's and X's private things, and who may see each. */
export function forbiddenMarkers(world: World, principal: PrincipalName): string[] {
  const m = world.markers;
  const seesApplications: PrincipalName[] = ['seekerA', 'employerX', 'staff1', 'staff2'];
  const rules: [string, PrincipalName[]][] = [
    [m.seekerName, seesApplications],
    [m.motivation, seesApplications],
    [m.document, seesApplications],
    [m.message, seesApplications],
    [m.searchName, ['seekerA', 'staff1', 'staff2']],
    [m.privateTitle, ['employerX', 'staff1', 'staff2']],
  ];
  return rules.filter(([, who]) => !who.includes(principal)).map(([marker]) => marker);
}
