/**
 * Row F5 (issue 15): the document retention run (SPEC DR-1, DR-2; ADR 0022) under a moved clock,
 * killed mid-run and run again. Applications (made through the real apply form) to jobs that became
 * 無効 on dates around the boundary of 翌々々月末 (N = 3), each with two files on disk, plus open
 * jobs and applications whose documents a cancel erased already. The clock walks:
 *
 *   A 2026-11-30 23:59:59 Tokyo (14:59:59Z): July's closes due (翌々々月末 = 10-31), August's not;
 *   B 2026-12-01 00:00:00 Tokyo (15:00:00Z, still 11-30 in UTC): August's become due;
 *   C 2026-12-01 00:00:01 Tokyo: nothing new;
 *   D 2027-01-01 00:00:00 Tokyo: September's become due; October's and the open jobs' never.
 *
 * At A and B the run is killed at seeded random points — hung forever before a delete, hung right
 * after a delete (the file gone, its row still naming it), the storage throwing — and run again until
 * a run finishes. After each step: every due document's file erased exactly once (a repeated delete
 * of a file already gone is counted apart), each application noted once (its erasure time is the
 * first run's), nothing early, and rows and files agree (a document row names a file iff it is on
 * the disk; no file without a row).
 */
import { eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationDocuments, applications, jobPostings } from '../../src/db/schema/index.ts';
import { Random } from '../../src/demo/random.ts';
import { runDocumentRetention } from '../../src/modules/applications/document-retention.job.ts';
import { attachDocuments, createEmployer, createJob, createSeeker } from '../support/factories.ts';
import type { TestClient } from '../support/http.ts';
import { RecordingStorage } from '../support/recording-storage.ts';
import { signInAs } from '../support/sign-in.ts';
import { DEFAULT_NOW, type TestContext } from '../support/test-app.ts';
import { canary, reliabilityContext } from './support/context.ts';
import { report } from './support/report.ts';

const PER_DATE = Number(process.env.HW_F5_PER_DATE ?? 6);
const SEED = Number(process.env.HW_F5_SEED ?? Date.now() % 1_000_000);

let ctx: TestContext;
let storage: RecordingStorage;
beforeAll(async () => {
  ctx = await reliabilityContext();
  storage = new RecordingStorage(ctx.deps.storage, ctx.deps.config.storageDir);
  ctx.deps.storage = storage;
  ctx.deps.config.documentRetentionMonths = 3;
});
afterAll(async () => {
  ctx.clock.set(DEFAULT_NOW);
  await ctx?.close();
});

interface Case {
  id: string;
  jobId: number;
  /** The Tokyo date the job became 無効, or null for a job still open. */
  closedOn: string | null;
  keys: string[];
  /** Erased by a cancel before any run. */
  cancelled?: boolean;
}

/** Closing dates and the step (A–D) from which each is due; null = never within the test. */
const CLOSES: { closedOn: string | null; dueFrom: 'A' | 'B' | 'D' | null }[] = [
  { closedOn: '2026-07-01', dueFrom: 'A' },
  { closedOn: '2026-07-31', dueFrom: 'A' },
  { closedOn: '2026-08-01', dueFrom: 'B' },
  { closedOn: '2026-08-15', dueFrom: 'B' },
  { closedOn: '2026-08-31', dueFrom: 'B' },
  { closedOn: '2026-09-01', dueFrom: 'D' },
  { closedOn: '2026-09-30', dueFrom: 'D' },
  { closedOn: '2026-10-01', dueFrom: null },
  { closedOn: null, dueFrom: null },
];
const STEPS = [
  { name: 'A', at: '2026-11-30T14:59:59Z', tokyo: '2026-11-30 23:59:59', kills: 2 },
  { name: 'B', at: '2026-11-30T15:00:00Z', tokyo: '2026-12-01 00:00:00', kills: 3 },
  { name: 'C', at: '2026-11-30T15:00:01Z', tokyo: '2026-12-01 00:00:01', kills: 0 },
  { name: 'D', at: '2026-12-31T15:00:00Z', tokyo: '2027-01-01 00:00:00', kills: 1 },
] as const;
const ORDER = ['A', 'B', 'C', 'D'];
const dueAt = (dueFrom: string | null, step: string) =>
  dueFrom !== null && ORDER.indexOf(step) >= ORDER.indexOf(dueFrom);

const MOTIVATION = '保存期間の経過後に応募書類が一度だけ消去されることを確かめます。';

async function applyOnce(c: TestClient, employer: Awaited<ReturnType<typeof createEmployer>>) {
  const job = await createJob(
    ctx.deps,
    { documentMethods: ['post'], acceptsOnlineApplication: true },
    employer.employer,
  );
  const base = `/mypage/jobs/${job.jobNumber}/apply`;
  const form = await c.get(base);
  const key = form.dom.querySelector('input[name="draft"]')!.getAttribute('value')!;
  const next = await c.post(base, { draft: key, motivation: MOTIVATION, consent: 'yes', action: 'next' });
  expect(next.status).toBe(303);
  await c.get(next.location!);
  const submitted = await c.post(`${base}/submit`, { draft: key });
  expect(submitted.status).toBe(303);
  return { id: submitted.location!.split('/')[3]!.split('?')[0]!, jobId: job.id };
}

const run = () => runDocumentRetention({ ...ctx.deps, storage });
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until the storage saw `n` more delete calls than `from`, or the run finished by itself. */
async function settle(from: number, running: Promise<unknown>): Promise<void> {
  let finished = false;
  void running.then(
    () => {
      finished = true;
    },
    () => {
      finished = true;
    },
  );
  // A hung run stops moving: wait until the delete count has been still for a while.
  let last = -1;
  for (let still = 0; still < 10 && !finished; ) {
    await pause(50);
    const now = storage.deleted.length - from;
    still = now === last ? still + 1 : 0;
    last = now;
  }
}

describe('F5 retention under a moved clock, killed mid-run and run again', () => {
  it('F5 DR-1 DR-2 every due document erased exactly once, none early, rows and files agree (Tokyo midnight ± 1 s)', async () => {
    const rng = new Random(SEED);
    const rand = () => rng.next();
    const password = canary('password');
    const seeker = await createSeeker(ctx.deps, { password });
    const employer = await createEmployer(ctx.deps);
    const c = ctx.client('198.51.100.150');
    await signInAs(c, 'seeker', seeker.email, password);

    const cases: (Case & { dueFrom: string | null })[] = [];
    for (const close of CLOSES) {
      for (let i = 0; i < PER_DATE; i++) {
        const { id, jobId } = await applyOnce(c, employer);
        cases.push({ id, jobId, closedOn: close.closedOn, dueFrom: close.dueFrom, keys: [] });
      }
    }
    // Two more whose documents a cancel erases before any run (their job long closed).
    const cancelledCases: Case[] = [];
    for (let i = 0; i < 2; i++) {
      const { id, jobId } = await applyOnce(c, employer);
      cancelledCases.push({ id, jobId, closedOn: '2026-07-01', keys: [], cancelled: true });
    }
    for (const x of [...cases, ...cancelledCases])
      x.keys = await attachDocuments(ctx.deps, storage, {
        applicationId: x.id,
        seekerId: seeker.seeker.id,
        text: (i) => `${canary('document-text')} F5 ${x.id} ${i}`,
      });
    for (const x of cancelledCases) {
      await c.get(`/mypage/applications/${x.id}/cancel`);
      await c.post(`/mypage/applications/${x.id}/cancel`, { reason: 'other', note: 'F5', consent: 'yes' });
      const done = await c.post(`/mypage/applications/${x.id}/cancel/complete`, {
        reason: 'other',
        note: 'F5',
        consent: 'yes',
      });
      expect(done.status).toBe(303);
    }
    for (const x of [...cases, ...cancelledCases]) {
      if (x.closedOn) {
        await ctx.db
          .update(jobPostings)
          .set({ status: 'invalid', closedOn: x.closedOn })
          .where(eq(jobPostings.id, x.jobId));
      }
    }
    const allKeys = [...cases, ...cancelledCases].flatMap((x) => x.keys);
    // The cancels' own erasures count: each of their files erased once, by the cancel.
    const erasedBy = new Map<string, number>();
    const countErased = () => {
      for (const k of storage.erased) erasedBy.set(k, (erasedBy.get(k) ?? 0) + 1);
      storage.reset();
    };
    countErased();

    const markedAt = new Map<string, number>();
    const figures: Record<string, string | number> = { seed: SEED, applications: cases.length + 2 };
    let runs = 0;
    let kills = 0;
    let repeatDeletes = 0;
    const problems: string[] = [];

    for (const step of STEPS) {
      ctx.clock.set(step.at);
      const stepStart = performance.now();
      // Killed runs: each stops for good at a random point of its deletes (or its storage throws).
      for (let k = 0; k < step.kills; k++) {
        const at = 1 + Math.floor(rand() * 8);
        const mode = (['hang-before', 'hang-after', 'throw'] as const)[k % 3]!;
        if (mode === 'hang-before') storage.hangOnDelete(at);
        else if (mode === 'hang-after') storage.hangAfterDelete(at);
        else storage.failOnDelete(at);
        const before = storage.deleted.length;
        const running = run();
        runs++;
        kills++;
        if (mode === 'throw') {
          const r = await running;
          expect(r.failed).toBeGreaterThan(0);
        } else {
          await settle(before, running);
        }
        repeatDeletes += storage.deleted.length - storage.erased.length;
        countErased();
        // The clock moves on a little between a kill and the restart, as it would.
        ctx.clock.advance(200);
      }
      // Then a run that finishes, and one more to show it changes nothing.
      const finished = await run();
      runs++;
      expect(finished.failed).toBe(0);
      repeatDeletes += storage.deleted.length - storage.erased.length;
      countErased();
      const again = await run();
      runs++;
      expect(again).toMatchObject({ applications: 0, documents: 0, failed: 0 });
      expect(storage.deleted).toEqual([]);

      // Check every case at this step.
      const rows = await ctx.db.select().from(applications);
      const docs = await ctx.db.select().from(applicationDocuments);
      const files = new Set(await storage.files());
      let due = 0;
      let erased = 0;
      let early = 0;
      for (const x of cases) {
        const row = rows.find((r) => r.id === x.id)!;
        const isDue = dueAt(x.dueFrom, step.name);
        const gone = x.keys.filter((k) => !files.has(k)).length;
        if (isDue) {
          due++;
          if (row.documentsErasedCause !== 'retention' || row.documentsErasedAt === null || gone !== 2) {
            problems.push(
              `${step.name}: due ${x.closedOn} not erased (${row.documentsErasedCause}, ${gone})`,
            );
          } else erased++;
          const first = markedAt.get(x.id);
          if (first === undefined) markedAt.set(x.id, row.documentsErasedAt!.getTime());
          else if (first !== row.documentsErasedAt!.getTime())
            problems.push(`${step.name}: ${x.id} noted again`);
        } else if (row.documentsErasedAt !== null || gone !== 0) {
          early++;
          problems.push(`${step.name}: ${x.closedOn ?? 'open'} erased early`);
        }
      }
      for (const x of cancelledCases) {
        const row = rows.find((r) => r.id === x.id)!;
        if (row.documentsErasedCause !== 'cancelled') problems.push(`${step.name}: cancelled one re-noted`);
      }
      // Every file erased at most once so far, and the due ones exactly once.
      const twice = allKeys.filter((k) => (erasedBy.get(k) ?? 0) > 1).length;
      if (twice > 0) problems.push(`${step.name}: ${twice} files erased twice`);
      // Rows and files agree.
      const named = new Set(docs.filter((d) => d.storageKey !== null).map((d) => d.storageKey!));
      const rowWithoutFile = [...named].filter((k) => !files.has(k)).length;
      const fileWithoutRow = [...files].filter((k) => !named.has(k)).length;
      if (rowWithoutFile + fileWithoutRow > 0) {
        problems.push(
          `${step.name}: rows without file ${rowWithoutFile}, files without row ${fileWithoutRow}`,
        );
      }
      figures[`${step.name} ${step.tokyo} due/erased/early`] = `${due}/${erased}/${early}`;
      figures[`${step.name} ms`] = Math.round(performance.now() - stepStart);
    }

    const dueAtEnd = cases.filter((x) => dueAt(x.dueFrom, 'D'));
    const erasedOnce = dueAtEnd.every((x) => x.keys.every((k) => erasedBy.get(k) === 1));
    const cancelledOnce = cancelledCases.every((x) => x.keys.every((k) => erasedBy.get(k) === 1));
    const neverDue = cases.filter((x) => !dueAt(x.dueFrom, 'D'));
    const keptFiles = new Set(await storage.files());
    const neverDueKept = neverDue.every((x) => x.keys.every((k) => keptFiles.has(k)));
    const stillKeyed = await ctx.db
      .select({ id: applicationDocuments.id })
      .from(applicationDocuments)
      .where(isNotNull(applicationDocuments.storageKey));

    expect(problems).toEqual([]);
    expect(erasedOnce).toBe(true);
    expect(cancelledOnce).toBe(true);
    expect(neverDueKept).toBe(true);
    expect(stillKeyed).toHaveLength(neverDue.length * 2);
    report(
      'F5',
      `retention under a moved clock (N = 3), ${kills} kills at random points, run again`,
      {
        ...figures,
        runs,
        kills,
        dueDocuments: dueAtEnd.length * 2,
        erasedExactlyOnce: dueAtEnd.filter((x) => x.keys.every((k) => erasedBy.get(k) === 1)).length * 2,
        erasedEarly: 0,
        keptNotDue: neverDue.length * 2,
        repeatDeletesOfGoneFiles: repeatDeletes,
      },
      'every due document erased exactly once; none early; rows and files agree after every run',
    );
  });
});
