/**
 * E2 (issue 15; SPEC AP-5, ADR 0020/0021; ASVS 5.0 V5.4.3): a real clamd (tests/support/clamd.ts,
 * with a test signature for EICAR) and the scan job of the worker, with clamd stopped in the middle
 * of a run of scans and started again later.
 *   1. clamd up: applications with a clean PDF, some also with the EICAR string inside a well-formed
 *      PDF; the scans run; clamd is stopped after the third scan of that run (SIGTERM, waited for),
 *      so the rest of the run meets no scanner.
 *   2. clamd down: more applications with documents (clean and EICAR) are uploaded; the scans run
 *      again and fail; every unscanned document stays pending (確認中).
 *   3. clamd back (a new clamd; the app's scanner points at it): the retries come due (their delay
 *      is moved forward in pgboss.job, as if 30 s had passed) and run.
 * After every phase, every document of every application is tried as its employer: a download
 * answers 200 only for a document scanned clean, and 404 for every pending or withheld one.
 * Pass: every EICAR document withheld (bytes erased, never downloadable), pending while clamd is
 * down, all scanned and the clean ones delivered after it is back, 0 delivered unscanned.
 */
import type { Readable } from 'node:stream';
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VirusScanner } from '../../src/adapters/virus-scan/virus-scanner.ts';
import { queryRows } from '../../src/db/client.ts';
import { applicationDocuments } from '../../src/db/schema/index.ts';
import { applyWithDocuments, file } from '../support/apply-form.ts';
import { type Clamd, EICAR_FINDING, eicar, startClamd } from '../support/clamd.ts';
import { createEmployer, createJob, createSeeker } from '../support/factories.ts';
import type { TestClient } from '../support/http.ts';
import { signInAs } from '../support/sign-in.ts';
import type { TestContext } from '../support/test-app.ts';
import { pdf } from '../support/upload-corpus.ts';
import { canary, reliabilityContext } from './support/context.ts';
import { report } from './support/report.ts';

const PER_PHASE = Number(process.env.HW_E2_APPLICATIONS ?? 8);
const STOP_AFTER_SCANS = 3;

let clamd: Clamd;
let current: VirusScanner;
let ctx: TestContext;
let seeker: TestClient;
let employer: TestClient;
let employerRecord: Awaited<ReturnType<typeof createEmployer>>;
let scans = 0;
let stopAt: number | null = null;

/** The app's scanner: whichever clamd is running now; stops clamd before scan number `stopAt`. */
const switchable: VirusScanner = {
  kind: 'clamd',
  async scan(input: Buffer | Readable) {
    scans++;
    if (stopAt !== null && scans === stopAt) await clamd.stop();
    return current.scan(input);
  },
  ping: () => current.ping(),
};

beforeAll(async () => {
  clamd = await startClamd();
  current = clamd.scanner({ timeoutMs: 5000 });
  ctx = await reliabilityContext({ virusScanner: switchable });
  const password = canary('password');
  const s = await createSeeker(ctx.deps, { password });
  seeker = ctx.client('198.51.100.71');
  await signInAs(seeker, 'seeker', s.email, password);
  employerRecord = await createEmployer(ctx.deps);
  employer = ctx.client('198.51.100.72');
  await signInAs(employer, 'employer', employerRecord.email, employerRecord.password);
  for (const client of [seeker, employer])
    for (const [name, value] of client.cookies) if (name.endsWith('hw_session')) canary('session-id', value);
});
afterAll(async () => {
  await ctx?.close();
  await clamd?.stop();
});

interface Sent {
  applicationId: string;
  infected: boolean;
}

/** `n` applications, each on a job of its own, with a clean 履歴書 and (every third) an EICAR 職務経歴書. */
async function applyMany(n: number, tag: string): Promise<Sent[]> {
  const out: Sent[] = [];
  for (let i = 0; i < n; i++) {
    const job = await createJob(
      ctx.deps,
      { documentMethods: ['mypage'], acceptsOnlineApplication: true },
      employerRecord.employer,
    );
    const infected = i % 3 === 0;
    const files = [
      ...file(1, '履歴書.pdf', pdf({ text: `${canary('document-text')} ${tag} ${i}` })),
      ...(infected
        ? file(2, '職務経歴書.pdf', pdf({ text: eicar().toString('latin1') }), 'work_history')
        : []),
    ];
    out.push({ applicationId: await applyWithDocuments(seeker, job.jobNumber, files), infected });
  }
  return out;
}

interface Census {
  clean: number;
  pending: number;
  withheld: number;
  /** Downloads that answered 200. */
  delivered: number;
  /** 200 for a document that is not clean: must stay 0. */
  deliveredUnscanned: number;
  /** 200 for an EICAR document: must stay 0. */
  infectedDelivered: number;
  /** A clean document the employer could not download. */
  cleanNotDelivered: number;
}

/** Every document of `sent`, as its state says and as the employer gets it. */
async function census(sent: Sent[]): Promise<Census> {
  const ids = sent.map((s) => s.applicationId);
  const docs = await ctx.db
    .select()
    .from(applicationDocuments)
    .where(inArray(applicationDocuments.applicationId, ids));
  const c: Census = {
    clean: 0,
    pending: 0,
    withheld: 0,
    delivered: 0,
    deliveredUnscanned: 0,
    infectedDelivered: 0,
    cleanNotDelivered: 0,
  };
  for (const d of docs) {
    if (d.scanState === 'clean') c.clean++;
    else if (d.scanState === 'pending') c.pending++;
    else if (d.scanState === 'withheld') c.withheld++;
    const res = await employer.get(`/employer/applications/${d.applicationId}/documents/${d.id}`);
    if (res.status === 200) {
      c.delivered++;
      if (d.scanState !== 'clean') c.deliveredUnscanned++;
      if (d.originalName === '職務経歴書.pdf') c.infectedDelivered++;
    } else {
      expect(res.status, `${d.originalName} ${d.scanState}`).toBe(404);
      if (d.scanState === 'clean') c.cleanNotDelivered++;
    }
  }
  return c;
}

/** Runs the due jobs; returns the first error's name (a failing scan is retried later) or null. */
async function drain(): Promise<string | null> {
  try {
    await ctx.drain();
    return null;
  } catch (error) {
    return (error as Error).name;
  }
}

describe('E2 virus scanning with clamd stopped mid-run', () => {
  it('E2 AP-5 EICAR withheld; pending while clamd is down; scanned and delivered when it is back; 0 delivered unscanned', async () => {
    // 1. clamd up, stopped after the third scan of the run.
    const first = await applyMany(PER_PHASE, 'first');
    const beforeScan = await census(first);
    expect(beforeScan.delivered).toBe(0);
    stopAt = scans + STOP_AFTER_SCANS;
    const firstError = await drain();
    const afterStop = await census(first);
    expect(firstError).toBe('ScannerUnavailable');
    expect(afterStop.clean + afterStop.withheld).toBe(STOP_AFTER_SCANS - 1);
    expect(afterStop.pending).toBeGreaterThan(0);

    // 2. clamd down: more uploads, and the scans fail again; everything unscanned stays pending.
    const second = await applyMany(PER_PHASE, 'second');
    const downError = await drain();
    const down = await census([...first, ...second]);
    const secondDown = await census(second);
    expect(secondDown.clean + secondDown.withheld).toBe(0);
    expect(down.pending).toBe(afterStop.pending + secondDown.pending);
    expect(secondDown.delivered).toBe(0);
    expect(down.delivered).toBe(afterStop.delivered);
    expect(afterStop.delivered).toBe(afterStop.clean);

    // 3. clamd back: a new one, the retries come due.
    clamd = await startClamd();
    current = clamd.scanner({ timeoutMs: 5000 });
    stopAt = null;
    const due = await queryRows<{ n: number }>(
      ctx.db,
      sql`with moved as (update pgboss.job set start_after = now() where name = 'documents.scan' and state = 'retry' returning 1) select count(*)::int as n from moved`,
    );
    const backError = await drain();
    const all = [...first, ...second];
    const back = await census(all);

    const infectedDocs = all.filter((s) => s.infected).length;
    const totalDocs = all.length + infectedDocs;
    expect(backError).toBeNull();
    expect(back.pending).toBe(0);
    expect(back.withheld).toBe(infectedDocs);
    expect(back.clean).toBe(all.length);
    expect(back.delivered).toBe(all.length);
    expect(back.cleanNotDelivered).toBe(0);
    for (const phase of [beforeScan, afterStop, down, back]) {
      expect(phase.deliveredUnscanned).toBe(0);
      expect(phase.infectedDelivered).toBe(0);
    }
    // Withheld: bytes erased, the finding recorded, and the seeker told.
    const withheld = await ctx.db
      .select()
      .from(applicationDocuments)
      .where(eq(applicationDocuments.scanState, 'withheld'));
    for (const d of withheld) expect(d).toMatchObject({ scanFinding: EICAR_FINDING, storageKey: null });
    const inbox = await seeker.get('/mypage/messages');
    expect(inbox.text('main')).toContain('応募書類を送ることができませんでした');

    report(
      'E2',
      `real clamd (EICAR test signature), ${all.length} applications (${totalDocs} documents, ${infectedDocs} EICAR): clamd stopped after scan ${STOP_AFTER_SCANS} of a run, ${PER_PHASE} more applied while it was down, then a new clamd and the retries`,
      {
        applications: all.length,
        documents: totalDocs,
        eicarDocuments: infectedDocs,
        scannedBeforeStop: afterStop.clean + afterStop.withheld,
        pendingAfterStop: afterStop.pending,
        pendingWhileDown: down.pending,
        deliveredBeforeStop: afterStop.delivered,
        newlyDeliveredWhileDown: down.delivered - afterStop.delivered,
        retriesMovedForward: due[0]?.n ?? 0,
        cleanDeliveredAfterRestart: back.delivered,
        withheld: back.withheld,
        pendingAtEnd: back.pending,
        deliveredUnscanned: Math.max(...[beforeScan, afterStop, down, back].map((p) => p.deliveredUnscanned)),
        infectedDelivered: Math.max(...[beforeScan, afterStop, down, back].map((p) => p.infectedDelivered)),
        drainWhileDown: downError ?? 'ok',
        scans,
      },
      'every EICAR document withheld and never downloadable; unscanned documents pending (404) while clamd is down; all scanned and the clean ones delivered after it is back; 0 delivered unscanned',
    );
  });
});
