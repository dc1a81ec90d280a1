/**
 * Row F3 (issue 15): the real worker process (src/worker.ts, as `npm run start:worker` starts it)
 * SIGKILLed at random points over 500 jobs — virus scans (a real clamd), mails (to the in-process
 * SMTP server) and retention runs — and started again each time, until everything is done.
 *
 * The jobs: 150 オンライン自主応募 with a document through the real apply form (each queues a scan
 * and a mail to the employer), 20 more to jobs long 無効 with documents due for erasure (20 mails),
 * 130 more notifications (mails) and 50 retention runs: 150 + 170 + 130 + 50 = 500.
 *
 * Pass: every job done after the last restart (no job left created/retry/active, none failed);
 * every document scanned, every due document erased; 0 duplicate mails: one Message-ID per
 * delivery (mailMessageId, the mail job's idempotency key), every delivery's mail received, and as
 * many distinct Message-IDs as deliveries. A mail the SMTP server took just before a kill is sent
 * again with the same Message-ID (counted as `resentSameId`: the receiving side folds it).
 *
 * PostgreSQL only: a child process cannot share PGlite, which lives inside the test process. On
 * PGlite the row reports that it was skipped.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { mailMessageId } from '../../src/adapters/mail/mailer.ts';
import { newStorageKey } from '../../src/adapters/storage/file-storage.ts';
import { queryRows } from '../../src/db/client.ts';
import {
  applicationDocuments,
  applications,
  jobPostings,
  mailDeliveries,
} from '../../src/db/schema/index.ts';
import { Random } from '../../src/demo/random.ts';
import { insertDocuments } from '../../src/modules/applications/applications.repository.ts';
import { documentRetentionJob } from '../../src/modules/applications/document-retention.job.ts';
import { notifyMany } from '../../src/modules/notifications/notify.ts';
import { applyWithDocuments, file } from '../support/apply-form.ts';
import { type Clamd, startClamd } from '../support/clamd.ts';
import { createEmployer, createJob, createSeeker } from '../support/factories.ts';
import { signInAs } from '../support/sign-in.ts';
import type { TestContext } from '../support/test-app.ts';
import { pdf } from '../support/upload-corpus.ts';
import { canary, reliabilityContext, saveLogs } from './support/context.ts';
import { engineName, report } from './support/report.ts';
import { startWorkerProcess, type WorkerLogs, type WorkerProcess } from './support/worker-process.ts';

const APPLIES = 150;
const DUE = 20;
const NOTICES = 130;
const RETENTION_RUNS = 50;
const MAX_KILLS = Number(process.env.HW_F3_KILLS ?? 10);
/** After the last kill, how long the last worker gets to finish everything. */
const FINISH_MS = Number(process.env.HW_F3_FINISH_MS ?? 300_000);
const SEED = Number(process.env.HW_F3_SEED ?? Date.now() % 1_000_000);
const JOB_NAMES = ['mail.send', 'documents.scan', documentRetentionJob.name];

let ctx: TestContext | undefined;
let clamd: Clamd | undefined;
let worker: WorkerProcess | undefined;
let dataDir: string | undefined;
const logs: WorkerLogs = { lines: [], stderr: [] };

afterAll(async () => {
  if (worker) {
    worker.kill('SIGKILL');
    await worker.exited;
  }
  if (logs.lines.length > 0) saveLogs(`${engineName()}-${process.pid}-f3-worker`, logs.lines);
  await clamd?.stop();
  await ctx?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('F3 the worker SIGKILLed at random points over 500 jobs', () => {
  it('F3 AP-5 DR-2 G-3 100 % of scan, mail and retention jobs done after restarts; one Message-ID per delivery, 0 duplicate mails', async () => {
    if (engineName() === 'pglite') {
      report(
        'F3',
        'worker SIGKILLed over 500 jobs',
        { skipped: true, reason: 'PGlite is in-process: a worker process cannot share it (PostgreSQL only)' },
        'skipped on PGlite',
      );
      return;
    }
    const rng = new Random(SEED);
    const rand = () => rng.next();
    ctx = await reliabilityContext();
    const handle = ctx.deps.dbHandle;
    if (handle.kind !== 'postgres') throw new Error('F3 needs PostgreSQL');
    clamd = await startClamd();
    dataDir = await mkdtemp(path.join(tmpdir(), 'hw-f3-data-'));

    // --- The work: applies with a document (scan + mail each), due erasures, notices, retention runs.
    const password = canary('password');
    const seeker = await createSeeker(ctx.deps, { password });
    const employer = await createEmployer(ctx.deps);
    const c = ctx.client('198.51.100.160');
    await signInAs(c, 'seeker', seeker.email, password);
    const secretText = canary('document-text');
    const scanned: string[] = [];
    for (let i = 0; i < APPLIES; i++) {
      const job = await createJob(
        ctx.deps,
        { documentMethods: ['mypage'], acceptsOnlineApplication: true },
        employer.employer,
      );
      const data = pdf({ size: 2048, text: `${secretText} F3 ${i}` });
      scanned.push(await applyWithDocuments(c, job.jobNumber, file(1, `resume-${i}.pdf`, data)));
    }
    const due: { id: string; keys: string[] }[] = [];
    for (let i = 0; i < DUE; i++) {
      const job = await createJob(
        ctx.deps,
        { documentMethods: ['post'], acceptsOnlineApplication: true },
        employer.employer,
      );
      const id = await applyWithDocuments(c, job.jobNumber, []);
      await ctx.db
        .update(jobPostings)
        .set({ status: 'invalid', closedOn: '2026-05-31' })
        .where(eq(jobPostings.id, job.id));
      await ctx.db.update(applications).set({ documentsByMypage: true }).where(eq(applications.id, id));
      const keys: string[] = [];
      const rows = [];
      for (let n = 0; n < 2; n++) {
        const bytes = Buffer.from(`%PDF-1.7\n${secretText} due ${i} ${n}\n`);
        const stored = await ctx.deps.storage.put(newStorageKey(), bytes);
        keys.push(stored.key);
        rows.push({
          seekerId: seeker.seeker.id,
          applicationId: id,
          kind: n === 0 ? ('resume' as const) : ('work_history' as const),
          originalName: `due-${n}.pdf`,
          fileType: 'pdf',
          contentType: 'application/pdf',
          size: bytes.length,
          storageKey: stored.key,
          sha256: stored.sha256,
          position: n,
          scanState: 'clean' as const,
          createdAt: ctx.clock.now(),
        });
      }
      await insertDocuments(ctx.db, rows);
      due.push({ id, keys });
    }
    await ctx.db.transaction((tx) =>
      notifyMany(
        ctx!.deps,
        tx,
        Array.from({ length: NOTICES }, (_, n) => ({
          recipient: { accountId: seeker.account.id },
          kind: 'seeker.registered' as const,
          data: {
            name: 'F3 花子',
            seekerNumber: `13010-${String(n).padStart(8, '0')}`,
            validUntil: '2027-01-31',
            opened: true,
          },
        })),
      ),
    );
    for (let i = 0; i < RETENTION_RUNS; i++) await ctx.deps.queue.enqueue(documentRetentionJob, {});
    const jobsTotal = await countJobs(ctx, ['created', 'retry', 'active', 'completed', 'failed']);
    ourJobs = (
      await queryRows<{ id: string }>(
        ctx.db,
        sql`select id::text as id from pgboss.job where name in (${sql.join(
          JOB_NAMES.map((n) => sql`${n}`),
          sql`, `,
        )})`,
      )
    ).map((r) => r.id);
    expect(jobsTotal).toBe(APPLIES * 2 + DUE + NOTICES + RETENTION_RUNS);

    // --- The worker, started, killed at random points, started again.
    const env: Record<string, string> = {
      NODE_ENV: 'production',
      DATABASE_URL: handle.url,
      DATABASE_POOL_MAX: '4',
      BASE_URL: ctx.deps.config.baseUrl,
      SMTP_URL: ctx.mailbox.url,
      MAIL_FROM: ctx.deps.config.mail.from,
      SESSION_SECRET: 'f3-worker-secret-f3-worker-secret-0123',
      CLAMD_HOST: clamd.host,
      CLAMD_PORT: String(clamd.port),
      STORAGE_DIR: ctx.deps.config.storageDir,
      LEDGER_DIR: ctx.deps.config.ledgerDir,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      SHUTDOWN_GRACE_MS: '2000',
    };
    const started = performance.now();
    let kills = 0;
    let killedBeforeReady = 0;
    const doneAtKill: number[] = [];
    for (; kills < MAX_KILLS; kills++) {
      if ((await countJobs(ctx, ['created', 'retry', 'active'])) === 0) break;
      worker = startWorkerProcess(env, logs);
      // Most kills land while it works; some during start-up.
      const early = rand() < 0.2;
      if (!early) {
        await Promise.race([worker.ready, worker.exited]);
        if (logs.stderr.some((l) => l.includes('start-up failed') || l.includes('worker:'))) {
          throw new Error(`the worker did not start:\n${logs.stderr.join('\n')}`);
        }
      } else killedBeforeReady++;
      await pause(early ? 300 + rand() * 1500 : 500 + rand() * 3500);
      worker.kill('SIGKILL');
      const exit = await worker.exited;
      expect(exit.signal).toBe('SIGKILL');
      worker = undefined;
      doneAtKill.push(await countJobs(ctx, ['completed']));
    }
    const killPhaseMs = performance.now() - started;

    // --- The last worker runs until everything is done.
    worker = startWorkerProcess(env, logs);
    await Promise.race([worker.ready, worker.exited]);
    const deadline = performance.now() + FINISH_MS;
    while (performance.now() < deadline) {
      if ((await countJobs(ctx, ['created', 'retry', 'active'])) === 0) break;
      await pause(1000);
    }
    const finishMs = performance.now() - started - killPhaseMs;
    // Let the SMTP server finish the last mail's parse, then stop the worker as a deployment would.
    await pause(300);
    worker.kill('SIGTERM');
    await worker.exited;
    worker = undefined;

    // --- What happened.
    const left = await countJobs(ctx, ['created', 'retry', 'active']);
    const failed = await countJobs(ctx, ['failed']);
    const completed = await countJobs(ctx, ['completed']);
    const docs = await ctx.db
      .select()
      .from(applicationDocuments)
      .where(inArray(applicationDocuments.applicationId, scanned));
    const unscanned = docs.filter((d) => d.scanState !== 'clean').length;
    const dueRows = await ctx.db
      .select()
      .from(applications)
      .where(
        inArray(
          applications.id,
          due.map((d) => d.id),
        ),
      );
    const notErased = dueRows.filter((r) => r.documentsErasedCause !== 'retention').length;
    const files = new Set<string>();
    for (const d of due) for (const k of d.keys) if (await ctx.deps.storage.exists(k)) files.add(k);
    const deliveries = await ctx.db.select().from(mailDeliveries);
    const unsent = deliveries.filter((d) => d.status !== 'sent').length;
    const received = ctx.mailbox.messages;
    const ids = received.map((m) => m.messageId);
    const distinct = new Set(ids);
    const expected = new Set(deliveries.map((d) => mailMessageId(d.id, ctx!.deps.config.baseUrl)));
    const missing = [...expected].filter((id) => !distinct.has(id)).length;
    const foreign = [...distinct].filter((id) => !expected.has(id)).length;
    const resentSameId = ids.length - distinct.size;

    expect(logs.stderr.filter((l) => /start-up failed|Error/.test(l))).toEqual([]);
    expect(left).toBe(0);
    expect(failed).toBe(0);
    expect(completed).toBe(jobsTotal);
    expect(unscanned).toBe(0);
    expect(docs).toHaveLength(APPLIES);
    expect(notErased).toBe(0);
    expect(files.size).toBe(0);
    expect(unsent).toBe(0);
    expect(deliveries).toHaveLength(APPLIES + DUE + NOTICES);
    expect(missing).toBe(0);
    expect(foreign).toBe(0);
    expect(distinct.size).toBe(deliveries.length);
    report(
      'F3',
      `real worker process SIGKILLed ${kills}× at random points over ${jobsTotal} jobs (scan, mail, retention), restarted`,
      {
        seed: SEED,
        jobs: jobsTotal,
        kills,
        killedDuringStartup: killedBeforeReady,
        doneAtKills: doneAtKill.join('/'),
        completed,
        donePercent: Math.round((completed / jobsTotal) * 1000) / 10,
        failed,
        left,
        scanned: docs.length - unscanned,
        dueErased: dueRows.length - notErased,
        deliveries: deliveries.length,
        mailsReceived: received.length,
        distinctMessageIds: distinct.size,
        resentSameId,
        duplicateMails: distinct.size - deliveries.length,
        killPhaseMs: Math.round(killPhaseMs),
        finishMs: Math.round(finishMs),
      },
      '100 % done after restart; 0 failed; one Message-ID per delivery (0 duplicate mails)',
    );
  });
});

/** Our jobs (their ids taken once all were queued), or every job of the three queues before that. */
let ourJobs: string[] | undefined;

async function countJobs(c: TestContext, states: string[]): Promise<number> {
  const which = ourJobs
    ? sql`id::text in (${sql.join(
        ourJobs.map((id) => sql`${id}`),
        sql`, `,
      )})`
    : sql`name in (${sql.join(
        JOB_NAMES.map((n) => sql`${n}`),
        sql`, `,
      )})`;
  const [row] = await queryRows<{ n: number }>(
    c.db,
    sql`select count(*)::int as n from pgboss.job where ${which} and state::text in (${sql.join(
      states.map((s) => sql`${s}`),
      sql`, `,
    )})`,
  );
  return row!.n;
}
