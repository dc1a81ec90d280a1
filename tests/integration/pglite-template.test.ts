/**
 * The embedded database template (issue 13, first start): npm install builds it, a new DATA_DIR
 * starts from it, and its data then lives in that directory like any other.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, queryRows } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';
import { buildPgliteTemplate, pgliteTemplateFile, pgliteTemplateFor } from '../../src/db/pglite-template.ts';

let dir: string;
let file: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'hw-template-'));
  file = pgliteTemplateFile(path.join(dir, 'cache'));
  await buildPgliteTemplate(file);
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

const tables = async (h: Awaited<ReturnType<typeof openPglite>>) =>
  (
    await queryRows<{ n: number }>(
      h.db,
      sql`select count(*)::int as n from information_schema.tables where table_schema = 'public'`,
    )
  )[0]?.n ?? 0;

describe('the embedded database template', () => {
  it('is named after the migrations, so a template of other migrations is never taken', () => {
    expect(path.basename(file)).toMatch(/^pglite-template-[0-9a-f]{12}\.tar$/);
    expect(pgliteTemplateFile(path.join(dir, 'cache'))).toBe(file);
  });

  it('starts a new data directory migrated, and the directory keeps its data after a restart', async () => {
    const dataDir = path.join(dir, 'data-1', 'pglite');
    const template = await pgliteTemplateFor(dataDir, file);
    expect(template).not.toBeNull();
    const first = await openPglite({ dataDir, loadDataDir: template! });
    const migrated = await tables(first);
    expect(migrated).toBeGreaterThan(10);
    await migrate(first); // nothing left to apply: the template is current
    await queryRows(first.db, sql`create table template_probe (x int)`);
    await first.close();

    expect(await pgliteTemplateFor(dataDir, file)).toBeNull(); // no longer new
    const again = await openPglite({ dataDir });
    expect(await tables(again)).toBe(migrated + 1);
    await again.close();
  }, 120_000);

  it('gives nothing when the file is missing or for a directory already initialised', async () => {
    expect(await pgliteTemplateFor(path.join(dir, 'data-2'), path.join(dir, 'missing.tar'))).toBeNull();
    const used = path.join(dir, 'data-3');
    await mkdir(used, { recursive: true });
    await writeFile(path.join(used, 'PG_VERSION'), '17\n');
    expect(await pgliteTemplateFor(used, file)).toBeNull();
  });
});
