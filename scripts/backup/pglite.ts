/**
 * `npm run backup:pglite -- [--out FILE]` and `npm run backup:pglite -- --restore FILE --into DIR`
 * (ADR 0032): backups of a small install on the embedded PGlite (DATA_DIR/pglite). PGlite is one
 * process: the backup takes the data directory's lock (refused, with the process named, while the
 * app runs — stop it first), opens the database, and writes a consistent copy of the whole data
 * directory (PGlite's dumpDataDir, gzip'd tar) — never a copy of files under a running server.
 * Restore writes it into a new folder; point DATA_DIR's pglite there (or move it into place), run
 * `npm run cli -- reapply-erasures`, then start the app.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../src/config.ts';
import { openPglite } from '../../src/db/client.ts';
import { lockDataDir } from '../../src/platform/pglite-lock.ts';

const { values } = parseArgs({
  options: { out: { type: 'string' }, restore: { type: 'string' }, into: { type: 'string' } },
});

async function backup(): Promise<void> {
  const config = loadConfig();
  if (config.database.kind !== 'pglite') {
    throw new Error('DATABASE_URL is set: use npm run backup:base (PostgreSQL) instead');
  }
  const source = config.database.dataDir;
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const out = path.resolve(values.out ?? path.join('backups', `pglite-${stamp}.tar.gz`));
  const started = performance.now();
  const release = await lockDataDir(config.dataDir);
  try {
    const handle = await openPglite({ dataDir: source });
    try {
      if (handle.kind !== 'pglite') throw new Error('not PGlite');
      const dump = await handle.pglite.dumpDataDir('gzip');
      await mkdir(path.dirname(out), { recursive: true });
      await writeFile(out, Buffer.from(await dump.arrayBuffer()), { flush: true });
    } finally {
      await handle.close();
    }
  } finally {
    release();
  }
  process.stdout.write(
    `PGlite ${source} copied to ${out} in ${((performance.now() - started) / 1000).toFixed(1)} s\n` +
      `keep the deletion ledger (${config.ledgerDir}) apart from it: it is never rolled back\n`,
  );
}

async function restore(file: string, into: string): Promise<void> {
  const target = path.resolve(into);
  const existing = await readdir(target).catch(() => []);
  if (existing.length > 0) throw new Error(`${target} is not empty: restore into a new folder`);
  await mkdir(target, { recursive: true });
  const blob = new Blob([await readFile(path.resolve(file))]);
  const handle = await openPglite({ dataDir: target, loadDataDir: blob });
  await handle.close();
  process.stdout.write(
    `restored into ${target}; next: npm run cli -- reapply-erasures, then start the app\n`,
  );
}

try {
  if (values.restore) {
    if (!values.into) throw new Error('--restore FILE needs --into DIR');
    await restore(values.restore, values.into);
  } else {
    await backup();
  }
} catch (error) {
  process.stderr.write(`backup:pglite: ${(error as Error).message}\n`);
  process.exit(1);
}
