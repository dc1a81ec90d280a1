/**
 * A referral target's own page with 「応募（ハローワーク紹介）」 (OR-5), past targets under 求職活動状況
 * (OR-5), and the staff fit list 「希望条件に合う求人」 feeding the send (OR-1, ST-2), through HTTP.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { jobPostings, referrals, seekers } from '../../src/db/schema/index.ts';
import { DEMO_ACCOUNTS, seedDemoIfEmpty } from '../../src/demo/seed.ts';
import { insertCounselling } from '../../src/modules/counselling/counselling.repository.ts';
import { insertReferrals } from '../../src/modules/referrals/referrals.repository.ts';
import { type DesiredConditions, emptyDesiredConditions } from '../../src/modules/seekers/seeker.types.ts';
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

/** A home-office staff member signed in, a seeker counselled yesterday, an opened employer and a job. */
async function setup(o: { seeker?: SeekerOptions } = {}) {
  const staff = await createStaff(ctx.deps);
  const seeker = await createSeeker(ctx.deps, o.seeker);
  await insertCounselling(ctx.db, {
    seekerId: seeker.seeker.id,
    staffId: staff.staff.id,
    heldOn: addDays(today(), -1),
    desiredConditions: '介護職・那覇市・月給20万円以上',
    notes: '',
    now: ctx.clock.now(),
  });
  const employer = await createEmployer(ctx.deps);
  const job = await createJob(ctx.deps, { officeCode: '13010' }, employer.employer);
  const client = await signedIn('staff', staff.email, staff.password);
  return { staff, seeker, employer, job, client };
}

/** Input → confirmation → 送信, as staff would click through it. */
async function send(client: TestClient, seekerId: string, jobNumbers: string[]) {
  await client.get(`/staff/seekers/${seekerId}`);
  const input = await client.post(`/staff/seekers/${seekerId}/referrals`, {
    jobNumbers: jobNumbers.join('\n'),
  });
  expect(input.status).toBe(303);
  await client.get(input.location!);
  const result = await client.post(`/staff/seekers/${seekerId}/referrals/send`, {});
  expect(result.text('#referral-result')).toContain('送信しました');
}

async function referralIdOf(seekerId: string, jobId: number): Promise<string> {
  const rows = await ctx.db
    .select({ id: referrals.id })
    .from(referrals)
    .where(and(eq(referrals.seekerId, seekerId), eq(referrals.jobId, jobId)));
  expect(rows).toHaveLength(1);
  return rows[0]!.id;
}

const applyButton = (page: Page) =>
  page.dom.querySelectorAll('a').find((a) => a.textContent.trim() === '応募（ハローワーク紹介）');

function cells(page: Page, table: string): string[][] {
  return page.dom
    .querySelectorAll(`#${table} tbody tr`)
    .map((tr) => tr.querySelectorAll('td').map((td) => td.textContent.replace(/\s+/g, ' ').trim()));
}

describe('OR-5 the job detail of a referral target, with 「応募（ハローワーク紹介）」', () => {
  it('OR-3 OR-5 「詳細を表示」 on ホーム and the list opens the target’s page: the 求人票, its 応募期限日 and the button with the seed’s sentence', async () => {
    const { seeker, job, client } = await setup();
    await send(client, seeker.seeker.id, [job.jobNumber]);
    const id = await referralIdOf(seeker.seeker.id, job.id);
    const seekerClient = await signedIn('seeker', seeker.email, seeker.password);

    const home = await seekerClient.get('/mypage');
    const card = home.dom.querySelector('section[aria-labelledby="home-referrals"] .job-card')!;
    const details = card.querySelectorAll('a').find((a) => a.textContent.trim() === '詳細を表示');
    expect(details?.getAttribute('href')).toBe(`/mypage/referrals/${id}`);
    expect(card.querySelector('h3 a')?.getAttribute('href')).toBe(`/mypage/referrals/${id}`);
    const list = await seekerClient.get('/mypage/referrals');
    expect(
      list.dom
        .querySelectorAll('#referral-list a')
        .filter((a) => a.textContent.trim() === '詳細を表示')
        .map((a) => a.getAttribute('href')),
    ).toEqual([`/mypage/referrals/${id}`]);

    const detail = await seekerClient.get(`/mypage/referrals/${id}`);
    expect(detail.status).toBe(200);
    expect(detail.h1()).toBe(job.posting.title);
    expect(detail.text('main')).toContain(
      'この画面で表示される求人情報は雇用契約書ではありません。雇用時には必ず、書面により労働条件の提示を受けてください。',
    );
    expect(detail.text('section[aria-labelledby="referral-target"]')).toContain('応募期限日2026年11月28日');
    expect(detail.text('#referral-state')).toBe('未応募');
    expect(applyButton(detail)?.getAttribute('href')).toBe(`/mypage/referrals/${id}/apply`);
    expect(detail.text('#referral-apply')).toContain(
      '「応募（ハローワーク紹介）」ボタンから応募すると、「オンラインハローワーク紹介」となり、ハローワークの紹介状が発行されます。詳細はこちらをご覧ください。',
    );
    expect(detail.dom.querySelector('#referral-apply a[href="#referral-notes"]')).not.toBeNull();
    expect(detail.dom.querySelector('#referral-notes')).not.toBeNull();
    expect(detail.dom.querySelector('#referral-closed')).toBeNull();
    // The whole 求人票: its sections and 求人番号.
    expect(detail.text('section[aria-labelledby="job-basics"]')).toContain(job.jobNumber);
    expect(detail.dom.querySelector('section[aria-labelledby="job-selection"]')).not.toBeNull();
  });

  it('G-2 OR-5 another seeker’s target, an unknown id and a malformed id are the 404 page', async () => {
    const { seeker, job, client } = await setup();
    await send(client, seeker.seeker.id, [job.jobNumber]);
    const id = await referralIdOf(seeker.seeker.id, job.id);
    const other = await createSeeker(ctx.deps);
    const otherClient = await signedIn('seeker', other.email, other.password);
    const theirs = await otherClient.get(`/mypage/referrals/${id}`);
    expect(theirs.status).toBe(404);
    expect(theirs.text('main')).not.toContain(job.posting.title);
    expect((await otherClient.get(`/mypage/referrals/${randomUUID()}`)).status).toBe(404);
    expect((await otherClient.get('/mypage/referrals/not-a-uuid')).status).toBe(404);
    // Signed out: to the sign-in page, not the job.
    const anonymous = await ctx.client(nextIp()).get(`/mypage/referrals/${id}`);
    expect(anonymous.status).toBe(303);
  });

  it('OR-4 OR-5 at 23:59:59 JST of the 応募期限日 the button is there; at 00:00:00 JST it is gone, the page says 期限切れ and why', async () => {
    const { seeker, job, client } = await setup();
    await send(client, seeker.seeker.id, [job.jobNumber]);
    const id = await referralIdOf(seeker.seeker.id, job.id);
    ctx.clock.set('2026-11-28T14:59:59Z');
    const before = await signedIn('seeker', seeker.email, seeker.password);
    expect(applyButton(await before.get(`/mypage/referrals/${id}`))).toBeDefined();

    ctx.clock.set('2026-11-28T15:00:00Z');
    const seekerClient = await signedIn('seeker', seeker.email, seeker.password);
    const detail = await seekerClient.get(`/mypage/referrals/${id}`);
    expect(detail.status).toBe(200);
    expect(applyButton(detail)).toBeUndefined();
    expect(detail.dom.querySelector('#referral-apply')).toBeNull();
    expect(detail.text('#referral-state')).toBe('期限切れ');
    expect(detail.text('#referral-closed')).toContain('応募期限日を過ぎたため、応募できません。');
    expect(detail.text('#referral-closed')).toContain('窓口で紹介できる場合があります');
    // Shown as history: the way back is 求職活動状況.
    expect(detail.dom.querySelector('a[href="/mypage/activity/referrals"]')).not.toBeNull();
  });

  it('OR-4 OR-5 a target whose job was withdrawn has no button and says 取下げ at once', async () => {
    const { seeker, job, client } = await setup();
    await send(client, seeker.seeker.id, [job.jobNumber]);
    const id = await referralIdOf(seeker.seeker.id, job.id);
    await ctx.db
      .update(jobPostings)
      .set({ status: 'withdrawn', closedOn: today(), closedCause: 'withdrawn' })
      .where(eq(jobPostings.id, job.id));
    const seekerClient = await signedIn('seeker', seeker.email, seeker.password);
    const detail = await seekerClient.get(`/mypage/referrals/${id}`);
    expect(detail.status).toBe(200);
    expect(applyButton(detail)).toBeUndefined();
    expect(detail.text('#referral-state')).toBe('取下げ');
    expect(detail.text('#referral-closed')).toContain(
      '求人が取り下げられたなどの理由により、応募できなくなりました。',
    );
  });

  it('OR-5 AP-6 an applied or declined target has no button and says so', async () => {
    const { seeker, job, employer, client } = await setup();
    const second = await createJob(ctx.deps, { officeCode: '13010' }, employer.employer);
    await send(client, seeker.seeker.id, [job.jobNumber, second.jobNumber]);
    const applied = await referralIdOf(seeker.seeker.id, job.id);
    const declined = await referralIdOf(seeker.seeker.id, second.id);
    // What issues 11 and 12 will write.
    await ctx.db
      .update(referrals)
      .set({ state: 'applied', appliedAt: ctx.clock.now() })
      .where(eq(referrals.id, applied));
    await ctx.db
      .update(referrals)
      .set({ state: 'declined', declinedAt: ctx.clock.now() })
      .where(eq(referrals.id, declined));
    const seekerClient = await signedIn('seeker', seeker.email, seeker.password);
    const a = await seekerClient.get(`/mypage/referrals/${applied}`);
    expect(applyButton(a)).toBeUndefined();
    expect(a.text('#referral-state')).toBe('応募済');
    expect(a.text('#referral-closed')).toContain('この求人には応募済みです');
    const d = await seekerClient.get(`/mypage/referrals/${declined}`);
    expect(applyButton(d)).toBeUndefined();
    expect(d.text('#referral-state')).toBe('辞退');
    expect(d.text('#referral-closed')).toContain('取り消されています');
  });

  it('OR-5 SR-4 a job with 公開範囲「求人情報を公開しない」 is hidden from the public page but shown in full to its target; 事業所名 too', async () => {
    const { seeker, employer, client } = await setup();
    const hidden = await createJob(
      ctx.deps,
      { officeCode: '13010', publicationScope: 'private' },
      employer.employer,
    );
    const anonymous = await createJob(
      ctx.deps,
      { officeCode: '13010', publicationScope: 'anonymous' },
      employer.employer,
    );
    await send(client, seeker.seeker.id, [hidden.jobNumber, anonymous.jobNumber]);
    const seekerClient = await signedIn('seeker', seeker.email, seeker.password);
    expect((await seekerClient.get(`/jobs/${hidden.jobNumber}`)).status).toBe(404);
    const id = await referralIdOf(seeker.seeker.id, hidden.id);
    const detail = await seekerClient.get(`/mypage/referrals/${id}`);
    expect(detail.status).toBe(200);
    expect(detail.h1()).toBe(hidden.posting.title);
    expect(detail.text('section[aria-labelledby="job-employer"]')).toContain(employer.employer.name);
    expect(applyButton(detail)).toBeDefined();
    // The public page of the anonymous job hides the name; the target's page and card show it.
    expect(
      (await seekerClient.get(`/jobs/${anonymous.jobNumber}`)).text(
        'section[aria-labelledby="job-employer"]',
      ),
    ).not.toContain(employer.employer.name);
    const anonymousId = await referralIdOf(seeker.seeker.id, anonymous.id);
    expect(
      (await seekerClient.get(`/mypage/referrals/${anonymousId}`)).text(
        'section[aria-labelledby="job-employer"]',
      ),
    ).toContain(employer.employer.name);
    const list = await seekerClient.get('/mypage/referrals');
    expect(list.text('#referral-list')).toContain(employer.employer.name);
    // The card of the private job leads to the target's page, not to the public 404.
    expect(list.dom.querySelector(`#job-${hidden.jobNumber} a`)?.getAttribute('href')).toBe(
      `/mypage/referrals/${id}`,
    );
  });
});

describe('OR-5 past targets stay readable as history under 求職活動状況', () => {
  it('OR-5 ST-2 /mypage/activity lists the expired and withdrawn targets with their state and dates, newest first; live ones are not there', async () => {
    const { seeker, staff, job, employer, client } = await setup();
    const withdrawn = await createJob(ctx.deps, { officeCode: '13010' }, employer.employer);
    const live = await createJob(ctx.deps, { officeCode: '13010' }, employer.employer);
    await send(client, seeker.seeker.id, [job.jobNumber]);
    ctx.clock.set('2026-11-25T01:00:00Z');
    await send(await signedIn('staff', staff.email, staff.password), seeker.seeker.id, [
      withdrawn.jobNumber,
      live.jobNumber,
    ]);
    await ctx.db
      .update(jobPostings)
      .set({ status: 'withdrawn', closedOn: '2026-11-26', closedCause: 'withdrawn' })
      .where(eq(jobPostings.id, withdrawn.id));
    // Tokyo 2026-11-29: the first target's 応募期限日 (11-28) has passed; the live one's (12-02) has not.
    ctx.clock.set('2026-11-29T01:00:00Z');
    const seekerClient = await signedIn('seeker', seeker.email, seeker.password);

    const hub = await seekerClient.get('/mypage/activity');
    expect(hub.status).toBe(200);
    expect(hub.h1()).toBe('求職活動状況');
    expect(hub.text('#activity-applications')).toBe('応募中求人一覧');
    expect(hub.text('#activity-referrals')).toBe('過去のオンラインハローワーク紹介対象求人');
    const expected = [
      ['2026年11月25日', withdrawn.jobNumber, withdrawn.posting.title, '2026年12月2日', '取下げ'],
      ['2026年11月21日', job.jobNumber, job.posting.title, '2026年11月28日', '期限切れ'],
    ];
    expect(cells(hub, 'referral-history')).toEqual(expected);
    const links = hub.dom.querySelectorAll('#referral-history tbody a').map((a) => a.getAttribute('href'));
    expect(links).toEqual([
      `/mypage/referrals/${await referralIdOf(seeker.seeker.id, withdrawn.id)}`,
      `/mypage/referrals/${await referralIdOf(seeker.seeker.id, job.id)}`,
    ]);
    expect(hub.text('#referral-history-all')).toContain('全2件');

    const all = await seekerClient.get('/mypage/activity/referrals');
    expect(all.status).toBe(200);
    expect(all.text('#referral-history-count')).toBe('全2件');
    expect(cells(all, 'referral-history')).toEqual(expected);
    // Each opens the target's page in history mode, without the button.
    const old = await seekerClient.get(links[1]!);
    expect(old.text('#referral-state')).toBe('期限切れ');
    expect(applyButton(old)).toBeUndefined();
    // The live one is on ホーム, not in the history.
    expect((await seekerClient.get('/mypage')).text('#referrals-sentence')).toContain('全1件');
    expect(all.text('main')).not.toContain(live.posting.title);
  });

  it('OR-5 the history is paged, 20 a page; the hub shows the newest 5 and links to all', async () => {
    const { seeker, staff, job } = await setup();
    const rows = Array.from({ length: 21 }, (_, i) => ({
      seekerId: seeker.seeker.id,
      jobId: job.id,
      officeCode: '13010',
      sentBy: staff.staff.id,
      batchId: randomUUID(),
      sentAt: new Date(Date.parse(DEFAULT_NOW) - (30 + i) * 86_400_000),
      applyBy: addDays(today(), -23 - i),
      state: 'expired' as const,
      closedAt: ctx.clock.now(),
    }));
    await insertReferrals(ctx.db, rows);
    const seekerClient = await signedIn('seeker', seeker.email, seeker.password);
    const hub = await seekerClient.get('/mypage/activity');
    expect(cells(hub, 'referral-history')).toHaveLength(5);
    expect(hub.dom.querySelector('#referral-history-all')?.getAttribute('href')).toBe(
      '/mypage/activity/referrals',
    );
    expect(hub.text('#referral-history-all')).toContain('全21件');

    const first = await seekerClient.get('/mypage/activity/referrals');
    expect(cells(first, 'referral-history')).toHaveLength(20);
    expect(cells(first, 'referral-history')[0]![0]).toBe('2026年10月22日');
    expect(first.dom.querySelector('#referral-history-pages a[rel="next"]')?.getAttribute('href')).toBe(
      '/mypage/activity/referrals?page=2',
    );
    const second = await seekerClient.get('/mypage/activity/referrals?page=2');
    expect(cells(second, 'referral-history').map((r) => r[0])).toEqual(['2026年10月2日']);
    expect(second.dom.querySelector('#referral-history-pages strong[aria-current="page"]')?.textContent).toBe(
      '2',
    );
    // Past the last page: the last page; nonsense: the first.
    expect(
      cells(await seekerClient.get('/mypage/activity/referrals?page=9'), 'referral-history'),
    ).toHaveLength(1);
    expect(
      cells(await seekerClient.get('/mypage/activity/referrals?page=x'), 'referral-history'),
    ).toHaveLength(20);
  });

  it('OR-5 MP-7 with no past targets the section says so; an internet-only seeker gets the unavailable notice', async () => {
    const fresh = await createSeeker(ctx.deps);
    const freshClient = await signedIn('seeker', fresh.email, fresh.password);
    expect((await freshClient.get('/mypage/activity')).text('#referral-history-none')).toBe(
      '過去のオンラインハローワーク紹介対象求人はありません。',
    );
    const internet = await createSeeker(ctx.deps, { kind: 'internet' });
    const internetClient = await signedIn('seeker', internet.email, internet.password);
    const hub = await internetClient.get('/mypage/activity');
    expect(hub.status).toBe(200);
    expect(hub.text('#activity-referrals-section')).toContain('ご利用いただけません');
    expect((await internetClient.get('/mypage/activity/referrals')).text('main')).toContain(
      'ご利用いただけません',
    );
  });
});

describe('OR-1 ST-2 the fit list: jobs that fit the seeker’s 求職情報, chosen for the send', () => {
  const naha = {
    officeCode: '13010',
    prefectureCode: '47',
    city: '那覇市',
    workplaceAddress: '沖縄県那覇市泉崎1-2-2',
    workStyle: 'full_time' as const,
    employmentType: 'regular' as const,
    occupationCode: '05',
    wageType: 'monthly' as const,
    workHours: [{ start: '09:00', end: '17:00' }],
  };
  const wishes: DesiredConditions = {
    ...emptyDesiredConditions(),
    occupation: '介護職',
    occupationCodes: ['05'],
    prefectureCodes: ['47'],
    cities: '那覇市',
    workStyle: 'full_time',
    employmentTypes: ['regular'],
    wageType: 'monthly',
    wageMin: 200_000,
    hours: '9:00～18:00',
  };

  async function fitSetup() {
    const s = await setup();
    await ctx.db.update(seekers).set({ desired: wishes }).where(eq(seekers.id, s.seeker.seeker.id));
    // The fitting job first: newest-first alone would put the one below the wish on top.
    const fits = await createJob(
      ctx.deps,
      { ...naha, title: '介護職員（那覇・希望通り）', wageMin: 250_000, wageMax: 300_000 },
      s.employer.employer,
    );
    const below = await createJob(
      ctx.deps,
      { ...naha, title: '介護職員（那覇・賃金低め）', wageMin: 150_000, wageMax: 180_000 },
      s.employer.employer,
    );
    // Newer still, and further from the wishes: below the wage and outside the hours.
    const worse = await createJob(
      ctx.deps,
      {
        ...naha,
        title: '介護職員（那覇・長時間）',
        wageMin: 150_000,
        wageMax: 180_000,
        workHours: [{ start: '07:00', end: '19:00' }],
      },
      s.employer.employer,
    );
    const partTime = await createJob(
      ctx.deps,
      {
        ...naha,
        title: '介護職員（那覇・パート）',
        workStyle: 'part_time',
        wageMin: 250_000,
        wageMax: 300_000,
      },
      s.employer.employer,
    );
    return { ...s, fits, below, worse, partTime };
  }

  const order = (page: Page) =>
    page.dom.querySelectorAll('#fit-jobs article').map((a) => a.getAttribute('data-job-number'));
  const reasonsOf = (page: Page, jobNumber: string, kind: 'fits' | 'misses') =>
    page.dom
      .querySelectorAll(`#fit-jobs article[data-job-number="${jobNumber}"] .fit-reasons--${kind} li`)
      .map((li) => li.textContent.trim());

  it('OR-1 ST-2 the seeker page links to it; the fitting job comes first with its reasons, the 「希望賃金を下回る」 one lower, another 求人区分 not at all', async () => {
    const { seeker, client, fits, below, worse, partTime } = await fitSetup();
    const seekerPage = await client.get(`/staff/seekers/${seeker.seeker.id}`);
    expect(seekerPage.dom.querySelector('#referral-fit-link')?.getAttribute('href')).toBe(
      `/staff/seekers/${seeker.seeker.id}/referrals/fit`,
    );
    const fit = await client.get(`/staff/seekers/${seeker.seeker.id}/referrals/fit`);
    expect(fit.status).toBe(200);
    expect(fit.h1()).toBe('希望条件に合う求人');
    expect(fit.text('#fit-desired-list')).toContain('沖縄県');
    expect(fit.text('#fit-desired-list')).toContain('月給 200,000円以上');
    expect(order(fit)).toEqual([fits.jobNumber, below.jobNumber, worse.jobNumber]);
    expect(order(fit)).not.toContain(partTime.jobNumber);
    expect(reasonsOf(fit, fits.jobNumber, 'fits')).toEqual([
      '希望勤務地（市区町村）の求人',
      '希望する職業分類の求人',
      '希望する就業形態（フルタイム・パート）に合う',
      '希望する雇用形態に合う',
      '賃金が希望賃金以上',
      '希望就業時間に収まる就業時間がある',
    ]);
    expect(reasonsOf(fit, fits.jobNumber, 'misses')).toEqual([]);
    expect(reasonsOf(fit, below.jobNumber, 'misses')).toEqual(['希望賃金を下回る']);
    expect(reasonsOf(fit, below.jobNumber, 'fits')).toContain('希望勤務地（市区町村）の求人');
    expect(reasonsOf(fit, worse.jobNumber, 'misses')).toEqual([
      '希望賃金を下回る',
      '希望就業時間に収まる就業時間がない',
    ]);
    // Each can be ticked.
    expect(
      fit.dom.querySelectorAll('#fit-form input[name="pick"]').map((i) => i.getAttribute('value')),
    ).toEqual([fits.jobNumber, below.jobNumber, worse.jobNumber]);
  });

  it('OR-1 ticked jobs go to the same confirmation and are sent; a job already sent shows its refusal and cannot be ticked', async () => {
    const { seeker, client, fits, below } = await fitSetup();
    await client.get(`/staff/seekers/${seeker.seeker.id}/referrals/fit`);
    const picked = await client.post(`/staff/seekers/${seeker.seeker.id}/referrals/fit`, {
      pick: [fits.jobNumber, below.jobNumber],
    });
    expect(picked.status).toBe(303);
    expect(picked.location).toBe(`/staff/seekers/${seeker.seeker.id}/referrals/confirm`);
    const confirm = await client.get(picked.location!);
    expect(cells(confirm, 'send-targets').map((r) => r[0])).toEqual([fits.jobNumber, below.jobNumber]);
    const result = await client.post(`/staff/seekers/${seeker.seeker.id}/referrals/send`, {});
    expect(result.text('#referral-result')).toContain('2件の求人を送信しました');

    const again = await client.get(`/staff/seekers/${seeker.seeker.id}/referrals/fit`);
    const article = again.dom.querySelector(`#fit-jobs article[data-job-number="${fits.jobNumber}"]`)!;
    expect(article.querySelector('input[name="pick"]')).toBeNull();
    expect(article.querySelector('.fit-job__refused')?.textContent).toContain(
      'この求人は既にこの求職者のオンラインハローワーク紹介対象求人です',
    );
  });

  it('OR-1 G-1 nothing ticked, more than 10, or a 応募期限日 before today: the fit page again with the message and the ticks kept', async () => {
    const { seeker, client, fits } = await fitSetup();
    await client.get(`/staff/seekers/${seeker.seeker.id}/referrals/fit`);
    const none = await client.post(`/staff/seekers/${seeker.seeker.id}/referrals/fit`, {});
    expect(none.status).toBe(400);
    expect(none.fieldError('pick')).toBe('送信する求人を選んでください');
    expect(none.summary()).toEqual(['送信する求人を選んでください']);
    const many = Array.from({ length: 11 }, (_, i) => `13010-${String(80_000_000 + i)}`);
    const tooMany = await client.post(`/staff/seekers/${seeker.seeker.id}/referrals/fit`, { pick: many });
    expect(tooMany.status).toBe(400);
    expect(tooMany.fieldError('pick')).toBe('送信する求人は10件までにしてください');
    const past = await client.post(`/staff/seekers/${seeker.seeker.id}/referrals/fit`, {
      pick: fits.jobNumber,
      applyBy: addDays(today(), -1),
    });
    expect(past.status).toBe(400);
    expect(past.fieldError('applyBy')).toBe('応募期限日には今日以降の日付を入力してください');
    expect(past.checked('pick', fits.jobNumber)).toBe(true);
    expect(await ctx.db.select().from(referrals).where(eq(referrals.seekerId, seeker.seeker.id))).toEqual([]);
  });

  it('OR-1 G-2 CSRF and office scope: a pick without the token is refused; staff of another office get 403', async () => {
    const { seeker, client, fits } = await fitSetup();
    await client.get(`/staff/seekers/${seeker.seeker.id}/referrals/fit`);
    const noToken = await client.post(
      `/staff/seekers/${seeker.seeker.id}/referrals/fit`,
      { pick: fits.jobNumber },
      { csrf: false },
    );
    expect(noToken.status).toBe(403);
    const other = await createStaff(ctx.deps, { officeCode: '13020' });
    const otherClient = await signedIn('staff', other.email, other.password);
    expect((await otherClient.get(`/staff/seekers/${seeker.seeker.id}/referrals/fit`)).status).toBe(403);
    await otherClient.get('/staff');
    expect(
      (await otherClient.post(`/staff/seekers/${seeker.seeker.id}/referrals/fit`, { pick: fits.jobNumber }))
        .status,
    ).toBe(403);
  });

  it('OR-1 OR-2 a seeker with no wishes recorded gets the notice; a seeker who cannot receive referrals gets the reason', async () => {
    const { seeker, client } = await setup();
    const empty = await client.get(`/staff/seekers/${seeker.seeker.id}/referrals/fit`);
    expect(empty.status).toBe(200);
    expect(empty.text('#fit-no-desired')).toContain('求職情報（希望条件）が登録されていないため');
    expect(empty.dom.querySelector('#fit-form')).toBeNull();
    const internet = await createSeeker(ctx.deps, { kind: 'internet' });
    await ctx.db
      .update(seekers)
      .set({ desired: wishes, officeCode: '13010' })
      .where(eq(seekers.id, internet.seeker.id));
    const refused = await client.get(`/staff/seekers/${internet.seeker.id}/referrals/fit`);
    expect(refused.text('#referral-refused')).toContain(
      'インターネットでの登録のみの求職者には送信できません',
    );
    expect(refused.dom.querySelector('#fit-form')).toBeNull();
  });

  it('OR-1 demo data: the demo seeker’s fit list has the demo employer’s 介護福祉士 first, fitting every wish', async () => {
    const demo = await createTestContext({ env: { SEED_JOBS: '20' } });
    try {
      expect(await seedDemoIfEmpty(demo.deps)).toBe(true);
      const staff = demo.client(nextIp());
      await signInAs(staff, 'staff', DEMO_ACCOUNTS.staff.email, DEMO_ACCOUNTS.staff.password);
      const list = await staff.get(`/staff/seekers?q=${encodeURIComponent('山田 太郎')}`);
      const href = list.dom.querySelector('#seekers tbody a')!.getAttribute('href')!;
      const fit = await staff.get(`${href}/referrals/fit`);
      expect(order(fit)[0]).toBe('13010-09999999');
      expect(reasonsOf(fit, '13010-09999999', 'misses')).toEqual([]);
      expect(reasonsOf(fit, '13010-09999999', 'fits')).toContain('賃金が希望賃金以上');
    } finally {
      await demo.close();
    }
  });
});
