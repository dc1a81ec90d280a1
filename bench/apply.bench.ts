/**
 * `npm run bench:apply`: applying with documents under load (issue 11; SPEC AP-1..AP-3, AP-6..AP-8).
 * The real web server (src/server.ts, production mode) runs as a child process on its own fresh
 * database — embedded PGlite by default, or a database of its own on PostgreSQL when DATABASE_URL
 * is set (created before, dropped after) — with its files in a temporary STORAGE_DIR. 20 seekers
 * sign in through /login and apply at once, each with four valid 2 MB PDFs: the form, 「次へ進む」
 * (the upload), the confirmation page and 「応募」 are timed per request, the server's RSS is
 * sampled from /proc every 50 ms, and at the end every application, document and stored file is
 * checked. The figures go to their engine's block of docs/benchmarks.md.
 *
 * Environment (all optional):
 *   DATABASE_URL      postgres://… to run on PostgreSQL (a database hw_bench_apply_* is created on it)
 *   BENCH_SEEKERS     concurrent seekers (20)
 *   BENCH_ROUNDS      rounds of オンライン自主応募, a fresh job each (5)
 *   BENCH_REFERRAL=0  skip the round of 応募（ハローワーク紹介） (one referral target per seeker)
 *   BENCH_WARMUP      applications one after the other before the baseline (2)
 *   BENCH_PDF         binary (default: the padding of each PDF is pseudo-random bytes, as compressed
 *                     streams are) or zeros (padded with '0' characters, the corpus default; the
 *                     slowest input for busboy's boundary search, reported in a block of its own)
 *   BENCH_SPREAD_MS   0: all seekers of a round start at once (the worst case); more: each starts at
 *                     a random moment within this many ms (fixed seed), as independent users would
 *   BENCH_FILES       files per application, 0–4 (4); 0 is the same flow without uploads
 *   BENCH_SAMPLE_MS   RSS sampling interval (50)
 *   BENCH_POOL_MAX    the server's DATABASE_POOL_MAX on PostgreSQL (10)
 *   BENCH_OUT         the report file (docs/benchmarks.md); BENCH_OUT=- prints it instead
 *   BENCH_SERVER_NODE_ARGS  more node arguments for the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"
 *   BENCH_KEEP=1      keep the temporary folder (database, files, server log) and the PostgreSQL database
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inArray } from 'drizzle-orm';
import pg from 'pg';
import { createDiskStorage } from '../src/adapters/storage/disk-storage.ts';
import { buildDeps } from '../src/compose.ts';
import { loadConfig } from '../src/config.ts';
import { openPglite, openPostgres } from '../src/db/client.ts';
import { applicationDocuments, applicationDrafts, applications } from '../src/db/schema/index.ts';
import { insertReferrals } from '../src/modules/referrals/referrals.repository.ts';
import { addDays, tokyoDate } from '../src/platform/dates.ts';
import { createEmployer, createJob, createSeeker, createStaff } from '../tests/support/factories.ts';
import { MULTIPART_TYPE, multipartBody, type Part, pdf } from '../tests/support/upload-corpus.ts';
import { Browser, inputValue, textOf } from './apply-client.ts';
import {
  type ApplyReport,
  type Engine,
  type MemoryFigures,
  type Sample,
  type Step,
  writeApplyReport,
} from './apply-report.ts';
import { machineFacts } from './facts.ts';
import { procStatus, startWebServer, type WebServer } from './http.ts';
import { ms, summarize } from './stats.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FILE_BYTES = 2_097_152;

function envInt(name: string, fallback: number, min = 0): number {
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
  databaseUrl: process.env.DATABASE_URL || undefined,
  seekers: envInt('BENCH_SEEKERS', 20, 1),
  rounds: envInt('BENCH_ROUNDS', 5, 1),
  referral: process.env.BENCH_REFERRAL !== '0',
  warmup: envInt('BENCH_WARMUP', 2, 1),
  sampleMs: envInt('BENCH_SAMPLE_MS', 50, 5),
  poolMax: envInt('BENCH_POOL_MAX', 10, 1),
  out:
    process.env.BENCH_OUT === '-' ? null : path.resolve(ROOT, process.env.BENCH_OUT || 'docs/benchmarks.md'),
  keep: process.env.BENCH_KEEP === '1',
  pdf: (process.env.BENCH_PDF || 'binary') as 'binary' | 'zeros',
  spreadMs: envInt('BENCH_SPREAD_MS', 0),
  files: envInt('BENCH_FILES', 4),
};
/** Files per application (BENCH_FILES=0 measures the same flow without uploads, for comparison). */
const FILES = env.files;
if (FILES > 4) {
  process.stderr.write('BENCH_FILES must be 0 to 4\n');
  process.exit(2);
}
if (env.pdf !== 'binary' && env.pdf !== 'zeros') {
  process.stderr.write(`BENCH_PDF must be binary or zeros (got "${env.pdf}")\n`);
  process.exit(2);
}
const engine: Engine = env.databaseUrl ? 'postgres' : 'pglite';

const log = (line: string) => process.stderr.write(`${line}\n`);
const wait = (msec: number) => new Promise((r) => setTimeout(r, msec));

// ─── The server's database ──────────────────────────────────────────────────────────────────────

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** The environment the server (and the seeding, which opens the same database first) runs with. */
function serverEnv(dataDir: string, storageDir: string, spoolDir: string, databaseUrl: string | undefined) {
  return {
    NODE_ENV: 'production',
    DATA_DIR: dataDir,
    STORAGE_DIR: storageDir,
    UPLOAD_SPOOL_DIR: spoolDir,
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_MAX: String(env.poolMax),
    BASE_URL: 'http://127.0.0.1',
    SESSION_SECRET: randomBytes(32).toString('base64url'),
    // Production insists on both; the web server sends no mail itself and scans nothing (the worker does).
    SMTP_URL: 'smtp://127.0.0.1:2525',
    CLAMD_HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  };
}

interface Seeded {
  seekers: { email: string; password: string; referralId: string }[];
  warmupJob: string;
  roundJobs: string[];
  jobIds: number[];
  seekerIds: string[];
}

/** Accounts and jobs written through the app's own repositories before the server starts. */
async function seed(config: ReturnType<typeof loadConfig>): Promise<Seeded> {
  const { deps, close } = await buildDeps(config);
  try {
    const employer = await createEmployer(deps);
    const takesDocuments = { documentMethods: ['mypage' as const], acceptsOnlineApplication: true };
    const warmup = await createJob(deps, takesDocuments, employer.employer);
    const rounds = [];
    for (let r = 0; r < env.rounds; r++)
      rounds.push(await createJob(deps, takesDocuments, employer.employer));
    const referralJob = await createJob(deps, { ...takesDocuments, officeCode: '13010' }, employer.employer);
    const staff = await createStaff(deps);
    const seekers = [];
    for (let i = 0; i < env.seekers; i++) seekers.push(await createSeeker(deps));
    const referrals = await insertReferrals(
      deps.db,
      seekers.map((s) => ({
        seekerId: s.seeker.id,
        jobId: referralJob.id,
        officeCode: '13010',
        sentBy: staff.staff.id,
        batchId: randomUUID(),
        sentAt: deps.clock.now(),
        applyBy: addDays(tokyoDate(deps.clock.now()), 7),
      })),
    );
    return {
      seekers: seekers.map((s, i) => ({
        email: s.email,
        password: s.password,
        referralId: referrals[i]!.id,
      })),
      warmupJob: warmup.jobNumber,
      roundJobs: rounds.map((j) => j.jobNumber),
      jobIds: [...rounds.map((j) => j.id), ...(env.referral ? [referralJob.id] : [])],
      seekerIds: seekers.map((s) => s.seeker.id),
    };
  } finally {
    await close();
  }
}

// ─── The server process ─────────────────────────────────────────────────────────────────────────

/** Resets VmHWM to the current RSS (proc(5): writing 5 to clear_refs); false when refused. */
function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

/** User + system CPU seconds the process has used (proc(5) stat fields 14 and 15). */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

class RssSampler {
  private timer: NodeJS.Timeout | undefined;
  readonly values: number[] = [];
  constructor(
    private readonly pid: number,
    private readonly intervalMs: number,
  ) {}
  start(): void {
    const take = () => this.values.push(procStatus(this.pid).rss);
    take();
    this.timer = setInterval(take, this.intervalMs);
  }
  stop(): number[] {
    clearInterval(this.timer);
    this.values.push(procStatus(this.pid).rss);
    return this.values;
  }
}

// ─── One application, as a browser sends it ────────────────────────────────────────────────────

const MOTIVATION =
  '介護職として十年、利用者様一人ひとりに寄り添う支援を続けてきました。\n貴社の理念に共感し、これまでの経験を活かしたいと考え応募いたします。';

/** Four valid PDFs of exactly 2 MB, different bytes each (each row checks its own SHA-256). */
const DOCUMENTS: { kind: string; name: string; data: Buffer }[] = [
  { kind: 'resume', name: '履歴書.pdf' },
  { kind: 'work_history', name: '職務経歴書.pdf' },
  { kind: 'job_card', name: 'ジョブ・カード.pdf' },
  { kind: 'other', name: '資格証明書.pdf' },
].map((d, i) => ({
  ...d,
  data: pdf({ size: FILE_BYTES, text: `Document ${i + 1}`, binary: env.pdf === 'binary' }),
}));

function uploadBody(csrf: string, draft: string): Buffer {
  const parts: Part[] = [
    { name: '_csrf', value: csrf },
    { name: 'draft', value: draft },
    { name: 'motivation', value: MOTIVATION },
    { name: 'remarks', value: '' },
    { name: 'consent', value: 'yes' },
    ...DOCUMENTS.slice(0, FILES).flatMap((d, i): Part[] => [
      { name: `document_${i + 1}_kind`, value: d.kind },
      { name: `document_${i + 1}`, filename: d.name, data: d.data, type: 'application/pdf' },
    ]),
    { name: 'action', value: 'next' },
  ];
  return multipartBody(parts);
}

class ApplyFailure extends Error {}

function expectStatus(what: string, res: { status: number; html: string }, status: number): void {
  if (res.status === status) return;
  const detail = [
    textOf(res.html, 'documents-error'),
    textOf(res.html, 'apply-refusal'),
    textOf(res.html, 'error-summary'),
  ]
    .filter(Boolean)
    .join(' / ');
  throw new ApplyFailure(`${what}: ${res.status}, expected ${status}${detail ? ` (${detail})` : ''}`);
}

/** The form → 「次へ進む」 with the files → the confirmation page → 「応募」; each request timed. */
async function applyOnce(b: Browser, base: string): Promise<Record<Step, number>> {
  const started = performance.now();
  const form = await b.get(base);
  expectStatus(`GET ${base}`, form, 200);
  const csrf = inputValue(form.html, '_csrf');
  const draft = inputValue(form.html, 'draft');
  if (!csrf || !draft) throw new ApplyFailure(`GET ${base}: no _csrf or draft field`);
  const upload = await b.request('POST', base, uploadBody(csrf, draft), MULTIPART_TYPE);
  expectStatus(`POST ${base}`, upload, 303);
  const confirmPath = `${base}/confirm?draft=${draft}`;
  if (upload.location !== confirmPath) throw new ApplyFailure(`POST ${base}: went to ${upload.location}`);
  const confirm = await b.get(confirmPath);
  expectStatus(`GET ${confirmPath}`, confirm, 200);
  const submitCsrf = inputValue(confirm.html, '_csrf');
  const files = (confirm.html.match(/\.pdf（/g) ?? []).length;
  if (files !== FILES) throw new ApplyFailure(`GET ${confirmPath}: ${files} files listed, expected ${FILES}`);
  const submit = await b.postForm(`${base}/submit`, { _csrf: submitCsrf ?? '', draft });
  expectStatus(`POST ${base}/submit`, submit, 303);
  if (!submit.location?.startsWith('/mypage/applications/')) {
    throw new ApplyFailure(`POST ${base}/submit: went to ${submit.location}`);
  }
  return {
    form: form.ms,
    upload: upload.ms,
    confirm: confirm.ms,
    submit: submit.ms,
    whole: performance.now() - started,
  };
}

// ─── Checks after the run ───────────────────────────────────────────────────────────────────────

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

async function countFiles(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).length;
}

/**
 * Every timed application is there once, with its four documents in order, each stored file of
 * the right size and SHA-256 (read back through the storage port, which checks it), no draft or
 * draft document left, and no file on disk that no row names.
 */
async function check(
  databaseUrl: string | undefined,
  dataDir: string,
  storageDir: string,
  seeded: Seeded,
  warmups: number,
): Promise<ApplyReport['checks']> {
  const handle = databaseUrl
    ? await openPostgres(databaseUrl, 2)
    : await openPglite({ dataDir: path.join(dataDir, 'pglite') });
  try {
    const db = handle.db;
    const problems: string[] = [];
    const apps = await db.select().from(applications).where(inArray(applications.jobId, seeded.jobIds));
    const expected = seeded.seekers.length * seeded.jobIds.length;
    if (apps.length !== expected) problems.push(`${apps.length} applications, expected ${expected}`);
    if (new Set(apps.map((a) => `${a.seekerId}:${a.jobId}`)).size !== apps.length) {
      problems.push('a seeker has two applications to one job');
    }
    const docs = await db
      .select()
      .from(applicationDocuments)
      .where(inArray(applicationDocuments.seekerId, seeded.seekerIds));
    const attached = docs.filter(
      (d) => d.applicationId !== null && apps.some((a) => a.id === d.applicationId),
    );
    if (attached.length !== apps.length * FILES) {
      problems.push(`${attached.length} documents attached, expected ${apps.length * FILES}`);
    }
    const inDrafts = docs.filter((d) => d.applicationId === null);
    if (inDrafts.length) problems.push(`${inDrafts.length} documents still belong to drafts`);
    if (docs.length !== (apps.length + warmups) * FILES) {
      problems.push(`${docs.length} documents in all, expected ${(apps.length + warmups) * FILES}`);
    }
    const expectedNames = DOCUMENTS.slice(0, FILES)
      .map((d) => d.name)
      .join(',');
    for (const a of apps) {
      const names = attached
        .filter((d) => d.applicationId === a.id)
        .sort((x, y) => x.position - y.position)
        .map((d) => d.originalName)
        .join(',');
      if (names !== expectedNames) problems.push(`application ${a.id}: documents ${names}`);
    }
    const wanted = new Map(DOCUMENTS.map((d) => [d.name, sha256(d.data)]));
    const storage = createDiskStorage(storageDir);
    let filesChecked = 0;
    for (const d of attached) {
      if (!d.storageKey) {
        problems.push(`document ${d.id}: no stored bytes`);
        continue;
      }
      if (d.size !== FILE_BYTES || d.sha256 !== wanted.get(d.originalName)) {
        problems.push(`document ${d.id}: recorded size ${d.size} or SHA-256 differs from what was sent`);
      }
      const onDisk = await stat(path.join(storageDir, d.storageKey.slice(0, 2), d.storageKey));
      if (onDisk.size !== FILE_BYTES) problems.push(`document ${d.id}: ${onDisk.size} bytes on disk`);
      const bytes = await storage.get(d.storageKey, d.sha256);
      if (bytes.byteLength !== FILE_BYTES)
        problems.push(`document ${d.id}: ${bytes.byteLength} bytes read back`);
      filesChecked++;
    }
    const files = await countFiles(storageDir);
    const keyed = docs.filter((d) => d.storageKey).length;
    if (files !== keyed) problems.push(`${files} files on disk, ${keyed} documents with stored bytes`);
    const drafts = await db
      .select({ key: applicationDrafts.key })
      .from(applicationDrafts)
      .where(inArray(applicationDrafts.seekerId, seeded.seekerIds));
    if (drafts.length) problems.push(`${drafts.length} drafts left`);
    if (problems.length)
      throw new Error(`the checks after the run failed:\n  ${problems.slice(0, 20).join('\n  ')}`);
    return {
      applications: apps.length,
      expectedApplications: expected,
      documents: attached.length,
      filesChecked,
      fileBytes: FILE_BYTES,
      draftsLeft: drafts.length,
    };
  } finally {
    await handle.close();
  }
}

// ─── The run ────────────────────────────────────────────────────────────────────────────────────

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

async function engineVersion(databaseUrl: string | undefined): Promise<string> {
  if (!databaseUrl) {
    const pkg = JSON.parse(
      readFileSync(path.join(ROOT, 'node_modules/@electric-sql/pglite/package.json'), 'utf8'),
    );
    return `PGlite ${pkg.version}`;
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ v: string }>(`select current_setting('server_version') as v`);
    return `PostgreSQL ${rows[0]?.v ?? '?'} on the same machine`;
  } finally {
    await client.end();
  }
}

/** When each application of each round starts, in ms after the round's start (xorshift32, fixed seed). */
function startOffsets(n: number, spreadMs: number): number[] {
  let x = 0x2545f491;
  return Array.from({ length: n }, () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return spreadMs === 0 ? 0 : Math.floor(((x >>> 0) / 2 ** 32) * spreadMs);
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function main(): Promise<void> {
  const started = performance.now();
  const loadBefore = os.loadavg();
  const root = await mkdtemp(path.join(tmpdir(), 'hw-bench-apply-'));
  const dataDir = path.join(root, 'data');
  const storageDir = path.join(root, 'files');
  const spoolDir = path.join(root, 'spool');
  const dbName = `hw_bench_apply_${process.pid}_${Date.now().toString(36)}`;
  const databaseUrl = env.databaseUrl ? withDatabase(env.databaseUrl, dbName) : undefined;
  let server: WebServer | undefined;
  let failed = false;
  try {
    if (env.databaseUrl) {
      await adminQuery(env.databaseUrl, `create database ${dbName}`);
      log(`bench: created database ${dbName}`);
    }
    const serverVars = serverEnv(dataDir, storageDir, spoolDir, databaseUrl);
    log(`bench: seeding ${env.seekers} seekers and ${env.rounds + 2} jobs (${engine}) …`);
    const seeded = await seed(loadConfig(serverVars));
    const version = await engineVersion(databaseUrl);

    const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
    server = await startWebServer(databaseUrl, ROOT, { dataDir, env: serverVars, nodeArgs });
    const pid = server.pid;
    log(`bench: server ${server.baseUrl} (pid ${pid}); signing in ${env.seekers} seekers through /login …`);
    const browsers = seeded.seekers.map(() => new Browser(server!.baseUrl));
    await Promise.all(seeded.seekers.map((s, i) => browsers[i]!.signIn(s.email, s.password)));

    for (let i = 0; i < env.warmup; i++) {
      const b = browsers[i % browsers.length]!;
      if (i >= browsers.length) break;
      const t = await applyOnce(b, `/mypage/jobs/${seeded.warmupJob}/apply`);
      log(`bench: warm-up ${i + 1}: upload ${ms(t.upload)} ms, 応募 ${ms(t.submit)} ms`);
    }
    const warmups = Math.min(env.warmup, browsers.length);

    await wait(2000);
    const idle: number[] = [];
    for (let i = 0; i < 20; i++) {
      idle.push(procStatus(pid).rss);
      await wait(50);
    }
    const baselineBytes = median(idle);
    const hwmReset = resetPeak(pid);
    const cpuBefore = cpuSeconds(pid);
    log(
      `bench: baseline RSS ${(baselineBytes / 2 ** 20).toFixed(0)} MiB${hwmReset ? '' : ' (VmHWM reset refused)'}`,
    );

    const sampler = new RssSampler(pid, env.sampleMs);
    sampler.start();
    const samples: Sample[] = [];
    const roundSeconds: ApplyReport['roundSeconds'] = [];
    const plan = [
      ...seeded.roundJobs.map((job, r) => ({
        label: `direct ${r + 1}`,
        route: 'direct' as const,
        base: () => `/mypage/jobs/${job}/apply`,
      })),
      ...(env.referral
        ? [
            {
              label: 'referral',
              route: 'referral' as const,
              base: (i: number) => `/mypage/referrals/${seeded.seekers[i]!.referralId}/apply`,
            },
          ]
        : []),
    ];
    const offsets = startOffsets(env.seekers * plan.length, env.spreadMs);
    for (const [round, step] of plan.entries()) {
      const t0 = performance.now();
      const results = await Promise.allSettled(
        browsers.map(async (b, i) => {
          const offset = offsets[round * env.seekers + i]!;
          if (offset > 0) await wait(offset);
          return applyOnce(b, step.base(i));
        }),
      );
      const seconds = (performance.now() - t0) / 1000;
      roundSeconds.push({ label: step.label, seconds });
      const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failures.length) {
        throw new Error(
          `round ${step.label}: ${failures.length} of ${results.length} applications failed:\n  ` +
            failures
              .slice(0, 5)
              .map((f) => String((f.reason as Error)?.message ?? f.reason))
              .join('\n  '),
        );
      }
      for (const r of results) {
        if (r.status !== 'fulfilled') continue;
        for (const [name, value] of Object.entries(r.value)) {
          samples.push({ route: step.route, round, step: name as Step, ms: value });
        }
      }
      const u = summarize(samples.filter((s) => s.round === round && s.step === 'upload').map((s) => s.ms));
      const sub = summarize(samples.filter((s) => s.round === round && s.step === 'submit').map((s) => s.ms));
      log(
        `bench: ${step.label.padEnd(9)} ${seconds.toFixed(2)} s; upload p50 ${ms(u.p50)} p95 ${ms(u.p95)} max ${ms(u.max)} ms; ` +
          `応募 p50 ${ms(sub.p50)} p95 ${ms(sub.p95)} ms; RSS now ${(procStatus(pid).rss / 2 ** 20).toFixed(0)} MiB`,
      );
    }
    const sampled = sampler.stop();
    const serverCpuSeconds = cpuSeconds(pid) - cpuBefore;
    const hwm = procStatus(pid).hwm;
    await wait(3000);
    const memory: MemoryFigures = {
      baselineBytes,
      peakSampledBytes: Math.max(...sampled),
      peakHwmBytes: hwmReset ? hwm : null,
      afterBytes: procStatus(pid).rss,
      samples: sampled.length,
      intervalMs: env.sampleMs,
    };
    if (env.keep) await writeFile(path.join(root, 'server.log'), server.log());
    await server.stop();
    server = undefined;

    log('bench: checking applications, documents and stored files …');
    const checks = await check(databaseUrl, dataDir, storageDir, seeded, warmups);
    const spooled = await countFiles(spoolDir);
    if (spooled > 0) throw new Error(`${spooled} spool files left in UPLOAD_SPOOL_DIR`);

    const report: ApplyReport = {
      engine,
      pdf: env.pdf,
      spreadMs: env.spreadMs,
      engineVersion: version,
      finishedAt: new Date().toISOString(),
      seconds: (performance.now() - started) / 1000,
      commit: gitCommit(),
      machine: machineFacts(),
      loadBefore,
      loadAfter: os.loadavg(),
      command: [
        env.databaseUrl ? 'DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres' : '',
        env.pdf === 'zeros' ? 'BENCH_PDF=zeros' : '',
        env.spreadMs ? `BENCH_SPREAD_MS=${env.spreadMs}` : '',
        FILES !== 4 ? `BENCH_FILES=${FILES}` : '',
        'npm run bench:apply',
      ]
        .filter(Boolean)
        .join(' '),
      options: {
        seekers: env.seekers,
        rounds: env.rounds,
        referralRound: env.referral,
        files: FILES,
        fileBytes: FILE_BYTES,
        warmup: warmups,
        poolMax: env.databaseUrl ? env.poolMax : null,
      },
      samples,
      roundSeconds,
      memory,
      serverCpuSeconds,
      checks,
    };
    const growth = Math.max(memory.peakSampledBytes, memory.peakHwmBytes ?? 0) - memory.baselineBytes;
    const upload = summarize(samples.filter((s) => s.step === 'upload').map((s) => s.ms));
    const submit = summarize(samples.filter((s) => s.step === 'submit').map((s) => s.ms));
    log(
      `bench: ${checks.applications} applications; upload p95 ${ms(upload.p95)} ms, 応募 p95 ${ms(submit.p95)} ms; ` +
        `RSS baseline ${(baselineBytes / 2 ** 20).toFixed(0)} MiB, peak growth ${(growth / 2 ** 20).toFixed(0)} MiB`,
    );
    if (env.out) {
      await writeApplyReport(env.out, report);
      log(`bench: wrote ${path.relative(ROOT, env.out)}`);
    } else {
      process.stdout.write(`${JSON.stringify({ ...report, samples: undefined }, null, 2)}\n`);
    }
  } catch (error) {
    failed = true;
    log(`bench: ${(error as Error).stack ?? String(error)}`);
    if (server) log(`bench: server output:\n${server.log()}`);
  } finally {
    await server?.stop().catch(() => {});
    if (env.databaseUrl && !env.keep) {
      await adminQuery(env.databaseUrl, `drop database if exists ${dbName} with (force)`).catch((e) =>
        log(`bench: could not drop ${dbName}: ${(e as Error).message}`),
      );
    }
    if (env.keep) log(`bench: kept ${root}${env.databaseUrl ? ` and database ${dbName}` : ''}`);
    else await rm(root, { recursive: true, force: true });
  }
  process.exit(failed ? 1 : 0);
}

await main();
