/**
 * A first start without initdb (issue 13, "a first start under 10 s"): creating an embedded data
 * directory and migrating it takes several seconds, most of the first `npm start`. `npm install`
 * builds a migrated, empty data directory once (scripts/pglite-template.ts, postinstall) as a
 * tarball under node_modules/.cache; a new DATA_DIR starts from it, and migrate() then applies only
 * what is newer. The file name carries the migrations' hash, so a stale template is never used, and
 * a missing or unreadable one only means the slow path.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPglite } from './client.ts';
import { migrate, migrationsFolder } from './migrate.ts';

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
  try {
    if (handle.kind !== 'pglite') throw new Error('expected PGlite');
    await migrate(handle);
    const dump = await handle.pglite.dumpDataDir('none');
    await mkdir(path.dirname(file), { recursive: true });
    const partial = `${file}.${process.pid}.partial`;
    await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
    await rename(partial, file);
  } finally {
    await handle.close();
  }
}

/** The template for a new data directory, or null (no template for these migrations, or unreadable). */
export async function pgliteTemplateFor(dataDir: string, file = pgliteTemplateFile()): Promise<Blob | null> {
  if (!isNewDataDir(dataDir)) return null;
  try {
    return new Blob([await readFile(file)]);
  } catch {
    return null;
  }
}
