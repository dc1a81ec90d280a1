/**
 * A bounded scan (SR-1): the count and the walk read at most `bound` rows in order, and when that
 * was not enough GIN answers instead, so an estimate that was too high costs a bounded number of
 * rows, never a different answer. The steps are given here (runSteps) so each path is reached on a
 * small table; which bound a real search gets is pinned in tests/unit/search.execution.test.ts.
 *
 * 1,050 jobs with MARK (42 of them also with FEW), accepted 20–24 days ago and written first (so
 * they lead the heap), then 100 newer jobs without it (so they lead the newest-first walk).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.ts';
import { planSearch } from '../../src/modules/search/search.plan.ts';
import { runSteps, type Step, type Steps, strategySettings } from '../../src/modules/search/search.query.ts';
import { searchSchema, searchValues } from '../../src/modules/search/search.schemas.ts';
import { addDays, tokyoDate } from '../../src/platform/dates.ts';
import { createJobsInBulk } from '../support/factories.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
const MARK = '境界読取';
const FEW = '四十件限';

beforeAll(async () => {
  ctx = await createTestContext();
  const today = tokyoDate(ctx.clock.now());
  await createJobsInBulk(ctx.deps, 1_050, (i) => ({
    title: `${MARK} ${String(i).padStart(4, '0')}`,
    description: i % 25 === 0 ? `${FEW}の求人です。` : '通常の求人です。',
    acceptedOn: addDays(today, -20 - (i % 5)),
    referralDeadline: addDays(today, 30),
  }));
  await createJobsInBulk(ctx.deps, 100, (i) => ({
    title: `新しい別件 ${i}`,
    description: '別の求人です。',
    acceptedOn: addDays(today, -(i % 5)),
    referralDeadline: addDays(today, 30),
  }));
}, 120_000);
afterAll(() => ctx?.close());

const plan = (query: string) => {
  const r = searchSchema.safeParse(searchValues(new URLSearchParams(query)));
  if (!r.success) throw new Error(`invalid: ${query}`);
  return planSearch(r.data, tokyoDate(ctx.clock.now()));
};
type How = Pick<Step, 'strategy' | 'bound'>;
const scan = (bound: number | null): How => ({ strategy: 'scan', bound });
const GIN: How = { strategy: 'gin', bound: null };
const steps = (count: How, page: How): Steps => ({
  onePass: null,
  count: { ...count, settings: strategySettings(count.strategy, false, false) },
  page: () => ({ ...page, settings: strategySettings(page.strategy, true, false) }),
});

/** Job ids with a title starting `prefix`, newest first (ties: the higher id first), as SR-1 orders them. */
async function newest(prefix: string, description?: string): Promise<number[]> {
  const rows = await queryRows<{ id: number }>(
    ctx.db,
    sql`select s.job_id as id from job_search s join job_postings p on p.id = s.job_id
        where p.title like ${`${prefix}%`} and (${description ?? null}::text is null or p.description like ${`%${description ?? ''}%`})
        order by s.accepted_on desc, s.job_id desc`,
  );
  return rows.map((r) => Number(r.id));
}

describe('SR-1 a bounded count', () => {
  it('SR-1 stops at its bound with fewer than 1,001 matches: GIN counts them all, exactly', async () => {
    const p = plan(`kw=${FEW}&per=50`);
    const hits = await runSteps(ctx.db, p, steps(scan(100), GIN));
    expect(hits).toMatchObject({
      total: 42,
      capped: false,
      strategy: { count: 'scan→gin', page: 'scan→gin' },
    });
    expect(hits.jobIds).toEqual(await newest(MARK, FEW));
    expect(await runSteps(ctx.db, p, steps(GIN, GIN))).toMatchObject({ total: 42, jobIds: hits.jobIds });
  });

  it('SR-1 finds 1,001 matches within its bound: 「1,000件以上」 without GIN', async () => {
    const hits = await runSteps(ctx.db, plan(`kw=${MARK}`), steps(scan(1_050), GIN));
    expect(hits).toMatchObject({ total: 1_001, capped: true, strategy: { count: 'scan', page: 'gin' } });
  });

  it('SR-1 one row short of its bound: GIN counts instead', async () => {
    const hits = await runSteps(ctx.db, plan(`kw=${MARK}`), steps(scan(1_000), GIN));
    expect(hits).toMatchObject({ total: 1_001, capped: true, strategy: { count: 'scan→gin' } });
  });
});

describe('SR-1 a bounded walk of the newest rows', () => {
  it('SR-1 the newest 100 rows hold no match: the walk stops at 100 and GIN gives the page', async () => {
    const hits = await runSteps(ctx.db, plan(`kw=${MARK}&per=30`), steps(GIN, scan(100)));
    expect(hits).toMatchObject({ total: 1_001, capped: true, strategy: { count: 'gin', page: 'scan→gin' } });
    expect(hits.jobIds).toEqual((await newest(MARK)).slice(0, 30));
  });

  it('SR-1 the bound reaches the page: the walk answers, in the same order', async () => {
    const hits = await runSteps(ctx.db, plan(`kw=${MARK}&per=30`), steps(GIN, scan(130)));
    expect(hits).toMatchObject({ strategy: { page: 'scan' } });
    expect(hits.jobIds).toEqual((await newest(MARK)).slice(0, 30));
  });

  it('SR-1 results 951–1,000 need 1,100 rows: a bound of 1,099 falls back, 1,100 does not, both exact', async () => {
    const p = plan(`kw=${MARK}&per=50&page=20`);
    const expected = (await newest(MARK)).slice(950, 1_000);
    const short = await runSteps(ctx.db, p, steps(GIN, scan(1_099)));
    expect(short).toMatchObject({ strategy: { page: 'scan→gin' }, jobIds: expected });
    const enough = await runSteps(ctx.db, p, steps(GIN, scan(1_100)));
    expect(enough).toMatchObject({ strategy: { page: 'scan' }, jobIds: expected });
  });

  it('SR-1 by 賃金 and by 紹介期限 the walk reads those orders, and falls back the same way', async () => {
    for (const sort of ['wage', 'deadline']) {
      const p = plan(`kw=${MARK}&sort=${sort}&per=30`);
      const reference = await runSteps(ctx.db, p, steps(GIN, GIN));
      expect(reference.jobIds).toHaveLength(30);
      for (const bound of [10, 5_000]) {
        const hits = await runSteps(ctx.db, p, steps(GIN, scan(bound)));
        expect(hits.jobIds).toEqual(reference.jobIds);
      }
    }
  });
});
