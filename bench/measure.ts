/**
 * Timing loop: warm-up runs, then timed runs of count + first page, each result compared with the
 * reference outcome (ours' first answer). Slow queries get fewer runs so the whole benchmark fits
 * in about a quarter of an hour.
 */
import type { Database } from '../src/db/client.ts';
import { difference, type Impl, type Outcome, type PreparedQuery, runImpl } from './implementations.ts';

export interface MeasureOptions {
  runs: number;
  warmups: number;
  /** Timed runs of a query stop at this much time in total (but at least minRuns are made). */
  budgetMs: number;
  minRuns: number;
  /**
   * A query whose first run takes longer than slowMs gets a single warm-up (that first run) and
   * at most slowRuns timed runs, fewer if they would take more than slowBudgetMs together (but
   * always at least one).
   */
  slowMs: number;
  slowRuns: number;
  slowBudgetMs: number;
}

export interface Measurement {
  impl: Impl;
  samples: number[];
  outcome: Outcome;
  /** Why the number of runs was reduced, if it was. */
  capped: string | null;
}

export interface Mismatch {
  queryId: string;
  query: string;
  impl: Impl;
  detail: string;
}

async function timed(db: Database, impl: Impl, p: PreparedQuery): Promise<{ ms: number; outcome: Outcome }> {
  const started = performance.now();
  const outcome = await runImpl(impl, db, p);
  return { ms: performance.now() - started, outcome };
}

export async function measure(
  db: Database,
  impl: Impl,
  p: PreparedQuery,
  options: MeasureOptions,
  reference: Outcome | null,
  mismatches: Mismatch[],
): Promise<Measurement> {
  const check = (outcome: Outcome) => {
    if (!reference) return;
    const diff = difference(reference, outcome);
    if (diff && !mismatches.some((m) => m.queryId === p.query.id && m.impl === impl))
      mismatches.push({ queryId: p.query.id, query: p.query.query, impl, detail: diff });
  };

  const first = await timed(db, impl, p);
  check(first.outcome);
  const outcome = first.outcome;
  let runs = options.runs;
  let capped: string | null = null;
  if (first.ms > options.slowMs) {
    runs = Math.max(1, Math.min(options.runs, options.slowRuns, Math.floor(options.slowBudgetMs / first.ms)));
    capped = `first run ${(first.ms / 1000).toFixed(1)} s: ${runs} run${runs > 1 ? 's' : ''}`;
  } else {
    for (let i = 1; i < options.warmups; i++) check((await timed(db, impl, p)).outcome);
    const affordable = Math.max(options.minRuns, Math.floor(options.budgetMs / Math.max(first.ms, 0.001)));
    if (affordable < runs) {
      runs = affordable;
      capped = `first run ${Math.round(first.ms)} ms: ${runs} runs to stay within ${options.budgetMs / 1000} s`;
    }
  }

  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const run = await timed(db, impl, p);
    check(run.outcome);
    samples.push(run.ms);
  }
  return { impl, samples, outcome, capped };
}
