/**
 * The deletion ledger (SPEC DR-2, ADR 0032): every erasure of stored document bytes — a cancel, a
 * withheld scan, a draft's housekeeping, the retention run — is appended to LEDGER_DIR before the
 * bytes go; after a restore of an older database (and of older storage) `reapplyErasures` makes the
 * same documents gone again, idempotently, and a torn last line of the ledger is tolerated.
 *
 * The "restore" is real: the database is dumped before the erasures (PGlite's data dir, or
 * pg_dump on PostgreSQL) and loaded into a new database, the storage folder copied back.
 */
import { execFile } from 'node:child_process';
import { appendFile, cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { eq, inArray } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertLedgerWritable } from '../../src/adapters/ledger/deletion-ledger.ts';
import { newStorageKey } from '../../src/adapters/storage/file-storage.ts';
import { buildDeps, type Composition } from '../../src/compose.ts';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { type DbHandle, openPglite, openPostgres } from '../../src/db/client.ts';
import {
  applicationDocuments,
  applicationDrafts,
  applications,
  jobPostings,
} from '../../src/db/schema/index.ts';
import { insertDocuments } from '../../src/modules/applications/applications.repository.ts';
import { openTarget, saveDraft } from '../../src/modules/applications/apply.ts';
import { cancelApplication } from '../../src/modules/applications/cancel-application.ts';
import { runDocumentRetention } from '../../src/modules/applications/document-retention.job.ts';
import { cleanUpDrafts } from '../../src/modules/applications/draft-cleanup.job.ts';
import { reapplyErasures } from '../../src/modules/applications/reapply-erasures.ts';
import { registerResult } from '../../src/modules/applications/register-result.ts';
import { scanApplicationDocuments } from '../../src/modules/applications/scan-documents.job.ts';
import { createMemoryLogger } from '../../src/platform/logger.ts';
import { createApplication, createJob, createSeeker } from '../support/factories.ts';
import { withDatabase } from '../support/global-setup.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

const run = promisify(execFile);
const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

let ctx: TestContext;
let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'hw-ledger-test-'));
  ctx = await createTestContext();
});
afterAll(async () => {
  await restored?.close();
  await restoredDb?.close();
  await ctx?.close();
  await rm(work, { recursive: true, force: true });
});

interface Doc {
  id: string;
  storageKey: string;
  sha256: string;
}

/** Stores bytes and writes their document row, as 「応募」 (or a draft's upload) leaves them. */
async function putDocument(
  seekerId: string,
  owner: { applicationId: string } | { draftKey: string },
  scanState: 'clean' | 'pending',
): Promise<Doc> {
  const bytes = Buffer.from(`%PDF-1.7\n履歴書 ${newStorageKey()}\n`);
  const stored = await ctx.deps.storage.put(newStorageKey(), bytes);
  const id = crypto.randomUUID();
  await insertDocuments(ctx.db, [
    {
      id,
      seekerId,
      ...owner,
      kind: 'resume',
      originalName: '履歴書.pdf',
      fileType: 'pdf',
      contentType: 'application/pdf',
      size: bytes.length,
      sha256: stored.sha256,
      storageKey: stored.key,
      position: 0,
      scanState,
      createdAt: ctx.clock.now(),
    },
  ]);
  return { id, storageKey: stored.key, sha256: stored.sha256 };
}

/** A restorable copy of the database as it is now. */
async function snapshotDatabase(handle: DbHandle): Promise<() => Promise<DbHandle>> {
  if (handle.kind === 'pglite') {
    const dump = await handle.pglite.dumpDataDir('none');
    return () => openPglite({ loadDataDir: dump });
  }
  const file = path.join(work, 'db.dump');
  await run(`${PG_BIN}/pg_dump`, ['-Fc', '-f', file, '-d', handle.url]);
  return async () => {
    const name = `${new URL(handle.url).pathname.slice(1)}_restored`;
    const admin = new pg.Client({ connectionString: handle.url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = withDatabase(handle.url, name);
    await run(`${PG_BIN}/pg_restore`, ['--no-owner', '-d', url, file]);
    return openPostgres(url, 4);
  };
}

let restoredDb: DbHandle | undefined;
let restored: Composition | undefined;
const erased: Record<'cancelled' | 'withheld' | 'draft' | 'retention', Doc[]> = {
  cancelled: [],
  withheld: [],
  draft: [],
  retention: [],
};
const ids = { cancelled: '', withheld: '', retention: '' };
let restoreDatabase: () => Promise<DbHandle>;
let storageCopy: string;

describe('deletion ledger', () => {
  it('DR-2 every erasure of stored bytes is in the ledger before the bytes are gone', async () => {
    const { seeker } = await createSeeker(ctx.deps);
    const cancelled = await createApplication(ctx.deps, { seekerId: seeker.id, documentsByMypage: true });
    const withheld = await createApplication(ctx.deps, { seekerId: seeker.id, documentsByMypage: true });
    const retention = await createApplication(ctx.deps, { seekerId: seeker.id, documentsByMypage: true });
    ids.cancelled = cancelled.application.id;
    ids.withheld = withheld.application.id;
    ids.retention = retention.application.id;
    erased.cancelled.push(
      await putDocument(seeker.id, { applicationId: ids.cancelled }, 'clean'),
      await putDocument(seeker.id, { applicationId: ids.cancelled }, 'clean'),
    );
    erased.withheld.push(await putDocument(seeker.id, { applicationId: ids.withheld }, 'pending'));
    erased.retention.push(await putDocument(seeker.id, { applicationId: ids.retention }, 'clean'));
    const draftKey = crypto.randomUUID();
    await ctx.db.insert(applicationDrafts).values({
      seekerId: seeker.id,
      key: draftKey,
      jobId: cancelled.job.id,
      updatedAt: new Date(ctx.clock.now().getTime() - 2 * 24 * 3600_000),
    });
    erased.draft.push(await putDocument(seeker.id, { draftKey }, 'pending'));

    // The backup: database and storage as they are before any erasure.
    restoreDatabase = await snapshotDatabase(ctx.deps.dbHandle);
    storageCopy = path.join(work, 'files-backup');
    await cp(ctx.deps.config.storageDir, storageCopy, { recursive: true });

    // 1. 取消 (CX-3). 2. A scan finds a virus (AP-5). 3. An abandoned draft. 4. The retention end (DR-1).
    const outcome = await cancelApplication(ctx.deps, seeker.id, ids.cancelled, {
      reason: 'found_job',
      note: '',
      consented: true,
    });
    expect(outcome?.ok).toBe(true);
    const scan = await scanApplicationDocuments(
      {
        ...ctx.deps,
        scanner: { scan: async () => ({ kind: 'infected', signature: 'Eicar-Test-Signature' }) },
      },
      ids.withheld,
    );
    expect(scan.withheld).toBe(1);
    expect(await cleanUpDrafts(ctx.deps)).toBeGreaterThanOrEqual(1);
    await ctx.db
      .update(jobPostings)
      .set({ closedOn: '2026-01-15' })
      .where(eq(jobPostings.id, retention.job.id));
    const swept = await runDocumentRetention({ ...ctx.deps, logger: createMemoryLogger() });
    expect(swept.failed).toBe(0);

    const { entries, skipped } = await ctx.deps.ledger.read();
    expect(skipped).toBe(0);
    const byKey = new Map(entries.map((e) => [e.storageKey, e]));
    const expectations: [Doc, string, string | null][] = [
      ...erased.cancelled.map((d) => [d, 'cancelled', ids.cancelled] as [Doc, string, string]),
      [erased.withheld[0]!, 'withheld', ids.withheld],
      [erased.draft[0]!, 'draft-expired', null],
      [erased.retention[0]!, 'retention', ids.retention],
    ];
    for (const [doc, reason, applicationId] of expectations) {
      expect(byKey.get(doc.storageKey), reason).toMatchObject({
        v: 1,
        reason,
        documentId: doc.id,
        applicationId,
        sha256: doc.sha256,
        at: ctx.clock.now().toISOString(),
      });
      expect(await ctx.deps.storage.exists(doc.storageKey)).toBe(false);
    }
    expect(byKey.get(erased.withheld[0]!.storageKey)?.finding).toBe('Eicar-Test-Signature');
    // One JSON object a line, every line ended, in a file of the month.
    const files = await readdir(ctx.deps.config.ledgerDir);
    expect(files).toEqual([`erasures-${ctx.clock.now().toISOString().slice(0, 7)}.jsonl`]);
    const text = await readFile(path.join(ctx.deps.config.ledgerDir, files[0]!), 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    expect(text.trim().split('\n')).toHaveLength(entries.length);
  });

  it('DR-2 after a restore of the older database and storage, re-applying the ledger erases them again', async () => {
    restoredDb = await restoreDatabase();
    await cp(storageCopy, ctx.deps.config.storageDir, { recursive: true, force: true });
    const all = Object.values(erased).flat();
    // What the restore brought back: rows with storage keys, bytes on disk, applications not erased.
    for (const doc of all) expect(await ctx.deps.storage.exists(doc.storageKey)).toBe(true);
    const before = await restoredDb.db
      .select()
      .from(applicationDocuments)
      .where(
        inArray(
          applicationDocuments.id,
          all.map((d) => d.id),
        ),
      );
    expect(before.filter((d) => d.storageKey !== null)).toHaveLength(all.length);

    restored = await buildDeps(ctx.deps.config, {
      dbHandle: restoredDb,
      migrate: false,
      clock: ctx.clock,
      logger: createMemoryLogger(),
      mailer: { send: async () => {}, close: async () => {} } as never,
      virusScanner: ctx.deps.virusScanner,
    });
    const result = await reapplyErasures(restored.deps);
    expect(result).toMatchObject({
      files: 1,
      skipped: 0,
      filesDeleted: all.length,
      draftRowsDropped: 1,
      documentRowsCleared: all.length - 1,
      applicationsMarked: 2,
    });
    expect(result.entries).toBe(all.length);

    for (const doc of all) expect(await ctx.deps.storage.exists(doc.storageKey)).toBe(false);
    const docs = await restoredDb.db
      .select()
      .from(applicationDocuments)
      .where(
        inArray(
          applicationDocuments.id,
          all.map((d) => d.id),
        ),
      );
    expect(docs.map((d) => d.id).sort()).toEqual(
      all
        .filter((d) => d !== erased.draft[0])
        .map((d) => d.id)
        .sort(),
    );
    expect(docs.every((d) => d.storageKey === null)).toBe(true);
    const withheldDoc = docs.find((d) => d.id === erased.withheld[0]!.id)!;
    expect(withheldDoc).toMatchObject({ scanState: 'withheld', scanFinding: 'Eicar-Test-Signature' });
    const apps = await restoredDb.db
      .select({
        id: applications.id,
        at: applications.documentsErasedAt,
        cause: applications.documentsErasedCause,
      })
      .from(applications)
      .where(inArray(applications.id, [ids.cancelled, ids.withheld, ids.retention]));
    const cause = Object.fromEntries(apps.map((a) => [a.id, a.cause]));
    expect(cause).toEqual({
      [ids.cancelled]: 'cancelled',
      [ids.withheld]: null,
      [ids.retention]: 'retention',
    });
    expect(apps.find((a) => a.id === ids.cancelled)!.at?.toISOString()).toBe(ctx.clock.now().toISOString());
  });

  it('DR-2 re-applying again changes nothing and says so', async () => {
    const again = await reapplyErasures(restored!.deps);
    expect(again).toMatchObject({
      filesDeleted: 0,
      draftRowsDropped: 0,
      documentRowsCleared: 0,
      applicationsMarked: 0,
      skipped: 0,
    });
    expect(again.entries).toBe(Object.values(erased).flat().length);
  });

  it('DR-2 a torn last line (a crash mid-append) is skipped, and the next append starts on a line of its own', async () => {
    const dir = ctx.deps.config.ledgerDir;
    const [file] = await readdir(dir);
    const count = Object.values(erased).flat().length;
    await appendFile(path.join(dir, file!), '{"v":1,"at":"2026-11-21T01:00:00.000Z","reason":"canc');
    const torn = await ctx.deps.ledger.read();
    expect(torn).toMatchObject({ skipped: 1 });
    expect(torn.entries).toHaveLength(count);
    expect((await reapplyErasures(restored!.deps)).skipped).toBe(1);

    const { seeker } = await createSeeker(ctx.deps);
    const app = await createApplication(ctx.deps, { seekerId: seeker.id, documentsByMypage: true });
    const doc = await putDocument(seeker.id, { applicationId: app.application.id }, 'clean');
    expect(
      (
        await cancelApplication(ctx.deps, seeker.id, app.application.id, {
          reason: 'health',
          note: '',
          consented: true,
        })
      )?.ok,
    ).toBe(true);
    const after = await ctx.deps.ledger.read();
    expect(after.skipped).toBe(1);
    expect(after.entries).toHaveLength(count + 1);
    expect(after.entries.at(-1)).toMatchObject({ documentId: doc.id, reason: 'cancelled' });
  });

  it('DR-2 a 選考結果, a draft file the seeker removes and an upload over the limit are in the ledger too', async () => {
    const { seeker } = await createSeeker(ctx.deps);
    const decided = await createApplication(ctx.deps, { seekerId: seeker.id, documentsByMypage: true });
    const doc = await putDocument(seeker.id, { applicationId: decided.application.id }, 'clean');
    const outcome = await registerResult(ctx.deps, decided.employer.id, decided.application.id, {
      result: 'not_hired',
      conditionsDiffer: 'no',
      conditionsNote: '',
    });
    expect(outcome?.ok).toBe(true);

    const job = await createJob(
      ctx.deps,
      { documentMethods: ['mypage'], acceptsOnlineApplication: true },
      decided.employer,
    );
    const target = await openTarget(ctx.deps, ctx.db, seeker.id, {
      route: 'direct',
      jobNumber: job.jobNumber,
    });
    expect(target?.takesDocuments).toBe(true);
    const uploads = [];
    for (let i = 0; i < 5; i++) {
      const stored = await ctx.deps.storage.put(newStorageKey(), Buffer.from(`%PDF-1.7\n${i}\n`));
      uploads.push({
        kind: 'resume' as const,
        originalName: `履歴書${i}.pdf`,
        fileType: 'pdf',
        contentType: 'application/pdf',
        size: stored.size,
        sha256: stored.sha256,
        storageKey: stored.key,
      });
    }
    const key = crypto.randomUUID();
    const draft = { key, motivation: '', remarks: '', consented: false };
    const first = await saveDraft(ctx.deps, target!, { ...draft, uploads, removeIds: [] });
    expect(first.documents).toHaveLength(4);
    expect(first.dropped).toHaveLength(1);
    const removed = first.documents[0]!;
    await saveDraft(ctx.deps, target!, { ...draft, uploads: [], removeIds: [removed.id] });

    const { entries } = await ctx.deps.ledger.read();
    const byKey = new Map(entries.map((e) => [e.storageKey, e]));
    expect(byKey.get(doc.storageKey)).toMatchObject({ reason: 'decided', documentId: doc.id });
    expect(byKey.get(first.dropped[0]!.storageKey)).toMatchObject({
      reason: 'draft-over-limit',
      documentId: null,
    });
    expect(byKey.get(removed.storageKey!)).toMatchObject({ reason: 'draft-removed', documentId: removed.id });
    for (const k of [doc.storageKey, first.dropped[0]!.storageKey, removed.storageKey!]) {
      expect(await ctx.deps.storage.exists(k)).toBe(false);
    }
  });

  it('LEDGER_DIR defaults under DATA_DIR; a folder that cannot be written stops start-up with one clear line', async () => {
    expect(loadConfig({ DATA_DIR: '/srv/hw' }).ledgerDir).toBe(path.resolve('/srv/hw/ledger'));
    expect(loadConfig({ LEDGER_DIR: '/mnt/ledger' }).ledgerDir).toBe('/mnt/ledger');
    // Not there yet: fine when its parent may be written (created at the first erasure, not now).
    await expect(assertLedgerWritable(path.join(work, 'later', 'ledger'))).resolves.toBeUndefined();
    expect(await readdir(work)).not.toContain('later');
    const blocker = path.join(work, 'a-file');
    await writeFile(blocker, 'x');
    const config = { ...ctx.deps.config, ledgerDir: path.join(blocker, 'ledger') };
    const failure = await buildDeps(config, {
      dbHandle: ctx.deps.dbHandle,
      migrate: false,
      clock: ctx.clock,
      logger: createMemoryLogger(),
      mailer: { send: async () => {}, close: async () => {} } as never,
      virusScanner: ctx.deps.virusScanner,
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ConfigError);
    expect((failure as Error).message).toBe(
      `Configuration error: LEDGER_DIR is not a writable folder: ${blocker} is a file`,
    );
  });
});
