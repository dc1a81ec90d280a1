/**
 * Row F1 (issue 15): races over HTTP, on a real app with a fixed clock.
 *
 * 1. 50 concurrent identical 「応募」 (the same confirmation form, the same draft key: a double
 *    click times fifty) × 100 rounds (HW_F1_ROUNDS lowers it): every answer a 303 to the one
 *    application, exactly one application row, one 新しい応募 notice in the employer's inbox, one
 *    delivery and, after the worker ran, one mail per round (distinct Message-IDs) (SPEC AP-8, EM-2,
 *    G-3).
 * 2. 応募の取り消し against a 選考結果 (20 races): the seeker's 「完了」 and the employer's
 *    「登録」 sent at the same moment. Exactly one wins; the other gets the calm refusal (409); the
 *    row is in one legal final state (取消 with its reason, or 採用/不採用 with its 相違), the
 *    documents are erased once with the winner's cause, and only the winner's notice exists
 *    (SPEC CX-1..CX-3, EM-3, DR-1, DR-2).
 * 3. The 24-hour cancel window (SPEC CX-1) at 24 h − 1 s, 24 h and 24 h + 1 s after 「応募」, with the
 *    test app's clock: just inside is accepted; at and after the boundary the form is refused and the
 *    button gone, also for a 「完了」 whose confirmation page was shown just inside.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailMessageId } from '../../src/adapters/mail/mailer.ts';
import { queryRows } from '../../src/db/client.ts';
import { applicationDocuments, applications } from '../../src/db/schema/index.ts';
import { attachDocuments, createEmployer, createJob, createSeeker } from '../support/factories.ts';
import type { TestClient } from '../support/http.ts';
import { RecordingStorage } from '../support/recording-storage.ts';
import { signInAs } from '../support/sign-in.ts';
import { DEFAULT_NOW, type TestContext } from '../support/test-app.ts';
import { canary, reliabilityContext } from './support/context.ts';
import { report } from './support/report.ts';

const ROUNDS = Number(process.env.HW_F1_ROUNDS ?? 100);
const CONCURRENCY = 50;
const RACES = Number(process.env.HW_F1_RACES ?? 20);
const SECOND = 1000;
const DAY = 24 * 60 * 60 * SECOND;

let ctx: TestContext;
let storage: RecordingStorage;
beforeAll(async () => {
  ctx = await reliabilityContext();
  storage = new RecordingStorage(ctx.deps.storage, ctx.deps.config.storageDir);
  ctx.deps.storage = storage;
});
afterAll(async () => {
  await ctx?.close();
});

let ip = 10;
const nextIp = () => `198.51.100.${ip++ % 250}`;

async function signedIn(role: 'seeker' | 'employer', email: string, password: string): Promise<TestClient> {
  const c = ctx.client(nextIp());
  await signInAs(c, role, email, password);
  return c;
}

async function people() {
  const password = canary('password');
  const seeker = await createSeeker(ctx.deps, { password });
  const employer = await createEmployer(ctx.deps);
  return { seeker, employer, password };
}

type People = Awaited<ReturnType<typeof people>>;

const MOTIVATION = '同時に何度押されても応募が一件になることを確かめる志望動機です。';

/** A job of the employer's taking オンライン自主応募 (documents by post), filled up to the confirmation page. */
async function confirmationOf(c: TestClient, p: People) {
  const job = await createJob(
    ctx.deps,
    { documentMethods: ['post'], acceptsOnlineApplication: true },
    p.employer.employer,
  );
  const base = `/mypage/jobs/${job.jobNumber}/apply`;
  const form = await c.get(base);
  expect(form.status).toBe(200);
  const key = form.dom.querySelector('input[name="draft"]')!.getAttribute('value')!;
  const next = await c.post(base, { draft: key, motivation: MOTIVATION, consent: 'yes', action: 'next' });
  expect(next.status).toBe(303);
  const confirm = await c.get(next.location!);
  expect(confirm.status).toBe(200);
  return { job, base, key, csrf: confirm.csrf()! };
}

const applicationIdOf = (location: string | null) => location?.split('/')[3]?.split('?')[0];

describe('F1 races', () => {
  it(`F1 AP-8 EM-2 G-3 ${CONCURRENCY} concurrent identical 「応募」 × ${ROUNDS} rounds: one application, one notice, one mail per round`, async () => {
    const p = await people();
    const c = await signedIn('seeker', p.seeker.email, p.password);
    const started = performance.now();
    let requests = 0;
    let non303 = 0;
    let status5xx = 0;
    let otherTarget = 0;
    const applicationIds: string[] = [];
    const jobIds: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const { job, base, key, csrf } = await confirmationOf(c, p);
      jobIds.push(job.id);
      const answers = await Promise.all(
        Array.from({ length: CONCURRENCY }, () => c.post(`${base}/submit`, { draft: key }, { csrf })),
      );
      requests += answers.length;
      const targets = new Set<string>();
      for (const a of answers) {
        if (a.status >= 500) status5xx++;
        if (a.status !== 303) non303++;
        const id = applicationIdOf(a.location);
        if (id) targets.add(id);
      }
      if (targets.size !== 1) otherTarget++;
      applicationIds.push([...targets][0] ?? '');
    }
    const applyMs = performance.now() - started;

    // Rows per round (job), notices and deliveries per application.
    const perJob = await queryRows<{ job_id: number; n: number }>(
      ctx.db,
      sql`select job_id, count(*)::int as n from applications where seeker_id = ${p.seeker.seeker.id} group by job_id`,
    );
    const rowsPerRound = jobIds.map((id) => perJob.find((r) => r.job_id === id)?.n ?? 0);
    const notices = await queryRows<{ id: string; n: number }>(
      ctx.db,
      sql`select data->>'applicationId' as id, count(*)::int as n from inbox_messages
          where recipient_account_id = ${p.employer.account!.id} and kind = 'application.received' group by 1`,
    );
    const deliveries = await queryRows<{ id: string; delivery: string }>(
      ctx.db,
      sql`select data->>'applicationId' as id, id::text as delivery from mail_deliveries
          where recipient_account_id = ${p.employer.account!.id} and kind = 'application.received'`,
    );
    const noticesPerRound = applicationIds.map((id) => notices.find((r) => r.id === id)?.n ?? 0);
    const deliveriesPerRound = applicationIds.map((id) => deliveries.filter((d) => d.id === id).length);

    ctx.mailbox.clear();
    await ctx.drain();
    const mails = ctx.mailbox.to(p.employer.email);
    const messageIds = new Set(mails.map((m) => m.messageId));
    const expectedIds = new Set(deliveries.map((d) => mailMessageId(d.delivery, ctx.deps.config.baseUrl)));

    expect(status5xx).toBe(0);
    expect(non303).toBe(0);
    expect(otherTarget).toBe(0);
    expect(new Set(applicationIds).size).toBe(ROUNDS);
    expect(rowsPerRound.every((n) => n === 1)).toBe(true);
    expect(noticesPerRound.every((n) => n === 1)).toBe(true);
    expect(deliveriesPerRound.every((n) => n === 1)).toBe(true);
    expect(mails).toHaveLength(ROUNDS);
    expect(messageIds).toEqual(expectedIds);
    report(
      'F1',
      `${CONCURRENCY} concurrent identical 「応募」 × ${ROUNDS} rounds (AP-8)`,
      {
        rounds: ROUNDS,
        requests,
        non303,
        status5xx,
        applicationsPerRound: Math.max(...rowsPerRound),
        roundsWithOneApplication: rowsPerRound.filter((n) => n === 1).length,
        roundsWithOneNotice: noticesPerRound.filter((n) => n === 1).length,
        mails: mails.length,
        distinctMessageIds: messageIds.size,
        applyMs: Math.round(applyMs),
      },
      'every answer 303 to one application; exactly 1 application, 1 notice, 1 mail per round',
    );
  });

  it(`F1 CX-1 CX-3 EM-3 DR-1 DR-2 cancel racing a 選考結果 (${RACES} races): one legal final state, erased once, only the winner's notice`, async () => {
    const p = await people();
    const seekerClient = await signedIn('seeker', p.seeker.email, p.password);
    const employerClient = await signedIn('employer', p.employer.email, p.employer.password);
    let cancelsWon = 0;
    let resultsWon = 0;
    let status5xx = 0;
    let bothOrNeither = 0;
    let illegal = 0;
    let wrongNotices = 0;
    let deleteProblems = 0;
    const problems: string[] = [];
    for (let race = 0; race < RACES; race++) {
      const { base, key, csrf } = await confirmationOf(seekerClient, p);
      const submitted = await seekerClient.post(`${base}/submit`, { draft: key }, { csrf });
      expect(submitted.status).toBe(303);
      const id = applicationIdOf(submitted.location)!;
      const keys = await attachDocuments(ctx.deps, storage, {
        applicationId: id,
        seekerId: p.seeker.seeker.id,
        text: (i) => `${canary('document-text')} ${id} ${i}`,
      });
      // Both forms as their pages had them, then both buttons at once (the order alternates).
      await seekerClient.get(`/mypage/applications/${id}/cancel`);
      const seekerCsrf = (await seekerClient.post(`/mypage/applications/${id}/cancel`, CANCEL)).csrf()!;
      const employerCsrf = (await employerClient.get(`/employer/applications/${id}`)).csrf()!;
      const result = race % 2 === 0 ? 'hired' : 'not_hired';
      const cancel = () =>
        seekerClient.post(`/mypage/applications/${id}/cancel/complete`, CANCEL, { csrf: seekerCsrf });
      const decide = () =>
        employerClient.post(
          `/employer/applications/${id}/result`,
          { result, conditionsDiffer: 'no', conditionsNote: '' },
          { csrf: employerCsrf },
        );
      const [cancelled, decided] =
        race % 2 === 0
          ? await Promise.all([cancel(), decide()])
          : await Promise.all([decide(), cancel()]).then(([d, c]) => [c, d] as const);
      if (cancelled.status >= 500 || decided.status >= 500) status5xx++;
      const cancelWon = cancelled.status === 303;
      const resultWon = decided.status === 303;
      if (cancelWon === resultWon) {
        bothOrNeither++;
        problems.push(`race ${race}: cancel ${cancelled.status}, result ${decided.status}`);
      }
      if (cancelWon) cancelsWon++;
      if (resultWon) resultsWon++;
      // The loser's calm refusal.
      if (cancelWon && decided.status !== 409)
        problems.push(`race ${race}: result answered ${decided.status}`);
      if (resultWon && cancelled.status !== 409)
        problems.push(`race ${race}: cancel answered ${cancelled.status}`);

      const [row] = await ctx.db.select().from(applications).where(eq(applications.id, id));
      const legal = cancelWon
        ? row!.state === 'cancelled' &&
          row!.cancelledAt !== null &&
          row!.cancelReason === 'other' &&
          row!.decidedAt === null &&
          row!.conditionsDiffer === null &&
          row!.documentsErasedCause === 'cancelled'
        : row!.state === result &&
          row!.decidedAt !== null &&
          row!.conditionsDiffer === false &&
          row!.cancelledAt === null &&
          row!.cancelReason === null &&
          row!.documentsErasedCause === 'decided';
      if (!legal) {
        illegal++;
        problems.push(`race ${race}: state ${row!.state} erased ${row!.documentsErasedCause}`);
      }
      const notices = await queryRows<{ kind: string; n: number }>(
        ctx.db,
        sql`select kind, count(*)::int as n from inbox_messages where data->>'applicationId' = ${id}
            and kind in ('application.cancelled', 'application.decided') group by kind`,
      );
      const count = (kind: string) => notices.find((n) => n.kind === kind)?.n ?? 0;
      const noticesRight = cancelWon
        ? count('application.cancelled') === 1 && count('application.decided') === 0
        : count('application.decided') === 1 && count('application.cancelled') === 0;
      if (!noticesRight) {
        wrongNotices++;
        problems.push(`race ${race}: notices ${JSON.stringify(notices)}`);
      }
      // Erased once: every file deleted exactly once, none left on disk; the rows stay, marked.
      const onDisk = new Set(await storage.files());
      const deletedTwice = keys.filter((k) => storage.deleted.filter((d) => d === k).length !== 1);
      const docs = await ctx.db
        .select()
        .from(applicationDocuments)
        .where(eq(applicationDocuments.applicationId, id));
      if (deletedTwice.length > 0 || keys.some((k) => onDisk.has(k)) || docs.length > 2) {
        deleteProblems++;
        problems.push(
          `race ${race}: deletes ${deletedTwice.length} wrong, on disk ${keys.filter((k) => onDisk.has(k)).length}`,
        );
      }
    }
    expect(problems).toEqual([]);
    expect(status5xx).toBe(0);
    expect(bothOrNeither + illegal + wrongNotices + deleteProblems).toBe(0);
    expect(cancelsWon + resultsWon).toBe(RACES);
    report(
      'F1',
      `cancel racing a 選考結果, ${RACES} races (CX-1, EM-3, DR-2)`,
      {
        races: RACES,
        cancelsWon,
        resultsWon,
        bothOrNeither,
        illegalStates: illegal,
        wrongNotices,
        filesNotErasedOnce: deleteProblems,
        status5xx,
      },
      'exactly one of cancel/result wins (the other 409); one legal state; files erased once; one notice',
    );
  });

  it('F1 CX-1 cancel at 24 h − 1 s is accepted; at 24 h and 24 h + 1 s refused (form, button and 「完了」)', async () => {
    const p = await people();
    const seekerClient = await signedIn('seeker', p.seeker.email, p.password);
    const cases: { offset: number; label: string }[] = [
      { offset: DAY - SECOND, label: '24h-1s' },
      { offset: DAY, label: '24h' },
      { offset: DAY + SECOND, label: '24h+1s' },
    ];
    const figures: Record<string, string | number> = {};
    const applied: { id: string; at: number }[] = [];
    for (const _ of [...cases, 'late-complete']) {
      const { base, key, csrf } = await confirmationOf(seekerClient, p);
      const submitted = await seekerClient.post(`${base}/submit`, { draft: key }, { csrf });
      expect(submitted.status).toBe(303);
      const id = applicationIdOf(submitted.location)!;
      const [row] = await ctx.db.select().from(applications).where(eq(applications.id, id));
      applied.push({ id, at: row!.appliedAt.getTime() });
    }
    try {
      for (const [i, c] of cases.entries()) {
        const { id, at } = applied[i]!;
        ctx.clock.set(new Date(at + c.offset).toISOString());
        // Sessions end after 30 idle minutes: sign in again at the moved time.
        const s = await signedIn('seeker', p.seeker.email, p.password);
        const detail = await s.get(`/mypage/applications/${id}`);
        const button = detail.html.includes(`/mypage/applications/${id}/cancel`);
        const form = await s.get(`/mypage/applications/${id}/cancel`);
        const complete = await s.post(`/mypage/applications/${id}/cancel/complete`, CANCEL, {
          csrf: detail.csrf()!,
        });
        const [row] = await ctx.db.select().from(applications).where(eq(applications.id, id));
        const inside = c.offset < DAY;
        expect(detail.status).toBe(200);
        expect(button).toBe(inside);
        expect(form.status).toBe(inside ? 200 : 409);
        expect(complete.status).toBe(inside ? 303 : 409);
        if (!inside) expect(complete.html).toContain('cancel-refusal');
        expect(row!.state).toBe(inside ? 'cancelled' : 'applied');
        figures[c.label] = `${inside ? 'accepted' : 'refused'} (${complete.status})`;
      }
      // The confirmation page shown at 23:59:59, 「完了」 pressed at 24:00:00: the server decides at 「完了」.
      const { id, at } = applied[3]!;
      ctx.clock.set(new Date(at + DAY - SECOND).toISOString());
      const s = await signedIn('seeker', p.seeker.email, p.password);
      await s.get(`/mypage/applications/${id}/cancel`);
      const confirm = await s.post(`/mypage/applications/${id}/cancel`, CANCEL);
      expect(confirm.status).toBe(200);
      ctx.clock.set(new Date(at + DAY).toISOString());
      const complete = await s.post(`/mypage/applications/${id}/cancel/complete`, CANCEL, {
        csrf: confirm.csrf()!,
      });
      const [row] = await ctx.db.select().from(applications).where(eq(applications.id, id));
      expect(complete.status).toBe(409);
      expect(row!.state).toBe('applied');
      figures['confirm 24h-1s, complete 24h'] = `refused (${complete.status})`;
      const cancelNotices = await queryRows<{ n: number }>(
        ctx.db,
        sql`select count(*)::int as n from inbox_messages where kind = 'application.cancelled'
            and data->>'applicationId' in (${sql.join(
              applied.map((a) => sql`${a.id}`),
              sql`, `,
            )})`,
      );
      expect(cancelNotices[0]!.n).toBe(1);
      figures.cancelNotices = cancelNotices[0]!.n;
    } finally {
      ctx.clock.set(DEFAULT_NOW);
    }
    report(
      'F1',
      'cancel at 24 h ± 1 s after 「応募」 (CX-1)',
      figures,
      'inside the 24 h accepted; at 24 h and after refused (409, no button), decided at 「完了」',
    );
  });
});

const CANCEL = { reason: 'other', note: '同時に選考結果が登録された場合の確認', consent: 'yes' };
