/**
 * `npm run bench:http` (issue 13): the public pages side by side in one run — the top page, 求人検索
 * results (no conditions; a 2-character word; a word with two filters), a job page and /healthz —
 * against a bare Hono + hono/jsx page of similar size rendered from memory (bench/reference-server.tsx),
 * each as a ratio to that ceiling; req/s and p50/p95/p99 at 10 and 50 connections; the server's RSS.
 * Ratios taken in one run are the figures to trust on a shared machine.
 *
 * Engines:
 * - the embedded default: `npm start`'s own process (src/main.ts: web, worker, demo seed) on a fresh
 *   PGlite data directory, in production mode;
 * - PostgreSQL: src/server.ts against BENCH_DATABASE_URL (the 1.3 M postings `npm run bench:search`
 *   loads); skipped with a line in the report when that database has no postings.
 *
 * Environment (all optional):
 *   BENCH_DATABASE_URL    postgres://postgres@127.0.0.1:5432/hw_bench
 *   BENCH_ENGINES         pglite,postgresql
 *   BENCH_HTTP_SECONDS    seconds per page and connection count (10)
 *   BENCH_CONNECTIONS     10,50
 *   BENCH_PROFILE         1: after the measurements, a CPU profile of each page under 10 connections
 *                         (BENCH_PROFILE_SECONDS, 5), taken over the inspector (bench/inspector.ts) and
 *                         summarised by area (bench/cpu-profile.ts); 0 skips it (default 1)
 *   BENCH_OUT             the report file (docs/benchmarks.md); BENCH_OUT=- prints it instead
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { type Database, openPostgres, queryRows } from '../src/db/client.ts';
import { CATEGORIES, type ProfileSummary, summarizeProfile } from './cpu-profile.ts';
import { machineFacts } from './facts.ts';
import { freePort, type HttpResult, loadTest, procStatus, startWebServer, type WebServer } from './http.ts';
import { connectProfiler } from './inspector.ts';
import { writeBlock } from './report.ts';
import { bytes, count, ms, table } from './stats.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = {
  databaseUrl: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/hw_bench',
  engines: (process.env.BENCH_ENGINES ?? 'pglite,postgresql').split(',').map((s) => s.trim()),
  seconds: Number(process.env.BENCH_HTTP_SECONDS ?? 10),
  connections: (process.env.BENCH_CONNECTIONS ?? '10,50').split(',').map(Number),
  profile: process.env.BENCH_PROFILE !== '0',
  profileSeconds: Number(process.env.BENCH_PROFILE_SECONDS ?? 5),
  out:
    process.env.BENCH_OUT === '-' ? null : path.resolve(ROOT, process.env.BENCH_OUT || 'docs/benchmarks.md'),
};

/** The issue's targets, judged at 10 connections (2 cores shared with the database and the load). */
interface Target {
  rps: number;
  p95: number;
}

interface PageCase {
  id: string;
  label: string;
  path: string;
  target: Target | null;
}

const RESULTS_TARGET: Target = { rps: 200, p95: 150 };

function pages(jobPath: string): PageCase[] {
  return [
    { id: 'top', label: 'top `/`', path: '/', target: { rps: 500, p95: 30 } },
    { id: 'results', label: 'results, no conditions', path: '/jobs', target: RESULTS_TARGET },
    {
      id: 'results-kw',
      label: 'results `kw=介護`',
      path: `/jobs?kw=${encodeURIComponent('介護')}`,
      target: RESULTS_TARGET,
    },
    {
      id: 'results-kw-filters',
      label: 'results `kw=介護&pref=13&emp=regular`',
      path: `/jobs?kw=${encodeURIComponent('介護')}&pref=13&emp=regular`,
      target: { rps: 150, p95: 200 },
    },
    { id: 'detail', label: 'job detail', path: jobPath, target: { rps: 1000, p95: 20 } },
    { id: 'healthz', label: '/healthz', path: '/healthz', target: null },
  ];
}

interface Row {
  page: PageCase;
  result: HttpResult;
  /** Body size of one plain GET (no compression asked for). */
  htmlBytes: number;
  rssAfter: number;
}

interface ProfiledPage {
  page: PageCase;
  result: HttpResult;
  summary: ProfileSummary;
}

interface EngineRun {
  engine: string;
  note: string;
  reference: Map<number, HttpResult>;
  referenceBytes: number;
  rows: Row[];
  peakRss: number;
  profiles: ProfiledPage[];
}

async function bodyBytes(server: WebServer, pathAndQuery: string): Promise<number> {
  const res = await fetch(`${server.baseUrl}${pathAndQuery}`, { headers: { 'accept-encoding': 'identity' } });
  return (await res.arrayBuffer()).byteLength;
}

/** A job page that exists: the first result of an unconditioned search. */
async function firstJobPath(server: WebServer): Promise<string> {
  const html = await (await fetch(`${server.baseUrl}/jobs`)).text();
  const number = /href="\/jobs\/(\d{5}-\d{8})"/.exec(html)?.[1];
  if (!number) throw new Error('the results page lists no job: nothing to load as a job page');
  return `/jobs/${number}`;
}

async function measureReference(): Promise<{ results: Map<number, HttpResult>; htmlBytes: number }> {
  const server = await startWebServer(undefined, ROOT, { entry: 'bench/reference-server.tsx' });
  try {
    const results = new Map<number, HttpResult>();
    for (const connections of env.connections) {
      results.set(
        connections,
        await loadTest(server, 'reference', '/', { seconds: env.seconds, connections }),
      );
    }
    return { results, htmlBytes: await bodyBytes(server, '/') };
  } finally {
    await server.stop();
  }
}

async function measurePages(
  server: WebServer,
  db?: Database,
  inspectPort?: number,
): Promise<{ rows: Row[]; peakRss: number; profiles: ProfiledPage[] }> {
  const rows: Row[] = [];
  const cases = pages(await firstJobPath(server));
  for (const connections of env.connections) {
    for (const page of cases) {
      const result = await loadTest(server, page.id, page.path, { seconds: env.seconds, connections }, db);
      rows.push({
        page,
        result,
        htmlBytes: await bodyBytes(server, page.path),
        rssAfter: procStatus(server.pid).rss,
      });
      process.stdout.write(
        `  ${page.id} c=${connections}: ${result.requestsPerSecond.toFixed(0)} req/s p95 ${ms(result.p95)} ms\n`,
      );
    }
  }
  const peakRss = procStatus(server.pid).hwm;
  return { rows, peakRss, profiles: inspectPort ? await profilePages(server, cases, inspectPort, db) : [] };
}

/** Each page again under 10 connections with V8's sampling profiler on, one profile per page. */
async function profilePages(
  server: WebServer,
  cases: PageCase[],
  inspectPort: number,
  db?: Database,
): Promise<ProfiledPage[]> {
  const profiler = await connectProfiler(inspectPort);
  const profiled: ProfiledPage[] = [];
  try {
    for (const page of cases) {
      let result: HttpResult | undefined;
      const profile = await profiler.around(async () => {
        result = await loadTest(
          server,
          page.id,
          page.path,
          { seconds: env.profileSeconds, connections: 10 },
          db,
        );
      });
      profiled.push({ page, result: result!, summary: summarizeProfile(profile, 5) });
      process.stdout.write(`  profiled ${page.id}\n`);
    }
  } finally {
    profiler.close();
  }
  return profiled;
}

/** The ceiling, then the app's pages on the server `start` starts (stopped afterwards). */
async function measureEngine(
  engine: string,
  note: string,
  start: (nodeArgs: string[]) => Promise<WebServer>,
  db?: Database,
): Promise<EngineRun> {
  const reference = await measureReference();
  const inspectPort = env.profile ? await freePort() : undefined;
  const server = await start(inspectPort ? [`--inspect=127.0.0.1:${inspectPort}`] : []);
  try {
    const { rows, peakRss, profiles } = await measurePages(server, db, inspectPort);
    return {
      engine,
      note,
      reference: reference.results,
      referenceBytes: reference.htmlBytes,
      rows,
      peakRss,
      profiles,
    };
  } finally {
    await server.stop();
  }
}

function runPglite(): Promise<EngineRun> {
  process.stdout.write('embedded PGlite (npm start: web, worker and demo seed in one process)\n');
  return measureEngine(
    'pglite',
    '`npm start` (src/main.ts) on a fresh data directory with the demo seed of 2,000 jobs (`SEED_JOBS=2000`, as in the runs before the default became 600), NODE_ENV=production',
    (nodeArgs) =>
      startWebServer(undefined, ROOT, {
        entry: 'src/main.ts',
        env: { SEED_DEMO: 'true', SEED_JOBS: '2000' },
        nodeArgs,
      }),
  );
}

async function runPostgres(): Promise<EngineRun | string> {
  let handle: Awaited<ReturnType<typeof openPostgres>>;
  try {
    handle = await openPostgres(env.databaseUrl);
  } catch (error) {
    return `PostgreSQL not measured: ${env.databaseUrl} cannot be opened (${(error as Error).message}); load it with \`npm run bench:search\`.`;
  }
  try {
    const [row] = await queryRows<{ n: number }>(
      handle.db,
      sql`select count(*)::int as n from job_postings where status = 'open'`,
    ).catch(() => [{ n: 0 }]);
    const postings = row?.n ?? 0;
    if (postings === 0)
      return `PostgreSQL not measured: ${env.databaseUrl} holds no open postings; load them with \`npm run bench:search\`.`;
    process.stdout.write(`PostgreSQL (${count(postings)} open postings)\n`);
    return await measureEngine(
      'postgresql',
      `src/server.ts against ${count(postings)} open postings, NODE_ENV=production`,
      (nodeArgs) => startWebServer(env.databaseUrl, ROOT, { nodeArgs }),
      handle.db,
    );
  } finally {
    await handle.close();
  }
}

function verdict(row: Row): string {
  const t = row.page.target;
  if (!t || row.result.connections !== 10) return '';
  const ok = row.result.requestsPerSecond >= t.rps && row.result.p95 <= t.p95;
  return `${ok ? 'met' : '**not met**'} (≥ ${count(t.rps)} req/s, p95 ≤ ${t.p95} ms)`;
}

function engineBlock(run: EngineRun): string {
  const header = [
    'page',
    'conn.',
    'req/s',
    'ratio to ceiling',
    'p50',
    'p95',
    'p99',
    'non-2xx',
    'HTML',
    'target at 10 conn.',
  ];
  const lines: string[][] = [];
  for (const connections of env.connections) {
    const ref = run.reference.get(connections);
    if (ref)
      lines.push([
        'ceiling: bare Hono page from memory',
        String(connections),
        ref.requestsPerSecond.toFixed(0),
        '1',
        ms(ref.p50),
        ms(ref.p95),
        ms(ref.p99),
        String(ref.non2xx),
        bytes(run.referenceBytes),
        '',
      ]);
    for (const row of run.rows.filter((r) => r.result.connections === connections)) {
      const r = row.result;
      lines.push([
        row.page.label,
        String(connections),
        r.requestsPerSecond.toFixed(0),
        ref ? (r.requestsPerSecond / ref.requestsPerSecond).toFixed(3) : '–',
        ms(r.p50),
        ms(r.p95),
        ms(r.p99),
        String(r.non2xx + r.errors + r.timeouts),
        bytes(row.htmlBytes),
        verdict(row),
      ]);
    }
  }
  return [
    `#### ${run.engine === 'pglite' ? 'Embedded PGlite (the default)' : 'PostgreSQL 15'}`,
    '',
    `${run.note}; ${env.seconds} s per page and connection count; latency in ms, client side.`,
    `Server RSS: ${bytes(run.rows.at(-1)?.rssAfter ?? 0)} at the end, peak ${bytes(run.peakRss)}.`,
    '',
    table(header, lines, ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l']),
    ...profileBlock(run.profiles),
  ].join('\n');
}

const pct = (share: number) => `${(share * 100).toFixed(0)} %`;

/** Where the server's main thread spent each page's time (self time, idle excluded). */
function profileBlock(profiles: ProfiledPage[]): string[] {
  if (profiles.length === 0) return [];
  const shown = CATEGORIES.filter((c) => profiles.some((p) => (p.summary.categories.get(c) ?? 0) >= 0.005));
  const header = ['page', 'req/s profiled', 'main thread busy', 'busy per request', ...shown];
  const lines = profiles.map(({ page, result, summary }) => [
    page.label,
    result.requestsPerSecond.toFixed(0),
    pct(summary.busyMs / summary.wallMs),
    `${ms(summary.busyMs / Math.max(result.requests, 1))} ms`,
    ...shown.map((c) => pct(summary.categories.get(c) ?? 0)),
  ]);
  return [
    '',
    `CPU profile of the server's main thread, each page again for ${env.profileSeconds} s at 10 connections with V8's sampling profiler (1 ms) on; shares of the busy time by where the code lives (\`bench/cpu-profile.ts\`):`,
    '',
    table(header, lines, ['l', 'r', 'r', 'r', ...shown.map(() => 'r' as const)]),
    '',
    'Heaviest functions (self time, share of busy time):',
    '',
    ...profiles.map(
      ({ page, summary }) =>
        `- ${page.label}: ${summary.functions
          .slice(0, 4)
          .map((f) => `${f.name.replace(/`/g, '')} ${pct(f.share)}`)
          .join(' · ')}`,
    ),
  ];
}

const START = '<!-- bench:http:start -->';
const END = '<!-- bench:http:end -->';

function writeReport(block: string): void {
  if (!env.out) {
    process.stdout.write(`${block}\n`);
    return;
  }
  writeBlock(env.out, START, END, block);
  process.stdout.write(`written to ${env.out}\n`);
}

const facts = machineFacts();
const loadBefore = os.loadavg()[0]!;
const blocks: string[] = [];
if (env.engines.includes('pglite')) blocks.push(engineBlock(await runPglite()));
if (env.engines.includes('postgresql')) {
  const run = await runPostgres();
  blocks.push(typeof run === 'string' ? run : engineBlock(run));
}
writeReport(
  [
    START,
    '',
    `### Pages side by side (\`npm run bench:http\`, ${new Date().toISOString().slice(0, 10)})`,
    '',
    `${facts.cpus} × ${facts.cpuModel}, ${bytes(facts.memoryBytes)}, Node ${facts.node}; autocannon in this process, the`,
    'server a child process on the same machine. The ratio is req/s divided by the ceiling’s at the same',
    'connection count, measured minutes apart in the same run.',
    `Load average (1 min) ${loadBefore.toFixed(1)} at the start and ${os.loadavg()[0]!.toFixed(1)} at the end of the run.`,
    '',
    blocks.join('\n\n'),
    '',
    END,
  ].join('\n'),
);
