/**
 * A PostgreSQL 15 of one test's own (row F2): `initdb` in a temporary folder, started with pg_ctl
 * on a free port, and killed the hard way (`pg_ctl stop -m immediate`: every backend ends at once,
 * no checkpoint, crash recovery at the next start) and started again as often as the test likes.
 * Runs whatever DATABASE_URL says: the shared server on 5432 is never touched. Uses the tooling of
 * tests/support/pg-standby.ts (the machine's PostgreSQL 15 binaries, as `postgres` when root).
 *
 * Durability as in production: fsync, synchronous_commit and full_page_writes stay on (the
 * defaults), so a commit the app was told of has reached the disk before the kill.
 */
import { chown, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from '../../../bench/http.ts';
import { postgresTools, standbyUnavailableReason } from '../../support/pg-standby.ts';

export interface OwnPostgres {
  url: string;
  /** `PostgreSQL 15.x` as the server reports it. */
  version: string;
  running(): boolean;
  /** `pg_ctl stop -m immediate`: the server and every connection to it are gone at once. */
  kill(): Promise<void>;
  /** `pg_ctl start -w`: crash recovery, then the server takes connections again. */
  start(): Promise<void>;
  /** The server's log (for a failure message). */
  logFile: string;
  close(): Promise<void>;
}

/** Why the own PostgreSQL cannot run here, or null when it can. */
export const ownPostgresUnavailableReason = standbyUnavailableReason;

export async function startOwnPostgres(): Promise<OwnPostgres> {
  const { owner, pgCmd, initdb } = postgresTools();
  const root = await mkdtemp(path.join(tmpdir(), 'hw-faults-pg-'));
  const dataDir = path.join(root, 'data');
  const socketDir = path.join(root, 'sockets');
  const logFile = path.join(root, 'server.log');
  await mkdir(socketDir);
  if (owner) {
    await chown(root, owner.uid, owner.gid);
    await chown(socketDir, owner.uid, owner.gid);
  }
  const port = await freePort();
  const options = [
    `-p ${port}`,
    `-k ${socketDir}`,
    '-c listen_addresses=127.0.0.1',
    '-c shared_buffers=32MB',
    '-c max_connections=60',
  ].join(' ');
  let up = false;
  const server: OwnPostgres = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    version: '',
    logFile,
    running: () => up,
    async kill() {
      await pgCmd('pg_ctl', ['stop', '-w', '-m', 'immediate', '-D', dataDir]);
      up = false;
    },
    async start() {
      await pgCmd('pg_ctl', ['start', '-w', '-t', '60', '-D', dataDir, '-l', logFile, '-o', options]);
      up = true;
    },
    async close() {
      if (up) await server.kill().catch(() => {});
      await rm(root, { recursive: true, force: true });
    },
  };
  try {
    await initdb(dataDir);
    await server.start();
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ v: string }>(`select current_setting('server_version') as v`);
      server.version = `PostgreSQL ${rows[0]?.v ?? '?'}`;
    } finally {
      await client.end();
    }
    return server;
  } catch (error) {
    await server.close();
    throw error;
  }
}
