/**
 * `npm run bench:cluster`: a load test of the cluster (issue 17 "A load test of the cluster",
 * ADR 0031). A throwaway PostgreSQL 15 primary and hot standby (tests/support/pg-standby.ts) get
 * jobs and seekers; then real web servers (src/server.ts in production mode, what `npm run
 * start:web` runs) are loaded with a mixed workload by closed-loop virtual users:
 *
 *   70 % 求人検索 (GET /jobs?…)   20 % job detail (GET /jobs/:number)
 *    8 % sign-in and MyPage (GET /login, POST /login, GET /mypage)
 *    2 % オンライン自主応募 without documents (form, 次へ進む, confirm, 応募: four requests)
 *
 * in three set-ups: one web server on the primary; two web servers on two ports (the client
 * round-robins users over them) on the same primary; the same two with DATABASE_READ_URL on the
 * standby. autocannon is installed but drives one fixed request list per connection; sign-in and
 * apply need per-user cookies and CSRF tokens read from the previous page, so the users here are a
 * small Node loop of the same kind (N connections, each sends its next request when the previous
 * answered). Each request's time to the end of its body is recorded; req/s counts every request.
 * The figures go to the "Cluster" section of docs/benchmarks.md.
 *
 * Environment (all optional):
 *   BENCH_USERS     virtual users at once (16)
 *   BENCH_SECONDS   seconds of load per set-up (20), after BENCH_WARMUP seconds not counted (3)
 *   BENCH_JOBS      jobs written (3000)   BENCH_SEEKERS  seekers with MyPage (40)
 *   BENCH_OUT       the report file (docs/benchmarks.md); BENCH_OUT=- prints it instead
 *   BENCH_SETUPS    set-ups in order (one,two,two-standby,one-standby,one): one | two web servers,
 *                   with -standby for DATABASE_READ_URL; a repeat shows the machine's drift
 */
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { buildDeps } from '../src/compose.ts';
import { loadConfig } from '../src/config.ts';
import { createJobsInBulk, createSeeker } from '../tests/support/factories.ts';
import { type PgPair, startPrimaryAndStandby } from '../tests/support/pg-standby.ts';
import { MULTIPART_TYPE, multipartBody } from '../tests/support/upload-corpus.ts';
import { Browser, inputValue } from './apply-client.ts';
import { startWebServer, type WebServer } from './http.ts';
import { ms, summarize, table } from './stats.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SECTION_START = '<!-- bench:cluster:start -->';
const SECTION_END = '<!-- bench:cluster:end -->';

function envInt(name: string, fallback: number, min = 1): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) {
    process.stderr.write(`${name} must be a whole number of at least ${min} (got "${raw}")\n`);
    process.exit(2);
  }
  return n;
}

const env = {
  users: envInt('BENCH_USERS', 16),
  seconds: envInt('BENCH_SECONDS', 20),
  warmup: envInt('BENCH_WARMUP', 3, 0),
  jobs: envInt('BENCH_JOBS', 3000),
  seekers: envInt('BENCH_SEEKERS', 40),
  out: process.env.BENCH_OUT ?? path.join(ROOT, 'docs/benchmarks.md'),
  /** Set-ups in order; repeating one shows how much the shared machine drifted during the run. */
  setups: (process.env.BENCH_SETUPS ?? 'one,two,two-standby,one-standby,one').split(',').map((s) => s.trim()),
};

type Kind = 'search' | 'detail' | 'signin' | 'apply';
const KINDS: readonly Kind[] = ['search', 'detail', 'signin', 'apply'];
const MIX: readonly [Kind, number][] = [
  ['search', 0.7],
  ['detail', 0.2],
  ['signin', 0.08],
  ['apply', 0.02],
];

const SETUPS: Record<string, { label: string; count: number; standby: boolean }> = {
  one: { label: 'one web server, primary', count: 1, standby: false },
  two: { label: 'two web servers, primary', count: 2, standby: false },
  'one-standby': { label: 'one web server, public reads on the standby', count: 1, standby: true },
  'two-standby': { label: 'two web servers, public reads on the standby', count: 2, standby: true },
};

const KEYWORDS = ['介護', '事務', '営業', '看護', '製造', '販売', '運転', '調理', '保育', '清掃'];

/** A small seeded generator (xorshift32): every set-up gets the same sequence of actions. */
function random(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

interface Seeded {
  jobNumbers: string[];
  seekers: { email: string; password: string }[];
}

async function seed(primaryUrl: string): Promise<Seeded> {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: primaryUrl,
    LOG_LEVEL: 'warn',
    DATA_DIR: os.tmpdir(),
  });
  const { deps, close } = await buildDeps(config, { secret: 'bench-secret-bench-secret-bench-0000' });
  try {
    const jobNumbers = await createJobsInBulk(deps, env.jobs, () => ({
      acceptsOnlineApplication: true,
      documentMethods: ['mypage'],
    }));
    const seekers = [];
    for (let i = 0; i < env.seekers; i++) {
      const s = await createSeeker(deps);
      seekers.push({ email: s.email, password: s.password });
    }
    await deps.db.execute(sql`analyze`);
    return { jobNumbers, seekers };
  } finally {
    await close();
  }
}

interface Samples {
  byKind: Record<Kind, number[]>;
  all: number[];
  failures: number;
  failureExamples: string[];
  actions: Record<Kind, number>;
}

const emptySamples = (): Samples => ({
  byKind: { search: [], detail: [], signin: [], apply: [] },
  all: [],
  failures: 0,
  failureExamples: [],
  actions: { search: 0, detail: 0, signin: 0, apply: 0 },
});

class Failure extends Error {}

/** One virtual user: its own browser (cookies), its seeker, its own jobs to apply to. */
class User {
  private browser: Browser;
  private signedIn = false;
  private nextJob = 0;

  constructor(
    private readonly baseUrl: string,
    private readonly seeker: { email: string; password: string },
    private readonly applyJobs: string[],
    private readonly searchJobs: string[],
    private readonly rand: () => number,
  ) {
    this.browser = new Browser(baseUrl);
  }

  private async timed(s: Samples | null, kind: Kind, run: () => ReturnType<Browser['get']>, expect: number) {
    const res = await run();
    if (s) {
      s.byKind[kind].push(res.ms);
      s.all.push(res.ms);
    }
    if (res.status !== expect) throw new Failure(`${kind}: ${res.status}, expected ${expect}`);
    return res;
  }

  async act(s: Samples | null): Promise<void> {
    const r = this.rand();
    let acc = 0;
    let kind: Kind = 'search';
    for (const [k, p] of MIX) {
      acc += p;
      if (r < acc) {
        kind = k;
        break;
      }
    }
    if (s) s.actions[kind]++;
    if (kind === 'search') {
      const kw = KEYWORDS[Math.floor(this.rand() * KEYWORDS.length)]!;
      const q =
        this.rand() < 0.5 ? `kw=${encodeURIComponent(kw)}` : `kw=${encodeURIComponent(kw)}&pref=13&sort=new`;
      // Searches are anonymous visitors (a fresh browser): signed-in users read the primary by design.
      await this.timed(s, kind, () => new Browser(this.baseUrl).get(`/jobs?${q}`), 200);
    } else if (kind === 'detail') {
      const job = this.searchJobs[Math.floor(this.rand() * this.searchJobs.length)]!;
      await this.timed(s, kind, () => new Browser(this.baseUrl).get(`/jobs/${job}`), 200);
    } else if (kind === 'signin') {
      this.browser = new Browser(this.baseUrl);
      const form = await this.timed(s, kind, () => this.browser.get('/login'), 200);
      const csrf = inputValue(form.html, '_csrf') ?? '';
      const { email, password } = this.seeker;
      await this.timed(s, kind, () => this.browser.postForm('/login', { _csrf: csrf, email, password }), 303);
      await this.timed(s, kind, () => this.browser.get('/mypage'), 200);
      this.signedIn = true;
    } else {
      if (!this.signedIn) {
        const form = await this.browser.get('/login');
        await this.browser.postForm('/login', {
          _csrf: inputValue(form.html, '_csrf') ?? '',
          email: this.seeker.email,
          password: this.seeker.password,
        });
        this.signedIn = true;
      }
      const job = this.applyJobs[this.nextJob++ % this.applyJobs.length]!;
      const base = `/mypage/jobs/${job}/apply`;
      const form = await this.timed(s, kind, () => this.browser.get(base), 200);
      const csrf = inputValue(form.html, '_csrf') ?? '';
      const draft = inputValue(form.html, 'draft') ?? '';
      const body = multipartBody([
        { name: '_csrf', value: csrf },
        { name: 'draft', value: draft },
        { name: 'motivation', value: '貴社の理念に共感し、これまでの経験を活かしたいと考え応募いたします。' },
        { name: 'remarks', value: '' },
        { name: 'consent', value: 'yes' },
        { name: 'action', value: 'next' },
      ]);
      await this.timed(s, kind, () => this.browser.request('POST', base, body, MULTIPART_TYPE), 303);
      const confirm = await this.timed(
        s,
        kind,
        () => this.browser.get(`${base}/confirm?draft=${draft}`),
        200,
      );
      const submitCsrf = inputValue(confirm.html, '_csrf') ?? '';
      await this.timed(
        s,
        kind,
        () => this.browser.postForm(`${base}/submit`, { _csrf: submitCsrf, draft }),
        303,
      );
    }
  }
}

interface SetupResult {
  id: string;
  label: string;
  servers: number;
  standby: boolean;
  seconds: number;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  byKind: Record<Kind, { n: number; p95: number }>;
  failures: number;
  failureExamples: string[];
  actions: Record<Kind, number>;
  /** Transactions committed on the primary and on the standby during the set-up (pg_stat_database). */
  transactions?: { primary: number; standby: number };
}

async function runSetup(
  id: string,
  label: string,
  servers: WebServer[],
  standby: boolean,
  seeded: Seeded,
  userOffset: number,
): Promise<SetupResult> {
  // Each user gets its own seeker and its own slice of jobs to apply to (one application per job).
  const half = Math.floor(seeded.jobNumbers.length / 2);
  const perUser = Math.max(1, Math.floor(half / (env.users * env.setups.length)));
  const users = Array.from({ length: env.users }, (_, i) => {
    const server = servers[i % servers.length]!;
    const seeker = seeded.seekers[(userOffset + i) % seeded.seekers.length]!;
    const start = half + (userOffset + i) * perUser;
    const applyJobs = seeded.jobNumbers.slice(start, start + perUser);
    return new User(server.baseUrl, seeker, applyJobs, seeded.jobNumbers.slice(0, half), random(1000 + i));
  });
  const samples = emptySamples();
  let measuring: Samples | null = null;
  let stop = false;
  const loops = users.map(async (u) => {
    while (!stop) {
      const into = measuring;
      try {
        await u.act(into);
      } catch (error) {
        if (into) {
          into.failures++;
          if (into.failureExamples.length < 5) into.failureExamples.push((error as Error).message);
        }
      }
    }
  });
  await new Promise((r) => setTimeout(r, env.warmup * 1000));
  measuring = samples;
  const started = performance.now();
  await new Promise((r) => setTimeout(r, env.seconds * 1000));
  measuring = null;
  const seconds = (performance.now() - started) / 1000;
  stop = true;
  await Promise.all(loops);
  const all = summarize(samples.all);
  const byKind = Object.fromEntries(
    KINDS.map((k) => [k, { n: samples.byKind[k].length, p95: summarize(samples.byKind[k]).p95 }]),
  ) as SetupResult['byKind'];
  return {
    id,
    label,
    servers: servers.length,
    standby,
    seconds,
    requests: samples.all.length,
    rps: samples.all.length / seconds,
    p50: all.p50,
    p95: all.p95,
    byKind,
    failures: samples.failures,
    failureExamples: samples.failureExamples,
    actions: samples.actions,
  };
}

function report(results: SetupResult[], facts: string): string {
  const one = results.find((r) => r.id === 'one');
  const ones = results.filter((r) => r.id === 'one');
  const rows = results.map((r) => [
    r.label,
    String(r.requests),
    r.rps.toFixed(0),
    ms(r.p50),
    ms(r.p95),
    ms(r.byKind.search.p95),
    ms(r.byKind.detail.p95),
    ms(r.byKind.signin.p95),
    ms(r.byKind.apply.p95),
    one ? (r.rps / one.rps).toFixed(2) : '–',
    String(r.failures),
    r.transactions ? `${r.transactions.primary} / ${r.transactions.standby}` : '–',
  ]);
  const actions = results
    .map(
      (r) =>
        `${r.label}: ${KINDS.map((k) => `${k} ${r.actions[k]}`).join(', ')}${
          r.failureExamples.length ? `; failures e.g. ${r.failureExamples.join(' / ')}` : ''
        }`,
    )
    .join('\n- ');
  return [
    SECTION_START,
    '## Cluster: one web server, two, and reads from the standby (issue 17)',
    '',
    'Reproduce: `npm run bench:cluster` (a throwaway PostgreSQL 15 primary and hot standby in a temporary folder; nothing else is touched).',
    '',
    facts,
    '',
    table(
      [
        'set-up',
        'requests',
        'req/s',
        'p50 ms',
        'p95 ms',
        'search p95',
        'detail p95',
        'sign-in+MyPage p95',
        'apply p95',
        'ratio to one server',
        'failed actions',
        'transactions primary / standby',
      ],
      rows,
      ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
    '',
    `Ratios are to the first one-server run${
      ones.length > 1
        ? `; the one-server set-up ran again at the end at ${(ones[ones.length - 1]!.rps / ones[0]!.rps).toFixed(2)} × its first figure, which is how far the shared machine drifted meanwhile`
        : ''
    }.`,
    '',
    'Reading it: on this machine every process shares the same two cores, so a second web server or a standby adds no CPU — the ratio near 1 (or below) says the load is CPU-bound on the machine, not on one Node process, and the repeated set-up shows how much other sessions moved the figures. The "transactions" column proves where reads ran: with the standby about half of the transactions (the anonymous searches and job pages) are on it. Scaling needs the servers on their own machines.',
    '',
    `Actions done (each is 1 request, sign-in+MyPage 3, apply 4):\n- ${actions}`,
    '',
    SECTION_END,
  ].join('\n');
}

function writeReport(block: string): void {
  if (env.out === '-') {
    process.stdout.write(`${block}\n`);
    return;
  }
  let doc = readFileSync(env.out, 'utf8');
  const a = doc.indexOf(SECTION_START);
  const b = doc.indexOf(SECTION_END);
  doc =
    a >= 0 && b > a
      ? doc.slice(0, a) + block + doc.slice(b + SECTION_END.length)
      : `${doc.trimEnd()}\n\n${block}\n`;
  writeFileSync(env.out, doc);
  process.stdout.write(`written to ${env.out}\n`);
}

/** Committed transactions so far on each server (the standby counts the read-only ones it ran). */
async function transactions(pair: PgPair): Promise<{ primary: number; standby: number }> {
  const q = 'select sum(xact_commit)::bigint as n from pg_stat_database';
  const client = new pg.Client({ connectionString: pair.primaryUrl });
  await client.connect();
  try {
    // Statistics are flushed about once a second; wait for this backend's view to be fresh.
    await new Promise((r) => setTimeout(r, 1100));
    const primary = Number((await client.query<{ n: string }>(q)).rows[0]?.n ?? 0);
    const [row] = await pair.standbyQuery<{ n: string }>(q);
    return { primary, standby: Number(row?.n ?? 0) };
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const unknown = env.setups.filter((id) => !SETUPS[id]);
  if (unknown.length) {
    process.stderr.write(
      `BENCH_SETUPS: unknown ${unknown.join(', ')} (use ${Object.keys(SETUPS).join(', ')})\n`,
    );
    process.exit(2);
  }
  const pair = await startPrimaryAndStandby();
  const servers: WebServer[] = [];
  const stopServers = async () => {
    for (const s of servers.splice(0)) await s.stop();
  };
  try {
    process.stdout.write(`primary ${pair.primaryUrl}, standby ${pair.standbyUrl}; seeding…\n`);
    const seeded = await seed(pair.primaryUrl);
    await pair.waitForReplay(60_000);
    const common = { env: { DATABASE_POOL_MAX: '10', SEED_DEMO: 'false' } };
    const withStandby = { env: { ...common.env, DATABASE_READ_URL: pair.standbyUrl } };
    const results: SetupResult[] = [];
    const setups = env.setups.map((id, i) => ({
      ...SETUPS[id]!,
      id,
      label: env.setups.indexOf(id) < i ? `${SETUPS[id]!.label} (again)` : SETUPS[id]!.label,
    }));
    for (const [i, setup] of setups.entries()) {
      for (let n = 0; n < setup.count; n++) {
        servers.push(await startWebServer(pair.primaryUrl, ROOT, setup.standby ? withStandby : common));
      }
      process.stdout.write(`${setup.label}: ${env.users} users, ${env.seconds} s…\n`);
      const before = await transactions(pair);
      const r = await runSetup(setup.id, setup.label, servers, setup.standby, seeded, i * env.users);
      const after = await transactions(pair);
      r.transactions = { primary: after.primary - before.primary, standby: after.standby - before.standby };
      process.stdout.write(
        `  ${r.requests} requests, ${r.rps.toFixed(0)} req/s, p95 ${ms(r.p95)} ms, ${r.failures} failed\n`,
      );
      results.push(r);
      await stopServers();
    }
    const cpus = os.cpus();
    const facts = [
      `Machine: ${cpus.length} × ${cpus[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, shared with other work while it ran (load average at the end ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(
          ' / ',
        )}); the load generator, every web server, the primary and the standby all on these cores.`,
      `Data: ${seeded.jobNumbers.length} jobs, ${seeded.seekers.length} seekers; ${env.users} virtual users, each sending its next request when the last one answered; ${env.seconds} s measured per set-up after ${env.warmup} s of warm-up. Mix by action: search 70 %, job detail 20 %, sign-in and MyPage 8 %, apply 2 %. Web servers: \`src/server.ts\` in production mode, DATABASE_POOL_MAX 10 each; two servers get alternate users (round-robin in the client).`,
      `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
    ].join('\n\n');
    writeReport(report(results, facts));
  } finally {
    await stopServers();
    await pair.close();
  }
}

await main();
