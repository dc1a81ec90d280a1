/**
 * Figures of the reliability suite (issue 15). Every row calls `report()` with what it measured; the
 * line goes to the console and to reports/reliability/<engine>.jsonl, from which
 * `npm run reliability:doc` (scripts/reliability-report.ts) writes the tables of docs/reliability.md.
 * The engine is the database the run used: PGlite, or PostgreSQL when DATABASE_URL is set.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

export type Figure = string | number | boolean;

export interface ReportLine {
  row: string;
  engine: string;
  /** What was tried, in one line (the table's "test" column). */
  case: string;
  figures: Record<string, Figure>;
  /** The pass condition, as the test asserts it. */
  expect: string;
  at: string;
}

export const RELIABILITY_OUT = process.env.HW_RELIABILITY_OUT ?? path.resolve('reports/reliability');

export function engineName(): string {
  return process.env.DATABASE_URL ? 'postgresql' : 'pglite';
}

/** Records one row's figures. Call it after the assertions that decide the row passed or not. */
export function report(row: string, testCase: string, figures: Record<string, Figure>, expect: string): void {
  const line: ReportLine = {
    row,
    engine: engineName(),
    case: testCase,
    figures,
    expect,
    at: new Date().toISOString(),
  };
  mkdirSync(RELIABILITY_OUT, { recursive: true });
  appendFileSync(path.join(RELIABILITY_OUT, `${line.engine}.jsonl`), `${JSON.stringify(line)}\n`);
  const shown = Object.entries(figures)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  console.log(`[reliability ${row} ${line.engine}] ${testCase}: ${shown}`);
}
