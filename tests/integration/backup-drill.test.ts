/**
 * The restore drill (ADR 0032) as operators run it: `npm run backup:drill` initdb's a primary of
 * its own with WAL archiving, writes applications, takes a base backup, writes more, restores to
 * a point in time into a new cluster and checks the rows; and the embedded PGlite backup round
 * trip of `npm run backup:pglite`. Needs the PostgreSQL 15 binaries (PG_BIN).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../src/db/client.ts';

const run = promisify(execFile);
const tsx = (script: string, args: string[], env: Record<string, string> = {}) =>
  run(process.execPath, ['--import', 'tsx', script, ...args], {
    env: { ...process.env, ...env },
    maxBuffer: 4 * 1024 * 1024,
  });

const work = await mkdtemp(path.join(tmpdir(), 'hw-backup-test-'));
afterAll(() => rm(work, { recursive: true, force: true }));

describe('backups', () => {
  it('backup:drill restores a base backup plus archived WAL to a point in time and finds exactly the rows written before it', async () => {
    const { stdout } = await tsx('scripts/backup/drill.ts', []);
    const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as {
      ok: boolean;
      counts: Record<string, number>;
      timingsMs: Record<string, number>;
      totalMs: number;
      dir: string;
    };
    expect(result.counts).toEqual({ A: 20, B: 20, C: 0 });
    expect(result.ok).toBe(true);
    expect(Object.keys(result.timingsMs)).toEqual(
      expect.arrayContaining(['base backup (pg_basebackup + verify)', 'restore: replay WAL to the target']),
    );
    expect(stdout).toMatch(/phase A 20\/20, B 20\/20, C 0 \(expected 0\) — OK/);
    // The clusters were stopped and the folder removed (no --keep).
    await expect(stat(result.dir)).rejects.toMatchObject({ code: 'ENOENT' });
    process.stdout.write(
      `backup drill: ${(result.totalMs / 1000).toFixed(1)} s ${JSON.stringify(result.timingsMs)}\n`,
    );
  }, 180_000);

  // The embedded database's backup: once, in the PGlite pass of CI (it does not use DATABASE_URL).
  it.skipIf(Boolean(process.env.DATABASE_URL))(
    'backup:pglite writes a consistent copy of the embedded database and restores it into a new folder',
    async () => {
      const dataDir = path.join(work, 'data');
      const source = await openPglite({ dataDir: path.join(dataDir, 'pglite') });
      if (source.kind !== 'pglite') throw new Error('PGlite expected');
      await source.pglite.exec("create table kept (v text); insert into kept values ('応募 1'), ('応募 2')");
      // While the database is open here (the lock of a running app is what refuses a second process):
      await source.close();
      const out = path.join(work, 'pglite.tar.gz');
      // Vitest sets BASE_URL=/ for its own use; an empty value is unset for the app.
      const env = { DATA_DIR: dataDir, DATABASE_URL: '', BASE_URL: '' };
      await tsx('scripts/backup/pglite.ts', ['--out', out], env);
      expect((await stat(out)).size).toBeGreaterThan(0);
      const into = path.join(work, 'restored');
      await tsx('scripts/backup/pglite.ts', ['--restore', out, '--into', into], env);
      const restored = await openPglite({ dataDir: into });
      if (restored.kind !== 'pglite') throw new Error('PGlite expected');
      const { rows } = await restored.pglite.query<{ v: string }>('select v from kept order by v');
      await restored.close();
      expect(rows.map((r) => r.v)).toEqual(['応募 1', '応募 2']);
    },
    120_000,
  );
});
