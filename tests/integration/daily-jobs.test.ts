import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keptForms, seekers, sessions } from '../../src/db/schema/index.ts';
import { housekeepingJob } from '../../src/modules/accounts/housekeeping.job.ts';
import { findKeptForm, keepForm } from '../../src/modules/accounts/kept-forms.repository.ts';
import { closeExpiredJobsJob } from '../../src/modules/jobs/close-expired-jobs.job.ts';
import { findJobById } from '../../src/modules/jobs/jobs.repository.ts';
import { expiryWarningJob } from '../../src/modules/seekers/expiry-warning.job.ts';
import { createJob, createSeeker, createStaff } from '../support/factories.ts';
import { signInAs } from '../support/sign-in.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  // 2027-01-24 09:00 JST: seven days before 2027-01-31.
  ctx = await createTestContext({ now: '2027-01-24T00:00:00Z' });
});
afterAll(() => ctx?.close());

const runDaily = async (spec: { name: string; version: number; schema: typeof expiryWarningJob.schema }) => {
  await ctx.deps.queue.enqueue(spec, {});
  await ctx.drain();
};

describe('MP-9 the daily lapse warning', () => {
  it('MP-9 mails seekers whose registration lapses within 7 days, once per end date', async () => {
    const due = await createSeeker(ctx.deps, {
      appliedOn: '2026-11-10',
      validUntil: '2027-01-31',
      name: '期限 近子',
    });
    const later = await createSeeker(ctx.deps, { appliedOn: '2026-12-10', validUntil: '2027-02-28' });
    const off = await createSeeker(ctx.deps, {
      appliedOn: '2026-11-10',
      validUntil: '2027-01-31',
      active: false,
    });
    const unopened = await createSeeker(ctx.deps, {
      appliedOn: '2026-11-10',
      validUntil: '2027-01-31',
      opened: false,
    });
    await runDaily(expiryWarningJob);
    const mail = ctx.mailbox.last(due.email);
    expect(mail?.subject).toBe('求職登録の有効期限が近づいています');
    expect(mail?.text).toContain('期限 近子 様');
    expect(mail?.text).toContain('2027年1月31日');
    for (const s of [later, off, unopened]) expect(ctx.mailbox.to(s.email)).toHaveLength(0);

    // The next day's run does not mail again.
    ctx.clock.advanceDays(1);
    await runDaily(expiryWarningJob);
    expect(ctx.mailbox.to(due.email)).toHaveLength(1);

    // An extension moves the end date; the warning comes again before the new one.
    await ctx.db.update(seekers).set({ validUntil: '2027-02-28' }).where(eq(seekers.id, due.seeker.id));
    ctx.clock.set('2027-02-21T00:00:00Z');
    await runDaily(expiryWarningJob);
    expect(ctx.mailbox.to(due.email)).toHaveLength(2);
  });
});

describe('MP-9 the lapse warning across the Tokyo day boundary', () => {
  it('MP-9 is due 7 Tokyo days before: not at 14:59 UTC on the eighth day before, but at 15:00 UTC (00:00 in Tokyo)', async () => {
    ctx.clock.set('2027-04-22T14:59:00Z'); // 2027-04-22 23:59 in Tokyo: 8 days before 2027-04-30
    const s = await createSeeker(ctx.deps, {
      appliedOn: '2027-02-10',
      validUntil: '2027-04-30',
      name: '境界 時子',
    });
    await runDaily(expiryWarningJob);
    expect(ctx.mailbox.to(s.email)).toHaveLength(0);
    ctx.clock.set('2027-04-22T15:00:00Z'); // 2027-04-23 00:00 in Tokyo: 7 days before
    await runDaily(expiryWarningJob);
    expect(ctx.mailbox.to(s.email)).toHaveLength(1);
    expect(ctx.mailbox.last(s.email)?.text).toContain('2027年4月30日');
    // On the end date at 23:59 in Tokyo (14:59 UTC) it is not sent again; after it, never.
    ctx.clock.set('2027-04-30T14:59:00Z');
    await runDaily(expiryWarningJob);
    expect(ctx.mailbox.to(s.email)).toHaveLength(1);
  });

  it('MP-9 a registration that lapsed at 00:00 in Tokyo (15:00 UTC) gets no warning on that UTC day', async () => {
    ctx.clock.set('2027-05-31T15:00:00Z'); // 2027-06-01 00:00 in Tokyo
    const s = await createSeeker(ctx.deps, { appliedOn: '2027-03-10', validUntil: '2027-05-31' });
    await runDaily(expiryWarningJob);
    expect(ctx.mailbox.to(s.email)).toHaveLength(0);
  });
});

describe('nightly housekeeping', () => {
  it('removes expired sessions, kept forms after 24 hours, and takes jobs past their 紹介期限日 out of search', async () => {
    ctx.clock.set('2027-03-01T00:00:00Z');
    const { email, password, account } = await createSeeker(ctx.deps);
    await signInAs(ctx.client(), 'seeker', email, password);
    const job = await createJob(ctx.deps, { acceptedOn: '2027-01-10', referralDeadline: '2027-03-01' });
    const ownSessions = () => ctx.db.select().from(sessions).where(eq(sessions.accountId, account.id));
    // Ended an hour ago: the dead row stays a while, so a form sent from that browser can be kept.
    ctx.clock.advanceMinutes(90);
    await runDaily(housekeepingJob);
    expect(await ownSessions()).toHaveLength(1);
    await keepForm(ctx.db, {
      accountId: account.id,
      path: '/mypage/settings',
      fields: [['a', 'b']],
      now: ctx.clock.now(),
    });
    ctx.clock.advanceMinutes(23 * 60);
    await runDaily(housekeepingJob);
    expect(await ownSessions()).toHaveLength(0);
    expect(await findKeptForm(ctx.db, account.id, ctx.clock.now())).toBeDefined();
    ctx.clock.advanceMinutes(2 * 60);
    await runDaily(housekeepingJob);
    expect(await ctx.db.select().from(keptForms).where(eq(keptForms.accountId, account.id))).toHaveLength(0);
    const { jobSearch } = await import('../../src/db/schema/index.ts');
    expect(await ctx.db.select().from(jobSearch).where(eq(jobSearch.jobId, job.id))).toHaveLength(0);
  });
});

describe('ST-3 DR-1 jobs past their 紹介期限日 are closed by a daily job', () => {
  it('ST-3 DR-1 at Tokyo midnight after the 紹介期限日 the job becomes 無効 (expired) with closed_on the next day, out of search; a rerun changes nothing', async () => {
    const { jobSearch } = await import('../../src/db/schema/index.ts');
    const indexed = async (id: number) =>
      (await ctx.db.select().from(jobSearch).where(eq(jobSearch.jobId, id))).length === 1;
    ctx.clock.set('2027-03-10T05:00:00Z');
    const job = await createJob(ctx.deps, { acceptedOn: '2027-01-12', referralDeadline: '2027-03-10' });
    const later = await createJob(ctx.deps, { acceptedOn: '2027-01-12', referralDeadline: '2027-03-11' });

    // 2027-03-10 23:59 in Tokyo (14:59 UTC): the 紹介期限日 itself, the job stays open.
    ctx.clock.set('2027-03-10T14:59:00Z');
    await runDaily(closeExpiredJobsJob);
    expect((await findJobById(ctx.db, job.id))!.job.status).toBe('open');
    expect(await indexed(job.id)).toBe(true);

    // 2027-03-11 00:00 in Tokyo (15:00 UTC the same UTC day): past it.
    ctx.clock.set('2027-03-10T15:00:00Z');
    await runDaily(closeExpiredJobsJob);
    const closed = (await findJobById(ctx.db, job.id))!.job;
    expect(closed.status).toBe('invalid');
    expect(closed.closedOn).toBe('2027-03-11');
    expect(closed.closedCause).toBe('expired');
    expect(await indexed(job.id)).toBe(false);
    expect((await findJobById(ctx.db, later.id))!.job.status).toBe('open');
    expect(await indexed(later.id)).toBe(true);

    // Run again a day late: the closed job keeps its date; the next one closes with its own.
    ctx.clock.set('2027-03-12T16:00:00Z');
    await runDaily(closeExpiredJobsJob);
    const again = (await findJobById(ctx.db, job.id))!.job;
    expect(again.closedOn).toBe('2027-03-11');
    expect(again.updatedAt.getTime()).toBe(closed.updatedAt.getTime());
    expect((await findJobById(ctx.db, later.id))!.job.closedOn).toBe('2027-03-12');

    // Staff see why it closed.
    const { signInAs } = await import('../support/sign-in.ts');
    const staff = await createStaff(ctx.deps);
    const client = ctx.client('198.51.100.200');
    await signInAs(client, 'staff', staff.email, staff.password);
    const page = await client.get(`/staff/jobs/${job.id}`);
    expect(page.text('#closed-note')).toContain('2027年3月11日');
    expect(page.text('#closed-note')).toContain('紹介期限日の経過');
  });
});
