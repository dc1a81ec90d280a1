/**
 * A first start without initdb (issue 13, "a first start under 10 s"): creating an embedded data
 * directory and migrating it takes several seconds, most of the first `npm start`. `npm install`
 * builds a migrated, empty data directory once (scripts/pglite-template.ts, postinstall) as a
 * tarball under node_modules/.cache; a new DATA_DIR starts from it, and migrate() then applies only
 * what is newer. The template is what the composition's start-up leaves in an empty database (the
 * migrations, pg-boss's schema and every job queue), built by that composition itself; no demo
 * data, which is dated by the day it is written. The file name carries the migrations' hash, so a
 * stale template is never used, and a missing or unreadable one only means the slow path.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPglite } from './client.ts';
import { migrationsFolder } from './migrate.ts';

const CACHE_DIR = fileURLToPath(new URL('../../node_modules/.cache/hello-work', import.meta.url));

/** The template for the migrations as they are now. */
export function pgliteTemplateFile(cacheDir = CACHE_DIR): string {
  const journal = readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'));
  const key = createHash('sha256').update(journal).digest('hex').slice(0, 12);
  return path.join(cacheDir, `pglite-template-${key}.tar`);
}

/** A data directory PGlite has never initialised (no PG_VERSION). */
export function isNewDataDir(dataDir: string): boolean {
  return !existsSync(path.join(dataDir, 'PG_VERSION'));
}

export async function buildPgliteTemplate(file = pgliteTemplateFile()): Promise<void> {
  const handle = await openPglite();
  // The composition's own start-up, on this database, with its files in a scratch folder. Loaded
  // here, not at the top: the composition imports this module to find the template.
  const { buildDeps } = await import('../compose.ts');
  const { loadConfig } = await import('../config.ts');
  const { createLogger } = await import('../platform/logger.ts');
  const { createUnavailableScanner } = await import('../adapters/virus-scan/unavailable-scanner.ts');
  const scratch = await mkdtemp(path.join(tmpdir(), 'hw-template-'));
  try {
    if (handle.kind !== 'pglite') throw new Error('expected PGlite');
    const composition = await buildDeps(loadConfig({ NODE_ENV: 'development', DATA_DIR: scratch }), {
      dbHandle: handle,
      logger: createLogger('silent'),
      secret: 'template',
      virusScanner: createUnavailableScanner('building the template'),
    });
    await composition.close();
    const dump = await handle.pglite.dumpDataDir('none');
    await mkdir(path.dirname(file), { recursive: true });
    const partial = `${file}.${process.pid}.partial`;
    await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
    await rename(partial, file);
  } finally {
    await handle.close();
    await rm(scratch, { recursive: true, force: true });
  }
}

/** One entry of an uncompressed ustar archive, the format PGlite's dumpDataDir writes. */
export interface TarEntry {
  path: string;
  type: 'dir' | 'file';
  mode: number;
  data: Buffer;
}

/** The entries of an uncompressed ustar archive: directories and regular files (anything else is refused). */
export function* tarEntries(tar: Buffer): Generator<TarEntry> {
  for (let at = 0; at + 512 <= tar.length; ) {
    const header = tar.subarray(at, at + 512);
    if (header.every((b) => b === 0)) return; // the end-of-archive blocks
    const field = (start: number, length: number) => {
      const bytes = header.subarray(start, start + length);
      const end = bytes.indexOf(0);
      return bytes.subarray(0, end < 0 ? length : end).toString('utf8');
    };
    const octal = (start: number, length: number) => Number.parseInt(field(start, length).trim() || '0', 8);
    const name = field(0, 100);
    const prefix = field(345, 155);
    const size = octal(124, 12);
    const flag = field(156, 1);
    const entryPath = prefix ? `${prefix}/${name}` : name;
    if (!Number.isSafeInteger(size) || at + 512 + size > tar.length)
      throw new Error(`truncated tar entry ${entryPath}`);
    const data = tar.subarray(at + 512, at + 512 + size);
    at += 512 + Math.ceil(size / 512) * 512;
    if (flag === '5') yield { path: entryPath, type: 'dir', mode: octal(100, 8), data };
    else if (flag === '0' || flag === '') yield { path: entryPath, type: 'file', mode: octal(100, 8), data };
    else throw new Error(`unsupported tar entry type "${flag}" (${entryPath})`);
  }
}

/** `entry` inside `root`; an entry that would leave it (`..`) is refused. */
function inside(root: string, entry: string): string {
  const target = path.resolve(root, `./${entry}`);
  if (target !== root && !target.startsWith(root + path.sep)) throw new Error(`tar entry outside: ${entry}`);
  return target;
}

/**
 * Starts a new data directory from the template: the archive is unpacked next to it and moved into
 * place with one rename, so a start stopped half-way leaves no half directory (the next start
 * unpacks again). False when there is nothing to do or it cannot be done (not new, no template for
 * these migrations, unreadable, or the directory holds other files): PGlite then creates the
 * directory itself, only slower.
 */
export async function unpackPgliteTemplate(dataDir: string, file = pgliteTemplateFile()): Promise<boolean> {
  if (!isNewDataDir(dataDir)) return false;
  let tar: Buffer;
  try {
    tar = await readFile(file);
  } catch {
    return false;
  }
  const root = path.resolve(dataDir);
  const staging = `${root}.template-${process.pid}`;
  try {
    await rm(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true, mode: 0o700 });
    // Synchronous on purpose: a thousand small files through the thread pool one after another
    // took seconds, and nothing else runs while the database is being opened.
    for (const entry of tarEntries(tar)) {
      const target = inside(staging, entry.path);
      if (entry.type === 'dir') mkdirSync(target, { recursive: true, mode: entry.mode || 0o700 });
      else {
        mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
        writeFileSync(target, entry.data, { mode: entry.mode || 0o600 });
      }
    }
    // An empty directory (made by an earlier start that stopped before initialising) is replaced.
    await rmdir(root).catch(() => {});
    await rename(staging, root);
    return true;
  } catch {
    await rm(staging, { recursive: true, force: true }).catch(() => {});
    return false;
  }
}
