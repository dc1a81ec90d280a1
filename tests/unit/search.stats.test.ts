import { describe, expect, it } from 'vitest';
import { planSearch } from '../../src/modules/search/search.plan.ts';
import { countStrategy, pageStrategy } from '../../src/modules/search/search.query.ts';
import { searchSchema, searchValues } from '../../src/modules/search/search.schemas.ts';
import { buildStats, estimate } from '../../src/modules/search/search.stats.ts';
import { FILTER } from '../../src/modules/search/search-text.ts';

const plan = (query: string) => {
  const r = searchSchema.safeParse(searchValues(new URLSearchParams(query)));
  if (!r.success) throw new Error('invalid');
  return planSearch(r.data, '2026-11-21');
};

// 1,000,000 rows; 介護 in 14 %, 看護 and 護師 in 3 %, Tokyo 15 %, part-time 30 %, 務… in 47 %.
const stats = buildStats(
  1_000_000,
  ['介護', '看護', '護師', `${FILTER}p13`, `${FILTER}wpart_time`, '務め', '務所', '務員'],
  [0.14, 0.03, 0.034, 0.15, 0.3, 0.2, 0.2, 0.07, /* min */ 0.0005, /* max */ 0.3, /* null */ 0],
);

describe('SR-1 search estimates (for choosing the query strategy)', () => {
  it('takes a word to be as rare as its rarest bigram', () => {
    expect(estimate(plan('kw=看護師'), stats).fraction).toBeCloseTo(0.03);
  });
  it('takes the union of the bigrams that start with a one-character word, and reads all their postings', () => {
    const e = estimate(plan('kw=務'), stats);
    expect(e.fraction).toBeCloseTo(1 - 0.8 * 0.8 * 0.93);
    expect(e.postings).toBeCloseTo(0.47 * 1_000_000);
  });
  it('multiplies independent conditions', () => {
    expect(estimate(plan('kw=介護&pref=13'), stats).fraction).toBeCloseTo(0.14 * 0.15);
  });
  it('treats a lexeme missing from the statistics as rare', () => {
    expect(estimate(plan('kw=寮'), stats).fraction).toBeCloseTo(0.0005);
  });
  it('scans for very frequent words and uses GIN for rare ones and rare combinations', () => {
    expect(countStrategy(plan('kw=務'), estimate(plan('kw=務'), stats), stats.rows)).toBe('scan');
    expect(countStrategy(plan('kw=寮'), estimate(plan('kw=寮'), stats), stats.rows)).toBe('gin');
    const combo = plan('kw=介護&pref=13&ws=part_time');
    expect(countStrategy(combo, estimate(combo, stats), stats.rows)).toBe('gin');
  });
  it('collects and sorts few matches, walks the sort index for many', () => {
    const p = plan('kw=介護&pref=13');
    expect(pageStrategy(p, estimate(p, stats), stats.rows, 120)).toBe('gin');
    expect(pageStrategy(p, estimate(p, stats), stats.rows, 1001)).toBe('scan');
  });
  it('with no keyword or filter token, always scans, whatever the count', () => {
    const none = plan('wage=200000');
    expect(pageStrategy(none, estimate(none, stats), stats.rows, 5)).toBe('scan');
    expect(pageStrategy(none, estimate(none, stats), stats.rows, 1001)).toBe('scan');
  });
  it('collects and sorts up to 1,000 matches (MAX_RESULTS), counted exactly', () => {
    const p = plan('kw=介護&pref=13');
    expect(pageStrategy(p, estimate(p, stats), stats.rows, 1000)).toBe('gin');
  });
  it('with no keyword or filter token, always scans', () => {
    const p = plan('wage=200000');
    expect(countStrategy(p, estimate(p, stats), stats.rows)).toBe('scan');
  });
});

describe('SR-5 a search by 求人番号', () => {
  it('looks the jobs up by their keys whatever else is asked', () => {
    const p = plan('no=13010-09999999&kw=介護');
    expect(countStrategy(p, estimate(p, stats), stats.rows)).toBe('lookup');
    expect(pageStrategy(p, estimate(p, stats), stats.rows, 1)).toBe('lookup');
  });
  it('drives an AND of long words by its rarest bigram (GIN fast scan), not the sum of all lists', () => {
    const e = estimate(plan('kw=看護師&pref=13'), stats);
    // 看護師: 3 % × 2 bigrams; Tokyo: 15 % × 1 — the rarer clause drives, times the two clauses.
    expect(e.postings).toBeCloseTo(0.03 * 1_000_000 * 2 * 2);
  });
});

describe('SR-1 search statistics: the edges of the estimate', () => {
  // Built inside each test (not at import), so that mutation testing sees which test reads it.
  const fresh = () =>
    buildStats(
      1_000_000,
      ['介護', '看護', '護師', `${FILTER}p13`, `${FILTER}wpart_time`, '務め', '務所', '務員'],
      [0.14, 0.03, 0.034, 0.15, 0.3, 0.2, 0.2, 0.07, 0.0005, 0.3, 0],
    );
  it('SR-1 without statistics every lexeme counts as rare (0.1 %); with them, as rare as the least frequent', () => {
    expect(buildStats(10, [], []).rare).toBe(0.001);
    expect(fresh().rare).toBe(0.0005);
    expect(buildStats(0, ['介護'], [0.2]).rare).toBe(0);
  });
  it('SR-1 a one-character word reads the postings of every bigram it starts', () => {
    expect(fresh().byFirstChar.get('務')).toBeCloseTo(1 - 0.8 * 0.8 * 0.93);
    expect(fresh().postingsByFirstChar.get('務')).toBeCloseTo(0.47);
    expect(fresh().freq.get('介護')).toBe(0.14);
    const e = estimate(plan('kw=寮'), fresh());
    expect(e.postings).toBeCloseTo(0.0005 * 1_000_000);
  });
  it('SR-1 an OR of words matches the sum of their fractions, at most every row', () => {
    expect(estimate(plan('kw=介護 看護&kwMode=or'), fresh()).fraction).toBeCloseTo(0.17);
    const common = buildStats(100, ['介護', '看護'], [0.7, 0.6, 0.6, 0.7, 0]);
    expect(estimate(plan('kw=介護 看護&kwMode=or'), common).fraction).toBe(1);
  });
  it('SR-1 one 都道府県 confines a scan to its share of rows; none or several read every row', () => {
    expect(estimate(plan('pref=13'), fresh()).prefecture).toBe(0.15);
    expect(estimate(plan('pref=27'), fresh()).prefecture).toBe(0.0005);
    expect(estimate(plan('pref=13&pref=14'), fresh()).prefecture).toBe(1);
    expect(estimate(plan('kw=介護'), fresh()).prefecture).toBe(1);
  });
  it('SR-1 a one-character word reads all its postings; the other clauses are driven by the rarest', () => {
    // 務: every posting of its bigrams (47 %); 介護: the one clause left to drive (14 % × 1 bigram).
    expect(estimate(plan(`kw=${encodeURIComponent('務 介護')}`), fresh()).postings).toBeCloseTo(
      0.61 * 1_000_000,
    );
  });
  it('SR-1 with no clause at all, every row matches and no posting is read', () => {
    expect(estimate(plan(''), fresh())).toEqual({ fraction: 1, postings: 0, prefecture: 1 });
  });
});
