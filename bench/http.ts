/**
 * HTTP load on the real search page: the web server (src/server.ts, production mode) runs as a
 * child process against the benchmark database, and autocannon drives /jobs?… from this process.
 * Latencies are recorded per response so p95 can be reported (autocannon's own summary has p97.5).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../src/db/client.ts';
import { summarize } from './stats.ts';

/** application_name of the web server's connections, so the harness can see (and stop) its queries. */
export const WEB_APP_NAME = 'hw-bench-web';

export interface HttpResult {
  id: string;
  path: string;
  seconds: number;
  connections: number;
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Status of the warm-up requests before the load, when not 200. */
  warmupStatus: number | null;
  /** Queries still running on the server after the load ended (cancelled before the next URL). */
  leftoverQueries: number;
}

export interface WebServer {
  baseUrl: string;
  /** The server's own process (node itself, not a wrapper), e.g. to read its memory from /proc. */
  pid: number;
  log: () => string;
  stop(): Promise<void>;
}

export interface WebServerOptions {
  /** More environment (an undefined value removes a variable, e.g. DATABASE_URL for PGlite). */
  env?: Record<string, string | undefined>;
  /** The server's DATA_DIR, owned by the caller (default: a temporary folder removed by stop()). */
  dataDir?: string;
  /** LOG_LEVEL of the server (warn). */
  logLevel?: string;
  /** More arguments for node, before the entry (e.g. --cpu-prof, --trace-gc). */
  nodeArgs?: string[];
  /** The entry to run (src/server.ts; src/main.ts is `npm start`: web, worker and demo seed). */
  entry?: string;
  /** Every chunk of the server's stdout and stderr, as it comes (log() keeps only the last 20 kB). */
  onOutput?: (chunk: string) => void;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `node --import tsx src/server.ts` in production mode and waits for /healthz. Without a
 * database URL it runs on the embedded PGlite in its DATA_DIR.
 */
export async function startWebServer(
  databaseUrl: string | undefined,
  root: string,
  options: WebServerOptions = {},
): Promise<WebServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'hw-bench-web-')));
  const child: ChildProcess = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), '--import', 'tsx', options.entry ?? 'src/server.ts'],
    {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        HOST: '127.0.0.1',
        BASE_URL: baseUrl,
        // Dummy values production insists on; the search page sends no mail.
        SESSION_SECRET: randomBytes(32).toString('base64url'),
        SMTP_URL: 'smtp://127.0.0.1:2525',
        CLAMD_HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        LOG_LEVEL: options.logLevel ?? 'warn',
        PGAPPNAME: WEB_APP_NAME,
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
    options.onOutput?.(chunk.toString());
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(force);
    }
    if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`the web server exited with ${child.exitCode}:\n${output}`);
    }
    try {
      const res = await fetch(`${baseUrl}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the web server did not answer /healthz within 90 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return { baseUrl, pid: child.pid!, log: () => output, stop };
}

async function activeWebQueries(db: Database): Promise<number[]> {
  const rows = await queryRows<{ pid: number }>(
    db,
    sql`select pid from pg_stat_activity where application_name = ${WEB_APP_NAME} and state = 'active'`,
  );
  return rows.map((r) => r.pid);
}

/**
 * Waits until the web server's connections are idle: a slow search keeps running in PostgreSQL
 * after autocannon stops, and would starve the next URL's pool. After `seconds` the rest are
 * cancelled (pg_cancel_backend: the query stops, the session stays).
 */
export async function settle(db: Database, seconds: number): Promise<number> {
  const deadline = Date.now() + seconds * 1000;
  let pids = await activeWebQueries(db);
  const initially = pids.length;
  while (pids.length > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    pids = await activeWebQueries(db);
  }
  for (const pid of pids) await queryRows(db, sql`select pg_cancel_backend(${pid})`);
  return initially;
}

/** Resident memory of a process now and its peak (VmRSS, VmHWM from /proc), in bytes. */
export interface ProcStatus {
  rss: number;
  hwm: number;
}

export function procStatus(pid: number): ProcStatus {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

/**
 * Warms a page (three sequential GETs), then loads it with autocannon. With the benchmark database
 * (`db`), queries the server still runs afterwards are waited for, then cancelled (settle).
 */
export async function loadTest(
  server: WebServer,
  id: string,
  pathAndQuery: string,
  options: { seconds: number; connections: number },
  db?: Database,
): Promise<HttpResult> {
  const url = `${server.baseUrl}${pathAndQuery}`;
  let warmupStatus: number | null = null;
  for (let i = 0; i < 3; i++) {
    const res = await fetch(url, { signal: AbortSignal.timeout(60_000) });
    await res.arrayBuffer();
    if (res.status !== 200) warmupStatus = res.status;
  }
  const latencies: number[] = [];
  const instance = autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    timeout: 30,
  });
  instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  const result = await instance;
  const leftoverQueries = db ? await settle(db, 20) : 0;
  const s = summarize(latencies);
  return {
    id,
    path: pathAndQuery,
    seconds: result.duration,
    connections: options.connections,
    requests: result.requests.total,
    requestsPerSecond: result.requests.total / Math.max(result.duration, 0.001),
    p50: s.p50,
    p95: s.p95,
    p99: s.p99,
    max: s.max,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    warmupStatus,
    leftoverQueries,
  };
}
