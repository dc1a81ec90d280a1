/**
 * Row C1 of issue 15, the IDOR matrix (ASVS 5.0 V8.2, WSTG-ATHZ-04, SPEC G-2): eight principals
 * (anonymous, seeker A, seeker B, an internet-only seeker, employer X, employer Y, staff of office
 * 13010 and of 13020) × every GET and POST route of the app × every object id of the world (A's
 * applications, document, interview, referral, inbox message, saved search and stop link; X's jobs;
 * the staff records), with what each must get (support/idor-routes.ts): 0 unexpected 2xx, 404 where
 * existence is private, no marker of A's or X's private data in any answer to someone else, and no
 * row changed by a refused request. The owner's positive control on each route shows the matrix can
 * see a leak. Then mass assignment: forms posted with extra owner and state fields change none of
 * those columns.
 */
import { createHash, randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.ts';
import {
  accounts,
  applications,
  counsellingSessions,
  favorites,
  jobPostings,
  savedSearches,
  seekers,
  threadEntries,
} from '../../src/db/schema/index.ts';
import { leafletJobForm } from '../integration/jobs-fixtures.ts';
import { applyAt } from '../support/apply-form.ts';
import { createJob } from '../support/factories.ts';
import type { Fields, Page } from '../support/http.ts';
import { seekerRegistrationForm } from '../support/staff-forms.ts';
import type { TestContext } from '../support/test-app.ts';
import { reliabilityContext } from './support/context.ts';
import {
  type Expected,
  enumerateRoutes,
  expectationFor,
  forbiddenMarkers,
  LEFT_OUT,
  NO_OWNER_CONTROL,
  type Probe,
  probes,
  type RouteTemplate,
  STEP_ROUTES,
} from './support/idor-routes.ts';
import { buildWorld, cleanScanner, PRINCIPALS, type World } from './support/idor-world.ts';
import { report } from './support/report.ts';

let ctx: TestContext;
let world: World;
let routes: RouteTemplate[];
let matrix: Probe[];
let notSent: string[];
const started = Date.now();

beforeAll(async () => {
  ctx = await reliabilityContext({ virusScanner: cleanScanner });
  world = await buildWorld(ctx);
  routes = enumerateRoutes(ctx.app);
}, 120_000);
afterAll(() => ctx?.close());

const LOGIN = { seeker: '/login', employer: '/employer/login', staff: '/staff/login' } as const;

/** A body that gets past the shape checks of most forms, so a refusal is the guard's, not validation's. */
const attackBody = (): Fields => ({
  key: randomUUID(),
  draft: randomUUID(),
  body: 'こんにちは',
  note: 'よろしくお願いします。',
  slot: randomUUID(),
  frequency: 'daily',
  reason: 'other',
  consent: 'yes',
  action: 'next',
});

async function send(p: Probe, body: Fields = attackBody()): Promise<Page> {
  const who = world.principals[p.principal];
  return p.route.method === 'GET' ? who.client.get(p.url) : who.client.post(p.url, body, { csrf: who.csrf });
}

/** What went wrong with one answer, or null. */
function judge(p: Probe, res: Page): string | null {
  const e: Expected = p.expected;
  const s = res.status;
  const at = `${p.principal} ${p.route.method} ${p.url} [${p.objects.map((o) => o.label).join(', ')}]`;
  if (s >= 500) return `${at} → ${s}`;
  switch (e.kind) {
    case 'allow': {
      // Past the guards: a page, or a journey's own answer (already applied: 409; a step before: 303).
      const toLogin = Object.values(LOGIN).some((l) => (res.location ?? '').startsWith(l));
      const passed = (s >= 200 && s < 300) || ((s === 303 || s === 409 || s === 400) && !toLogin);
      return passed
        ? null
        : `${at} → ${s} ${res.location ?? ''} (owner control: expected to pass the guards)`;
    }
    case 'login': {
      const portal = p.route.portal as keyof typeof LOGIN;
      return s === 303 && (res.location ?? '').startsWith(LOGIN[portal])
        ? null
        : `${at} → ${s} ${res.location ?? ''} (expected 303 to ${LOGIN[portal]})`;
    }
    case 'live401':
      return s === 401 && !res.location ? null : `${at} → ${s} (expected 401)`;
    case 'role403':
    case 'office403':
      return s === 403 ? null : `${at} → ${s} (expected 403, ${e.kind})`;
    case 'private404':
      return s === 404 ? null : `${at} → ${s} (expected 404: ${e.why})`;
    case 'refused':
      if (e.status === undefined)
        return s < 200 || s >= 300 ? null : `${at} → ${s} (expected no 2xx: ${e.why})`;
      return s === e.status ? null : `${at} → ${s} (expected ${e.status}: ${e.why})`;
    case 'public':
      return null;
  }
}

/** The text a principal got: body and the headers that can carry data (file names, locations). */
const seen = (res: Page) =>
  `${res.html}\n${res.headers.get('content-disposition') ?? ''}\n${res.location ?? ''}`;

const figures = {
  requests: 0,
  /** Route keys whose owner control answered 2xx. */
  owner2xx: new Set<string>(),
  unexpected2xx: 0,
  forbiddenWhere404Expected: 0,
  leaks: 0,
  ownerControls: 0,
  refused: 0,
  publicPages: 0,
  tablesChangedByRefused: 0,
  /** Markers some allowed principal was shown: a marker never rendered would make the leak check blind. */
  markersShown: new Set<string>(),
  failures: [] as string[],
};

function record(p: Probe, res: Page) {
  figures.requests++;
  const problem = judge(p, res);
  if (problem) figures.failures.push(problem);
  const denied = p.expected.kind !== 'allow' && p.expected.kind !== 'public';
  if (denied && res.status >= 200 && res.status < 300) figures.unexpected2xx++;
  if (p.expected.kind === 'private404' && res.status === 403) figures.forbiddenWhere404Expected++;
  if (p.expected.kind === 'allow') figures.ownerControls++;
  else if (p.expected.kind === 'public') figures.publicPages++;
  else figures.refused++;
  if (p.expected.kind === 'allow' && res.status >= 200 && res.status < 300)
    figures.owner2xx.add(`${p.route.method} ${p.route.path}`);
  if (p.objects.some((o) => o.capability) && p.expected.kind === 'allow') return;
  const text = seen(res);
  const forbidden = forbiddenMarkers(world, p.principal);
  for (const marker of Object.values(world.markers)) {
    if (!forbidden.includes(marker) && text.includes(marker)) figures.markersShown.add(marker);
  }
  for (const marker of forbidden) {
    if (text.includes(marker)) {
      figures.leaks++;
      figures.failures.push(
        `${p.principal} ${p.route.method} ${p.url} → ${res.status}: shows marker ${marker}`,
      );
    }
  }
}

/** Every row of the tables that hold people's data, hashed: a refused request must change none. */
async function fingerprint(): Promise<Record<string, string>> {
  const tables = [
    'accounts',
    'seekers',
    'employers',
    'staff_members',
    'job_postings',
    'applications',
    'application_drafts',
    'application_documents',
    'referral_letters',
    'referrals',
    'counselling_sessions',
    'thread_entries',
    'interview_offers',
    'interview_slots',
    'saved_searches',
    'favorites',
    'inbox_messages',
    'registration_validity_history',
    'kept_forms',
  ];
  const out: Record<string, string> = {};
  for (const t of tables) {
    const rows = await queryRows<Record<string, unknown>>(
      ctx.db,
      sql.raw(`select to_jsonb(x) as r from ${t} x order by to_jsonb(x)::text`),
    );
    out[t] = createHash('sha256').update(JSON.stringify(rows)).digest('hex');
  }
  return out;
}

/** A staff probe judged against the record's home office as it is now (an earlier 求職登録 may have set it). */
async function withCurrentHome(p: Probe): Promise<Probe> {
  if (!p.objects.some((o) => o.homeFromDb)) return p;
  const objects = await Promise.all(
    p.objects.map(async (o) => {
      if (!o.homeFromDb) return o;
      const [row] = await ctx.db
        .select({ office: seekers.officeCode })
        .from(seekers)
        .where(eq(seekers.id, o.value));
      return { ...o, home: row?.office ?? null };
    }),
  );
  return { ...p, objects, expected: expectationFor(p.route, p.principal, objects) };
}

describe('C1 the IDOR matrix', () => {
  it('C1 every route is in the matrix: each parameter is filled with the objects of the world', () => {
    const built = probes(routes, world);
    matrix = built.probes;
    notSent = built.notSent;
    const keys = new Set(routes.map((r) => `${r.method} ${r.path}`));
    expect(
      Object.keys(LEFT_OUT).filter((k) => !keys.has(k)),
      'stale LEFT_OUT entries',
    ).toEqual([]);
    // A new route whose parameter the matrix cannot fill fails here, by name: add its objects to idor-routes.ts.
    expect(built.unfilled).toEqual([]);
    const parameterised = routes.filter((r) => r.params.length > 0 && !LEFT_OUT[`${r.method} ${r.path}`]);
    const uncontrolled = parameterised
      .filter((r) => !matrix.some((p) => p.route === r && p.expected.kind === 'allow'))
      .map((r) => `${r.method} ${r.path}`);
    expect(uncontrolled, 'parameterised routes without an owner positive control').toEqual(
      Object.keys(NO_OWNER_CONTROL),
    );
    expect(matrix.length).toBeGreaterThan(1000);
  });

  it('C1 every refused request: 0 × 2xx, 404 where existence is private, no private marker, no row changed', async () => {
    const before = await fingerprint();
    // A stale interview form on one's own thread answers with the thread page, which marks its new
    // entries read as any view of it does: the owner's own request, sent after the fingerprint.
    const ownStale = (x: Probe) => x.expected.kind === 'refused' && x.expected.status === 409;
    for (const p of matrix.filter((x) => x.expected.kind !== 'allow' && !ownStale(x)))
      record(p, await send(p));
    const after = await fingerprint();
    const changed = Object.keys(before).filter((t) => before[t] !== after[t]);
    figures.tablesChangedByRefused = changed.length;
    for (const p of matrix.filter(ownStale)) record(p, await send(p));
    expect(figures.failures).toEqual([]);
    expect(figures.unexpected2xx).toBe(0);
    expect(figures.forbiddenWhere404Expected).toBe(0);
    expect(changed).toEqual([]);
  }, 400_000);

  it('C1 owner positive control, GET: each owner gets 2xx on its own object of every route', async () => {
    for (const p of matrix.filter((x) => x.expected.kind === 'allow' && x.route.method === 'GET')) {
      record(p, await send(p));
    }
    expect(figures.failures).toEqual([]);
    // Every parameterised GET route showed its owner a page, but the steps that need the step before.
    const without2xx = routes
      .filter((r) => r.method === 'GET' && r.params.length > 0)
      .map((r) => `${r.method} ${r.path}`)
      .filter((k) => !LEFT_OUT[k] && !NO_OWNER_CONTROL[k] && !figures.owner2xx.has(k));
    expect(without2xx.sort()).toEqual(Object.keys(STEP_ROUTES).sort());
  }, 300_000);
});

describe('C1 mass assignment', () => {
  const tried: string[] = [];
  let changed = 0;

  /** Extra fields no form has, naming other people's ids and privileged values. */
  const extras = (): Fields => {
    const { people, jobs } = world;
    return {
      id: randomUUID(),
      accountId: people.seekerB.account.id,
      seekerId: people.seekerB.seeker.id,
      employerId: people.employerY.employer.id,
      staffId: people.staff2.staff.id,
      officeCode: '13020',
      jobId: String(jobs.hidden.id),
      applicationId: world.ids.otherApplication,
      role: 'staff',
      status: 'open',
      state: 'hired',
      kind: 'internet',
      jobNumber: '13020-00000001',
      createdAt: '2000-01-01T00:00:00Z',
      author: 'employer',
    };
  };
  const count = (fields: Fields) => tried.push(...Object.keys(fields));

  function same(
    label: string,
    before: Record<string, unknown>,
    after: Record<string, unknown>,
    columns: string[],
  ) {
    for (const c of columns) {
      if (JSON.stringify(before[c]) !== JSON.stringify(after[c])) {
        changed++;
        throw new Error(`${label}: column ${c} changed from ${String(before[c])} to ${String(after[c])}`);
      }
    }
  }

  it('C1 a seeker’s settings, saved search, favourite, message and application keep their owner and state', async () => {
    const { people, principals } = world;
    const a = principals.seekerA.client;
    const aId = people.seekerA.seeker.id;
    const extra = extras();

    const seekerBefore = (await ctx.db.select().from(seekers).where(eq(seekers.id, aId)))[0]!;
    const accountBefore = (
      await ctx.db.select().from(accounts).where(eq(accounts.id, people.seekerA.account.id))
    )[0]!;
    await a.get('/mypage/settings');
    const desired = await a.post('/mypage/settings/desired', { ...extra, occupation: '介護' });
    count(extra);
    expect(desired.status).toBeLessThan(500);
    const seekerAfter = (await ctx.db.select().from(seekers).where(eq(seekers.id, aId)))[0]!;
    const accountAfter = (
      await ctx.db.select().from(accounts).where(eq(accounts.id, people.seekerA.account.id))
    )[0]!;
    same('seeker', seekerBefore, seekerAfter, [
      'id',
      'accountId',
      'kind',
      'officeCode',
      'seekerNumber',
      'active',
      'validUntil',
      'createdAt',
    ]);
    same('account', accountBefore, accountAfter, ['id', 'role', 'email', 'passwordHash', 'createdAt']);

    await a.get('/mypage/searches');
    await a.post('/mypage/searches', { ...extras(), name: '追加の条件', query: 'kw=介護' });
    count(extra);
    const mine = await ctx.db.select().from(savedSearches).where(eq(savedSearches.name, '追加の条件'));
    expect(mine.map((r) => r.seekerId)).toEqual([aId]);
    expect(mine[0]!.id).not.toBe(extra.id);
    expect(
      await ctx.db.select().from(savedSearches).where(eq(savedSearches.seekerId, people.seekerB.seeker.id)),
    ).toEqual([]);

    const fav = await createJob(ctx.deps, { officeCode: '13010' }, people.employerX.employer);
    await a.get('/mypage/favorites');
    expect((await a.post('/mypage/favorites', { ...extras(), jobNumber: fav.jobNumber })).status).toBe(303);
    count(extra);
    const favs = await ctx.db.select().from(favorites).where(eq(favorites.jobId, fav.id));
    expect(favs.map((r) => r.seekerId)).toEqual([aId]);

    const thread = `/mypage/applications/${world.ids.direct}/messages`;
    const form = (await a.get(thread)).hiddenForm('#message-form');
    const wrote = await a.post(form.action, { ...extras(), ...form.fields, body: '追加の質問です。' });
    count(extra);
    expect(wrote.status).toBe(303);
    const entries = await ctx.db
      .select()
      .from(threadEntries)
      .where(eq(threadEntries.body, '追加の質問です。'));
    expect(entries.map((e) => [e.applicationId, e.author])).toEqual([[world.ids.direct, 'seeker']]);

    // オンライン自主応募 with the extras on the form and on 「応募」.
    const job = await createJob(
      ctx.deps,
      { officeCode: '13010', acceptsOnlineApplication: true, documentMethods: ['post'] },
      people.employerX.employer,
    );
    const parts = Object.entries(extras()).map(([name, value]) => ({ name, value: String(value) }));
    const id = await applyAt(a, `/mypage/jobs/${job.jobNumber}/apply`, [], { parts, submit: extras() });
    count(extra);
    count(extra);
    const [row] = await ctx.db.select().from(applications).where(eq(applications.id, id));
    expect([row!.seekerId, row!.employerId, row!.jobId, row!.state, row!.route]).toEqual([
      aId,
      people.employerX.employer.id,
      job.id,
      'applied',
      'direct',
    ]);
  });

  it('C1 an employer’s new job and settings, a staff member’s counselling and new seeker keep owner, office and state', async () => {
    const { people, principals, jobs } = world;
    const x = principals.employerX.client;
    await x.get('/employer/jobs/new');
    const extra = extras();
    const created = await x.post('/employer/jobs/new', {
      ...leafletJobForm({ title: '追加の求人' }),
      ...extra,
      action: 'submit',
    });
    count(extra);
    expect(created.status).toBe(303);
    const made = await ctx.db.select().from(jobPostings).where(eq(jobPostings.title, '追加の求人'));
    expect(made.map((j) => [j.employerId, j.officeCode, j.status, j.jobNumber])).toEqual([
      [people.employerX.employer.id, '13010', 'submitted', null],
    ]);

    const before = (await ctx.db.select().from(jobPostings).where(eq(jobPostings.id, jobs.open.id)))[0]!;
    await x.get(`/employer/jobs/${jobs.open.id}`);
    const settings = await x.post(`/employer/jobs/${jobs.open.id}/settings`, {
      ...extras(),
      documentMethods: ['mypage', 'post'],
      acceptsOnlineApplication: 'yes',
    });
    count(extra);
    expect(settings.status).toBeLessThan(500);
    const after = (await ctx.db.select().from(jobPostings).where(eq(jobPostings.id, jobs.open.id)))[0]!;
    same('job', before, after, [
      'id',
      'employerId',
      'officeCode',
      'status',
      'jobNumber',
      'acceptedOn',
      'createdAt',
      'publicationScope',
    ]);

    // Staff: a 職業相談 for A records A and the signed-in staff member, whatever the form says.
    const s1 = principals.staff1.client;
    const aId = people.seekerA.seeker.id;
    await s1.get(`/staff/seekers/${aId}`);
    const heldOn = '2026-11-20';
    const counselled = await s1.post(`/staff/seekers/${aId}/counselling`, {
      ...extras(),
      heldOn,
      desiredConditions: '追加の相談',
      notes: '',
    });
    count(extra);
    expect(counselled.status).toBeLessThan(500);
    const sessions = await ctx.db
      .select()
      .from(counsellingSessions)
      .where(eq(counsellingSessions.desiredConditions, '追加の相談'));
    expect(sessions.map((r) => [r.seekerId, r.staffId])).toEqual([[aId, people.staff1.staff.id]]);

    // Staff of 13020 registering a seeker at the counter: the seeker's office is the staff member's own.
    const s2 = principals.staff2.client;
    const fields = { ...seekerRegistrationForm({ name: '追加 登録' }), ...extras() };
    const registered = await s2.submit('/staff/seekers/new', fields);
    count(extra);
    expect(registered.status).toBe(200);
    const made2 = await ctx.db.select().from(seekers).where(eq(seekers.name, '追加 登録'));
    expect(made2.map((r) => [r.officeCode, r.kind, r.seekerNumber?.slice(0, 5)])).toEqual([
      ['13020', 'registered', '13020'],
    ]);
    expect(made2[0]!.id).not.toBe(fields.id);
    report(
      'C1',
      'mass assignment: seeker, employer and staff forms posted with extra owner, office, state and id fields',
      { fieldsTried: tried.length, distinctFields: new Set(tried).size, changed },
      '0 columns changed',
    );
    expect(changed).toBe(0);
  });
});

describe('C1 owner positive control, POST', () => {
  it('C1 each owner’s post passes the guards on its own object (destructive routes last); then the figures', async () => {
    const last = /(delete|cancel|close|complete|decline|stop)/;
    const posts = matrix
      .filter((x) => x.expected.kind === 'allow' && x.route.method === 'POST')
      .sort((p, q) => Number(last.test(p.url)) - Number(last.test(q.url)));
    for (const planned of posts) {
      const p = await withCurrentHome(planned);
      record(p, await send(p));
    }
    expect(figures.failures).toEqual([]);
    expect([...figures.markersShown].sort(), 'every marker is shown to someone allowed').toEqual(
      Object.values(world.markers).sort(),
    );
    report(
      'C1',
      'IDOR matrix: 8 principals × every GET/POST route (from app.routes) × every object id (applications, document, interview, 紹介状, referral, inbox, saved search, stop link, favourites, jobs, staff records)',
      {
        routes: routes.length,
        routesLeftOut: Object.keys(LEFT_OUT).length,
        parameterisedRoutes: routes.filter((r) => r.params.length > 0).length,
        principals: PRINCIPALS.length,
        requests: figures.requests,
        refused: figures.refused,
        ownerControls: figures.ownerControls,
        publicPages: figures.publicPages,
        ownFormPostsNotSent: notSent.length,
        unexpected2xx: figures.unexpected2xx,
        forbiddenWhere404Expected: figures.forbiddenWhere404Expected,
        markerLeaks: figures.leaks,
        markersShownToOwners: figures.markersShown.size,
        tablesChangedByRefused: figures.tablesChangedByRefused,
        seconds: Math.round((Date.now() - started) / 1000),
      },
      '0 unexpected 2xx; 404 (not 403) where existence is private; 0 private markers shown to others; 0 rows changed by refused requests',
    );
  }, 300_000);
});
