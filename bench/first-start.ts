/**
 * `npm run bench:start`: how long `npm start` takes to answer (issue 13, "a first start under 10 s").
 * Each run starts `node --import tsx src/main.ts` as `npm start` does (development mode, the embedded
 * database, demo data) and polls /healthz every 20 ms from the moment the process is spawned:
 *
 * - first start after `npm install`: an empty tsx cache (a private TMPDIR), then the postinstall
 *   script as `npm install` runs it (it builds the database template and compiles the modules;
 *   not timed), then a new DATA_DIR;
 * - first start, modules not compiled ahead: the same without the postinstall step's compiling
 *   (the template is there), as after `npm install --ignore-scripts` followed by an older install;
 * - restart: the DATA_DIR of the first start (migrated and seeded).
 *
 * The `ready` log line gives the steps: the entry's own time, the time since the process started
 * (the difference is Node starting and loading the modules), and the slow steps of start-up
 * (database, migrations, job queue, demo seed). Settings: BENCH_START_RUNS (3 of each), BENCH_OUT (docs/benchmarks.md; `-` prints).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pgliteTemplateFile } from '../src/db/pglite-template.ts';
import { machineFacts } from './facts.ts';
import { freePort } from './http.ts';
import { writeBlock } from './report.ts';
import { bytes, ms, summarize, table } from './stats.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = {
  runs: Number(process.env.BENCH_START_RUNS ?? 3),
  out:
    process.env.BENCH_OUT === '-' ? null : path.resolve(ROOT, process.env.BENCH_OUT || 'docs/benchmarks.md'),
};
const TARGET_MS = 10_000;

interface Start {
  /** Spawn to the first 200 from /healthz. */
  answeredMs: number;
  /** The `ready` log line: the entry's own time (`ms`), the time since the process started, and its slow steps. */
  ready: { ms: number; uptimeMs: number; steps: Record<string, number> } | null;
}

async function startOnce(dataDir: string, tmp: string): Promise<Start> {
  const port = await freePort();
  const t0 = performance.now();
  const { DATABASE_URL: _unused, ...inherited } = process.env;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      ...inherited,
      NODE_ENV: 'development',
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      TMPDIR: tmp,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => {
    output += c.toString();
  });
  child.stderr?.on('data', (c: Buffer) => {
    output += c.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    const deadline = Date.now() + 120_000;
    for (;;) {
      if (child.exitCode !== null)
        throw new Error(`npm start exited with ${child.exitCode}:\n${output.slice(-4000)}`);
      try {
        if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`no answer within 120 s:\n${output.slice(-4000)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    const answeredMs = performance.now() - t0;
    let ready: Start['ready'] = null;
    for (const line of output.split('\n')) {
      try {
        const entry = JSON.parse(line) as { msg?: string } & NonNullable<Start['ready']>;
        if (entry.msg === 'ready')
          ready = { ms: entry.ms, uptimeMs: entry.uptimeMs, steps: entry.steps ?? {} };
      } catch {
        // not a log line
      }
    }
    return { answeredMs, ready };
  } finally {
    child.kill('SIGTERM');
    const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(force);
  }
}

/** The postinstall script, as `npm install` runs it, with this TMPDIR (so tsx's cache is the one the start will use). */
async function postinstall(tmp: string): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/pglite-template.ts'], {
    cwd: ROOT,
    env: { ...process.env, TMPDIR: tmp },
    stdio: 'ignore',
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`the postinstall script exited with ${code}`);
}

type Kind = 'installed' | 'uncompiled' | 'restart';
const LABELS: Record<Kind, string> = {
  installed: 'first start after `npm install` (new DATA_DIR)',
  uncompiled: 'first start, modules not compiled ahead (empty tsx cache)',
  restart: 'restart (DATA_DIR migrated and seeded)',
};

const results: Record<Kind, Start[]> = { installed: [], uncompiled: [], restart: [] };
const scratch = await mkdtemp(path.join(os.tmpdir(), 'hw-bench-start-'));
const loadBefore = os.loadavg()[0]!;
const began = Date.now();
const fresh = (name: string) => mkdtemp(path.join(scratch, `${name}-`));
try {
  for (let i = 0; i < env.runs; i++) {
    const tmp = await fresh('tmp');
    await postinstall(tmp);
    const dataDir = await fresh('data');
    results.installed.push(await startOnce(dataDir, tmp));
    results.restart.push(await startOnce(dataDir, tmp));
    const other = await fresh('data');
    results.uncompiled.push(await startOnce(other, await fresh('tmp')));
    await rm(dataDir, { recursive: true, force: true });
    await rm(other, { recursive: true, force: true });
    process.stdout.write(`run ${i + 1}/${env.runs} done\n`);
  }
} finally {
  await rm(scratch, { recursive: true, force: true });
}

const STEPS = ['database', 'migrations', 'queue', 'seed'] as const;
const median = (xs: (number | null | undefined)[]) => {
  const known = xs.filter((x): x is number => typeof x === 'number');
  return known.length ? ms(summarize(known).p50) : '—';
};
const rows = (Object.keys(LABELS) as Kind[]).map((kind) => {
  const runs = results[kind];
  const answered = runs.map((r) => r.answeredMs);
  const s = summarize(answered);
  const other = (r: Start) =>
    r.ready ? r.ready.ms - STEPS.reduce((sum, step) => sum + (r.ready?.steps[step] ?? 0), 0) : null;
  return [
    LABELS[kind],
    ms(s.p50),
    ms(Math.max(...answered)),
    median(runs.map((r) => (r.ready ? r.ready.uptimeMs - r.ready.ms : null))),
    ...STEPS.map((step) => median(runs.map((r) => r.ready?.steps[step]))),
    median(runs.map(other)),
    s.p50 <= TARGET_MS ? 'met' : '**not met**',
  ];
});
const facts = machineFacts();
const template = pgliteTemplateFile();
const block = [
  '<!-- bench:start:begin (generated by npm run bench:start; edits inside are overwritten) -->',
  '',
  `Run finished ${new Date().toISOString()} (took ${Math.round((Date.now() - began) / 1000)} s), ${env.runs} runs of each; ${facts.cpus} × ${facts.cpuModel}, ${bytes(facts.memoryBytes)}, Node ${facts.node}; load average ${loadBefore.toFixed(2)} before. Embedded data directory template (\`npm install\` builds it): ${existsSync(template) ? 'present' : '**missing**'}.`,
  '',
  'Milliseconds from spawning `node --import tsx src/main.ts` (what `npm start` runs) to the first answer of /healthz; the steps are the medians of what the `ready` log line reports (Node and modules: before the entry ran).',
  '',
  table(
    [
      'start',
      'answers after (median)',
      'slowest',
      'Node and modules',
      'database open',
      'migrations',
      'job queue',
      'demo seed',
      'the rest',
      `target ≤ ${TARGET_MS / 1000} s`,
    ],
    rows,
    ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l'],
  ),
  '',
  '<!-- bench:start:end -->',
].join('\n');
if (env.out) {
  writeBlock(env.out, '<!-- bench:start:begin', '<!-- bench:start:end -->', block);
  process.stdout.write(`written to ${env.out}\n`);
} else process.stdout.write(`${block}\n`);
