/**
 * `npm run bench:search`: the Japanese keyword search at scale (SPEC SR-1), on PostgreSQL 15 with
 * about 1.3 M generated postings. Compares ours (bigram GIN, src/modules/search) with an ILIKE
 * scan and a pg_trgm index, checks that all three return identical results, times them per query
 * class, measures index sizes and build times, loads the real /jobs page over HTTP, and writes the
 * generated section of docs/benchmarks.md. See that file for how to reproduce.
 *
 * Environment (all optional):
 *   BENCH_DATABASE_URL  postgres://postgres@127.0.0.1:5432/hw_bench
 *   BENCH_RUNS          timed runs per query and implementation (20)
 *   BENCH_WARMUP        warm-up runs (3)
 *   BENCH_BUDGET_MS     timed runs of one query stop after this long in total (8000) …
 *   BENCH_MIN_RUNS      … but not before this many (5)
 *   BENCH_SLOW_MS       a first run slower than this (1000) gets one warm-up and BENCH_SLOW_RUNS runs
 *   BENCH_SLOW_RUNS     (3), fewer if they would take more than BENCH_SLOW_BUDGET_MS (8000) together
 *   BENCH_REINDEX=1     time `reindex index job_search_tokens_idx` (blocks searches meanwhile)
 *   BENCH_GIN_SECONDS   the bigram GIN build time from elsewhere, e.g. the seed's indexSeconds
 *   BENCH_KEEP_TRGM=1   leave bench_body_trgm_idx in place afterwards (default: dropped)
 *   BENCH_TRGM=0        skip the pg_trgm baseline (no index build; for quick partial runs)
 *   BENCH_HTTP=0        skip the HTTP load test; BENCH_HTTP_SECONDS (10), BENCH_HTTP_CONNECTIONS (10)
 *   BENCH_EXPLAIN       how many of the slowest queries to EXPLAIN (4)
 *   BENCH_ONLY          comma-separated query ids (a partial run writes a report only to BENCH_OUT)
 *   BENCH_TODAY         YYYY-MM-DD instead of today's Tokyo date
 *   BENCH_OUT           the report file (docs/benchmarks.md)
 *   BENCH_SECTION       a name: write the results into their own section (after the main one), e.g.
 *                       `documented` for a run with the operations guide's settings beside the stock run
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { type DbHandle, openPostgres, queryRows } from '../src/db/client.ts';
import { isLocalDate, tokyoDate } from '../src/platform/dates.ts';
import { explainQuery } from './explain.ts';
import {
  datasetFacts,
  machineFacts,
  pendingMigrations,
  readiness,
  relationSizes,
  serverFacts,
  tableIdentity,
} from './facts.ts';
import { type HttpResult, loadTest, settle, startWebServer } from './http.ts';
import { type Impl, prepare } from './implementations.ts';
import {
  buildTrigramIndex,
  dropTrigramIndex,
  GIN_INDEX,
  reindexGin,
  TRGM_INDEX,
  trigramIndexExists,
} from './indexes.ts';
import { type Mismatch, measure } from './measure.ts';
import { classOf, HTTP_QUERY_IDS, QUERIES } from './queries.ts';
import {
  type BuildFigure,
  type ExplainedQuery,
  type QueryResult,
  type RunReport,
  readPreviousNote,
  TARGET_P95_MS,
  writeReport,
} from './report.ts';
import { ms, summarize } from './stats.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/hw_bench';

function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) {
    process.stderr.write(`${name} must be a whole number (got "${raw}")\n`);
    process.exit(2);
  }
  return n;
}

const env = {
  url: process.env.BENCH_DATABASE_URL || DEFAULT_URL,
  runs: Math.max(1, envInt('BENCH_RUNS', 20)),
  warmups: Math.max(1, envInt('BENCH_WARMUP', 3)),
  budgetMs: envInt('BENCH_BUDGET_MS', 8000),
  minRuns: Math.max(1, envInt('BENCH_MIN_RUNS', 5)),
  slowMs: envInt('BENCH_SLOW_MS', 1000),
  slowRuns: Math.max(1, envInt('BENCH_SLOW_RUNS', 3)),
  slowBudgetMs: envInt('BENCH_SLOW_BUDGET_MS', 8000),
  reindex: process.env.BENCH_REINDEX === '1',
  ginSeconds: process.env.BENCH_GIN_SECONDS ? Number(process.env.BENCH_GIN_SECONDS) : null,
  keepTrgm: process.env.BENCH_KEEP_TRGM === '1',
  trgm: process.env.BENCH_TRGM !== '0',
  http: process.env.BENCH_HTTP !== '0',
  httpSeconds: Math.max(1, envInt('BENCH_HTTP_SECONDS', 10)),
  httpConnections: Math.max(1, envInt('BENCH_HTTP_CONNECTIONS', 10)),
  explain: envInt('BENCH_EXPLAIN', 4),
  only: (process.env.BENCH_ONLY ?? '').split(',').filter(Boolean),
  today: process.env.BENCH_TODAY,
  out: path.resolve(ROOT, process.env.BENCH_OUT || 'docs/benchmarks.md'),
  section: process.env.BENCH_SECTION || undefined,
};

const log = (line: string) => process.stderr.write(`${line}\n`);

/** A server-side cap so a pathological query cannot hang the run. */
function withStatementTimeout(url: string): string {
  const u = new URL(url);
  if (!u.searchParams.has('options')) u.searchParams.set('options', '-c statement_timeout=300000');
  return u.toString();
}

function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  u.search = '';
  return u.toString();
}

async function connect(): Promise<DbHandle> {
  const name = new URL(env.url).pathname.slice(1) || 'hw_bench';
  const seed = `  DATABASE_URL=${redact(env.url)} npm run seed -- --jobs 1300000   # about 10 minutes on 2 cores`;
  let handle: DbHandle;
  try {
    handle = await openPostgres(withStatementTimeout(env.url), 1);
  } catch (error) {
    const missing = (error as { code?: string }).code === '3D000';
    log(
      `bench: cannot connect to ${redact(env.url)}: ${(error as Error).message}\n` +
        (missing
          ? `Create and fill it with:\n  createdb -h 127.0.0.1 -U postgres ${name}\n${seed}`
          : 'Is PostgreSQL running, and is BENCH_DATABASE_URL right?'),
    );
    process.exit(1);
  }
  const ready = await readiness(handle.db);
  if (!ready.table || !ready.gin) {
    log(
      ready.table
        ? `bench: ${GIN_INDEX} does not exist (yet): the seed builds it after loading; wait for it to finish.`
        : `bench: ${redact(env.url)} has no job_search table. Fill it with:\n${seed}`,
    );
    await handle.close();
    process.exit(1);
  }
  const pending = await pendingMigrations(handle.db);
  if (pending.length > 0) {
    log(
      `bench: ${redact(env.url)} lacks ${pending.length} migration(s) the code expects: ${pending.join(', ')}.\n` +
        'The harness does not migrate the shared benchmark database itself (its web server would, at start-up).\n' +
        `Apply them first (a data migration may take minutes):\n  DATABASE_URL=${redact(env.url)} npm run migrate`,
    );
    await handle.close();
    process.exit(1);
  }
  if (!ready.trgmExtension) {
    log('bench: the pg_trgm extension is not available on this server (install postgresql-contrib).');
    await handle.close();
    process.exit(1);
  }
  return handle;
}

function gitCommit(): string {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src'], { cwd: ROOT })
      .toString()
      .trim();
    return dirty ? `${sha} (src/ modified)` : sha;
  } catch {
    return 'unknown';
  }
}

function progress(i: number, total: number, r: QueryResult, impls: Impl[]): void {
  const parts = impls.map((impl) => {
    const m = r.results[impl];
    if (!m) return '';
    const s = summarize(m.samples);
    const extra = impl === 'ours' ? ` (${m.outcome.strategy}, ${m.outcome.total})` : '';
    return `${impl} p50 ${ms(s.p50)} p95 ${ms(s.p95)} ms${extra}${m.capped ? ' [capped]' : ''}`;
  });
  log(`[${i + 1}/${total}] ${r.prepared.query.id.padEnd(28)} ${parts.filter(Boolean).join(' | ')}`);
}

/** Loads job_search, its TOAST table and its indexes into shared buffers (pg_prewarm, a contrib module). */
async function prewarm(db: DbHandle['db']): Promise<string> {
  try {
    await db.execute(sql`create extension if not exists pg_prewarm`);
    const rows = await queryRows<{ rel: string; blocks: number }>(
      db,
      sql`select r::text as rel, pg_prewarm(r)::int as blocks from (
            select c.oid::regclass as r from pg_class c where c.relname = 'job_search'
            union all select c.reltoastrelid::regclass from pg_class c where c.relname = 'job_search'
            union all select i.indexrelid::regclass from pg_index i where i.indrelid = 'job_search'::regclass) x`,
    );
    const blocks = rows.reduce((a, r) => a + Number(r.blocks), 0);
    const [buffers] = await queryRows<{ blocks: number }>(
      db,
      sql`select setting::int as blocks from pg_settings where name = 'shared_buffers'`,
    );
    const mib = (n: number) => Math.round((n * 8) / 1024);
    const kept = Math.min(blocks, Number(buffers?.blocks ?? 0));
    const line =
      `pg_prewarm read job_search, its TOAST and its indexes (${mib(blocks)} MiB) before the timed runs; ` +
      (kept < blocks
        ? `shared_buffers holds ${mib(kept)} MiB of it, the rest is served from the operating system's page cache or the disk`
        : 'all of it fits in shared_buffers');
    log(`bench: ${line}`);
    return line;
  } catch (error) {
    const line = `pg_prewarm not available (${(error as Error).message}); the first runs read from disk`;
    log(`bench: ${line}`);
    return line;
  }
}

async function main(): Promise<number> {
  const started = performance.now();
  const loadAtStart = os.loadavg();
  // The code under test is what was loaded now; someone may commit while the run goes on.
  const commit = gitCommit();
  const handle = await connect();
  const state = { trgmBuilt: false };
  try {
    return await run(handle, state, started, loadAtStart, commit);
  } finally {
    if (state.trgmBuilt && !env.keepTrgm) {
      log(`dropping ${TRGM_INDEX} (BENCH_KEEP_TRGM=1 keeps it)`);
      await dropTrigramIndex(handle).catch((e: Error) => log(`could not drop ${TRGM_INDEX}: ${e.message}`));
    }
    await handle.close();
  }
}

async function run(
  handle: DbHandle,
  state: { trgmBuilt: boolean },
  started: number,
  loadAtStart: number[],
  commit: string,
): Promise<number> {
  const db = handle.db;
  const today = env.today ?? tokyoDate(new Date());
  if (!isLocalDate(today)) throw new Error(`BENCH_TODAY must be YYYY-MM-DD (got ${today})`);
  const partial = env.only.length > 0;
  const selected = partial ? QUERIES.filter((q) => env.only.includes(q.id)) : [...QUERIES];
  if (selected.length === 0) throw new Error(`BENCH_ONLY matched no query id`);
  const prepared = selected.map((q) => prepare(q, today));
  const results: QueryResult[] = prepared.map((p) => ({ prepared: p, cls: classOf(p.query), results: {} }));
  const mismatches: Mismatch[] = [];
  const options = {
    runs: env.runs,
    warmups: env.warmups,
    budgetMs: env.budgetMs,
    minRuns: env.minRuns,
    slowMs: env.slowMs,
    slowRuns: env.slowRuns,
    slowBudgetMs: env.slowBudgetMs,
  };
  const failed = (): boolean => {
    if (mismatches.length === 0) return false;
    log(`\nFAILED: ${mismatches.length} result mismatch(es) — the implementations disagree:`);
    for (const m of mismatches) log(`  ${m.queryId} (/jobs?${m.query}) ours vs ${m.impl}:\n    ${m.detail}`);
    return true;
  };

  // Someone else may work on the same database: a rewritten table makes the phases incomparable.
  const identity = await tableIdentity(db);
  const notes: string[] = [];
  const checkTable = async (phase: string) => {
    const now = await tableIdentity(db);
    if (now.filenode !== identity.filenode)
      throw new Error(
        `job_search was replaced or rewritten during ${phase} (filenode ${identity.filenode} → ${now.filenode}); ` +
          'the phases are not comparable — run again when nobody else changes the database',
      );
    if (now.analyzed !== identity.analyzed && !notes.some((n) => n.startsWith('job_search was analysed'))) {
      notes.push(`job_search was analysed by someone else during ${phase} (statistics used by ours changed)`);
      log(`bench: warning: ${notes[notes.length - 1]}`);
    }
  };

  const dataset = await datasetFacts(db);
  log(
    `bench: ${dataset.searchRows.toLocaleString('en-US')} searchable postings in ${redact(env.url)}, today ${today}, ` +
      `${env.runs} runs (warm-up ${env.warmups}), ${prepared.length} queries`,
  );
  if (dataset.searchRows < 1_000_000)
    log('bench: warning: fewer than 1 M rows; the targets are stated for 1.3 M generated postings');

  // Warm cache, as promised: load the table, its TOAST (the tsvectors and texts) and its indexes
  // into shared buffers when pg_prewarm is there, so the first queries do not pay for disk reads.
  notes.push(await prewarm(db));

  // The trigram index must not exist while ours and the ILIKE scan run (the planner would use it).
  if (await trigramIndexExists(handle)) {
    log(`dropping a leftover ${TRGM_INDEX} before measuring ours and ILIKE`);
    await dropTrigramIndex(handle);
  }
  const sizes = await relationSizes(db);

  // Phase 1: ours and the ILIKE scan.
  log('\nphase 1: ours and ILIKE (no trigram index)');
  for (const [i, r] of results.entries()) {
    const ours = await measure(db, 'ours', r.prepared, options, null, mismatches);
    r.results.ours = ours;
    r.results.ilike = await measure(db, 'ilike', r.prepared, options, ours.outcome, mismatches);
    progress(i, results.length, r, ['ours', 'ilike']);
  }
  if (failed()) return 1;
  await checkTable('phase 1');

  // EXPLAIN of the slowest queries, before the trigram index exists (it would change the plans).
  const explained = await explainSlowest(handle, results);

  // Phase 2: pg_trgm.
  let trgmSeconds: number | null = null;
  if (env.trgm) {
    log(`\nphase 2: building ${TRGM_INDEX} (gin_trgm_ops on body) …`);
    trgmSeconds = await buildTrigramIndex(handle);
    state.trgmBuilt = true;
    log(`built in ${trgmSeconds.toFixed(1)} s`);
    // Listed before the total, which is taken without it.
    sizes.splice(-1, 0, ...(await relationSizes(db)).filter((x) => x.name === TRGM_INDEX));
    for (const [i, r] of results.entries()) {
      r.results.trgm = await measure(db, 'trgm', r.prepared, options, r.results.ours!.outcome, mismatches);
      progress(i, results.length, r, ['trgm']);
    }
    if (failed()) return 1;
    await checkTable('phase 2');
    if (!env.keepTrgm) {
      await dropTrigramIndex(handle);
      state.trgmBuilt = false;
      log(`dropped ${TRGM_INDEX}`);
    }
  }

  // Build time of the application's GIN index.
  const previous = await readPreviousNote(env.out);
  let gin: BuildFigure;
  let ginCarried = false;
  if (env.reindex) {
    log(`\nreindex index ${GIN_INDEX} (BENCH_REINDEX=1) …`);
    const seconds = await reindexGin(handle);
    gin = {
      seconds,
      source: 'measured by reindex index (maintenance_work_mem 1GB)',
      rows: dataset.searchRows,
      at: new Date().toISOString(),
    };
    log(`reindexed in ${seconds.toFixed(1)} s`);
  } else if (env.ginSeconds !== null && Number.isFinite(env.ginSeconds)) {
    gin = {
      seconds: env.ginSeconds,
      source: 'given as BENCH_GIN_SECONDS (e.g. the seed log’s indexSeconds)',
      rows: dataset.searchRows,
      at: new Date().toISOString(),
    };
  } else if (previous?.gin && previous.gin.seconds !== null) {
    gin = previous.gin;
    ginCarried = true;
  } else {
    gin = {
      seconds: null,
      source: 'not measured (run with BENCH_REINDEX=1 or give BENCH_GIN_SECONDS)',
      rows: null,
    };
  }

  // HTTP.
  let http: HttpResult[] = [];
  let httpError: string | null = null;
  if (env.http) {
    log(`\nHTTP: starting the web server (production mode) …`);
    try {
      http = await runHttp();
    } catch (error) {
      httpError = (error as Error).message;
      log(`HTTP load test failed: ${httpError}`);
    } finally {
      // A stopped server's backends keep running their statement; cancel what is left.
      await settle(handle.db, 0);
    }
  }
  await checkTable('the HTTP test');

  const report: RunReport = {
    finishedAt: new Date().toISOString(),
    seconds: (performance.now() - started) / 1000,
    commit,
    today,
    options: { ...options, httpSeconds: env.httpSeconds, httpConnections: env.httpConnections },
    machine: machineFacts(),
    loadAverage: { start: loadAtStart, end: os.loadavg() },
    server: await serverFacts(db),
    dataset,
    results,
    sizes,
    trgm: {
      seconds: trgmSeconds,
      source:
        trgmSeconds === null
          ? 'skipped (BENCH_TRGM=0)'
          : 'measured by this run (create index, maintenance_work_mem 1GB)',
      rows: dataset.searchRows,
    },
    gin,
    ginCarried,
    explained,
    http,
    httpError,
    notes,
  };
  if (partial && !process.env.BENCH_OUT) {
    log(`\npartial run (BENCH_ONLY): ${env.out} left unchanged (set BENCH_OUT to write one)`);
  } else {
    await writeReport(env.out, report, env.section);
    log(`\nwrote ${path.relative(ROOT, env.out)} in ${Math.round(report.seconds)} s total`);
  }
  return 0;

  async function runHttp(): Promise<HttpResult[]> {
    const server = await startWebServer(env.url, ROOT);
    const out: HttpResult[] = [];
    try {
      for (const id of HTTP_QUERY_IDS) {
        const q = QUERIES.find((x) => x.id === id)!;
        const target = q.query ? `/jobs?${q.query}` : '/jobs';
        const load = { seconds: env.httpSeconds, connections: env.httpConnections };
        const r = await loadTest(server, id, target, load, handle.db);
        log(
          `  ${id.padEnd(20)} ${r.requestsPerSecond.toFixed(1)} req/s, p50 ${ms(r.p50)} p95 ${ms(r.p95)} p99 ${ms(r.p99)} ms, non-2xx ${r.non2xx}, timeouts ${r.timeouts}`,
        );
        out.push(r);
      }
    } finally {
      await server.stop();
    }
    return out;
  }
}

/**
 * What to EXPLAIN: the slowest queries of ours (by p95), the slowest of every class over the p95
 * target, and — ours and ILIKE — the 1–2-character query with the smallest speed-up.
 */
async function explainSlowest(handle: DbHandle, results: QueryResult[]): Promise<ExplainedQuery[]> {
  const p95 = (r: QueryResult, impl: Impl) => summarize(r.results[impl]?.samples ?? []).p95;
  const p50 = (r: QueryResult, impl: Impl) => summarize(r.results[impl]?.samples ?? []).p50;
  const byP95 = [...results].sort((a, b) => p95(b, 'ours') - p95(a, 'ours'));
  const chosen: { r: QueryResult; impl: Impl; why: string }[] = byP95.slice(0, env.explain).map((r) => ({
    r,
    impl: 'ours' as const,
    why: `one of the slowest of ours (p95 ${ms(p95(r, 'ours'))} ms)`,
  }));
  for (const cls of new Set(results.map((r) => r.cls))) {
    const slowest = byP95.find((r) => r.cls === cls)!;
    const pooled = summarize(
      results.filter((r) => r.cls === cls).flatMap((r) => r.results.ours?.samples ?? []),
    );
    if (pooled.p95 > TARGET_P95_MS && !chosen.some((c) => c.r === slowest))
      chosen.push({ r: slowest, impl: 'ours', why: `the slowest of class ${cls}, over the p95 target` });
  }
  const short = results.filter((r) => ['1-char', '2-char'].includes(r.prepared.query.shape));
  const ratioOf = (r: QueryResult) => p50(r, 'ilike') / p50(r, 'ours');
  const worst = [...short].sort((a, b) => ratioOf(a) - ratioOf(b))[0];
  if (worst) {
    const why = `the smallest ILIKE÷ours ratio among 1–2-character words (${ratioOf(worst).toFixed(1)}×)`;
    if (!chosen.some((c) => c.r === worst)) chosen.push({ r: worst, impl: 'ours', why });
    chosen.push({ r: worst, impl: 'ilike', why });
  }
  const out: ExplainedQuery[] = [];
  for (const c of chosen) {
    log(`EXPLAIN ${c.impl} ${c.r.prepared.query.id}`);
    out.push({
      queryId: c.r.prepared.query.id,
      query: c.r.prepared.query.query,
      impl: c.impl,
      why: c.why,
      statements: await explainQuery(handle, c.impl, c.r.prepared),
    });
  }
  return out;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(`bench: ${(error as Error)?.stack ?? String(error)}`);
    process.exit(1);
  },
);
