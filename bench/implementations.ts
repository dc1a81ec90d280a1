/**
 * The three implementations compared by the benchmark. Each answers the same question the search
 * page asks: the first page of job ids (newest first) and a count capped at MAX_RESULTS + 1.
 *
 * - ours:  searchJobs(db, plan) from src, unchanged (bigram GIN, two-step executor);
 * - ilike: the same structured filters, keywords by `body ILIKE '%word%'`, planner left alone;
 * - trgm:  the same with `body LIKE '%word%'`, run while a pg_trgm GIN index on body exists.
 *
 * The baselines reuse whereClause() from src for everything but the keywords: the plan is
 * rewritten so its tsquery is the structured-filter part only and its keyword rechecks and
 * exclusions are empty, then the keyword conditions are added as plain text matches.
 */
import { type SQL, sql } from 'drizzle-orm';
import { type Database, queryRows } from '../src/db/client.ts';
import { planSearch, type SearchPlan } from '../src/modules/search/search.plan.ts';
import { searchJobs, whereClause } from '../src/modules/search/search.query.ts';
import {
  MAX_RESULTS,
  type SearchConditions,
  searchSchema,
  searchValues,
} from '../src/modules/search/search.schemas.ts';
import { likePattern, splitWords } from '../src/modules/search/search-text.ts';
import type { LocalDate } from '../src/platform/dates.ts';
import type { BenchQuery } from './queries.ts';

export const IMPLEMENTATIONS = ['ours', 'ilike', 'trgm'] as const;
export type Impl = (typeof IMPLEMENTATIONS)[number];

export const IMPL_LABELS: Record<Impl, string> = {
  ours: 'ours (bigram GIN)',
  ilike: 'ILIKE scan',
  trgm: 'pg_trgm LIKE',
};

export interface Outcome {
  /** Capped count, at most MAX_RESULTS + 1. */
  total: number;
  ids: number[];
  /** Which step-2 strategy ours chose (baselines: 'planner'). */
  strategy: string;
}

export interface PreparedQuery {
  query: BenchQuery;
  conditions: SearchConditions;
  plan: SearchPlan;
  /** Normalised excluded words (the plan keeps only their tsqueries). */
  excludedWords: string[];
}

/** Parses a query string exactly as the /jobs route does and plans it for `today`. */
export function prepare(query: BenchQuery, today: LocalDate): PreparedQuery {
  const parsed = searchSchema.safeParse(searchValues(new URLSearchParams(query.query)));
  if (!parsed.success)
    throw new Error(`query ${query.id} (${query.query}) is invalid: ${parsed.error.message}`);
  const plan = planSearch(parsed.data, today);
  if (plan.sort !== 'new') throw new Error(`query ${query.id}: the baselines only sort by newest`);
  checkShape(query, plan);
  return { query, conditions: parsed.data, plan, excludedWords: splitWords(parsed.data.kwx) };
}

/** Guards the class of single-word queries against typos in queries.ts. */
function checkShape(query: BenchQuery, plan: SearchPlan): void {
  const expected: Partial<Record<BenchQuery['shape'], (n: number) => boolean>> = {
    '1-char': (n) => n === 1,
    '2-char': (n) => n === 2,
    '3–4-char': (n) => n === 3 || n === 4,
    '5+-char': (n) => n >= 5,
  };
  const test = expected[query.shape];
  if (!test) return;
  const words = plan.keywords.words;
  if (words.length !== 1 || !test([...words[0]!].length))
    throw new Error(`query ${query.id}: "${words.join(' ')}" is not of shape ${query.shape}`);
}

function countSql(where: SQL): SQL {
  return sql`select count(*)::int as n from (select 1 from job_search s where ${where} limit ${MAX_RESULTS + 1}) c`;
}

function pageSql(where: SQL, plan: SearchPlan): SQL {
  return sql`select s.job_id from job_search s where ${where}
    order by s.accepted_on desc, s.job_id desc limit ${plan.limit} offset ${plan.offset}`;
}

/** The WHERE of a baseline: src's structured conditions plus keywords matched as text. */
export function baselineWhere(p: PreparedQuery, op: 'ilike' | 'like'): SQL {
  const { plan } = p;
  const structured = whereClause({
    ...plan,
    tsquery: plan.filterQuery,
    likeAll: [],
    likeAny: [],
    exclude: [],
  });
  const match = (word: string) => sql`s.body ${sql.raw(op)} ${likePattern(word)}`;
  const conds: SQL[] = [structured];
  const { words, mode } = plan.keywords;
  if (words.length === 1) conds.push(match(words[0]!));
  else if (words.length > 1)
    conds.push(sql`(${sql.join(words.map(match), sql.raw(mode === 'or' ? ' or ' : ' and '))})`);
  for (const word of p.excludedWords) conds.push(sql`s.body not ${sql.raw(op)} ${likePattern(word)}`);
  return sql.join(conds, sql` and `);
}

async function baseline(db: Database, p: PreparedQuery, op: 'ilike' | 'like'): Promise<Outcome> {
  const where = baselineWhere(p, op);
  const [counted] = await queryRows<{ n: number }>(db, countSql(where));
  const total = Number(counted?.n ?? 0);
  const rows = total === 0 ? [] : await queryRows<{ job_id: number }>(db, pageSql(where, p.plan));
  return { total, ids: rows.map((r) => Number(r.job_id)), strategy: 'planner' };
}

/** searchJobs' strategy as text: 'walk', or { count: 'gin', page: 'scan' } → 'count gin, page scan'. */
export function describeStrategy(strategy: unknown): string {
  if (typeof strategy === 'string') return strategy;
  if (strategy && typeof strategy === 'object')
    return Object.entries(strategy)
      .map(([step, how]) => `${step} ${String(how)}`)
      .join(', ');
  return String(strategy);
}

/** Runs one implementation once: the count and the first page, as the web page does. */
export async function runImpl(impl: Impl, db: Database, p: PreparedQuery): Promise<Outcome> {
  switch (impl) {
    case 'ours': {
      const hits = await searchJobs(db, p.plan);
      return { total: hits.total, ids: hits.jobIds, strategy: describeStrategy(hits.strategy) };
    }
    case 'ilike':
      return baseline(db, p, 'ilike');
    case 'trgm':
      return baseline(db, p, 'like');
  }
}

/** A description of how two outcomes differ, or null when they are identical. */
export function difference(a: Outcome, b: Outcome): string | null {
  const sameIds = a.ids.length === b.ids.length && a.ids.every((id, i) => id === b.ids[i]);
  if (a.total === b.total && sameIds) return null;
  const parts: string[] = [];
  if (a.total !== b.total) parts.push(`count ${a.total} vs ${b.total}`);
  if (!sameIds) {
    const onlyA = a.ids.filter((id) => !b.ids.includes(id));
    const onlyB = b.ids.filter((id) => !a.ids.includes(id));
    parts.push(
      `ids differ (${a.ids.length} vs ${b.ids.length}); only in first: [${onlyA.join(', ')}]; only in second: [${onlyB.join(', ')}]` +
        (onlyA.length === 0 && onlyB.length === 0 ? '; same ids in a different order' : ''),
    );
    parts.push(`first: [${a.ids.join(', ')}]`, `second: [${b.ids.join(', ')}]`);
  }
  return parts.join('\n    ');
}
