/**
 * The reply promise end to end through HTTP with a fixed clock (ADR 0023; issue 12, rule "RP";
 * SPEC AL, EM-1, EM-3, G-2, G-3): 「応募」 turns the 求人票's 選考結果通知 days into the application's
 * 回答予定日, both MyPages show it, the daily job reminds the employer once on the day after
 * (MyPage notice and a mail through the in-process SMTP server), staff of the seeker's office list
 * what is overdue, and nobody else sees any of it. The migration's backfill agrees with the rule.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  applications,
  inboxMessages,
  jobPostings,
  mailDeliveries,
  seekers,
} from '../../src/db/schema/index.ts';
import { replyRemindersJob, sendReplyReminders } from '../../src/modules/applications/reply-reminders.job.ts';
import { sendMailJob } from '../../src/modules/notifications/mail.job.ts';
import { insertReferrals } from '../../src/modules/referrals/referrals.repository.ts';
import { addDays, tokyoDate } from '../../src/platform/dates.ts';
import type { Queue } from '../../src/platform/queue.ts';
import { createEmployer, createJob, createSeeker, createStaff } from '../support/factories.ts';
import { signInAs } from '../support/sign-in.ts';
import { createTestContext, DEFAULT_NOW, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx?.close();
});
afterEach(() => {
  ctx.clock.set(DEFAULT_NOW);
});

let ip = 20;
const nextIp = () => `198.51.100.${ip++}`;
const MOTIVATION = '介護の仕事に長く携わってきました。貴社の理念に共感し応募いたします。';
const SUBJECT = '【ハローワーク】回答予定日を過ぎた応募があります';
const SEEKER_OVERDUE =
  '回答予定日を過ぎていますが、選考結果はまだ届いていません。ハローワークから求人者に確認しています。';

async function client(
  c: TestContext,
  role: 'seeker' | 'employer' | 'staff',
  email: string,
  password: string,
) {
  const browser = c.client(nextIp());
  await signInAs(browser, role, email, password);
  return browser;
}

type Employer = Awaited<ReturnType<typeof createEmployer>>;
type Seeker = Awaited<ReturnType<typeof createSeeker>>;

/**
 * A seeker applies through the form, as a browser does: 応募（ハローワーク紹介） of a referral target
 * (registered seekers), or オンライン自主応募 (internet-only seekers). The job's 選考結果通知 is
 * `days`. Returns the application's id and both parties.
 */
async function applied(
  c: TestContext,
  o: {
    days?: number;
    employer?: Employer;
    seeker?: Seeker;
    kind?: 'registered' | 'internet';
  } = {},
) {
  const kind = o.kind ?? 'registered';
  const employer = o.employer ?? (await createEmployer(c.deps));
  const seeker = o.seeker ?? (await createSeeker(c.deps, { kind }));
  const job = await createJob(
    c.deps,
    {
      officeCode: '13010',
      documentMethods: ['post'],
      acceptsOnlineApplication: kind === 'internet',
      resultNoticeDays: o.days ?? 7,
    },
    employer.employer,
  );
  let base = `/mypage/jobs/${job.jobNumber}/apply`;
  if (kind === 'registered') {
    const staff = await createStaff(c.deps);
    const [referral] = await insertReferrals(c.db, [
      {
        seekerId: seeker.seeker.id,
        jobId: job.id,
        officeCode: '13010',
        sentBy: staff.staff.id,
        batchId: randomUUID(),
        sentAt: c.clock.now(),
        applyBy: addDays(tokyoDate(c.clock.now()), 7),
      },
    ]);
    base = `/mypage/referrals/${referral!.id}/apply`;
  }
  const seekerClient = await client(c, 'seeker', seeker.email, seeker.password);
  const form = await seekerClient.get(base);
  const key = form.dom.querySelector('input[name="draft"]')!.getAttribute('value')!;
  const next = await seekerClient.post(base, {
    draft: key,
    motivation: MOTIVATION,
    consent: 'yes',
    action: 'next',
  });
  expect(next.status).toBe(303);
  await seekerClient.get(next.location!);
  const submit = await seekerClient.post(`${base}/submit`, { draft: key });
  expect(submit.status).toBe(303);
  const id = submit.location!.split('/')[3]!.split('?')[0]!;
  return { id, job, seeker, employer };
}

async function row(c: TestContext, id: string) {
  const [r] = await c.db.select().from(applications).where(eq(applications.id, id));
  return r!;
}

/** The daily job as the worker runs it: queued, then run with the queue's own context. */
async function runDaily(c: TestContext) {
  await c.deps.queue.enqueue(replyRemindersJob, {});
  await c.drain();
}

const reminderMails = (c: TestContext, email: string) =>
  c.mailbox.to(email).filter((m) => m.subject === SUBJECT);

async function reminderNotices(c: TestContext, ids: string[]) {
  const rows = await c.db
    .select()
    .from(inboxMessages)
    .where(eq(inboxMessages.kind, 'application.reply_overdue'));
  return rows.filter((m) => ids.includes((m.data as { applicationId: string }).applicationId));
}

async function reminderDeliveries(c: TestContext, ids: string[]) {
  const rows = await c.db
    .select()
    .from(mailDeliveries)
    .where(eq(mailDeliveries.kind, 'application.reply_overdue'));
  return rows.filter((m) => ids.includes((m.data as { applicationId: string }).applicationId));
}

describe('RP-1 「応募」 sets the 回答予定日', () => {
  it('RP-1 the Tokyo date of 「応募」 plus the 求人票 days as applied; a later change to the 求人票 does not move it; 0 days is no promise', async () => {
    // 2026-11-21 10:00 in Tokyo, 選考結果通知 7 days.
    const a = await applied(ctx, { days: 7 });
    expect((await row(ctx, a.id)).replyDueOn).toBe('2026-11-28');
    await ctx.db.update(jobPostings).set({ resultNoticeDays: 30 }).where(eq(jobPostings.id, a.job.id));
    expect((await row(ctx, a.id)).replyDueOn).toBe('2026-11-28');
    const seekerClient = await client(ctx, 'seeker', a.seeker.email, a.seeker.password);
    const detail = await seekerClient.get(`/mypage/applications/${a.id}`);
    expect(detail.text(`#reply-${a.id}`)).toBe('2026年11月28日');

    // 2026-11-22 00:30 in Tokyo (15:30 UTC on the 21st): counted from the 22nd.
    ctx.clock.set('2026-11-21T15:30:00Z');
    const late = await applied(ctx, { days: 10 });
    expect((await row(ctx, late.id)).replyDueOn).toBe('2026-12-02');

    const none = await applied(ctx, { days: 0 });
    expect((await row(ctx, none.id)).replyDueOn).toBeNull();
    const noneClient = await client(ctx, 'seeker', none.seeker.email, none.seeker.password);
    const list = await noneClient.get('/mypage/activity/applications');
    expect(list.status).toBe(200);
    expect(list.dom.querySelector(`#reply-${none.id}`)).toBeNull();
    expect(list.text('#application-list')).not.toContain('回答予定日');
  });

  it('RP-1 the migration backfills each application as 「応募」 would have: from the snapshot, else the job; none for 0 days', async () => {
    const snap = await applied(ctx, { days: 5 });
    const fallback = await applied(ctx, { days: 3 });
    ctx.clock.set('2026-11-30T16:00:00Z'); // 2026-12-01 01:00 in Tokyo
    const zero = await applied(ctx, { days: 0 });
    const lateNight = await applied(ctx, { days: 31 });
    const before = new Map(
      (await ctx.db.select().from(applications)).map((r) => [r.id, r.replyDueOn] as const),
    );
    expect(before.get(lateNight.id)).toBe('2027-01-01');
    // As before the migration: no 回答予定日; the job's days changed since; one snapshot without them.
    await ctx.db.update(applications).set({ replyDueOn: null });
    await ctx.db.update(jobPostings).set({ resultNoticeDays: 20 }).where(eq(jobPostings.id, snap.job.id));
    await ctx.db
      .update(applications)
      .set({ jobSnapshot: sql`${applications.jobSnapshot} #- '{view,job,resultNoticeDays}'` })
      .where(eq(applications.id, fallback.id));
    const migration = await readFile(
      new URL('../../drizzle/0018_reply_promise.sql', import.meta.url),
      'utf8',
    );
    const backfill = migration.split('--> statement-breakpoint').at(-1)!;
    expect(backfill).toContain('UPDATE "applications"');
    await ctx.db.execute(sql.raw(backfill));
    const after = new Map(
      (await ctx.db.select().from(applications)).map((r) => [r.id, r.replyDueOn] as const),
    );
    // Every application gets what replyDueOn gave it at 「応募」 (the snapshot's days, not the job's 20).
    for (const [id, due] of before) if (id !== fallback.id) expect([id, after.get(id)]).toEqual([id, due]);
    expect(after.get(snap.id)).toBe('2026-11-26');
    expect(after.get(fallback.id)).toBe('2026-11-24');
    expect(after.get(zero.id)).toBeNull();
    expect(after.get(lateNight.id)).toBe('2027-01-01');
  });
});

describe('RP-2 both MyPages show the 回答予定日', () => {
  it('RP-2 the seeker sees 「回答予定日」 in 応募中求人一覧, 応募内容 and 紹介状・選考結果通知, and that it passed only from the day after', async () => {
    const a = await applied(ctx, { days: 7 });
    const pages = async () => {
      const c = await client(ctx, 'seeker', a.seeker.email, a.seeker.password);
      return {
        list: await c.get('/mypage/activity/applications'),
        detail: await c.get(`/mypage/applications/${a.id}`),
        results: await c.get(`/mypage/applications/${a.id}/results`),
      };
    };
    const now = await pages();
    expect(now.list.text(`#app-${a.id}`)).toBe(a.job.posting.title);
    for (const p of [now.list, now.detail, now.results]) {
      expect(p.text(`#reply-${a.id}`)).toBe('2026年11月28日');
      expect(p.text('main')).toContain('回答予定日');
      expect(p.text('main')).not.toContain(SEEKER_OVERDUE);
    }
    expect(now.results.text('#reply-due dt')).toBe('回答予定日');

    // 2026-11-28 23:59:59 in Tokyo: the 回答予定日 itself, not passed.
    ctx.clock.set('2026-11-28T14:59:59Z');
    const dueDay = await pages();
    expect(dueDay.detail.text(`#reply-${a.id}`)).toBe('2026年11月28日');
    // 2026-11-29 00:00:00 in Tokyo: passed without a result.
    ctx.clock.set('2026-11-28T15:00:00Z');
    const after = await pages();
    for (const p of [after.list, after.detail, after.results]) {
      expect(p.text(`#reply-${a.id}`)).toBe(`2026年11月28日${SEEKER_OVERDUE}`);
      expect(p.dom.querySelector(`#reply-${a.id} .reply-overdue`)).not.toBeNull();
    }
  });

  it('RP-2 the employer sees it on its list and application page, overdue in words; after a result only the date stays', async () => {
    const a = await applied(ctx, { days: 3 });
    const employerClient = await client(ctx, 'employer', a.employer.email, a.employer.password);
    const list = await employerClient.get('/employer/applications');
    expect(list.text('#employer-applications thead')).toContain('回答予定日');
    expect(list.text(`#reply-${a.id}`)).toBe('2026年11月24日');
    const page = await employerClient.get(`/employer/applications/${a.id}`);
    expect(page.text(`#reply-${a.id}`)).toBe('2026年11月24日');
    expect(page.dom.querySelectorAll('#application-content dt').map((dt) => dt.textContent)).toContain(
      '回答予定日',
    );

    ctx.clock.set('2026-11-26T01:00:00Z'); // two days after
    const c = await client(ctx, 'employer', a.employer.email, a.employer.password);
    const lateList = await c.get('/employer/applications');
    expect(lateList.text(`#reply-${a.id}`)).toBe('2026年11月24日2日超過');
    const latePage = await c.get(`/employer/applications/${a.id}`);
    expect(latePage.text(`#reply-${a.id}`)).toBe(
      '2026年11月24日回答予定日を2日過ぎています。選考結果を登録してください。',
    );
    const done = await c.post(`/employer/applications/${a.id}/result`, {
      result: 'hired',
      conditionsDiffer: 'no',
      conditionsNote: '',
    });
    expect(done.status).toBe(303);
    const decided = await c.get(`/employer/applications/${a.id}`);
    expect(decided.text(`#reply-${a.id}`)).toBe('2026年11月24日');
    const seekerClient = await client(ctx, 'seeker', a.seeker.email, a.seeker.password);
    expect((await seekerClient.get(`/mypage/applications/${a.id}`)).text(`#reply-${a.id}`)).toBe(
      '2026年11月24日',
    );
  });

  it('G-2 another seeker and another employer cannot see the application or its 回答予定日', async () => {
    const a = await applied(ctx, { days: 1 });
    ctx.clock.set('2026-11-23T01:00:00Z');
    const otherSeeker = await createSeeker(ctx.deps);
    const s = await client(ctx, 'seeker', otherSeeker.email, otherSeeker.password);
    expect((await s.get(`/mypage/applications/${a.id}`)).status).toBe(404);
    expect((await s.get(`/mypage/applications/${a.id}/results`)).status).toBe(404);
    expect((await s.get('/mypage/activity/applications')).dom.querySelector(`#reply-${a.id}`)).toBeNull();
    expect((await s.get('/staff/applications/overdue')).status).not.toBe(200);
    const otherEmployer = await createEmployer(ctx.deps);
    const e = await client(ctx, 'employer', otherEmployer.email, otherEmployer.password);
    expect((await e.get(`/employer/applications/${a.id}`)).status).toBe(404);
    expect((await e.get('/employer/applications')).dom.querySelector(`#reply-${a.id}`)).toBeNull();
    expect((await e.get('/staff/applications/overdue')).status).not.toBe(200);
  });
});

describe('RP-3 the daily reminder to the employer', () => {
  it('RP-3 on the 回答予定日 nothing is sent; on the day after one mail and one notice in 求人者マイページ; again that day and the next, nothing more', async () => {
    const a = await applied(ctx, { days: 7 });
    const answered = await applied(ctx, { days: 7 });
    const cancelled = await applied(ctx, { days: 7 });
    const unreachable = await applied(ctx, {
      days: 7,
      employer: await createEmployer(ctx.deps, { withLogin: false }),
    });
    await ctx.db
      .update(applications)
      .set({ state: 'not_hired', decidedAt: ctx.clock.now(), conditionsDiffer: false })
      .where(eq(applications.id, answered.id));
    await ctx.db
      .update(applications)
      .set({ state: 'cancelled', cancelledAt: ctx.clock.now(), cancelReason: 'family', cancelNote: '' })
      .where(eq(applications.id, cancelled.id));
    const ids = [a.id, answered.id, cancelled.id, unreachable.id];

    // 2026-11-28 09:00 in Tokyo: the 回答予定日.
    ctx.clock.set('2026-11-28T00:00:00Z');
    await runDaily(ctx);
    expect(reminderMails(ctx, a.employer.email)).toHaveLength(0);
    expect(await reminderNotices(ctx, ids)).toHaveLength(0);
    expect((await row(ctx, a.id)).replyRemindedAt).toBeNull();

    // 2026-11-29 09:00 in Tokyo: the day after.
    ctx.clock.set('2026-11-29T00:00:00Z');
    await runDaily(ctx);
    const mails = reminderMails(ctx, a.employer.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain(`求人番号 ${a.job.jobNumber}「${a.job.posting.title}」`);
    expect(mails[0]!.text).toContain('回答予定日（2026年11月28日）を過ぎましたが');
    expect(mails[0]!.text).toContain(`http://localhost/employer/applications/${a.id}`);
    const notices = await reminderNotices(ctx, ids);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      recipientAccountId: a.employer.account!.id,
      data: { applicationId: a.id, jobNumber: a.job.jobNumber, dueOn: '2026-11-28' },
    });
    expect((await row(ctx, a.id)).replyRemindedAt).toEqual(ctx.clock.now());
    // Answered, cancelled, or an employer without a login: nothing.
    for (const other of [answered, cancelled]) {
      expect(reminderMails(ctx, other.employer.email)).toHaveLength(0);
      expect((await row(ctx, other.id)).replyRemindedAt).toBeNull();
    }
    expect((await row(ctx, unreachable.id)).replyRemindedAt).toBeNull();
    expect(ctx.logs).toContainEqual(
      expect.objectContaining({ msg: 'reply reminder sent', applicationId: a.id }),
    );

    // The employer's home lists the notice, linked to the application.
    const employerClient = await client(ctx, 'employer', a.employer.email, a.employer.password);
    const home = await employerClient.get('/employer');
    expect(home.text('#employer-notice-list')).toContain(
      `回答予定日を過ぎた応募があります：${a.job.jobNumber} ${a.job.posting.title}（回答予定日：2026年11月28日）`,
    );
    expect(
      home.dom.querySelector(`#employer-notice-list a[href="/employer/applications/${a.id}"]`),
    ).not.toBeNull();

    // Again the same day, and the next day: nothing more.
    ctx.clock.set('2026-11-29T05:00:00Z');
    await runDaily(ctx);
    ctx.clock.set('2026-11-30T00:00:00Z');
    await runDaily(ctx);
    expect(reminderMails(ctx, a.employer.email)).toHaveLength(1);
    expect(await reminderNotices(ctx, ids)).toHaveLength(1);
    expect(await reminderDeliveries(ctx, ids)).toHaveLength(1);
  });
});

describe('RP-4 staff see the overdue applications of their office', () => {
  it('RP-4 staff of the seeker’s office see the row (seeker linked, due date, days overdue, reminded at); staff of another office and internet-only seekers do not appear', async () => {
    const own = await applied(ctx, { days: 2 });
    const unreachable = await applied(ctx, {
      days: 2,
      employer: await createEmployer(ctx.deps, { withLogin: false }),
    });
    const later = await applied(ctx, { days: 14 });
    const internet = await applied(ctx, { days: 2, kind: 'internet' });
    expect((await row(ctx, internet.id)).replyDueOn).toBe('2026-11-23');
    const staff = await createStaff(ctx.deps);
    const other = await createStaff(ctx.deps, { officeCode: '13020' });

    ctx.clock.set('2026-11-26T01:00:00Z'); // three days after 2026-11-23
    const staffClient = await client(ctx, 'staff', staff.email, staff.password);
    const home = await staffClient.get('/staff');
    expect(home.dom.querySelector('#staff-overdue-link')?.getAttribute('href')).toBe(
      '/staff/applications/overdue',
    );
    const list = await staffClient.get('/staff/applications/overdue');
    expect(list.status).toBe(200);
    expect(list.h1()).toBe('回答予定日を過ぎた応募');
    expect(list.text('#overdue-applications caption')).toBe('回答予定日を過ぎた応募（回答予定日の新しい順）');
    expect(list.dom.querySelectorAll('#overdue-applications thead th[scope="col"]')).toHaveLength(7);
    const ownRow = list.text(`#overdue-${own.id}`);
    expect(ownRow).toContain('2026年11月21日');
    expect(ownRow).toContain(own.job.jobNumber);
    expect(ownRow).toContain(own.job.posting.title);
    expect(ownRow).toContain(own.employer.employer.name);
    expect(ownRow).toContain('2026年11月23日');
    expect(ownRow).toContain('3日');
    expect(ownRow).toContain('未送信');
    expect(list.dom.querySelector(`#overdue-${own.id} th[scope="row"] a`)?.getAttribute('href')).toBe(
      `/staff/seekers/${own.seeker.seeker.id}`,
    );
    expect(list.text(`#overdue-${unreachable.id}`)).toContain('未送信（求人者マイページのログインなし）');
    expect(list.dom.querySelector(`#overdue-${later.id}`)).toBeNull();
    expect(list.dom.querySelector(`#overdue-${internet.id}`)).toBeNull();

    // After the reminder the list says when.
    await sendReplyReminders(ctx.deps);
    const reminded = await staffClient.get('/staff/applications/overdue');
    expect(reminded.text(`#overdue-${own.id}`)).toContain('2026-11-26 10:00');

    // Another office lists none of them; a decided application leaves the list.
    const otherClient = await client(ctx, 'staff', other.email, other.password);
    const theirs = await otherClient.get('/staff/applications/overdue');
    expect(theirs.status).toBe(200);
    for (const a of [own, unreachable, internet])
      expect(theirs.dom.querySelector(`#overdue-${a.id}`)).toBeNull();
    await ctx.db
      .update(applications)
      .set({ state: 'hired', decidedAt: ctx.clock.now(), conditionsDiffer: false })
      .where(eq(applications.id, own.id));
    const after = await staffClient.get('/staff/applications/overdue');
    expect(after.dom.querySelector(`#overdue-${own.id}`)).toBeNull();
    expect(after.dom.querySelector(`#overdue-${unreachable.id}`)).not.toBeNull();
  });

  it('RP-4 newest 回答予定日 first, 50 a page', async () => {
    const office = '27010';
    const staff = await createStaff(ctx.deps, { officeCode: office });
    const employer = await createEmployer(ctx.deps);
    const ids: string[] = [];
    for (const days of [1, 3, 2]) {
      const seeker = await createSeeker(ctx.deps);
      const a = await applied(ctx, { days, employer, seeker });
      ids.push(a.id);
    }
    // Move these seekers to the staff member's office, and add 50 more overdue rows there.
    const seeds = await ctx.db.select().from(applications).where(inArray(applications.id, ids));
    await ctx.db
      .update(seekers)
      .set({ officeCode: office })
      .where(
        inArray(
          seekers.id,
          seeds.map((r) => r.seekerId),
        ),
      );
    const template = seeds[0]!;
    const extra = [];
    for (let i = 0; i < 50; i++) {
      const s = await createSeeker(ctx.deps, { opened: false, extra: { officeCode: office } });
      extra.push({
        ...template,
        id: randomUUID(),
        seekerId: s.seeker.id,
        submitKey: randomUUID(),
        referralId: null,
        route: 'direct' as const,
        replyDueOn: '2026-11-10',
      });
    }
    await ctx.db.insert(applications).values(extra);
    ctx.clock.set('2026-11-30T01:00:00Z');
    const c = await client(ctx, 'staff', staff.email, staff.password);
    const first = await c.get('/staff/applications/overdue');
    expect(first.text('#overdue-count')).toBe('53件');
    const order = first.dom
      .querySelectorAll('#overdue-applications tbody tr')
      .map((tr) => tr.getAttribute('id')!.replace('overdue-', ''));
    expect(order).toHaveLength(50);
    // 2026-11-24 (3 days), 11-23 (2 days), 11-22 (1 day), then the older ones.
    expect(order.slice(0, 3)).toEqual([ids[1], ids[2], ids[0]]);
    expect(first.dom.querySelector('#overdue-pages a[rel="next"]')?.getAttribute('href')).toBe('?page=2');
    const second = await c.get('/staff/applications/overdue?page=2');
    expect(second.dom.querySelectorAll('#overdue-applications tbody tr')).toHaveLength(3);
  });
});

describe('RP-3 a reminder run that dies between batches', () => {
  let own: TestContext;
  beforeAll(async () => {
    own = await createTestContext();
  });
  afterAll(async () => {
    await own?.close();
  });

  it('RP-3 killed after its first batch and run again: each overdue application reminded exactly once', async () => {
    const employers = [await createEmployer(own.deps), await createEmployer(own.deps)];
    const apps = [];
    for (let i = 0; i < 5; i++) apps.push(await applied(own, { days: 2, employer: employers[i % 2]! }));
    const ids = apps.map((a) => a.id);
    own.clock.set('2026-11-24T00:00:00Z'); // 2026-11-24 09:00 in Tokyo: the day after 2026-11-23

    // The second batch's transaction fails part-way (as a worker killed in it): rolled back whole.
    let calls = 0;
    const queue = own.deps.queue;
    const dying: Queue = {
      enqueue: (spec, payload, options) => queue.enqueue(spec, payload, options),
      async enqueueMany(spec, payloads, options) {
        if (spec.name === sendMailJob.name && ++calls === 2) throw new Error('worker killed');
        return queue.enqueueMany(spec, payloads, options);
      },
      work: () => queue.work(),
      drain: () => queue.drain(),
      stop: () => queue.stop(),
    };
    await expect(sendReplyReminders({ ...own.deps, queue: dying }, { batch: 2 })).rejects.toThrow(
      'worker killed',
    );
    const marked = (await own.db.select().from(applications).where(inArray(applications.id, ids))).filter(
      (r) => r.replyRemindedAt !== null,
    );
    expect(marked).toHaveLength(2);
    expect(await reminderDeliveries(own, ids)).toHaveLength(2);
    expect(await reminderNotices(own, ids)).toHaveLength(2);

    // Run again (the next day's run, or pg-boss's retry): the other three, nothing twice.
    own.clock.advance(60 * 60 * 1000);
    expect(await sendReplyReminders(own.deps, { batch: 2 })).toBe(3);
    expect(await sendReplyReminders(own.deps, { batch: 2 })).toBe(0);
    await own.drain();
    for (const id of ids) {
      expect(await reminderDeliveries(own, [id])).toHaveLength(1);
      expect(await reminderNotices(own, [id])).toHaveLength(1);
      expect((await row(own, id)).replyRemindedAt).not.toBeNull();
    }
    // The first batch keeps its time; the mails arrived, one per application.
    const times = new Set(
      (await own.db.select().from(applications).where(inArray(applications.id, ids))).map((r) =>
        r.replyRemindedAt!.toISOString(),
      ),
    );
    expect(times.size).toBe(2);
    expect(reminderMails(own, employers[0]!.email)).toHaveLength(3);
    expect(reminderMails(own, employers[1]!.email)).toHaveLength(2);
    const delivered = await own.db
      .select()
      .from(mailDeliveries)
      .where(and(eq(mailDeliveries.kind, 'application.reply_overdue'), eq(mailDeliveries.status, 'sent')));
    expect(
      delivered.filter((d) => ids.includes((d.data as { applicationId: string }).applicationId)),
    ).toHaveLength(5);
  });
});
