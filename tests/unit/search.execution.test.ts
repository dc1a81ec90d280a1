/**
 * How searchJobs runs a plan (SR-1): which statements, with which planner settings, and the cache
 * of the statistics it chooses by. The settings steer PostgreSQL's plan, never the rows found, so
 * they are pinned here, where they are decided; tests/integration/search-plan-paths.test.ts checks
 * that each path finds the same rows.
 */
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import type { Executor } from '../../src/db/client.ts';
import { planSearch } from '../../src/modules/search/search.plan.ts';
import {
  countStep,
  loadStats,
  MIN_SCAN_BOUND,
  onePassStep,
  pageStep,
  SCAN_MARGIN,
  scanBound,
  searchSettings,
  strategySettings,
} from '../../src/modules/search/search.query.ts';
import { searchSchema, searchValues } from '../../src/modules/search/search.schemas.ts';
import { buildStats, estimate } from '../../src/modules/search/search.stats.ts';
import { FILTER } from '../../src/modules/search/search-text.ts';

const plan = (query: string) => {
  const r = searchSchema.safeParse(searchValues(new URLSearchParams(query)));
  if (!r.success) throw new Error(`invalid: ${query}`);
  return planSearch(r.data, '2026-11-21');
};

const GIN = { enable_seqscan: 'off', enable_indexscan: 'off', enable_bitmapscan: 'on' };
/** A walk of the sort key's (or the prefecture's) btree, in index order: no sort. */
const WALK = { enable_bitmapscan: 'off', enable_seqscan: 'off', enable_indexscan: 'on', enable_sort: 'off' };

describe('SR-1 planner settings of a search', () => {
  it('SR-1 every statement: no JIT, no parallel workers, 64 MB for an exact match bitmap', () => {
    expect(searchSettings()).toEqual({ jit: 'off', max_parallel_workers_per_gather: '0', work_mem: '64MB' });
  });

  it('SR-5 a lookup by 求人番号 leaves the planner alone', () => {
    expect(strategySettings('lookup', true, true)).toEqual({});
    expect(strategySettings('lookup', false, false)).toEqual({});
  });

  it('SR-1 GIN: a bitmap scan of the match set, whatever the order or 都道府県', () => {
    for (const ordered of [true, false])
      for (const confined of [true, false]) expect(strategySettings('gin', ordered, confined)).toEqual(GIN);
  });

  it('SR-1 a scan in the sort order walks an index and never sorts', () => {
    expect(strategySettings('scan', true, false)).toEqual(WALK);
    expect(strategySettings('scan', true, true)).toEqual(WALK);
  });

  it('SR-1 an unordered scan reads one 都道府県 through its btree, or else the heap in order', () => {
    expect(strategySettings('scan', false, true)).toEqual({
      enable_bitmapscan: 'off',
      enable_seqscan: 'off',
      enable_indexscan: 'on',
      enable_sort: 'on',
    });
    expect(strategySettings('scan', false, false)).toEqual({
      enable_bitmapscan: 'off',
      enable_seqscan: 'on',
      enable_indexscan: 'off',
      enable_sort: 'on',
    });
  });
});

describe('SR-1 the statements of a search', () => {
  // 1,000,000 rows; 務… in 47 % (one-character word), 介護 14 %, Tokyo 15 %.
  const big = () =>
    buildStats(
      1_000_000,
      ['介護', '看護', '護師', `${FILTER}p13`, `${FILTER}wpart_time`, '務め', '務所', '務員'],
      [0.14, 0.03, 0.034, 0.15, 0.3, 0.2, 0.2, 0.07, 0.0005, 0.3, 0],
    );
  const steps = (query: string, counted = 1001) => {
    const stats = big();
    const p = plan(query);
    const e = estimate(p, stats);
    return { count: countStep(p, e, stats.rows), page: pageStep(p, e, stats.rows, counted) };
  };

  it('SR-1 the count of a frequent word scans the heap unordered; its page walks the sort index', () => {
    const { count, page } = steps('kw=務');
    expect(count).toMatchObject({
      strategy: 'scan',
      settings: {
        enable_bitmapscan: 'off',
        enable_seqscan: 'on',
        enable_indexscan: 'off',
        enable_sort: 'on',
      },
    });
    expect(page).toMatchObject({ strategy: 'scan', settings: WALK });
  });

  it('SR-1 a scan is bounded where its cost reaches GIN’s: 務 is in 40.5 % of rows, GIN reads 470,000 postings', () => {
    const { count, page } = steps('kw=務');
    // The count expects to read 1,001 / 0.4048 = 2,473 heap rows; GIN costs 470,000 × 0.16 + 1,001 × 2 µs.
    expect(count.bound).toBeCloseTo((470_000 * 0.16 + 1_001 * 2) / 9, -1);
    // The page's 30 rows are about 74 rows of the walk; its GIN alternative visits all 404,800 matches.
    expect(page.bound).toBeCloseTo((470_000 * 0.16 + 404_800 * 2) / 10, -1);
  });

  it('SR-1 with one 都道府県 the count reads that prefecture through its btree', () => {
    const { count } = steps('kw=務&pref=13');
    expect(count).toMatchObject({
      strategy: 'scan',
      settings: {
        enable_bitmapscan: 'off',
        enable_seqscan: 'off',
        enable_indexscan: 'on',
        enable_sort: 'on',
      },
    });
    // GIN adds the prefecture token's 150,000 postings; the walk costs 10 µs a row.
    expect(count.bound).toBeCloseTo((620_000 * 0.16 + 1_001 * 2) / 10, -1);
  });

  it('SR-1 a rare word is counted and paged through GIN, unbounded', () => {
    expect(steps('kw=寮', 120)).toEqual({
      count: { strategy: 'gin', settings: GIN, bound: null },
      page: { strategy: 'gin', settings: GIN, bound: null },
    });
  });

  it('SR-1 without a keyword or filter token a scan has no GIN to fall back on: no bound', () => {
    const { count, page } = steps('wage=200000');
    expect(count).toMatchObject({ strategy: 'scan', bound: null });
    expect(page).toMatchObject({ strategy: 'scan', bound: null });
  });

  it('SR-5 求人番号: both statements are lookups', () => {
    expect(steps('no=13010-09999999&kw=介護')).toEqual({
      count: { strategy: 'lookup', settings: {}, bound: null },
      page: { strategy: 'lookup', settings: {}, bound: null },
    });
  });
});

describe('SR-1 how far a scan reads before GIN answers instead', () => {
  it('SR-1 to the rows whose cost equals GIN’s', () => {
    expect(scanBound(1_000_000, 90_000, 9)).toBe(10_000);
    expect(scanBound(1_000_000, 90_001, 9)).toBe(10_001);
  });

  it('SR-1 never fewer than MIN_SCAN_BOUND rows', () => {
    expect(MIN_SCAN_BOUND).toBe(2_000);
    expect(scanBound(1_000_000, 900, 9)).toBe(2_000);
  });

  it('SR-1 no bound when it would not stop the scan before the end of what it reads', () => {
    expect(scanBound(10_001, 90_000, 9)).toBe(10_000);
    expect(scanBound(10_000, 90_000, 9)).toBeNull();
    expect(scanBound(1_500, 900, 9)).toBeNull();
  });
});

describe('SR-1 a scan is chosen only at half GIN’s estimated cost (SCAN_MARGIN)', () => {
  // 1,000,000 rows, one word (one bigram) in `share` of them: the count scans 1,001 / share rows
  // at 9 µs; GIN reads share × 1,000,000 postings at 0.16 µs and visits 1,001 rows at 2 µs.
  const count = (share: number) => {
    const stats = buildStats(1_000_000, ['介護'], [share, share, share, 0]);
    const p = plan('kw=介護');
    return countStep(p, estimate(p, stats), stats.rows).strategy;
  };
  it('SR-1 the margin is 2', () => expect(SCAN_MARGIN).toBe(2));

  it('SR-1 a scan estimated at a little under half of GIN’s cost is taken; at a little over, GIN', () => {
    // scan = 9,009 / share µs; GIN = 160,000 × share + 2,002 µs. Twice the scan equals GIN at share 0.3294.
    expect(count(0.34)).toBe('scan');
    expect(count(0.32)).toBe('gin');
    // Without the margin the two would meet at 0.2311: 0.25 (a scan of 36,036 µs against GIN's 42,002) is GIN now.
    expect(count(0.25)).toBe('gin');
  });
});

describe('SR-1 one pass (page and count together) for moderately many matches', () => {
  /** `rows` jobs, 介護 in `share` of them. */
  const onePass = (rows: number, share: number, query: string) => {
    const stats = buildStats(rows, ['介護'], [share, share, share, 0]);
    const p = plan(query);
    return onePassStep(p, estimate(p, stats), rows);
  };
  const deep = 'kw=介護&per=50&page=20';

  it('SR-1 1,001 to 20,000 expected matches and a deep page: one GIN pass', () => {
    expect(onePass(10_000, 0.1001, deep)).toEqual({ strategy: 'gin', settings: GIN, bound: null });
    expect(onePass(10_000, 0.15, deep)).toEqual({ strategy: 'gin', settings: GIN, bound: null });
    expect(onePass(100_000, 0.2, deep)).toEqual({ strategy: 'gin', settings: GIN, bound: null });
  });

  it('SR-1 up to 1,000 expected matches (counted exactly anyway) or more than 20,000: count, then page', () => {
    expect(onePass(10_000, 0.1, deep)).toBeNull();
    expect(onePass(10_000, 0.05, deep)).toBeNull();
    expect(onePass(100_000, 0.20001, deep)).toBeNull();
    expect(onePass(100_000, 0.5, deep)).toBeNull();
  });

  it('SR-1 the first page of 15,000 is cheaper to walk in order: no one pass', () => {
    expect(onePass(100_000, 0.15, 'kw=介護')).toBeNull();
  });

  it('SR-1 SR-5 without a keyword or filter token, or with 求人番号: no one pass', () => {
    expect(onePass(10_000, 0.15, 'wage=200000&per=50&page=20')).toBeNull();
    expect(onePass(10_000, 0.15, `${deep}&no=13010-09999999`)).toBeNull();
  });
});

/** A database that answers the three statistics queries from fixed values, counting its queries. */
function fakeStats(answer: {
  reltuples: number;
  count?: number;
  elems?: string[] | null;
  freqs?: number[] | null;
}) {
  const dialect = new PgDialect();
  const seen: string[] = [];
  let failNext = false;
  const db = {
    async execute(query: SQL) {
      const text = dialect.sqlToQuery(query).sql;
      seen.push(text);
      if (failNext) {
        failNext = false;
        throw new Error('connection lost');
      }
      if (text.includes('pg_class')) return { rows: [{ rows: answer.reltuples }] };
      if (text.includes('count(*)')) return { rows: [{ n: answer.count ?? 0 }] };
      if (text.includes('pg_stats'))
        return {
          rows: answer.elems === undefined ? [] : [{ elems: answer.elems, freqs: answer.freqs ?? null }],
        };
      throw new Error(`unexpected query: ${text}`);
    },
  };
  return {
    db: db as unknown as Executor,
    seen,
    failOnce: () => {
      failNext = true;
    },
  };
}

describe('SR-1 the statistics the search chooses by', () => {
  const T0 = Date.parse('2026-11-21T15:30:00Z'); // 00:30 the next day in Tokyo
  const TEN_MINUTES = 10 * 60_000;

  it('SR-1 read once per database and kept for ten minutes of the caller’s clock', async () => {
    const a = fakeStats({ reltuples: 5000, elems: ['介護'], freqs: [0.2, 0.2, 0.2, 0] });
    const b = fakeStats({ reltuples: 8000, elems: [], freqs: [] });
    const first = loadStats(a.db, T0);
    expect((await first).rows).toBe(5000);
    expect(a.seen).toHaveLength(2);
    expect(loadStats(a.db, T0 + TEN_MINUTES - 1)).toBe(first);
    expect(a.seen).toHaveLength(2);
    expect((await loadStats(b.db, T0)).rows).toBe(8000);
    const refreshed = loadStats(a.db, T0 + TEN_MINUTES);
    expect(refreshed).not.toBe(first);
    await refreshed;
    expect(a.seen).toHaveLength(4);
    expect(loadStats(a.db, T0 + TEN_MINUTES + 1)).toBe(refreshed);
  });

  it('SR-1 a failed read is not kept: the next search reads again', async () => {
    const f = fakeStats({ reltuples: 5000, elems: ['介護'], freqs: [0.2, 0.2, 0.2, 0] });
    f.failOnce();
    await expect(loadStats(f.db, T0)).rejects.toThrow('connection lost');
    expect((await loadStats(f.db, T0)).freq.get('介護')).toBe(0.2);
  });

  it('SR-1 a table of fewer than 1,000 rows (or never analysed) is counted exactly; 1,000 or more are taken from pg_class', async () => {
    expect((await loadStats(fakeStats({ reltuples: 999, count: 1234 }).db, T0)).rows).toBe(1234);
    expect((await loadStats(fakeStats({ reltuples: -1, count: 7 }).db, T0)).rows).toBe(7);
    const analysed = fakeStats({ reltuples: 1000, count: 1234 });
    expect((await loadStats(analysed.db, T0)).rows).toBe(1000);
    expect(analysed.seen.some((q) => q.includes('count(*)'))).toBe(false);
  });

  it('SR-1 an empty table counts as one row, so that fractions stay defined', async () => {
    expect((await loadStats(fakeStats({ reltuples: 0, count: 0 }).db, T0)).rows).toBe(1);
  });

  it('SR-1 without pg_stats rows for the tokens, every lexeme counts as rare (0.1 %)', async () => {
    const none = await loadStats(fakeStats({ reltuples: 5000 }).db, T0);
    expect(none.freq.size).toBe(0);
    expect(none.rare).toBe(0.001);
    const nulls = await loadStats(fakeStats({ reltuples: 5000, elems: null, freqs: null }).db, T0);
    expect(nulls.freq.size).toBe(0);
    expect(nulls.rare).toBe(0.001);
  });

  it('SR-1 the frequencies of pg_stats by element, the minimum after the elements', async () => {
    const stats = await loadStats(
      fakeStats({ reltuples: 5000, elems: ['介護', '看護'], freqs: [0.3, 0.1, 0.1, 0.3, 0] }).db,
      T0,
    );
    expect(stats.freq.get('介護')).toBe(0.3);
    expect(stats.freq.get('看護')).toBe(0.1);
    expect(stats.rare).toBe(0.1);
  });
});
