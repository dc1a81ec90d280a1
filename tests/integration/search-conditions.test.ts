/**
 * Every SR-1 condition of the search form through HTTP: one job that meets it and one that does not
 * (otherwise alike where it matters), and the 求人番号 the results page shows. Removing a condition
 * from the search makes its test fail.
 */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { employers } from '../../src/db/schema/index.ts';
import { FEATURE_TAGS } from '../../src/modules/jobs/job.types.ts';
import type { NewJobPosting } from '../../src/modules/jobs/jobs.repository.ts';
import { createEmployer, createJob } from '../support/factories.ts';
import type { Page } from '../support/http.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

type Job = Partial<NewJobPosting>;
const marker = () => `条件${randomBytes(3).toString('hex')}`;
const q = (s: string) => encodeURIComponent(s);
/** The 求人番号 on the result cards, in order. */
const numbers = (page: Page) => [
  ...new Set(
    page.dom.querySelectorAll('.job-list article').flatMap((a) => a.textContent.match(/\d{5}-\d{8}/g) ?? []),
  ),
];

/** Plain text that no condition reads, so only the overridden fields decide. */
const neutral = (m: string, label: string): Job => ({
  title: `${m} ${label}`,
  description: `${label}の仕事です。`,
  holidays: '土日',
  specialNotes: '',
  nearestStation: '',
});

/** Creates the matching and the other job, searches `kw=marker&query`, expects only the matching one. */
async function expectOnlyMatch(query: string | ((m: string) => string), match: Job, miss: Job) {
  const m = marker();
  const a = await createJob(ctx.deps, { ...neutral(m, '該当'), ...match });
  const b = await createJob(ctx.deps, { ...neutral(m, '対象外'), ...miss });
  // A function gives the whole query (its own keyword); a string is added to kw=marker.
  const page = await ctx
    .client()
    .get(`/jobs?${typeof query === 'string' ? `kw=${q(m)}&${query}` : query(m)}`);
  expect(page.status).toBe(200);
  expect(numbers(page)).toEqual([a.jobNumber]);
  expect(numbers(page)).not.toContain(b.jobNumber);
  return { a, b };
}

describe('SR-1 every search condition is applied (HTTP)', () => {
  it('SR-1 都道府県', () =>
    expectOnlyMatch(
      'pref=27',
      { prefectureCode: '27', city: '大阪市', workplaceAddress: '北区梅田1-1' },
      { prefectureCode: '13', city: '千代田区', workplaceAddress: '千代田1-1' },
    ));

  it('SR-1 市区町村', () =>
    expectOnlyMatch(
      `city=${q('千代田区')}`,
      { prefectureCode: '13', city: '千代田区', workplaceAddress: '千代田1-1' },
      { prefectureCode: '13', city: '中央区', workplaceAddress: '銀座1-1' },
    ));

  it('SR-1 職業分類', () => expectOnlyMatch('occ=05', { occupationCode: '05' }, { occupationCode: '03' }));

  it('SR-1 求人区分 (一般 / 新卒・既卒 / 季節 / 障害のある方)', () =>
    expectOnlyMatch('cat=seasonal', { category: 'seasonal' }, { category: 'general' }));

  it('SR-1 フルタイム / パート', () =>
    expectOnlyMatch('ws=part_time', { workStyle: 'part_time' }, { workStyle: 'full_time' }));

  it('SR-1 雇用形態', () =>
    expectOnlyMatch('emp=regular', { employmentType: 'regular' }, { employmentType: 'non_regular' }));

  it('SR-1 年齢', () =>
    expectOnlyMatch('age=45', { ageMin: null, ageMax: null }, { ageMin: null, ageMax: 29 }));

  it('SR-1 新着 (当日・前日)', () =>
    expectOnlyMatch(
      'new=2',
      { acceptedOn: '2026-11-20', referralDeadline: '2027-01-31' },
      { acceptedOn: '2026-11-19', referralDeadline: '2027-01-31' },
    ));

  it('SR-1 新着 (1週間以内)', () =>
    expectOnlyMatch(
      'new=7',
      { acceptedOn: '2026-11-15', referralDeadline: '2027-01-31' },
      { acceptedOn: '2026-11-14', referralDeadline: '2027-01-31' },
    ));

  it('SR-1 求人番号', async () => {
    const m = marker();
    const a = await createJob(ctx.deps, neutral(m, '該当'));
    const b = await createJob(ctx.deps, neutral(m, '対象外'));
    const page = await ctx.client().get(`/jobs?kw=${q(m)}&no=${q(a.jobNumber)}`);
    expect(numbers(page)).toEqual([a.jobNumber]);
    expect(page.html).not.toContain(b.jobNumber);
  });

  it('SR-1 事業所名', async () => {
    const m = marker();
    const a = await createJob(ctx.deps, neutral(m, '該当'));
    const b = await createJob(ctx.deps, neutral(m, '対象外'));
    expect(numbers(await ctx.client().get(`/jobs?kw=${q(m)}&co=${q(a.employer.name)}`))).toEqual([
      a.jobNumber,
    ]);
    expect(numbers(await ctx.client().get(`/jobs?kw=${q(m)}&cox=${q(b.employer.name)}`))).toEqual([
      a.jobNumber,
    ]);
  });

  it('SR-1 月給下限', () =>
    expectOnlyMatch(
      'wage=250000',
      { wageType: 'monthly', wageMin: 260000, wageMax: 300000 },
      { wageType: 'monthly', wageMin: 240000, wageMax: 300000 },
    ));

  it('SR-1 時給下限', () =>
    expectOnlyMatch(
      'hwage=1500',
      { wageType: 'hourly', wageMin: 1500, wageMax: 1600 },
      { wageType: 'hourly', wageMin: 1490, wageMax: 1600 },
    ));

  it('SR-1 賞与あり', () => expectOnlyMatch('bonus=1', { hasBonus: true }, { hasBonus: false }));

  it('SR-1 就業時間 (from)', () =>
    expectOnlyMatch(
      'hfrom=9:00',
      { workHours: [{ start: '09:00', end: '18:00' }] },
      { workHours: [{ start: '08:30', end: '17:00' }] },
    ));

  it('SR-1 就業時間 (to)', () =>
    expectOnlyMatch(
      'hto=17:00',
      { workHours: [{ start: '08:30', end: '17:00' }] },
      { workHours: [{ start: '09:00', end: '17:30' }] },
    ));

  it('SR-1 時間外なし', () => expectOnlyMatch('noot=1', { hasOvertime: false }, { hasOvertime: true }));

  it('SR-1 週休二日', () =>
    expectOnlyMatch('w2=1', { weeklyTwoDaysOff: 'every_week' }, { weeklyTwoDaysOff: 'other' }));

  it('SR-1 年間休日数', () => expectOnlyMatch('hol=120', { annualHolidays: 120 }, { annualHolidays: 119 }));

  it('SR-1 加入保険', () =>
    expectOnlyMatch(
      'ins=pension&ins=health',
      { insurances: ['employment', 'health', 'pension'] },
      { insurances: ['employment', 'health'] },
    ));

  it('SR-1 従業員数', async () => {
    const m = marker();
    const small = (await createEmployer(ctx.deps)).employer;
    await ctx.db.update(employers).set({ employeesTotal: 5 }).where(eq(employers.id, small.id));
    const a = await createJob(ctx.deps, neutral(m, '該当'), { ...small, employeesTotal: 5 });
    const b = await createJob(ctx.deps, neutral(m, '対象外')); // 30 employees
    const page = await ctx.client().get(`/jobs?kw=${q(m)}&size=1`);
    expect(numbers(page)).toEqual([a.jobNumber]);
    expect(numbers(await ctx.client().get(`/jobs?kw=${q(m)}&size=3`))).toEqual([b.jobNumber]);
  });

  it('SR-1 学歴不問', () => expectOnlyMatch('noedu=1', { education: null }, { education: '大卒以上' }));

  it('SR-1 経験不問', () =>
    expectOnlyMatch('noexp=1', { experience: null }, { experience: '実務経験3年以上' }));

  it('SR-1 免許不問', () => expectOnlyMatch('nolic=1', { license: null }, { license: '普通自動車免許' }));

  for (const tag of FEATURE_TAGS) {
    it(`SR-1 feature tag ${tag}`, () =>
      expectOnlyMatch(
        `f=${tag}`,
        { features: [tag] },
        { features: FEATURE_TAGS.filter((t) => t !== tag).slice(0, 3) },
      ));
  }

  it('SR-1 オンライン自主応募可', () =>
    expectOnlyMatch('online=1', { acceptsOnlineApplication: true }, { acceptsOnlineApplication: false }));

  it('SR-1 keyword AND: every word must be in the job', () =>
    expectOnlyMatch(
      (m) => `kw=${q(`${m} 鯨漁 港町`)}`,
      { description: '港町で鯨漁の仕事。' },
      { description: '鯨漁の仕事。' },
    ));

  it('SR-1 keyword OR: one of the words is enough', async () => {
    const m = marker();
    const a = await createJob(ctx.deps, { ...neutral(m, '甲'), description: `${m}甲の仕事` });
    const b = await createJob(ctx.deps, { ...neutral(m, '乙'), description: `${m}乙の仕事` });
    const c = await createJob(ctx.deps, neutral(m, '丙'));
    const or = await ctx.client().get(`/jobs?kw=${q(`${m}甲 ${m}乙`)}&kwMode=or`);
    expect(numbers(or).sort()).toEqual([a.jobNumber, b.jobNumber].sort());
    expect(numbers(or)).not.toContain(c.jobNumber);
    const and = await ctx.client().get(`/jobs?kw=${q(`${m}甲 ${m}乙`)}&kwMode=and`);
    expect(numbers(and)).toEqual([]);
  });

  it('SR-1 keyword exclude word', () =>
    expectOnlyMatch(
      `kwx=${q('夜勤')}`,
      { description: '日勤のみの仕事。' },
      { description: '夜勤ありの仕事。' },
    ));
});

describe('SR-1 the SQL of the conditions, where the index alone would not decide (HTTP)', () => {
  it('SR-1 keyword OR: a word of three or more characters must appear as typed, not only its bigrams', async () => {
    const m = marker();
    const a = await createJob(ctx.deps, { ...neutral(m, '甲'), description: `${m}看護師の仕事` });
    // Every bigram of `${m}看護師`, but never the word itself.
    const b = await createJob(ctx.deps, { ...neutral(m, '乙'), description: `${m}看護 と 護師` });
    const page = await ctx.client().get(`/jobs?kw=${q(`${m}看護師 ${m}丁丁`)}&kwMode=or`);
    expect(numbers(page)).toEqual([a.jobNumber]);
    expect(numbers(page)).not.toContain(b.jobNumber);
  });

  it('SR-1 exclude word of three or more characters: only the word as typed excludes', () =>
    expectOnlyMatch(
      `kwx=${q('派遣社員')}`,
      { description: '派遣社 と 社員' },
      { description: '派遣社員の仕事。' },
    ));

  it('SR-1 two 都道府県: a job in either', async () => {
    const m = marker();
    const osaka = { prefectureCode: '27', city: '大阪市', workplaceAddress: '北区梅田1-1' };
    const a = await createJob(ctx.deps, { ...neutral(m, '東京'), prefectureCode: '13' });
    const b = await createJob(ctx.deps, { ...neutral(m, '大阪'), ...osaka });
    const c = await createJob(ctx.deps, {
      ...neutral(m, '神奈川'),
      prefectureCode: '14',
      city: '横浜市',
      workplaceAddress: '中区山下町1',
    });
    const page = await ctx.client().get(`/jobs?kw=${q(m)}&pref=13&pref=27`);
    expect(numbers(page).sort()).toEqual([a.jobNumber, b.jobNumber].sort());
    expect(numbers(page)).not.toContain(c.jobNumber);
  });

  it('SR-5 two 求人番号: both jobs, nothing else', async () => {
    const m = marker();
    const a = await createJob(ctx.deps, neutral(m, '一'));
    const b = await createJob(ctx.deps, neutral(m, '二'));
    await createJob(ctx.deps, neutral(m, '三'));
    const page = await ctx.client().get(`/jobs?no=${q(`${a.jobNumber} ${b.jobNumber}`)}`);
    expect(numbers(page).sort()).toEqual([a.jobNumber, b.jobNumber].sort());
  });

  it('SR-6 a job no longer shows once its 紹介期限日 has passed in Tokyo, before the daily close runs', async () => {
    const m = marker();
    const start = ctx.clock.now();
    const today = '2026-11-21';
    const a = await createJob(ctx.deps, { ...neutral(m, '期限'), referralDeadline: today });
    try {
      ctx.clock.set('2026-11-21T14:59:00Z');
      expect(numbers(await ctx.client().get(`/jobs?kw=${q(m)}`))).toEqual([a.jobNumber]);
      ctx.clock.set('2026-11-21T15:00:00Z');
      expect(numbers(await ctx.client().get(`/jobs?kw=${q(m)}`))).toEqual([]);
    } finally {
      ctx.clock.set(start);
    }
  });
});
