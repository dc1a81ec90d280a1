/**
 * The embedded database template (issue 13, first start): npm install builds it, a new DATA_DIR
 * starts from it, and its data then lives in that directory like any other.
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, queryRows } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';
import {
  buildPgliteTemplate,
  pgliteTemplateFile,
  tarEntries,
  unpackPgliteTemplate,
} from '../../src/db/pglite-template.ts';
import { createTestContext } from '../support/test-app.ts';

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
    await mkdir(dataDir, { recursive: true }); // an empty directory, as a start stopped before initialising leaves it
    expect(await unpackPgliteTemplate(dataDir, file)).toBe(true);
    const first = await openPglite({ dataDir });
    const migrated = await tables(first);
    expect(migrated).toBeGreaterThan(10);
    await migrate(first); // nothing left to apply: the template is current
    await queryRows(first.db, sql`create table template_probe (x int)`);
    await first.close();

    expect(await unpackPgliteTemplate(dataDir, file)).toBe(false); // no longer new
    const again = await openPglite({ dataDir });
    expect(await tables(again)).toBe(migrated + 1);
    await again.close();
  }, 120_000);

  it('holds what start-up creates: pg-boss’s schema and every queue the composition makes, so a first start only checks them', async () => {
    expect(await unpackPgliteTemplate(path.join(dir, 'data-4'), file)).toBe(true);
    const first = await openPglite({ dataDir: path.join(dir, 'data-4') });
    const queues = async (db: Parameters<typeof queryRows>[0]) =>
      (await queryRows<{ name: string }>(db, sql`select name from pgboss.queue order by name`)).map(
        (r) => r.name,
      );
    try {
      const ctx = await createTestContext();
      try {
        const made = await queues(ctx.db);
        expect(made.length).toBeGreaterThan(5);
        expect(await queues(first.db)).toEqual(made);
      } finally {
        await ctx.close();
      }
    } finally {
      await first.close();
    }
  }, 120_000);

  it('does nothing when the file is missing, for a directory already initialised, or one holding other files', async () => {
    expect(await unpackPgliteTemplate(path.join(dir, 'data-2'), path.join(dir, 'missing.tar'))).toBe(false);
    const used = path.join(dir, 'data-3');
    await mkdir(used, { recursive: true });
    await writeFile(path.join(used, 'PG_VERSION'), '17\n');
    expect(await unpackPgliteTemplate(used, file)).toBe(false);
    const other = path.join(dir, 'data-5');
    await mkdir(other, { recursive: true });
    await writeFile(path.join(other, 'notes.txt'), 'mine');
    expect(await unpackPgliteTemplate(other, file)).toBe(false);
    expect(await readdir(other)).toEqual(['notes.txt']);
    expect((await readdir(dir)).filter((n) => n.includes('.template-'))).toEqual([]);
  });
});

/** A ustar header block for one entry (the reader does not check the checksum). */
function header(name: string, size: number, type: string): Buffer {
  const h = Buffer.alloc(512);
  h.write(name, 0, 'utf8');
  h.write('0000644\0', 100);
  h.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
  h.write(type, 156);
  h.write('ustar\0', 257);
  return h;
}
const entry = (name: string, body: string, type = '0') => {
  const data = Buffer.from(body);
  return Buffer.concat([
    header(name, data.length, type),
    data,
    Buffer.alloc((512 - (data.length % 512)) % 512),
  ]);
};
const END_BLOCKS = Buffer.alloc(1024);

describe('reading the template archive', () => {
  it('gives directories and files with their bytes, and stops at the end blocks', () => {
    const tar = Buffer.concat([entry('/base', '', '5'), entry('/base/1', 'x'.repeat(600)), END_BLOCKS]);
    const entries = [...tarEntries(tar)];
    expect(entries.map((e) => [e.path, e.type, e.data.length])).toEqual([
      ['/base', 'dir', 0],
      ['/base/1', 'file', 600],
    ]);
  });

  it('refuses links and other entry types, a truncated entry, and an entry outside the directory', async () => {
    expect(() => [...tarEntries(Buffer.concat([entry('/link', '', '2'), END_BLOCKS]))]).toThrow(/type "2"/);
    const cut = entry('/big', 'y'.repeat(2000)).subarray(0, 1024);
    expect(() => [...tarEntries(cut)]).toThrow(/truncated/);
    const outside = path.join(dir, 'outside.tar');
    await writeFile(outside, Buffer.concat([entry('/../outside', 'no'), END_BLOCKS]));
    expect(await unpackPgliteTemplate(path.join(dir, 'data-6'), outside)).toBe(false);
    expect(await readdir(dir)).not.toContain('outside');
  });
});
