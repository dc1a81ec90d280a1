/**
 * The ways searchJobs runs a search find the same jobs (SR-1). Which way it takes depends on the
 * table's statistics: here 1,303 jobs are ANALYZEd, so that a word in 1,200 of them is expected to
 * match 1,001–20,000 rows and a deep page is taken in one GIN pass (page and count together),
 * while the first page is counted and then walked in order. The statistics are re-read after ten
 * minutes of the app's clock.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.ts';
import { planSearch } from '../../src/modules/search/search.plan.ts';
import { applySettings, loadStats, onePassStep, searchJobs } from '../../src/modules/search/search.query.ts';
import { searchSchema, searchValues } from '../../src/modules/search/search.schemas.ts';
import { estimate } from '../../src/modules/search/search.stats.ts';
import { tokyoDate } from '../../src/platform/dates.ts';
import { createJob, createJobsInBulk } from '../support/factories.ts';
import type { Page } from '../support/http.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

const MARK = '一括確認';
/** In every job with MARK: excluding it leaves nothing, though the statistics expect 1,200. */
const ALL = '全件共通';
/** In 200 of the jobs with MARK: excluding it leaves exactly 1,000. */
const SOME = '二百件';
const TEN_MINUTES = 10 * 60_000;

const q = encodeURIComponent;
const search = (query: string) => ctx.client().get(`/jobs?kw=${q(MARK)}&${query}`);
const titles = (page: Page) =>
  page.dom.querySelectorAll('.job-list article h3').map((h) => h.textContent.trim());
const plan = (query: string) => {
  const r = searchSchema.safeParse(searchValues(new URLSearchParams(query)));
  if (!r.success) throw new Error(`invalid: ${query}`);
  return planSearch(r.data, tokyoDate(ctx.clock.now()));
};
const now = () => ctx.clock.now().getTime();
/** Whether searchJobs will try one pass for this query, by the statistics it holds now. */
const onePassExpected = async (query: string) => {
  const stats = await loadStats(ctx.db, now());
  const p = plan(query);
  return onePassStep(p, estimate(p, stats), stats.rows) !== null;
};

/** The titles of the jobs with MARK in SR-1 order (ties: the higher id first). */
async function order(sort: 'new' | 'wage', without?: string): Promise<string[]> {
  const rows = await queryRows<{ title: string; id: number; accepted: string; wage: number }>(
    ctx.db,
    sql`select p.title, s.job_id as id, s.accepted_on::text as accepted, s.wage_monthly as wage
        from job_search s join job_postings p on p.id = s.job_id
        where p.title like ${`${MARK}%`} and (${without ?? null}::text is null or p.description not like ${`%${without}%`})`,
  );
  const by =
    sort === 'new'
      ? (a: (typeof rows)[0], b: (typeof rows)[0]) =>
          (a.accepted < b.accepted ? 1 : a.accepted > b.accepted ? -1 : 0) || b.id - a.id
      : (a: (typeof rows)[0], b: (typeof rows)[0]) => b.wage - a.wage || b.id - a.id;
  return rows.sort(by).map((r) => r.title);
}

describe('SR-1 statistics of a table never analysed', () => {
  it('SR-1 the rows are counted exactly and every word counts as rare', async () => {
    for (let i = 0; i < 3; i++) await createJob(ctx.deps, { title: `統計前 ${i}` });
    const [table] = await queryRows<{ reltuples: number }>(
      ctx.db,
      sql`select reltuples::float8 as reltuples from pg_class where relname = 'job_search'`,
    );
    expect(table!.reltuples).toBeLessThan(1000);
    const stats = await loadStats(ctx.db, now());
    expect(stats.rows).toBe(3);
    expect(stats.freq.size).toBe(0);
    expect(stats.rare).toBe(0.001);
  });
});

describe('SR-1 1,200 matches among 1,303 analysed jobs', () => {
  let before: Awaited<ReturnType<typeof loadStats>>;
  beforeAll(async () => {
    before = await loadStats(ctx.db, now());
    await createJobsInBulk(ctx.deps, 1_300, (i) => ({
      title: i < 1_200 ? `${MARK} ${String(i).padStart(4, '0')}` : `別件 ${i}`,
      description:
        i < 200 ? `${ALL}・${SOME}の求人です。` : i < 1_200 ? `${ALL}の求人です。` : '別の求人です。',
    }));
    await ctx.db.execute(sql`analyze job_search`);
  }, 120_000);

  it('SR-1 the statistics are kept for ten minutes of the app’s clock, then read again from pg_class and pg_stats', async () => {
    expect(await loadStats(ctx.db, now() + TEN_MINUTES - 1)).toBe(before);
    ctx.clock.advanceMinutes(10);
    const stats = await loadStats(ctx.db, now());
    expect(stats).not.toBe(before);
    expect(stats.rows).toBe(1_303);
    for (const bigram of ['一括', '括確']) expect(stats.freq.get(bigram)).toBeCloseTo(1_200 / 1_303, 2);
    expect(stats.rare).toBeGreaterThan(0);
    expect(stats.rare).toBeLessThan(0.01);
  });

  it('SR-1 a deep page in one GIN pass: the page of the whole order and 「1,000件以上」', async () => {
    expect(await onePassExpected(`kw=${MARK}&per=50&page=20`)).toBe(true);
    const hits = await searchJobs(ctx.db, plan(`kw=${MARK}&per=50&page=20`), now());
    expect(hits).toMatchObject({ total: 1_001, capped: true, strategy: { count: 'gin', page: 'gin' } });
    expect(hits.jobIds).toHaveLength(50);
    const newest = await order('new');
    const page = await search('per=50&page=20');
    expect(page.text('[data-testid="hit-count"]')).toBe('1,000件以上');
    expect(titles(page)).toEqual(newest.slice(950, 1_000));
    const byWage = await search('sort=wage&per=30&page=34');
    expect(titles(byWage)).toEqual((await order('wage')).slice(990, 1_000));
  });

  it('SR-1 the first page is counted, then walked in order: the same order as the one pass', async () => {
    expect(await onePassExpected(`kw=${MARK}`)).toBe(false);
    const hits = await searchJobs(ctx.db, plan(`kw=${MARK}&per=30`), now());
    expect(hits).toMatchObject({ total: 1_001, capped: true, strategy: { page: 'scan' } });
    const page = await search('per=30');
    expect(page.text('[data-testid="hit-count"]')).toBe('1,000件以上');
    expect(titles(page)).toEqual((await order('new')).slice(0, 30));
  });

  it('SR-1 one pass that finds nothing (an exclusion the statistics cannot see) is counted as usual: 0件', async () => {
    const query = `kw=${MARK}&kwx=${ALL}&per=50&page=20`;
    expect(await onePassExpected(query)).toBe(true);
    const hits = await searchJobs(ctx.db, plan(query), now());
    expect(hits).toMatchObject({ total: 0, capped: false, jobIds: [] });
    expect((await search(`kwx=${q(ALL)}`)).text('[data-testid="hit-count"]')).toBe('0件');
  });

  it('SR-1 one pass over exactly 1,000 matches counts them exactly: 「1,000件」', async () => {
    const query = `kw=${MARK}&kwx=${SOME}&per=50&page=20`;
    expect(await onePassExpected(query)).toBe(true);
    const hits = await searchJobs(ctx.db, plan(query), now());
    expect(hits).toMatchObject({ total: 1_000, capped: false, strategy: { count: 'gin', page: 'gin' } });
    const page = await search(`kwx=${q(SOME)}&per=50&page=20`);
    expect(page.text('[data-testid="hit-count"]')).toBe('1,000件');
    expect(titles(page)).toEqual((await order('new', SOME)).slice(950, 1_000));
  });
});

describe('SR-1 planner settings last for the search’s transaction only', () => {
  it('SR-1 applySettings sets each one locally; after the transaction the server’s values are back', async () => {
    const read = async (tx: Parameters<typeof queryRows>[0]) =>
      (
        await queryRows<{ seqscan: string; sort: string; mem: string }>(
          tx,
          sql`select current_setting('enable_seqscan') as seqscan, current_setting('enable_sort') as sort,
                current_setting('work_mem') as mem`,
        )
      )[0]!;
    const server = await read(ctx.db);
    expect(server).toMatchObject({ seqscan: 'on', sort: 'on' });
    expect(server.mem).not.toBe('64MB');
    await ctx.db.transaction(async (tx) => {
      await applySettings(tx, { enable_seqscan: 'off', enable_sort: 'off', work_mem: '64MB' });
      expect(await read(tx)).toEqual({ seqscan: 'off', sort: 'off', mem: '64MB' });
    });
    expect(await read(ctx.db)).toEqual(server);
  });
});
