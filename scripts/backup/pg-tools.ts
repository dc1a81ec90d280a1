/**
 * Helpers of the backup scripts (ADR 0032): the PostgreSQL 15 binaries (PG_BIN, default
 * /usr/lib/postgresql/15/bin), run as the `postgres` OS user when we are root (initdb and the
 * server refuse root), a free port, starting and stopping a cluster, a base backup, and a data
 * directory prepared for point-in-time recovery from a WAL archive.
 */
import { execFile } from 'node:child_process';
import { appendFile, chmod, chown, cp, readdir, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);
export const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
const isRoot = process.getuid?.() === 0;

/** The uid/gid the server runs as: `postgres` when we are root, else ourselves. */
export async function serverOwner(): Promise<{ uid: number; gid: number } | undefined> {
  if (!isRoot) return undefined;
  const uid = Number((await exec('id', ['-u', 'postgres'])).stdout.trim());
  const gid = Number((await exec('id', ['-g', 'postgres'])).stdout.trim());
  return { uid, gid };
}

/** Runs a PostgreSQL binary (as `postgres` when root); returns its stdout. */
export async function pg(bin: string, args: string[], options: { asServer?: boolean } = {}): Promise<string> {
  const file = path.join(PG_BIN, bin);
  const asPostgres = isRoot && (options.asServer ?? true);
  const [cmd, argv] = asPostgres ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
  try {
    const { stdout } = await exec(cmd, argv, { maxBuffer: 16 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(`${bin} failed: ${(e.stderr ?? '').trim() || e.message}`);
  }
}

/** Gives a folder (recursively) to the server's user, so that it can own its data and archive. */
export async function giveToServer(dir: string): Promise<void> {
  const owner = await serverOwner();
  if (!owner) return;
  const walk = async (p: string): Promise<void> => {
    await chown(p, owner.uid, owner.gid);
    if ((await stat(p)).isDirectory()) {
      for (const name of await readdir(p)) await walk(path.join(p, name));
    }
  };
  await walk(dir);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface Cluster {
  dataDir: string;
  port: number;
  socketDir: string;
  url: string;
}

export function clusterAt(dataDir: string, port: number, socketDir: string): Cluster {
  return { dataDir, port, socketDir, url: `postgres://postgres@127.0.0.1:${port}/postgres` };
}

/** Settings appended to postgresql.auto.conf of a cluster of ours: its port, local only, its own socket folder. */
export async function writeSettings(
  dataDir: string,
  settings: Record<string, string | number>,
): Promise<void> {
  const lines = Object.entries(settings).map(
    ([k, v]) => `${k} = ${typeof v === 'number' ? v : `'${v.replaceAll("'", "''")}'`}\n`,
  );
  await appendFile(path.join(dataDir, 'postgresql.auto.conf'), lines.join(''));
}

export async function startCluster(cluster: Cluster, logFile: string): Promise<void> {
  await pg('pg_ctl', ['-D', cluster.dataDir, '-l', logFile, '-w', '-t', '120', 'start']);
}

export async function stopCluster(cluster: Cluster): Promise<void> {
  await pg('pg_ctl', ['-D', cluster.dataDir, '-m', 'fast', '-w', 'stop']).catch(() => {});
}

/**
 * pg_basebackup of a running server into `out` (plain format, the WAL it needs streamed in, a
 * SHA-256 manifest), then pg_verifybackup. The server must archive its WAL (archive_mode on) for
 * a point-in-time restore past the backup.
 */
export async function baseBackup(url: string, out: string): Promise<void> {
  await pg(
    'pg_basebackup',
    ['-d', url, '-D', out, '-Fp', '-Xs', '-c', 'fast', '--manifest-checksums=SHA256'],
    {
      asServer: false,
    },
  );
  await pg('pg_verifybackup', [out], { asServer: false });
}

/**
 * A new data directory from a base backup, set to recover from the WAL archive — to `targetTime`
 * when given (then promote), else to the end of the archive — on `port`.
 */
export async function prepareRestore(o: {
  base: string;
  archive: string;
  dataDir: string;
  port: number;
  socketDir: string;
  targetTime?: string;
}): Promise<void> {
  await cp(o.base, o.dataDir, { recursive: true, errorOnExist: true, force: false });
  await writeSettings(o.dataDir, {
    port: o.port,
    listen_addresses: '127.0.0.1',
    unix_socket_directories: o.socketDir,
    archive_mode: 'off',
    restore_command: `cp "${o.archive}/%f" "%p"`,
    ...(o.targetTime
      ? { recovery_target_time: serverTime(o.targetTime), recovery_target_action: 'promote' }
      : {}),
  });
  await writeFile(path.join(o.dataDir, 'recovery.signal'), '');
  await chmod(o.dataDir, 0o700);
  await giveToServer(o.dataDir);
}

/** An ISO 8601 time (2026-12-02T21:13:36.128741Z) as PostgreSQL's recovery_target_time takes it. */
export function serverTime(iso: string): string {
  return iso.replace('T', ' ').replace(/Z$/, '+00');
}
