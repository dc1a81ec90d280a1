/**
 * `npm run cluster:up | cluster:down | cluster:status` (ADR 0030): the app as a cluster on one
 * machine, with real processes and the PostgreSQL 15 binaries installed here (no containers):
 *
 *   pg_auto_failover monitor   127.0.0.1:6440
 *   PostgreSQL node 1          127.0.0.1:6441   primary at start
 *   PostgreSQL node 2          127.0.0.1:6442   hot standby by streaming replication (pg_basebackup),
 *                                               synchronous: a commit is acknowledged once the standby has it
 *   web servers                127.0.0.1:3081, :3082
 *   workers                    two (metrics on :9101, :9102)
 *   reverse proxy              http://localhost:3080 (round-robin, skips a web server that is down)
 *
 * The app reaches the database by the multi-host URL
 * `postgres://postgres@127.0.0.1:6441,127.0.0.1:6442/hellowork?target_session_attrs=read-write`:
 * after a failover every process finds the promoted node by itself (src/db/multi-host.ts).
 * Everything lives under `.cluster/` (gitignored): data directories, shared document storage,
 * logs, and state.json with the process ids; `cluster:down` stops it all and removes it.
 *
 * Run as root (as here), PostgreSQL and pg_autoctl run as the `postgres` OS user, which they
 * require. Environment: CLUSTER_SEED_JOBS (200) generated jobs besides the demo accounts.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { DEMO_ACCOUNTS } from '../../src/demo/seed.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CLUSTER_DIR = path.join(ROOT, '.cluster');
const asRoot = process.getuid?.() === 0;

/**
 * The PostgreSQL data directories: .cluster/pg, unless this runs as root in a checkout the
 * postgres user cannot reach (a clone under /root): then a folder of the checkout's own in /tmp.
 */
function postgresDir(): string {
  const inCheckout = path.join(CLUSTER_DIR, 'pg');
  if (!asRoot) return inCheckout;
  try {
    execFileSync('runuser', ['-u', 'postgres', '--', 'test', '-x', ROOT], { stdio: 'ignore' });
    return inCheckout;
  } catch {
    const tag = createHash('sha256').update(ROOT).digest('hex').slice(0, 12);
    return path.join(tmpdir(), `hellowork-cluster-${tag}`, 'pg');
  }
}
const PG_DIR = postgresDir();
const LOG_DIR = path.join(CLUSTER_DIR, 'logs');
const FILES_DIR = path.join(CLUSTER_DIR, 'files');
const STATE_FILE = path.join(CLUSTER_DIR, 'state.json');
const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

export const MONITOR_PORT = 6440;
export const NODE_PORTS = [6441, 6442] as const;
export const WEB_PORTS = [3081, 3082] as const;
export const WORKER_METRICS_PORTS = [9101, 9102] as const;
export const PROXY_PORT = 3080;
export const DATABASE = 'hellowork';
export const CLUSTER_DATABASE_URL = `postgres://postgres@${NODE_PORTS.map((p) => `127.0.0.1:${p}`).join(',')}/${DATABASE}?target_session_attrs=read-write`;
export const nodeUrl = (port: number, db = DATABASE) => `postgres://postgres@127.0.0.1:${port}/${db}`;
export const nodeDataDir = (i: number) => path.join(PG_DIR, `node${i + 1}`);
export { PG_DIR };

/**
 * The monitor's health checks, shortened from pg_auto_failover's defaults (5 s period, 20 s before a
 * node counts as unhealthy, 30 s demote timeout) so a lost primary is replaced in seconds.
 */
const MONITOR_SETTINGS: Record<string, number> = {
  'pgautofailover.health_check_period': 1000,
  'pgautofailover.health_check_timeout': 1000,
  'pgautofailover.health_check_max_retries': 1,
  'pgautofailover.health_check_retry_delay': 500,
  'pgautofailover.node_considered_unhealthy_timeout': 3000,
  'pgautofailover.primary_demote_timeout': 3000,
};

interface State {
  secret: string;
  /** Process-group leaders of the app processes (web, worker, proxy), by name. */
  pids: Record<string, number>;
}

const log = (line: string) => process.stdout.write(`${line}\n`);
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** pg_autoctl's environment: its config, state and runtime files under .cluster/pg. */
function pgEnv(): Record<string, string> {
  return {
    HOME: PG_DIR,
    XDG_CONFIG_HOME: path.join(PG_DIR, 'xdg', 'config'),
    XDG_DATA_HOME: path.join(PG_DIR, 'xdg', 'data'),
    XDG_RUNTIME_DIR: path.join(PG_DIR, 'xdg', 'run'),
    PATH: `${PG_BIN}:/usr/bin:/bin`,
  };
}

/** The command line for pg_autoctl, as the postgres OS user when this runs as root. */
function autoctl(args: string[]): [string, string[]] {
  const env = Object.entries(pgEnv()).map(([k, v]) => `${k}=${v}`);
  return asRoot
    ? ['runuser', ['-u', 'postgres', '--', 'env', ...env, 'pg_autoctl', ...args]]
    : ['env', [...env, 'pg_autoctl', ...args]];
}

function autoctlSync(args: string[], logName: string): void {
  const [cmd, argv] = autoctl(args);
  const out = openSync(path.join(LOG_DIR, logName), 'a');
  execFileSync(cmd, argv, { stdio: ['ignore', out, out] });
}

/** A long-running process in its own process group, its output in .cluster/logs/NAME.log. */
function daemon(
  name: string,
  cmd: string,
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
): ChildProcess {
  const out = openSync(path.join(LOG_DIR, `${name}.log`), 'a');
  const child = spawn(cmd, argv, { detached: true, stdio: ['ignore', out, out], env, cwd: ROOT });
  child.unref();
  return child;
}

async function query<T>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  client.on('error', () => {});
  try {
    await client.connect();
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end().catch(() => {});
  }
}

async function until<T>(what: string, ms: number, check: () => Promise<T | undefined | false>): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await check();
      if (v) return v;
    } catch (error) {
      last = error;
    }
    await wait(250);
  }
  throw new Error(`timed out waiting for ${what}${last ? ` (${(last as Error).message})` : ''}`);
}

function appEnv(state: State, name: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'development',
    DATABASE_URL: CLUSTER_DATABASE_URL,
    DATABASE_POOL_MAX: '10',
    DATA_DIR: path.join(CLUSTER_DIR, 'app', name),
    STORAGE_DIR: FILES_DIR,
    SESSION_SECRET: state.secret,
    BASE_URL: `http://localhost:${PROXY_PORT}`,
    TRUST_PROXY: 'true',
    SEED_DEMO: 'false',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
    ...extra,
  };
}

const node = (script: string, ...args: string[]): [string, string[]] => [
  process.execPath,
  ['--import', 'tsx', script, ...args],
];

async function up(): Promise<void> {
  if (existsSync(STATE_FILE) || existsSync(PG_DIR)) {
    throw new Error(`a cluster is already there (${CLUSTER_DIR}): npm run cluster:down first`);
  }
  const started = performance.now();
  for (const dir of [PG_DIR, LOG_DIR, FILES_DIR]) mkdirSync(dir, { recursive: true });
  if (asRoot) execFileSync('chown', ['-R', 'postgres:postgres', PG_DIR]);
  const state: State = { secret: randomBytes(32).toString('base64url'), pids: {} };
  writeFileSync(STATE_FILE, JSON.stringify(state, null, 2));

  log('monitor: creating …');
  const monitorDir = path.join(PG_DIR, 'monitor');
  autoctlSync(
    [
      'create',
      'monitor',
      '--pgdata',
      monitorDir,
      '--pgport',
      String(MONITOR_PORT),
      '--hostname',
      '127.0.0.1',
    ].concat(['--auth', 'trust', '--no-ssl']),
    'monitor.log',
  );
  daemon('monitor', ...autoctl(['run', '--pgdata', monitorDir]));
  const monitorUrl = nodeUrl(MONITOR_PORT, 'pg_auto_failover');
  await until('the monitor', 30_000, async () => (await query(monitorUrl, 'select 1')).length > 0);
  for (const [name, value] of Object.entries(MONITOR_SETTINGS)) {
    await query(monitorUrl, `alter system set ${name} = ${value}`);
  }
  await query(monitorUrl, 'select pg_reload_conf()');

  const monitorUri = `postgres://autoctl_node@127.0.0.1:${MONITOR_PORT}/pg_auto_failover?sslmode=disable`;
  const createNode = (i: number) =>
    daemon(
      `node${i + 1}`,
      ...autoctl([
        'create',
        'postgres',
        '--pgdata',
        nodeDataDir(i),
        '--pgport',
        String(NODE_PORTS[i]),
        '--hostname',
        '127.0.0.1',
        '--name',
        `node${i + 1}`,
        '--dbname',
        DATABASE,
        '--monitor',
        monitorUri,
        '--auth',
        'trust',
        '--no-ssl',
        '--run',
      ]),
    );
  log('node 1: creating the primary …');
  createNode(0);
  const primaryUrl = nodeUrl(NODE_PORTS[0]);
  await until('node 1 to take writes', 60_000, async () => {
    const [r] = await query<{ r: boolean }>(primaryUrl, 'select pg_is_in_recovery() as r');
    return r?.r === false;
  });
  log('node 2: creating the standby (pg_basebackup) …');
  createNode(1);
  await until('the synchronous standby', 90_000, async () => {
    // pg_basebackup waits for a checkpoint; ask for it now instead of at the next spread one.
    await query(primaryUrl, 'checkpoint').catch(() => {});
    const [s] = await query<{ names: string }>(
      primaryUrl,
      "select current_setting('synchronous_standby_names') as names",
    );
    const [r] = await query<{ state: string }>(
      primaryUrl,
      "select sync_state as state from pg_stat_replication where sync_state in ('sync', 'quorum')",
    );
    return Boolean(s?.names) && Boolean(r);
  });

  log('migrating and seeding …');
  const cliEnv = appEnv(state, 'cli', {});
  const [nodeBin, cliArgs] = node('src/cli.ts', 'migrate');
  execFileSync(nodeBin, cliArgs, { env: cliEnv, cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const jobs = process.env.CLUSTER_SEED_JOBS ?? '200';
  execFileSync(nodeBin, [...cliArgs.slice(0, 2), 'src/cli.ts', 'seed', '--jobs', jobs], {
    env: cliEnv,
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });

  for (const [i, port] of WEB_PORTS.entries()) {
    const name = `web${i + 1}`;
    state.pids[name] = daemon(name, ...node('src/server.ts'), appEnv(state, name, { PORT: String(port) }))
      .pid!;
  }
  for (const [i, port] of WORKER_METRICS_PORTS.entries()) {
    const name = `worker${i + 1}`;
    state.pids[name] = daemon(
      name,
      ...node('src/worker.ts'),
      appEnv(state, name, { METRICS_PORT: String(port) }),
    ).pid!;
  }
  state.pids.proxy = daemon(
    'proxy',
    ...node('scripts/cluster/proxy.ts', String(PROXY_PORT), ...WEB_PORTS.map((p) => `127.0.0.1:${p}`)),
  ).pid!;
  writeFileSync(STATE_FILE, JSON.stringify(state, null, 2));
  for (const port of [...WEB_PORTS, ...WORKER_METRICS_PORTS, PROXY_PORT]) {
    await until(`127.0.0.1:${port}/readyz`, 60_000, async () => {
      const res = await fetch(`http://127.0.0.1:${port}/${port === PROXY_PORT ? 'healthz' : 'readyz'}`);
      return res.ok;
    });
  }
  log(`cluster up in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  await status();
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function down(): Promise<void> {
  const state: State | null = existsSync(STATE_FILE) ? JSON.parse(readFileSync(STATE_FILE, 'utf8')) : null;
  const pids = Object.values(state?.pids ?? {});
  for (const pid of pids) {
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {}
  }
  const deadline = Date.now() + 15_000;
  while (pids.some(alive) && Date.now() < deadline) await wait(100);
  for (const pid of pids.filter(alive)) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {}
  }
  for (const dir of [nodeDataDir(1), nodeDataDir(0), path.join(PG_DIR, 'monitor')]) {
    if (!existsSync(dir)) continue;
    try {
      autoctlSync(['stop', '--pgdata', dir, '--immediate'], 'stop.log');
    } catch {}
    // A node whose pg_autoctl is gone (the failover test kills it) may still run its postgres.
    if (existsSync(path.join(dir, 'postmaster.pid'))) {
      const pid = Number(readFileSync(path.join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
      if (pid > 0 && alive(pid)) process.kill(pid, 'SIGQUIT');
    }
  }
  rmSync(CLUSTER_DIR, { recursive: true, force: true });
  if (!PG_DIR.startsWith(CLUSTER_DIR)) rmSync(path.dirname(PG_DIR), { recursive: true, force: true });
  // pg_autoctl's pid files, outside the state dir.
  rmSync(path.join('/tmp/pg_autoctl', PG_DIR), { recursive: true, force: true });
  log('cluster down: processes stopped, .cluster removed');
}

async function status(): Promise<void> {
  if (!existsSync(STATE_FILE)) {
    log('no cluster (npm run cluster:up)');
    return;
  }
  const state: State = JSON.parse(readFileSync(STATE_FILE, 'utf8'));
  try {
    const [cmd, argv] = autoctl(['show', 'state', '--pgdata', path.join(PG_DIR, 'monitor')]);
    log(execFileSync(cmd, argv, { encoding: 'utf8' }).trimEnd());
  } catch {
    log('monitor: not answering');
  }
  log('');
  log(`site (proxy)   http://localhost:${PROXY_PORT}/   → ${WEB_PORTS.map((p) => `:${p}`).join(', ')}`);
  log(`database       ${CLUSTER_DATABASE_URL}`);
  log(`monitor        postgres://autoctl_node@127.0.0.1:${MONITOR_PORT}/pg_auto_failover`);
  log(`documents      ${FILES_DIR}`);
  log(`logs           ${LOG_DIR}/*.log`);
  log(`postgres data  ${PG_DIR}`);
  for (const [name, pid] of Object.entries(state.pids)) {
    log(`${name.padEnd(14)} pid ${pid} ${alive(pid) ? 'running' : 'NOT RUNNING'}`);
  }
  const seeker = DEMO_ACCOUNTS.seeker;
  log(`demo seeker    ${seeker.email} / ${seeker.password}   (staff: ${DEMO_ACCOUNTS.staff.email})`);
  log('stop with      npm run cluster:down');
}

const command = process.argv[2];
const commands: Record<string, () => Promise<void>> = { up, down, status };
if (import.meta.url === `file://${process.argv[1]}`) {
  const run = command ? commands[command] : undefined;
  if (!run) {
    process.stderr.write('usage: cluster.ts up | down | status\n');
    process.exit(2);
  }
  run().catch((error: Error) => {
    process.stderr.write(`cluster ${command}: ${error.message}\n`);
    process.stderr.write(`logs: ${LOG_DIR}\n`);
    process.exit(1);
  });
}
