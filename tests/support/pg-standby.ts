/**
 * A PostgreSQL 15 primary and a hot standby of it for one test file (ADR 0031): `initdb` in a
 * temporary folder on a free port, `pg_basebackup -R` for the standby (streaming replication, the
 * way issue 17's cluster runs it), both started with pg_ctl and removed by close(). Uses the
 * machine's binaries in /usr/lib/postgresql/15/bin (Debian postgresql-15, which CI installs for the
 * PostgreSQL run). As root (CI) every command runs as the `postgres` user: initdb refuses root.
 * The shared server on 5432 is never touched.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from '../../bench/http.ts';

const run = promisify(execFile);
export const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** Why the standby tests cannot run here, or null when they can. */
export function standbyUnavailableReason(): string | null {
  for (const tool of ['initdb', 'pg_ctl', 'pg_basebackup']) {
    if (!existsSync(path.join(PG_BIN, tool)))
      return `${path.join(PG_BIN, tool)} not found (install postgresql-15)`;
  }
  if (process.getuid?.() === 0) {
    try {
      execFileSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
    } catch {
      return 'running as root without a postgres user to run initdb as';
    }
  }
  return null;
}

export interface PgPair {
  primaryUrl: string;
  standbyUrl: string;
  /** Runs SQL on the standby (its own short-lived connection). */
  standbyQuery<T = Record<string, unknown>>(text: string): Promise<T[]>;
  pauseReplay(): Promise<void>;
  resumeReplay(): Promise<void>;
  /** Waits until the standby has replayed everything the primary has written so far. */
  waitForReplay(timeoutMs?: number): Promise<void>;
  stopStandby(): Promise<void>;
  startStandby(): Promise<void>;
  /** pg_ctl promote: the standby leaves recovery and becomes a primary of its own. */
  promoteStandby(): Promise<void>;
  close(): Promise<void>;
}

/**
 * How this process runs PostgreSQL's tools: as itself, or as root as the `postgres` user (initdb
 * refuses root), with the uid/gid a folder must belong to for that user. Shared with the
 * reliability suite's own PostgreSQL (tests/reliability/support/faults-postgres.ts).
 */
export function postgresTools(): {
  owner: { uid: number; gid: number } | null;
  pgCmd(tool: string, args: string[]): Promise<{ stdout: string; stderr: string }>;
  /** A throwaway cluster in `dataDir`: superuser postgres, trust, UTF-8, C.UTF-8, not synced to disk. */
  initdb(dataDir: string): Promise<unknown>;
} {
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot
    ? {
        uid: Number(execFileSync('id', ['-u', 'postgres']).toString().trim()),
        gid: Number(execFileSync('id', ['-g', 'postgres']).toString().trim()),
      }
    : null;
  const pgCmd = (tool: string, args: string[]) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', path.join(PG_BIN, tool), ...args])
      : run(path.join(PG_BIN, tool), args);
  const initdb = (dataDir: string) =>
    pgCmd('initdb', [
      '-D',
      dataDir,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
      '--no-sync',
    ]);
  return { owner, pgCmd, initdb };
}

export async function startPrimaryAndStandby(): Promise<PgPair> {
  const { owner, pgCmd, initdb } = postgresTools();

  const root = await mkdtemp(path.join(tmpdir(), 'hw-standby-'));
  const primaryDir = path.join(root, 'primary');
  const standbyDir = path.join(root, 'standby');
  const socketDir = path.join(root, 'sockets');
  await mkdir(socketDir);
  if (owner) {
    await chown(root, owner.uid, owner.gid);
    await chown(socketDir, owner.uid, owner.gid);
  }
  const [primaryPort, standbyPort] = [await freePort(), await freePort()];
  // Speed over durability: throwaway clusters. A short status interval keeps the standby's LSNs fresh.
  const options = (port: number) =>
    [
      `-p ${port}`,
      `-k ${socketDir}`,
      '-c listen_addresses=127.0.0.1',
      '-c fsync=off',
      '-c full_page_writes=off',
      '-c shared_buffers=32MB',
      '-c max_connections=40',
      '-c wal_receiver_status_interval=1s',
    ].join(' ');
  const start = (dir: string, port: number) =>
    pgCmd('pg_ctl', [
      'start',
      '-w',
      '-t',
      '30',
      '-D',
      dir,
      '-l',
      path.join(root, `${path.basename(dir)}.log`),
      '-o',
      options(port),
    ]);
  let primaryStarted = false;
  let standbyRunning = false;

  const pair: PgPair = {
    primaryUrl: `postgres://postgres@127.0.0.1:${primaryPort}/postgres`,
    standbyUrl: `postgres://postgres@127.0.0.1:${standbyPort}/postgres`,
    async standbyQuery<T>(text: string) {
      const client = new pg.Client({ connectionString: pair.standbyUrl });
      await client.connect();
      try {
        return (await client.query(text)).rows as T[];
      } finally {
        await client.end();
      }
    },
    async pauseReplay() {
      await pair.standbyQuery('select pg_wal_replay_pause()');
    },
    async resumeReplay() {
      await pair.standbyQuery('select pg_wal_replay_resume()');
    },
    async waitForReplay(timeoutMs = 10_000) {
      const primary = new pg.Client({ connectionString: pair.primaryUrl });
      await primary.connect();
      let target: string;
      try {
        target = (await primary.query<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn')).rows[0]!
          .lsn;
      } finally {
        await primary.end();
      }
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const [row] = await pair.standbyQuery<{ done: boolean }>(
          `select pg_last_wal_replay_lsn() >= '${target}'::pg_lsn as done`,
        );
        if (row?.done) return;
        if (Date.now() > deadline)
          throw new Error(`standby did not replay up to ${target} in ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async stopStandby() {
      if (!standbyRunning) return;
      await pgCmd('pg_ctl', ['stop', '-w', '-m', 'immediate', '-D', standbyDir]);
      standbyRunning = false;
    },
    async startStandby() {
      if (standbyRunning) return;
      await start(standbyDir, standbyPort);
      standbyRunning = true;
    },
    async promoteStandby() {
      await pgCmd('pg_ctl', ['promote', '-w', '-t', '30', '-D', standbyDir]);
    },
    async close() {
      await pair.stopStandby().catch(() => {});
      if (primaryStarted)
        await pgCmd('pg_ctl', ['stop', '-w', '-m', 'immediate', '-D', primaryDir]).catch(() => {});
      await rm(root, { recursive: true, force: true });
    },
  };

  try {
    await initdb(primaryDir);
    await start(primaryDir, primaryPort);
    primaryStarted = true;
    await pgCmd('pg_basebackup', [
      '-h',
      '127.0.0.1',
      '-p',
      String(primaryPort),
      '-U',
      'postgres',
      '-D',
      standbyDir,
      '-R',
      '-X',
      'stream',
      '-c',
      'fast',
      '--no-sync',
    ]);
    await pair.startStandby();
    return pair;
  } catch (error) {
    await pair.close();
    throw error;
  }
}
