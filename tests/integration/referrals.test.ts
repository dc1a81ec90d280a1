import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  accounts,
  inboxMessages,
  jobPostings,
  referrals,
  registrationValidityHistory,
  seekers,
} from '../../src/db/schema/index.ts';
import { DEMO_ACCOUNTS, seedDemoIfEmpty } from '../../src/demo/seed.ts';
import { insertCounselling } from '../../src/modules/counselling/counselling.repository.ts';
import { addDays, tokyoDate } from '../../src/platform/dates.ts';
import {
  createEmployer,
  createJob,
  createSeeker,
  createStaff,
  type SeekerOptions,
} from '../support/factories.ts';
import type { Page, TestClient } from '../support/http.ts';
import { signInAs } from '../support/sign-in.ts';
import { createTestContext, DEFAULT_NOW, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());
afterEach(() => ctx.clock.set(DEFAULT_NOW));

let ipCounter = 10;
const nextIp = () => `198.51.100.${ipCounter++}`;
const today = () => tokyoDate(ctx.clock.now());

async function signedIn(role: 'staff' | 'seeker', email: string, password: string): Promise<TestClient> {
  const client = ctx.client(nextIp());
  await signInAs(client, role, email, password);
  return client;
}

/** A home-office staff member signed in, a seeker (counselled yesterday unless told), an opened employer and a job. */
async function setup(
  o: { seeker?: SeekerOptions; counselledDaysAgo?: number | null; officeCode?: string } = {},
) {
  const staff = await createStaff(ctx.deps, o.officeCode ? { officeCode: o.officeCode } : {});
  const seeker = await createSeeker(ctx.deps, o.seeker);
  const daysAgo = o.counselledDaysAgo === undefined ? 1 : o.counselledDaysAgo;
  if (daysAgo !== null) {
    await insertCounselling(ctx.db, {
      seekerId: seeker.seeker.id,
      staffId: staff.staff.id,
      heldOn: addDays(today(), -daysAgo),
      desiredConditions: '介護職・千代田区・月給20万円以上',
      notes: '',
      now: ctx.clock.now(),
    });
  }
  const employer = await createEmployer(ctx.deps);
  const job = await createJob(ctx.deps, { officeCode: '13010' }, employer.employer);
  const client = await signedIn('staff', staff.email, staff.password);
  return { staff, seeker, employer, job, client };
}

/** Input → confirmation → 送信, as staff would click through it. */
async function send(client: TestClient, seekerId: string, jobNumbers: string[], applyBy?: string) {
  await client.get(`/staff/seekers/${seekerId}`);
  const input = await client.post(`/staff/seekers/${seekerId}/referrals`, {
    jobNumbers: jobNumbers.join('\n'),
    applyBy,
  });
  if (input.status !== 303 || !input.location) return { input };
  const confirm = await client.get(input.location);
  const result = await client.post(`/staff/seekers/${seekerId}/referrals/send`, {});
  return { input, confirm, result };
}

function cells(page: Page, table: string): string[][] {
  return page.dom
    .querySelectorAll(`#${table} tbody tr`)
    .map((tr) => tr.querySelectorAll('td').map((td) => td.textContent.replace(/\s+/g, ' ').trim()));
}

describe('OR-1 OR-4 ST-2 sending referral targets', () => {
  it('OR-1 OR-4 ST-2 staff send two jobs through a confirmation step; default 応募期限日 is 7 days later; both listed as 未応募 on the seeker page and the job page', async () => {
    const { seeker, job, employer, client } = await setup();
    const second = await createJob(ctx.deps, { officeCode: '13010' }, employer.employer);
    const { confirm, result } = await send(client, seeker.seeker.id, [job.jobNumber, second.jobNumber]);
    expect(confirm!.status).toBe(200);
    expect(confirm!.h1()).toBe('オンラインハローワーク紹介の送信内容確認');
    const applyBy = '2026年11月28日';
    expect(cells(confirm!, 'send-targets')).toEqual([
      [job.jobNumber, job.posting.title, applyBy],
      [second.jobNumber, second.posting.title, applyBy],
    ]);
    expect(result!.status).toBe(200);
    expect(result!.text('#referral-result')).toContain('2件の求人を送信しました');

    const detail = await client.get(`/staff/seekers/${seeker.seeker.id}`);
    const rows = cells(detail, 'referrals');
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      expect(r[3]).toBe(applyBy);
      expect(r[4]).toBe('未応募');
      expect(r[5]).toBe('職員 一郎');
    }
    const jobPage = await client.get(`/staff/jobs/${job.id}`);
    expect(cells(jobPage, 'job-referrals')).toEqual([
      [seeker.seeker.name, seeker.seeker.seekerNumber!, expect.any(String), applyBy, '未応募'],
    ]);
  });

  it('OR-1 the confirmation step cannot be skipped, and a confirmed batch sent twice is sent once with one mail', async () => {
    const { seeker, job, client } = await setup();
    await client.get(`/staff/seekers/${seeker.seeker.id}`);
    const skipped = await client.post(`/staff/seekers/${seeker.seeker.id}/referrals/send`, {});
    expect(skipped.status).toBe(303);
    expect(skipped.location).toBe(`/staff/seekers/${seeker.seeker.id}/referrals?restart=1`);

    const input = await client.post(`/staff/seekers/${seeker.seeker.id}/referrals`, {
      jobNumbers: job.jobNumber,
    });
    await client.get(input.location!);
    const journey = new Map(client.cookies);
    const first = await client.post(`/staff/seekers/${seeker.seeker.id}/referrals/send`, {});
    expect(first.text('#referral-result')).toContain('1件の求人を送信しました');
    // A double click: the second request carries the same journey cookie.
    for (const [k, v] of journey) client.cookies.set(k, v);
    const second = await client.post(`/staff/seekers/${seeker.seeker.id}/referrals/send`, {});
    expect(second.status).toBe(200);
    expect(second.text('#referral-result')).toContain('既に送信済み');
    // Back button and 送信 again after the journey ended: asked to start again.
    const replay = await client.post(`/staff/seekers/${seeker.seeker.id}/referrals/send`, {});
    expect(replay.location).toBe(`/staff/seekers/${seeker.seeker.id}/referrals?restart=1`);

    const rows = await ctx.db.select().from(referrals).where(eq(referrals.seekerId, seeker.seeker.id));
    expect(rows).toHaveLength(1);
    await ctx.drain();
    expect(ctx.mailbox.to(seeker.email)).toHaveLength(1);
  });

  it('OR-1 five identical 送信 at once (same confirmation) send the batch once, with one mail', async () => {
    const { seeker, job, client } = await setup();
    await client.get(`/staff/seekers/${seeker.seeker.id}`);
    const input = await client.post(`/staff/seekers/${seeker.seeker.id}/referrals`, {
      jobNumbers: job.jobNumber,
    });
    await client.get(input.location!);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => client.post(`/staff/seekers/${seeker.seeker.id}/referrals/send`, {})),
    );
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(
      results.filter((r) => r.text('#referral-result').includes('1件の求人を送信しました')),
    ).toHaveLength(1);
    const rows = await ctx.db.select().from(referrals).where(eq(referrals.seekerId, seeker.seeker.id));
    expect(rows).toHaveLength(1);
    await ctx.drain();
    expect(ctx.mailbox.to(seeker.email)).toHaveLength(1);
  });

  it('OR-4 a 応募期限日 chosen past the job 紹介期限日 becomes the 紹介期限日; a day before today is refused next to the field', async () => {
    const { seeker, employer, client } = await setup();
    const short = await createJob(
      ctx.deps,
      { officeCode: '13010', referralDeadline: addDays(today(), 3) },
      employer.employer,
    );
    const past = await send(client, seeker.seeker.id, [short.jobNumber], addDays(today(), -1));
    expect(past.input.status).toBe(400);
    expect(past.input.fieldError('applyBy')).toBe('応募期限日には今日以降の日付を入力してください');
    expect(past.input.value('jobNumbers')).toBe(short.jobNumber);

    const { confirm } = await send(client, seeker.seeker.id, [short.jobNumber], addDays(today(), 20));
    expect(cells(confirm!, 'send-targets')[0]![2]).toBe('2026年11月24日 （求人の紹介期限日に合わせました）');
  });

  it('MP-9 a referral in the registration’s final month extends it by one month, recorded in its history', async () => {
    const { seeker, job, client } = await setup({
      seeker: { appliedOn: '2026-09-10', validUntil: '2026-11-30' },
    });
    await send(client, seeker.seeker.id, [job.jobNumber]);
    const [row] = await ctx.db.select().from(seekers).where(eq(seekers.id, seeker.seeker.id));
    expect(row!.validUntil).toBe('2026-12-31');
    const history = await ctx.db
      .select()
      .from(registrationValidityHistory)
      .where(eq(registrationValidityHistory.seekerId, seeker.seeker.id));
    expect(history.map((h) => [h.cause, h.previousValidUntil, h.validUntil])).toEqual([
      ['referral', '2026-11-30', '2026-12-31'],
    ]);
  });

  it('OR-1 a malformed 求人番号 or more than 10 are refused next to the field, keeping what was typed', async () => {
    const { seeker, client } = await setup();
    const bad = await send(client, seeker.seeker.id, ['13010-123']);
    expect(bad.input.status).toBe(400);
    expect(bad.input.fieldError('jobNumbers')).toContain('13010-123');
    const many = Array.from({ length: 11 }, (_, i) => `13010-${String(70_000_000 + i)}`);
    const tooMany = await send(client, seeker.seeker.id, many);
    expect(tooMany.input.status).toBe(400);
    expect(tooMany.input.fieldError('jobNumbers')).toBe('求人番号は10件までにしてください');
  });
});

describe('OR-2 refusals, each with its reason shown to staff', () => {
  const seekerCases: [string, Parameters<typeof setup>[0], string][] = [
    [
      'internet-only',
      { seeker: { kind: 'internet' } },
      'インターネットでの登録のみの求職者には送信できません',
    ],
    [
      'MyPage not opened',
      { seeker: { opened: false } },
      '求職者マイページが開設されていないため送信できません',
    ],
    ['no 職業相談', { counselledDaysAgo: null }, '職業相談の記録がないため'],
    ['last 職業相談 older than 90 days', { counselledDaysAgo: 91 }, '最後の職業相談から期間が経っているため'],
    ['registration 無効', { seeker: { active: false } }, '求職登録が無効になっているため送信できません'],
    [
      'registration lapsed',
      { seeker: { appliedOn: '2026-08-01', validUntil: '2026-11-20' }, counselledDaysAgo: 30 },
      '求職登録の有効期限が過ぎているため送信できません',
    ],
  ];
  for (const [name, options, reason] of seekerCases) {
    it(`OR-2 seeker ${name}: no form on the seeker page, and a send is refused with the reason`, async () => {
      const { seeker, job, client } = await setup(options);
      const detail = await client.get(`/staff/seekers/${seeker.seeker.id}`);
      expect(detail.text('#referral-refused')).toContain(reason);
      expect(detail.dom.querySelector('#referral-form')).toBeNull();
      const { input } = await send(client, seeker.seeker.id, [job.jobNumber]);
      expect(input.status).toBe(409);
      expect(input.text('#referral-refused')).toContain(reason);
      expect(await ctx.db.select().from(referrals).where(eq(referrals.seekerId, seeker.seeker.id))).toEqual(
        [],
      );
    });
  }

  it('OR-2 60 days after a 職業相談 is still fine (limit 90)', async () => {
    const { seeker, job, client } = await setup({ counselledDaysAgo: 60 });
    const { result } = await send(client, seeker.seeker.id, [job.jobNumber]);
    expect(result!.text('#referral-result')).toContain('1件の求人を送信しました');
  });

  it('OR-2 each job reason next to its job: employer without 求人者マイページ, 無効, withdrawn, past 紹介期限日, private to another office, already live, unknown 求人番号; the others are sent', async () => {
    const { seeker, job, employer, client } = await setup();
    const unopened = await createEmployer(ctx.deps, { opened: false });
    const noMyPage = await createJob(ctx.deps, { officeCode: '13010' }, unopened.employer);
    const invalid = await createJob(
      ctx.deps,
      { officeCode: '13010', status: 'invalid', closedOn: today() },
      employer.employer,
    );
    const withdrawn = await createJob(
      ctx.deps,
      { officeCode: '13010', status: 'withdrawn', closedOn: today() },
      employer.employer,
    );
    const pastDeadline = await createJob(
      ctx.deps,
      { officeCode: '13010', referralDeadline: addDays(today(), -1) },
      employer.employer,
    );
    const privateOther = await createJob(
      ctx.deps,
      { officeCode: '13020', publicationScope: 'private' },
      employer.employer,
    );
    const privateOwn = await createJob(
      ctx.deps,
      { officeCode: '13010', publicationScope: 'private' },
      employer.employer,
    );
    const live = await createJob(ctx.deps, { officeCode: '13010' }, employer.employer);
    await send(client, seeker.seeker.id, [live.jobNumber]);

    const { confirm, result } = await send(client, seeker.seeker.id, [
      job.jobNumber,
      noMyPage.jobNumber,
      invalid.jobNumber,
      withdrawn.jobNumber,
      pastDeadline.jobNumber,
      privateOther.jobNumber,
      privateOwn.jobNumber,
      live.jobNumber,
      '13010-77777777',
    ]);
    const expected = [
      [
        noMyPage.jobNumber,
        noMyPage.posting.title,
        '求人者マイページを開設していない事業所の求人には紹介できません。',
      ],
      [invalid.jobNumber, invalid.posting.title, 'この求人は無効です。'],
      [withdrawn.jobNumber, withdrawn.posting.title, 'この求人は取り下げられています。'],
      [pastDeadline.jobNumber, pastDeadline.posting.title, 'この求人は紹介期限日を過ぎています。'],
      [
        privateOther.jobNumber,
        privateOther.posting.title,
        'この求人は他の安定所の「求人情報を公開しない」求人です。',
      ],
      [
        live.jobNumber,
        live.posting.title,
        'この求人は既にこの求職者のオンラインハローワーク紹介対象求人です（応募期限日前）。',
      ],
      ['13010-77777777', '―', 'この求人番号の求人はありません。'],
    ];
    expect(cells(confirm!, 'refused-targets')).toEqual(expected);
    expect(cells(confirm!, 'send-targets').map((r) => r[0])).toEqual([job.jobNumber, privateOwn.jobNumber]);
    expect(result!.text('#referral-result')).toContain('2件の求人を送信しました');
    expect(cells(result!, 'refused-targets')).toEqual(expected);
    const detail = await client.get(`/staff/seekers/${seeker.seeker.id}`);
    expect(cells(detail, 'referrals')).toHaveLength(3);
  });

  it('OR-2 ST-2 G-2 only staff of the home office may send: another office sees no form and its requests are refused', async () => {
    const { seeker, job } = await setup();
    const other = await createStaff(ctx.deps, { officeCode: '13020' });
    const client = await signedIn('staff', other.email, other.password);
    const detail = await client.get(`/staff/seekers/${seeker.seeker.id}`);
    expect(detail.status).toBe(200);
    expect(detail.dom.querySelector('#referral-form')).toBeNull();
    const post = await client.post(`/staff/seekers/${seeker.seeker.id}/referrals`, {
      jobNumbers: job.jobNumber,
    });
    expect(post.status).toBe(403);
    expect((await client.get(`/staff/seekers/${seeker.seeker.id}/referrals`)).status).toBe(403);
    expect((await client.post(`/staff/seekers/${seeker.seeker.id}/referrals/send`, {})).status).toBe(403);
  });

  it('OR-1 CSRF: a send without the token is refused', async () => {
    const { seeker, job, client } = await setup();
    await client.get(`/staff/seekers/${seeker.seeker.id}`);
    const input = await client.post(
      `/staff/seekers/${seeker.seeker.id}/referrals`,
      { jobNumbers: job.jobNumber },
      { csrf: false },
    );
    expect(input.status).toBe(403);
    await client.get(`/staff/seekers/${seeker.seeker.id}`);
    const ok = await client.post(`/staff/seekers/${seeker.seeker.id}/referrals`, {
      jobNumbers: job.jobNumber,
    });
    await client.get(ok.location!);
    const sendNoToken = await client.post(
      `/staff/seekers/${seeker.seeker.id}/referrals/send`,
      {},
      { csrf: false },
    );
    expect(sendNoToken.status).toBe(403);
    expect(await ctx.db.select().from(referrals).where(eq(referrals.seekerId, seeker.seeker.id))).toEqual([]);
  });
});

describe('G-3 OR-3 the seeker is told once per batch', () => {
  it('G-3 OR-3 one mail for a batch of two, listing both jobs and their 応募期限日, saying to sign in to MyPage', async () => {
    const { seeker, job, employer, client } = await setup();
    const second = await createJob(ctx.deps, { officeCode: '13010' }, employer.employer);
    ctx.mailbox.clear();
    await send(client, seeker.seeker.id, [job.jobNumber, second.jobNumber]);
    await ctx.drain();
    const mails = ctx.mailbox.to(seeker.email);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.subject).toBe('【ハローワーク】オンラインハローワーク紹介対象求人のお知らせ');
    expect(mail.text).toContain(`求人番号 ${job.jobNumber}`);
    expect(mail.text).toContain(`求人番号 ${second.jobNumber}`);
    expect(mail.text).toContain('応募期限日：2026年11月28日');
    expect(mail.text).toContain('求職者マイページにログインし');
    expect(mail.text).toContain('http://localhost/login');
    // MS-4: one message from Hello Work in the seeker's inbox for the batch.
    const inbox = await ctx.db
      .select()
      .from(inboxMessages)
      .where(eq(inboxMessages.recipientAccountId, seeker.account.id));
    expect(inbox.map((m) => [m.kind, m.senderKind])).toEqual([['referral.sent', 'hello_work']]);
  });

  it('G-3 the mail is in English for a seeker whose language is English', async () => {
    const { seeker, job, client } = await setup();
    await ctx.db.update(accounts).set({ locale: 'en' }).where(eq(accounts.id, seeker.account.id));
    await send(client, seeker.seeker.id, [job.jobNumber]);
    await ctx.drain();
    const mail = ctx.mailbox.last(seeker.email)!;
    expect(mail.subject).toBe('[Hello Work] Jobs referred to you online (Online Hello Work Referral)');
    expect(mail.text).toContain(`Job number ${job.jobNumber}`);
    expect(mail.text).toContain('Apply by: 28 Nov 2026');
    expect(mail.text).toContain('Sign in to your Job seeker MyPage');
  });
});

describe('OR-3 OR-4 MP-7 the seeker side', () => {
  async function sentTwo() {
    const s = await setup();
    const older = await createJob(ctx.deps, { officeCode: '13010' }, s.employer.employer);
    await send(s.client, s.seeker.seeker.id, [older.jobNumber]);
    ctx.clock.set('2026-11-21T01:05:00Z');
    await send(s.client, s.seeker.seeker.id, [s.job.jobNumber]);
    const seekerClient = await signedIn('seeker', s.seeker.email, s.seeker.password);
    return { ...s, older, seekerClient };
  }

  it('OR-3 ホーム: 「オンラインハローワーク紹介対象求人 全2件中最新の求人を表示しています。」 with the newest as a card with 応募期限日 and 「詳細を表示」; 「対象求人全て表示」 lists both', async () => {
    const { job, older, seekerClient } = await sentTwo();
    const home = await seekerClient.get('/mypage');
    expect(home.status).toBe(200);
    expect(home.text('#referrals-sentence')).toBe(
      'オンラインハローワーク紹介対象求人 全2件中最新の求人を表示しています。',
    );
    const cards = home.dom.querySelectorAll('section[aria-labelledby="home-referrals"] .job-card');
    expect(cards).toHaveLength(1);
    expect(cards[0]!.querySelector('h3')!.textContent.trim()).toBe(job.posting.title);
    expect(cards[0]!.textContent).toContain('応募期限日');
    expect(cards[0]!.textContent).toContain('2026年11月28日');
    const details = cards[0]!.querySelectorAll('a').find((a) => a.textContent.trim() === '詳細を表示');
    // OR-5: to the target's own page (tests/integration/referral-detail.test.ts).
    const [target] = await ctx.db.select().from(referrals).where(eq(referrals.jobId, job.id));
    expect(details?.getAttribute('href')).toBe(`/mypage/referrals/${target!.id}`);
    expect(home.dom.querySelector('#referrals-all')?.getAttribute('href')).toBe('/mypage/referrals');
    expect(home.text('#referrals-all')).toBe('対象求人全て表示');

    const list = await seekerClient.get('/mypage/referrals');
    expect(list.status).toBe(200);
    expect(list.dom.querySelectorAll('#referral-list .job-card h3').map((h) => h.textContent.trim())).toEqual(
      [job.posting.title, older.posting.title],
    );
    expect(list.text('#referrals-count')).toBe('オンラインハローワーク紹介対象求人 全2件');
    const detail = await seekerClient.get(`/jobs/${job.jobNumber}`);
    expect(detail.status).toBe(200);
  });

  it('OR-4 a target is shown at 23:59:59 JST of its 応募期限日 and gone at 00:00:00 JST the next day (staff see 期限切れ)', async () => {
    const { seeker, staff } = await sentTwo();
    ctx.clock.set('2026-11-28T14:59:59Z');
    const before = await signedIn('seeker', seeker.email, seeker.password);
    expect((await before.get('/mypage')).text('#referrals-sentence')).toContain('全2件');
    ctx.clock.set('2026-11-28T15:00:00Z');
    const seekerClient = await signedIn('seeker', seeker.email, seeker.password);
    const client = await signedIn('staff', staff.email, staff.password);
    const home = await seekerClient.get('/mypage');
    expect(home.dom.querySelector('#referrals-sentence')).toBeNull();
    expect(home.text('#referrals-none')).toBe('現在、オンラインハローワーク紹介の対象求人はありません。');
    expect((await seekerClient.get('/mypage/referrals')).dom.querySelectorAll('.job-card')).toHaveLength(0);
    const detail = await client.get(`/staff/seekers/${seeker.seeker.id}`);
    expect(cells(detail, 'referrals').map((r) => r[4])).toEqual(['期限切れ', '期限切れ']);
  });

  it('OR-4 ST-2 a withdrawn job’s target is gone at once (staff see 取下げ), and the job can be sent again later only once live', async () => {
    const { seekerClient, seeker, job, client } = await sentTwo();
    await ctx.db
      .update(jobPostings)
      .set({ status: 'withdrawn', closedOn: today(), closedCause: 'withdrawn' })
      .where(eq(jobPostings.id, job.id));
    const home = await seekerClient.get('/mypage');
    expect(home.text('#referrals-sentence')).toBe(
      'オンラインハローワーク紹介対象求人 全1件中最新の求人を表示しています。',
    );
    expect(home.text('section[aria-labelledby="home-referrals"] .job-card h3')).not.toBe(job.posting.title);
    const list = await seekerClient.get('/mypage/referrals');
    expect(list.dom.querySelectorAll('#referral-list .job-card')).toHaveLength(1);
    const detail = await client.get(`/staff/seekers/${seeker.seeker.id}`);
    expect(cells(detail, 'referrals').map((r) => r[4])).toEqual(['取下げ', '未応募']);
  });

  it('OR-4 an expired target does not block sending the same job again; the old one keeps 期限切れ', async () => {
    const { seeker, job, staff } = await setup();
    await send(await signedIn('staff', staff.email, staff.password), seeker.seeker.id, [job.jobNumber]);
    ctx.clock.set('2026-11-29T01:00:00Z');
    // A week later: a new sign-in (sessions do not last that long).
    const client = await signedIn('staff', staff.email, staff.password);
    const { result } = await send(client, seeker.seeker.id, [job.jobNumber]);
    expect(result!.text('#referral-result')).toContain('1件の求人を送信しました');
    const rows = await ctx.db.select().from(referrals).where(eq(referrals.seekerId, seeker.seeker.id));
    expect(rows.map((r) => r.state).sort()).toEqual(['expired', 'sent']);
    const detail = await client.get(`/staff/seekers/${seeker.seeker.id}`);
    expect(cells(detail, 'referrals').map((r) => r[4])).toEqual(['未応募', '期限切れ']);
  });

  it('MP-7 an internet-only seeker sees the unavailable notice on ホーム and on the list', async () => {
    const internet = await createSeeker(ctx.deps, { kind: 'internet' });
    const seekerClient = await signedIn('seeker', internet.email, internet.password);
    const home = await seekerClient.get('/mypage');
    expect(home.text('section[aria-labelledby="home-referrals"]')).toContain('ご利用いただけません');
    const list = await seekerClient.get('/mypage/referrals');
    expect(list.text('main')).toContain('ご利用いただけません');
  });
});

describe('OR-1 demo data', () => {
  it('OR-1 OR-3 right after the demo seed, the demo staff sends the demo employer’s jobs to the demo seeker, whose ホーム shows them', async () => {
    const demo = await createTestContext({ env: { SEED_JOBS: '20' } });
    try {
      expect(await seedDemoIfEmpty(demo.deps)).toBe(true);
      const staff = demo.client(nextIp());
      await signInAs(staff, 'staff', DEMO_ACCOUNTS.staff.email, DEMO_ACCOUNTS.staff.password);
      const list = await staff.get(`/staff/seekers?q=${encodeURIComponent('山田 太郎')}`);
      const href = list.dom.querySelector('#seekers tbody a')!.getAttribute('href')!;
      const seekerId = href.split('/').at(-1)!;
      const numbers = ['13010-09999999', '13010-00000001', '13010-00000002'];
      const { confirm, result } = await send(staff, seekerId, numbers);
      expect(cells(confirm!, 'send-targets').map((r) => r[0])).toEqual(numbers);
      expect(result!.text('#referral-result')).toContain('3件の求人を送信しました');
      const seeker = demo.client(nextIp());
      await signInAs(seeker, 'seeker', DEMO_ACCOUNTS.seeker.email, DEMO_ACCOUNTS.seeker.password);
      expect((await seeker.get('/mypage')).text('#referrals-sentence')).toBe(
        'オンラインハローワーク紹介対象求人 全3件中最新の求人を表示しています。',
      );
    } finally {
      await demo.close();
    }
  });
});
