/**
 * Graceful shutdown of the real processes (issue 17 "Graceful shutdown", ADR 0028): `npm start`,
 * `npm run start:web` and `npm run start:worker` are spawned as a new user would run them, on an
 * embedded database of their own, and stopped by a signal to the npm process (or to the whole
 * process group, as a terminal's Ctrl-C does). Every descendant must exit, the port must be free and
 * the exit code 0. During two uploads, one finished after the signal and one left hanging past the
 * grace period, nothing may be half-written: no document row without its stored file, no stored file
 * without its row, no spool file left.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { Browser, inputValue } from '../../bench/apply-client.ts';
import { freePort } from '../../bench/http.ts';
import { createDiskStorage } from '../../src/adapters/storage/disk-storage.ts';
import { buildDeps } from '../../src/compose.ts';
import { loadConfig } from '../../src/config.ts';
import { openPglite } from '../../src/db/client.ts';
import { applicationDocuments, workerHeartbeats } from '../../src/db/schema/index.ts';
import { createEmployer, createJob, createSeeker } from '../support/factories.ts';
import { MULTIPART_TYPE, multipartBody, pdf } from '../support/upload-corpus.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const started: Running[] = [];
const folders: string[] = [];

afterEach(async () => {
  // A test that failed half-way must not leave its processes serving.
  for (const r of started.splice(0)) {
    for (const pid of [r.child.pid!, ...r.descendants()]) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  for (const dir of folders.splice(0)) await rm(dir, { recursive: true, force: true });
});

interface Running {
  child: ChildProcess;
  port: number;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Every process below npm, now (read from /proc). */
  descendants(): number[];
}

/** Parent of every process, from /proc/<pid>/stat. */
function processTree(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // exited while we looked
    }
  }
  return children;
}

function descendantsOf(pid: number): number[] {
  const tree = processTree();
  const out: number[] = [];
  const walk = (p: number) => {
    for (const c of tree.get(p) ?? []) {
      out.push(c);
      walk(c);
    }
  };
  walk(pid);
  return out;
}

/** A process that exists and is not a zombie. */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** The names in a folder, none when it does not exist (yet). */
function filesIn(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function until(check: () => boolean | Promise<boolean>, what: string, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function environment(dataDir: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    STORAGE_DIR: path.join(dataDir, 'files'),
    UPLOAD_SPOOL_DIR: path.join(dataDir, 'spool'),
    SESSION_SECRET: 'shutdown-test-secret-shutdown-test-0123',
    SEED_DEMO: 'false',
    LOG_LEVEL: 'info',
    HOST: '127.0.0.1',
    // Vitest sets BASE_URL=/ for its own use.
    BASE_URL: 'http://127.0.0.1',
    ...extra,
  };
}

/** `npm run <script>` as a person types it, waiting for its start-up log line. */
async function npmRun(script: string, env: Record<string, string>, readyLine: string): Promise<Running> {
  const port = Number(env.PORT);
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn('npm', ['run', script], {
    cwd: ROOT,
    // Node 24 first, as the README says; the embedded database (DATABASE_URL removed).
    env: { ...inherited, PATH: `${path.dirname(process.execPath)}:${process.env.PATH}`, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, as a shell gives a foreground job (for the Ctrl-C test).
    detached: true,
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const running: Running = {
    child,
    port,
    output: () => output,
    exited,
    descendants: () => descendantsOf(child.pid!),
  };
  started.push(running);
  await until(
    () => output.includes(readyLine) || child.exitCode !== null,
    `${script} to log ${readyLine}`,
    90_000,
  );
  if (child.exitCode !== null) throw new Error(`${script} exited ${child.exitCode}:\n${output}`);
  return running;
}

/** Sends the signal, then checks that everything below npm stopped, the port is free and npm said 0. */
async function stopAndCheck(r: Running, signal: NodeJS.Signals, target: 'npm' | 'group' = 'npm') {
  const below = r.descendants();
  expect(below.length, 'npm runs the entry').toBeGreaterThan(0);
  if (target === 'npm') process.kill(r.child.pid!, signal);
  else process.kill(-r.child.pid!, signal);
  const exit = await r.exited;
  expect(exit, r.output()).toEqual({ code: 0, signal: null });
  await until(() => below.every((pid) => !alive(pid)), 'every descendant to exit', 10_000);
  if (r.port) expect(await portIsFree(r.port)).toBe(true);
  started.splice(started.indexOf(r), 1);
  return r.output();
}

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'hw-shutdown-'));
  folders.push(dir);
  return dir;
}

describe('issue 17 graceful shutdown of the real processes', () => {
  it('issue 17 SIGTERM to `npm start` stops npm, node and every child; the port is free, the exit code 0 and the heartbeat gone', async () => {
    const dataDir = await tempDir();
    const port = await freePort();
    const r = await npmRun('start', environment(dataDir, { PORT: String(port) }), '"msg":"ready"');
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    const log = await stopAndCheck(r, 'SIGTERM');
    expect(log).toContain('SIGTERM: shutting down');
    expect(log).toContain('stopped');
    // The ready line says where start-up went: the slow steps, and the time since the process began.
    const ready = log
      .split('\n')
      .filter((line) => line.includes('"msg":"ready"'))
      .map((line) => JSON.parse(line) as { ms: number; uptimeMs: number; steps: Record<string, number> })[0]!;
    for (const step of ['database', 'migrations', 'queue'])
      expect(ready.steps[step]).toBeGreaterThanOrEqual(0);
    expect(ready.uptimeMs).toBeGreaterThan(ready.ms);
    expect(ready.ms).toBeGreaterThanOrEqual(
      ready.steps.database! + ready.steps.migrations! + ready.steps.queue!,
    );
    const db = await openPglite({ dataDir: path.join(dataDir, 'pglite') });
    try {
      expect(await db.db.select().from(workerHeartbeats)).toEqual([]);
    } finally {
      await db.close();
    }
  }, 180_000);

  it('issue 17 Ctrl-C (SIGINT to the whole process group, which npm forwards again) stops `npm run start:web` with 0, not as a forced second signal', async () => {
    const port = await freePort();
    const r = await npmRun(
      'start:web',
      environment(await tempDir(), { PORT: String(port) }),
      '"msg":"listening"',
    );
    const log = await stopAndCheck(r, 'SIGINT', 'group');
    expect(log).toContain('SIGINT: shutting down');
    expect(log).not.toContain('again: exiting now');
  }, 180_000);

  it('issue 17 SIGTERM to `npm run start:worker` (with its metrics listener) exits 0 and frees METRICS_PORT', async () => {
    const metricsPort = await freePort();
    const env = environment(await tempDir(), {
      PORT: String(await freePort()),
      METRICS_PORT: String(metricsPort),
    });
    const r = await npmRun('start:worker', env, '"msg":"worker started"');
    const scraped = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toContain('hellowork_workers_alive 1');
    await stopAndCheck({ ...r, port: metricsPort }, 'SIGTERM');
  }, 180_000);

  it('issue 17 SIGTERM during uploads: the one finished after the signal is stored whole, the one left hanging is cut at the grace period with nothing written; no spool file is left', async () => {
    const dataDir = await tempDir();
    const port = await freePort();
    const env = environment(dataDir, { PORT: String(port), SHUTDOWN_GRACE_MS: '3000' });
    // Two seekers and a job taking documents through MyPage, written before the server opens the database.
    const seeded = await buildDeps(loadConfig(env));
    let seekers: { email: string; password: string }[];
    let seekerIds: string[];
    let jobNumber: string;
    try {
      const employer = await createEmployer(seeded.deps);
      const job = await createJob(
        seeded.deps,
        { documentMethods: ['mypage'], acceptsOnlineApplication: true },
        employer.employer,
      );
      jobNumber = job.jobNumber;
      const made = [await createSeeker(seeded.deps), await createSeeker(seeded.deps)];
      seekers = made;
      seekerIds = made.map((m) => m.seeker.id);
    } finally {
      await seeded.close();
    }
    const r = await npmRun('start:web', env, '"msg":"listening"');
    const base = `/mypage/jobs/${jobNumber}/apply`;
    const spoolDir = env.UPLOAD_SPOOL_DIR!;
    const storageDir = env.STORAGE_DIR!;
    const document = pdf({ size: 1_500_000, text: 'Resume' });

    // Both seekers open the form; each upload then sends its fields and half of the file.
    const uploads = await Promise.all(
      seekers.map(async (s) => {
        const browser = new Browser(`http://127.0.0.1:${port}`);
        await browser.signIn(s.email, s.password);
        const form = await browser.get(base);
        expect(form.status).toBe(200);
        const body = multipartBody([
          { name: '_csrf', value: inputValue(form.html, '_csrf')! },
          { name: 'draft', value: inputValue(form.html, 'draft')! },
          { name: 'motivation', value: '介護の経験を活かしたいと考え応募いたします。' },
          { name: 'remarks', value: '' },
          { name: 'consent', value: 'yes' },
          { name: 'document_1_kind', value: 'resume' },
          { name: 'document_1', filename: '履歴書.pdf', data: document, type: 'application/pdf' },
          { name: 'action', value: 'next' },
        ]);
        const cut = body.indexOf('%PDF-') + document.length / 2;
        return { upload: startUpload(port, base, browser.cookieHeader(), body, cut), body, cut };
      }),
    );
    await until(() => filesIn(spoolDir).length >= 2, 'both uploads to be spooling');

    const below = r.descendants();
    process.kill(r.child.pid!, 'SIGTERM');
    await until(() => r.output().includes('SIGTERM: shutting down'), 'the server to begin its shutdown');
    // No new connection is taken once the shutdown began.
    await until(
      () =>
        fetch(`http://127.0.0.1:${port}/healthz`).then(
          () => false,
          () => true,
        ),
      'the port to stop accepting',
      5000,
    );
    const [finished, hanging] = uploads as [(typeof uploads)[0], (typeof uploads)[0]];
    finished.upload.finish(finished.body.subarray(finished.cut));
    const done = await finished.upload.response;
    expect(done.status).toBe(303);
    expect(done.location).toMatch(new RegExp(`^${base}/confirm\\?draft=`));
    // The other never sends the rest: the server cuts its connection when the grace period is over.
    await expect(hanging.upload.response).rejects.toThrow();
    expect(await r.exited, r.output()).toEqual({ code: 0, signal: null });
    expect(r.output()).toContain('grace period over');
    await until(() => below.every((pid) => !alive(pid)), 'every descendant to exit', 10_000);
    started.splice(started.indexOf(r), 1);

    // Afterwards: the finished upload whole (row, stored file, its SHA-256), nothing of the cut one.
    expect(filesIn(spoolDir)).toEqual([]);
    const db = await openPglite({ dataDir: path.join(dataDir, 'pglite') });
    try {
      const rows = await db.db.select().from(applicationDocuments);
      expect(rows.map((d) => d.seekerId)).toEqual([seekerIds[0]]);
      const [row] = rows;
      expect(row!.size).toBe(document.length);
      const bytes = await createDiskStorage(storageDir).get(row!.storageKey!, row!.sha256);
      expect(Buffer.from(bytes).equals(document)).toBe(true);
      const files = (await readdir(storageDir, { recursive: true, withFileTypes: true })).filter((e) =>
        e.isFile(),
      );
      expect(files.map((f) => f.name)).toEqual([row!.storageKey]);
    } finally {
      await db.close();
    }
  }, 180_000);
});

/**
 * A POST whose body is sent in two steps over a real socket: `first` now, the rest when `finish`
 * is called (or never). `response` settles with the status, or fails when the server cuts it off.
 */
function startUpload(port: number, pathname: string, cookie: string, body: Buffer, cut: number) {
  const req = request({
    host: '127.0.0.1',
    port,
    path: pathname,
    method: 'POST',
    headers: { cookie, 'content-type': MULTIPART_TYPE, 'content-length': String(body.length) },
  });
  const response = new Promise<{ status: number; location: string | null }>((resolve, reject) => {
    req.once('response', (res) => {
      res.resume();
      res.once('end', () => resolve({ status: res.statusCode ?? 0, location: res.headers.location ?? null }));
      res.once('error', reject);
    });
    req.once('error', reject);
  });
  req.write(body.subarray(0, cut));
  return {
    response,
    finish(rest: Buffer) {
      req.end(rest);
    },
  };
}
