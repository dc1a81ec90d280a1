import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.ts';
import { jobPostings } from '../../src/db/schema/index.ts';
import { reindexJob } from '../../src/modules/search/reindex-job.ts';
import { FILTER } from '../../src/modules/search/search-text.ts';
import { createJob, createSeeker } from '../support/factories.ts';
import type { Page } from '../support/http.ts';
import { signInAs } from '../support/sign-in.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

/** A word no other test uses, so each test sees only its own jobs. */
const marker = () => `目印${randomBytes(3).toString('hex')}`;
const search = (query: string) => ctx.client().get(`/jobs?${query}`);
const titles = (page: Page) =>
  page.dom.querySelectorAll('.job-list article h3').map((h) => h.textContent.trim());
const q = (s: string) => encodeURIComponent(s);

describe('SR-1 keyword search', () => {
  it('SR-1 「かいご」 finds jobs written カイゴ and ｶｲｺﾞ, and by its reading one written 介護 (ADR 0035)', async () => {
    const m = marker();
    await createJob(ctx.deps, { title: `カイゴ職員 ${m}`, description: 'カイゴのおしごとです。' });
    await createJob(ctx.deps, { title: `ﾍﾙﾊﾟｰ ${m}`, description: 'ｶｲｺﾞの仕事です。' });
    await createJob(ctx.deps, { title: `介護福祉士 ${m}`, description: '介護施設での勤務です。' });
    await createJob(ctx.deps, { title: `看護師 ${m}`, description: '病棟での勤務です。' });
    const page = await search(`kw=${q(`かいご ${m}`)}`);
    expect(page.status).toBe(200);
    expect(titles(page).sort()).toEqual([`カイゴ職員 ${m}`, `ﾍﾙﾊﾟｰ ${m}`, `介護福祉士 ${m}`].sort());
    expect(page.text('[data-testid="hit-count"]')).toBe('3件');
  });

  it('SR-1 half-width katakana and full-width letters in the query are accepted', async () => {
    const m = marker();
    await createJob(ctx.deps, { title: `ＰＣ入力スタッフ ${m}`, description: 'Excelでのデータ入力。' });
    const a = await search(`kw=${q(`pc入力 ${m}`)}`);
    const b = await search(`kw=${q(`ＰＣ入力 ${m}`)}`);
    expect(titles(a)).toEqual([`ＰＣ入力スタッフ ${m}`]);
    expect(titles(b)).toEqual(titles(a));
  });

  it('SR-1 a one-character word (寮) works', async () => {
    const m = marker();
    await createJob(ctx.deps, { title: `製造スタッフ ${m}`, description: '寮完備、すぐに入居できます。' });
    await createJob(ctx.deps, { title: `事務 ${m}`, description: '駅から近い職場です。' });
    expect(titles(await search(`kw=${q(`寮 ${m}`)}`))).toEqual([`製造スタッフ ${m}`]);
  });

  it('SR-1 results are exact: bigrams present but not adjacent do not match', async () => {
    const m = marker();
    await createJob(ctx.deps, { title: `整備士 ${m}`, description: '自動ドアのある工場で、動車輪の点検。' });
    await createJob(ctx.deps, { title: `自動車整備士 ${m}`, description: '自動車の点検・整備。' });
    expect(titles(await search(`kw=${q(`自動車 ${m}`)}`))).toEqual([`自動車整備士 ${m}`]);
  });

  it('SR-1 OR finds either word; an exclude word removes jobs', async () => {
    const m = marker();
    await createJob(ctx.deps, { title: `看護師 ${m}`, description: '夜勤あり。' });
    await createJob(ctx.deps, { title: `保育士 ${m}`, description: '日勤のみ。' });
    await createJob(ctx.deps, { title: `調理師 ${m}`, description: '日勤のみ。' });
    const or = await search(`kw=${q(`看護師 保育士`)}&kwMode=or&per=50`);
    expect(titles(or)).toEqual(expect.arrayContaining([`看護師 ${m}`, `保育士 ${m}`]));
    const excluded = await search(`kw=${q(m)}&kwx=${q('夜勤')}`);
    expect(titles(excluded).sort()).toEqual([`保育士 ${m}`, `調理師 ${m}`].sort());
  });

  it('SR-1 a keyword over 50 characters is refused next to the field, input kept', async () => {
    const long = 'あ'.repeat(51);
    const page = await search(`kw=${q(long)}`);
    expect(page.status).toBe(400);
    expect(page.fieldError('kw')).toBe('フリーワードは50文字以内で入力してください');
    expect(page.value('kw')).toBe(long);
  });
  it('SR-1 the 50-character limit counts a half-width kana with its dakuten (ｶﾞ) as one character', async () => {
    const fifty = 'ｶﾞ'.repeat(50);
    const ok = await search(`kw=${q(fifty)}`);
    expect(ok.status).toBe(200);
    expect(ok.fieldError('kw')).toBeUndefined();
    const page = await search(`kw=${q(`${fifty}ｶﾞ`)}`);
    expect(page.status).toBe(400);
    expect(page.fieldError('kw')).toBe('フリーワードは50文字以内で入力してください');
  });
});

describe('SR-1 conditions', () => {
  it('SR-1 filters by prefecture, part-time and a feature tag, and by 求人番号', async () => {
    const m = marker();
    const a = await createJob(ctx.deps, {
      title: `A ${m}`,
      prefectureCode: '27',
      city: '大阪市',
      workStyle: 'part_time',
      features: ['car_commute'],
    });
    await createJob(ctx.deps, {
      title: `B ${m}`,
      prefectureCode: '27',
      city: '大阪市',
      workStyle: 'full_time',
      features: ['car_commute'],
    });
    await createJob(ctx.deps, {
      title: `C ${m}`,
      prefectureCode: '13',
      workStyle: 'part_time',
      features: ['car_commute'],
    });
    expect(titles(await search(`kw=${q(m)}&pref=27&ws=part_time&f=car_commute`))).toEqual([`A ${m}`]);
    expect(titles(await search(`no=${q(a.jobNumber.replace('-', 'ー'))}`))).toEqual([`A ${m}`]);
  });

  it('SR-1 wage lower bound compares monthly equivalents; sort by wage puts the highest first', async () => {
    const m = marker();
    await createJob(ctx.deps, { title: `月給 ${m}`, wageType: 'monthly', wageMin: 250000, wageMax: 300000 });
    await createJob(ctx.deps, { title: `時給 ${m}`, wageType: 'hourly', wageMin: 1200, wageMax: 1300 });
    await createJob(ctx.deps, {
      title: `月給低 ${m}`,
      wageType: 'monthly',
      wageMin: 180000,
      wageMax: 200000,
    });
    expect(titles(await search(`kw=${q(m)}&wage=200000`)).sort()).toEqual([`時給 ${m}`, `月給 ${m}`].sort());
    expect(titles(await search(`kw=${q(m)}&sort=wage`))).toEqual([`月給 ${m}`, `時給 ${m}`, `月給低 ${m}`]);
  });

  it('SR-1 新着 (当日・前日) and sorting by 紹介期限日', async () => {
    const m = marker();
    await createJob(ctx.deps, {
      title: `今日 ${m}`,
      acceptedOn: '2026-11-21',
      referralDeadline: '2027-01-31',
    });
    await createJob(ctx.deps, {
      title: `先週 ${m}`,
      acceptedOn: '2026-11-10',
      referralDeadline: '2026-12-31',
    });
    expect(titles(await search(`kw=${q(m)}&new=2`))).toEqual([`今日 ${m}`]);
    expect(titles(await search(`kw=${q(m)}&sort=deadline`))).toEqual([`先週 ${m}`, `今日 ${m}`]);
  });

  it('SR-1 10/30/50 per page with working pages', async () => {
    const m = marker();
    for (let i = 0; i < 12; i++)
      await createJob(ctx.deps, { title: `求人${String(i).padStart(2, '0')} ${m}` });
    const first = await search(`kw=${q(m)}&per=10`);
    expect(titles(first)).toHaveLength(10);
    const second = await search(`kw=${q(m)}&per=10&page=2`);
    expect(titles(second)).toHaveLength(2);
    expect(new Set([...titles(first), ...titles(second)]).size).toBe(12);
    expect(first.dom.querySelector('nav.pagination a[rel="next"]')?.getAttribute('href')).toContain('page=2');
  });

  it('ST-3 a withdrawn job leaves the results at once; a past-deadline job never shows', async () => {
    const m = marker();
    const job = await createJob(ctx.deps, { title: `取下げ予定 ${m}` });
    await createJob(ctx.deps, {
      title: `期限切れ ${m}`,
      acceptedOn: '2026-09-01',
      referralDeadline: '2026-11-20',
    });
    expect(titles(await search(`kw=${q(m)}`))).toEqual([`取下げ予定 ${m}`]);
    await ctx.db
      .update(jobPostings)
      .set({ status: 'withdrawn', closedOn: '2026-11-21' })
      .where(eq(jobPostings.id, job.id));
    await reindexJob(ctx.db, job.id, ctx.clock.now());
    expect(titles(await search(`kw=${q(m)}`))).toEqual([]);
  });

  it('SR-4 a job with 公開範囲 3 is never in public search', async () => {
    const m = marker();
    await createJob(ctx.deps, { title: `非公開 ${m}`, publicationScope: 'private' });
    expect(titles(await search(`kw=${q(m)}`))).toEqual([]);
  });
});

describe('SR-1 市区町村 and 就業時間', () => {
  it('SR-1 市区町村 横浜市 (the suggested entry) finds jobs in its wards; 横浜市中区 finds only that ward', async () => {
    const m = marker();
    const base = { prefectureCode: '14' };
    await createJob(ctx.deps, {
      ...base,
      title: `中区 ${m}`,
      city: '横浜市中区',
      workplaceAddress: '山下町1',
    });
    await createJob(ctx.deps, {
      ...base,
      title: `港北区 ${m}`,
      city: '横浜市',
      workplaceAddress: '神奈川県横浜市港北区新横浜2-1',
    });
    await createJob(ctx.deps, {
      ...base,
      title: `川崎 ${m}`,
      city: '川崎市川崎区',
      workplaceAddress: '駅前本町1',
    });
    const page = await search(`kw=${q(m)}&city=${q('横浜市')}`);
    expect(titles(page).sort()).toEqual([`中区 ${m}`, `港北区 ${m}`].sort());
    // Suggestions only for the chosen prefectures (issue 13): none before one is chosen.
    expect(page.dom.querySelectorAll('datalist#municipalities option')).toHaveLength(0);
    const kanagawa = await search(`kw=${q(m)}&pref=14`);
    expect(kanagawa.dom.querySelector('datalist#municipalities option[value="横浜市"]')).not.toBeNull();
    expect(kanagawa.dom.querySelector('datalist#municipalities option[value="千代田区"]')).toBeNull();
    const names = await ctx.client().get('/jobs/municipalities?pref=14&pref=13');
    const list = (JSON.parse(names.html) as { names: string[] }).names;
    expect(list).toContain('横浜市');
    expect(list).toContain('千代田区');
    expect(list).not.toContain('大阪市');
    expect(JSON.parse((await ctx.client().get('/jobs/municipalities?pref=99')).html)).toEqual({ names: [] });
    expect(titles(await search(`kw=${q(m)}&city=${q('横浜市中区')}`))).toEqual([`中区 ${m}`]);
    expect(titles(await search(`kw=${q(m)}&pref=14&city=${q('横浜')}`)).sort()).toEqual(
      [`中区 ${m}`, `港北区 ${m}`].sort(),
    );
  });

  it('SR-1 市区町村 without its suffix: 千代田 finds jobs in 千代田区 (東京都 chosen), not in other wards', async () => {
    const m = marker();
    await createJob(ctx.deps, { title: `千代田 ${m}`, prefectureCode: '13', city: '千代田区' });
    await createJob(ctx.deps, { title: `中央 ${m}`, prefectureCode: '13', city: '中央区' });
    expect(titles(await search(`kw=${q(m)}&pref=13&city=${q('千代田')}`))).toEqual([`千代田 ${m}`]);
    expect(titles(await search(`kw=${q(m)}&city=${q('千代田区')}`))).toEqual([`千代田 ${m}`]);
  });

  it('SR-1 就業時間: a job matches when one of its shifts fits (09–17 and 13–21 found by 9:00–17:00)', async () => {
    const m = marker();
    await createJob(ctx.deps, {
      title: `二交替 ${m}`,
      workHours: [
        { start: '09:00', end: '17:00' },
        { start: '13:00', end: '21:00' },
      ],
    });
    await createJob(ctx.deps, { title: `遅番のみ ${m}`, workHours: [{ start: '13:00', end: '21:00' }] });
    await createJob(ctx.deps, { title: `長め ${m}`, workHours: [{ start: '09:00', end: '17:30' }] });
    await createJob(ctx.deps, { title: `夜勤 ${m}`, workHours: [{ start: '22:00', end: '06:00' }] });
    expect(titles(await search(`kw=${q(m)}&hfrom=9:00&hto=17:00`))).toEqual([`二交替 ${m}`]);
    expect(titles(await search(`kw=${q(m)}&hfrom=13:00`)).sort()).toEqual(
      [`二交替 ${m}`, `遅番のみ ${m}`, `夜勤 ${m}`].sort(),
    );
    expect(titles(await search(`kw=${q(m)}&hto=21:00`)).sort()).toEqual(
      [`二交替 ${m}`, `遅番のみ ${m}`, `長め ${m}`].sort(),
    );
    expect(titles(await search(`kw=${q(m)}&hfrom=21:00&hto=07:00`))).toEqual([`夜勤 ${m}`]);
  });

  it('SR-1 search:reindex gives rows indexed before municipality codes their code, and drops hidden text', async () => {
    const { reindexAllJobs } = await import('../../src/modules/search/reindex-job.ts');
    const m = marker();
    const job = await createJob(ctx.deps, {
      title: `再索引 ${m}`,
      prefectureCode: '14',
      city: '横浜市西区',
      workplaceAddress: 'みなとみらい1-1',
    });
    // As a row written before migration 0011: no code, no ward token.
    await ctx.db.execute(
      sql`update job_search set municipality_code = null,
            tokens = array_to_tsvector(array(select t.lexeme from unnest(tokens) t where t.lexeme not like ${`${FILTER}M%`}))
          where job_id = ${job.id}`,
    );
    expect(titles(await search(`kw=${q(m)}&city=${q('横浜市')}`))).toEqual([]);
    await reindexAllJobs(ctx.db, ctx.clock.now());
    expect(titles(await search(`kw=${q(m)}&city=${q('横浜市')}`))).toEqual([`再索引 ${m}`]);
  });

  it('SR-1 migration 0011 fills the shifts of rows written before it from the jobs’ 就業時間', async () => {
    const { readFile } = await import('node:fs/promises');
    const m = marker();
    const job = await createJob(ctx.deps, {
      title: `移行 ${m}`,
      workHours: [
        { start: '09:00', end: '17:00' },
        { start: '22:00', end: '06:00' },
      ],
    });
    await ctx.db.execute(sql`update job_search set shifts = '{}' where job_id = ${job.id}`);
    const migration = await readFile(
      new URL('../../drizzle/0011_search_municipality.sql', import.meta.url),
      'utf8',
    );
    const backfill = migration
      .split('--> statement-breakpoint')
      .map((part) => part.replace(/^--.*$/gm, '').trim())
      .find((part) => part.startsWith('UPDATE "job_search"'));
    await ctx.db.execute(sql.raw(backfill!));
    const [row] = await queryRows<{ shifts: string }>(
      ctx.db,
      sql`select shifts::text as shifts from job_search where job_id = ${job.id}`,
    );
    expect(row!.shifts).toBe('{"[540,1020)","[1320,1800)"}');
  });
});

describe('SR-4 nothing hidden on the page is searchable', () => {
  it('SR-4 公開範囲 2: the hidden workplace address and 事業所名 find nothing; the shown text still finds the job', async () => {
    const m = marker();
    const hiddenStreet = `秘匿通${m}`;
    const job = await createJob(ctx.deps, {
      title: `匿名求人 ${m}`,
      description: `見える説明${m}`,
      publicationScope: 'anonymous',
      city: '千代田区',
      workplaceAddress: `東京都千代田区${hiddenStreet}9-9-9`,
    });
    const detail = await ctx.client().get(`/jobs/${job.jobNumber}`);
    expect(detail.status).toBe(200);
    expect(detail.text('main')).not.toContain(hiddenStreet);
    expect(detail.text('main')).not.toContain(job.employer.name);
    expect(titles(await search(`kw=${q(hiddenStreet)}`))).toEqual([]);
    expect(titles(await search(`kw=${q(job.employer.name)}`))).toEqual([]);
    expect(titles(await search(`co=${q(job.employer.name)}`))).toEqual([]);
    expect(titles(await search(`kw=${q(`見える説明${m}`)}`))).toEqual([`匿名求人 ${m}`]);
    expect(titles(await search(`kw=${q(`匿名求人 ${m}`)}&city=${q('千代田区')}`))).toEqual([`匿名求人 ${m}`]);
  });

  it('SR-4 公開範囲 1: the workplace address and 事業所名 are shown, so they are searchable', async () => {
    const m = marker();
    const street = `公開通${m}`;
    const job = await createJob(ctx.deps, {
      title: `公開求人 ${m}`,
      workplaceAddress: `東京都千代田区${street}1-1`,
    });
    expect(titles(await search(`kw=${q(street)}`))).toEqual([`公開求人 ${m}`]);
    expect(titles(await search(`co=${q(job.employer.name)}`))).toEqual([`公開求人 ${m}`]);
  });
});

describe('SR-2 saved search conditions', () => {
  it('SR-2 saves up to 3 patterns, runs one in one click, refuses the 4th clearly', async () => {
    const { email, password } = await createSeeker(ctx.deps);
    const m = marker();
    await createJob(ctx.deps, { title: `保存検索 ${m}`, prefectureCode: '13' });
    const client = ctx.client();
    await signInAs(client, 'seeker', email, password);
    for (let i = 1; i <= 3; i++) {
      await client.get(`/jobs?kw=${q(m)}&pref=13`);
      const saved = await client.post('/mypage/searches', { name: `条件${i}`, query: `kw=${q(m)}&pref=13` });
      expect(saved.status).toBe(303);
    }
    await client.get(`/jobs?kw=${q(m)}`);
    const fourth = await client.post('/mypage/searches', { name: '条件4', query: `kw=${q(m)}` });
    expect(fourth.status).toBe(400);
    expect(fourth.text('.notice--error')).toContain('検索条件は3件まで登録できます');
    const list = await client.get('/mypage/searches');
    expect(list.dom.querySelectorAll('.saved-searches h2').map((h) => h.textContent)).toEqual([
      '条件1',
      '条件2',
      '条件3',
    ]);
    const run = list.dom.querySelector('.saved-searches a.button')?.getAttribute('href') ?? '';
    expect(titles(await client.get(run))).toEqual([`保存検索 ${m}`]);
  });

  it('SR-2 deleting a pattern makes room for a new one; another seeker cannot delete it', async () => {
    const owner = await createSeeker(ctx.deps);
    const other = await createSeeker(ctx.deps);
    const a = ctx.client();
    await signInAs(a, 'seeker', owner.email, owner.password);
    await a.get('/jobs');
    await a.post('/mypage/searches', { name: '自分の条件', query: 'pref=13' });
    const id = (await a.get('/mypage/searches')).dom
      .querySelector('.saved-searches form')
      ?.getAttribute('action')
      ?.split('/')[3];
    const b = ctx.client();
    await signInAs(b, 'seeker', other.email, other.password);
    await b.get('/mypage/searches');
    await b.post(`/mypage/searches/${id}/delete`, {});
    expect((await a.get('/mypage/searches')).text('.saved-searches')).toContain('自分の条件');
    await a.post(`/mypage/searches/${id}/delete`, {});
    expect((await a.get('/mypage/searches')).text('main')).toContain('保存した検索条件はありません');
  });
});

describe('SR-3 favourites', () => {
  it('SR-3 keeps jobs in お気に入り and refuses the 301st with a clear message', async () => {
    const { email, password, seeker } = await createSeeker(ctx.deps);
    const job = await createJob(ctx.deps, { title: `お気に入り候補 ${marker()}` });
    const client = ctx.client();
    await signInAs(client, 'seeker', email, password);
    await client.get('/mypage/favorites');
    const added = await client.post('/mypage/favorites', { jobNumber: job.jobNumber });
    expect(added.location).toBe('/mypage/favorites?done=added');
    const again = await client.post('/mypage/favorites', { jobNumber: job.jobNumber });
    expect(again.location).toBe('/mypage/favorites?done=already');

    // Fill up to 300 directly, then the 301st through the page.
    const { insertFavorite } = await import('../../src/modules/search/seeker-lists.repository.ts');
    for (let i = 0; i < 299; i++) {
      const extra = await createJob(ctx.deps, { title: `埋め${i}` });
      await insertFavorite(ctx.db, seeker.id, extra.id, ctx.clock.now());
    }
    const list = await client.get('/mypage/favorites');
    expect(list.text('main')).toContain('300件保存しています');
    const last = await createJob(ctx.deps, { title: '301件目' });
    const refused = await client.post('/mypage/favorites', { jobNumber: last.jobNumber });
    expect(refused.status).toBe(400);
    expect(refused.text('.notice--error')).toContain('お気に入りは300件まで保存できます');
    // Refused means not stored: the list still holds 300.
    expect((await client.get('/mypage/favorites')).text('main')).toContain('300件保存しています');
  }, 120_000);

  it('SR-3 refuses an unknown or unpublished job number', async () => {
    const { email, password } = await createSeeker(ctx.deps);
    const hidden = await createJob(ctx.deps, { publicationScope: 'private' });
    const client = ctx.client();
    await signInAs(client, 'seeker', email, password);
    await client.get('/mypage/favorites');
    expect((await client.post('/mypage/favorites', { jobNumber: '99999-99999999' })).status).toBe(400);
    expect((await client.post('/mypage/favorites', { jobNumber: hidden.jobNumber })).status).toBe(400);
  });
});
