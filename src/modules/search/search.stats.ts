/**
 * How many jobs a search will match, estimated before running it, from PostgreSQL's own statistics
 * of the token column (pg_stats.most_common_elems: the frequency of every frequent lexeme). The
 * executor reads those statistics (loadStats in search.query.ts) and uses the estimate to choose how
 * to run the query. Pure.
 */
import type { SearchPlan, Term } from './search.plan.ts';
import { filterToken } from './search-index.ts';
import { FILTER } from './search-text.ts';

export interface LexemeStats {
  /** Rows in job_search. */
  rows: number;
  /** Fraction of rows containing each frequent lexeme. */
  freq: Map<string, number>;
  /** Fraction of rows holding a frequent bigram that starts with a character, for one-character (prefix) terms. */
  byFirstChar: Map<string, number>;
  /** The sum of those bigrams' frequencies: the posting entries a prefix term reads, per row. */
  postingsByFirstChar: Map<string, number>;
  /** Upper bound for a lexeme that is not among the frequent ones. */
  rare: number;
}

export interface Estimate {
  /** Expected fraction of rows that match. */
  fraction: number;
  /** Expected GIN posting entries read to answer the token part. */
  postings: number;
  /** Fraction of the table in the one 都道府県 asked for (1 when none or several): a scan reads only those rows. */
  prefecture: number;
}

export function buildStats(rows: number, elems: string[], freqs: number[]): LexemeStats {
  const freq = new Map<string, number>();
  const byFirstChar = new Map<string, number>();
  // Rows containing a character: the union of its bigrams, taken as independent (a row holding
  // 務め and 務所 is counted once), 1 − Π(1 − f).
  const missing = new Map<string, number>();
  const postingsByFirstChar = new Map<string, number>();
  elems.forEach((e, i) => {
    const f = freqs[i] ?? 0;
    freq.set(e, f);
    const first = [...e][0] ?? '';
    missing.set(first, (missing.get(first) ?? 1) * (1 - f));
    postingsByFirstChar.set(first, (postingsByFirstChar.get(first) ?? 0) + f);
  });
  for (const [first, m] of missing) byFirstChar.set(first, 1 - m);
  // pg_stats appends the minimum and maximum frequency after the per-element ones.
  const minimum = freqs[elems.length] ?? 0;
  return { rows, freq, byFirstChar, postingsByFirstChar, rare: elems.length ? minimum : 0.001 };
}

interface TermCost {
  fraction: number;
  /** Posting entries read for the term. */
  postings: number;
  /** Prefix terms merge every matching entry before anything else can happen. */
  prefix: boolean;
}

function termCost(t: Term, s: LexemeStats): TermCost {
  if (t.prefix !== undefined) {
    // Every character of the text starts some bigram: the rows containing it are the union of the
    // rows holding those bigrams, and all of their posting lists are read and merged.
    const fraction = s.byFirstChar.get(t.prefix) ?? s.rare;
    const postings = (s.postingsByFirstChar.get(t.prefix) ?? s.rare) * s.rows;
    return { fraction: Math.min(1, fraction), postings, prefix: true };
  }
  // The bigrams of one word occur together: the word is about as rare as its rarest bigram. GIN's
  // fast scan walks the rarest list and skips through the others.
  const rarest = Math.min(1, ...t.lexemes.map((l) => s.freq.get(l) ?? s.rare));
  return { fraction: rarest, postings: rarest * s.rows * t.lexemes.length, prefix: false };
}

/**
 * Expected match fraction (clauses taken as independent) and GIN posting entries read: prefix
 * terms in full, the other clauses driven by the rarest of them.
 */
export function estimate(
  plan: Pick<SearchPlan, 'keywordClauses' | 'filterClauses' | 'prefectures'>,
  s: LexemeStats,
): Estimate {
  let fraction = 1;
  let prefixPostings = 0;
  const clausePostings: number[] = [];
  for (const clause of [...plan.keywordClauses, ...plan.filterClauses]) {
    let clauseFraction = 0;
    let postings = 0;
    for (const t of clause) {
      const c = termCost(t, s);
      clauseFraction += c.fraction;
      if (c.prefix) prefixPostings += c.postings;
      else postings += c.postings;
    }
    fraction *= Math.min(1, clauseFraction);
    if (postings > 0) clausePostings.push(postings);
  }
  const driven = clausePostings.length ? Math.min(...clausePostings) * clausePostings.length : 0;
  const only = plan.prefectures.length === 1 ? plan.prefectures[0]! : undefined;
  const prefecture = only ? (s.freq.get(FILTER + filterToken.prefecture(only)) ?? s.rare) : 1;
  return { fraction, postings: prefixPostings + driven, prefecture };
}
