/**
 * Runs a search plan on either engine (SPEC SR-1). Two steps, chosen by the application rather
 * than left to the planner (see docs/decisions/0004-japanese-search.md):
 *
 * 1. a capped count (up to MAX_RESULTS + 1) through the GIN index;
 * 2. the page: for frequent matches, walk the btree of the sort key and test each row (bitmap
 *    scans off); for rare ones, collect the matches through GIN and sort them (index scans off).
 */
import { type SQL, sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client.ts';
import type { SearchPlan } from './search.plan.ts';
import { MAX_RESULTS } from './search.schemas.ts';

/** Above this many matches, walking the sort index beats sorting all matches. */
export const FREQUENT_MATCHES = 2_000;

export interface SearchHits {
  /** Matches counted, at most MAX_RESULTS + 1. */
  total: number;
  /** More than MAX_RESULTS matched: show 「10,000件以上」. */
  capped: boolean;
  jobIds: number[];
  strategy: 'none' | 'walk' | 'collect';
}

export function whereClause(plan: SearchPlan): SQL {
  const conds: SQL[] = [sql`s.referral_deadline >= ${plan.deadlineFrom}::date`];
  if (plan.tsquery) conds.push(sql`s.tokens @@ ${plan.tsquery}::tsquery`);
  for (const p of plan.likeAll) conds.push(sql`s.body like ${p}`);
  if (plan.likeAny.length)
    conds.push(
      sql`(${sql.join(
        plan.likeAny.map((p) => sql`s.body like ${p}`),
        sql` or `,
      )})`,
    );
  for (const ex of plan.exclude) {
    conds.push(
      ex.like
        ? sql`not (s.tokens @@ ${ex.tsquery}::tsquery and s.body like ${ex.like})`
        : sql`not (s.tokens @@ ${ex.tsquery}::tsquery)`,
    );
  }
  for (const p of plan.employerLikes) conds.push(sql`s.employer_name like ${p}`);
  for (const p of plan.employerExcludeLikes) conds.push(sql`s.employer_name not like ${p}`);
  if (plan.wageMonthlyMin !== null) conds.push(sql`s.wage_monthly >= ${plan.wageMonthlyMin}`);
  if (plan.wageHourlyMin !== null) conds.push(sql`s.wage_hourly >= ${plan.wageHourlyMin}`);
  if (plan.annualHolidaysMin !== null) conds.push(sql`s.annual_holidays >= ${plan.annualHolidaysMin}`);
  if (plan.age !== null) conds.push(sql`s.age_min <= ${plan.age} and s.age_max >= ${plan.age}`);
  if (plan.hoursFrom !== null) conds.push(sql`s.hours_start >= ${plan.hoursFrom}`);
  if (plan.hoursTo !== null) conds.push(sql`s.hours_end <= ${plan.hoursTo}`);
  if (plan.acceptedFrom !== null) conds.push(sql`s.accepted_on >= ${plan.acceptedFrom}::date`);
  if (plan.jobNumbers.length) {
    conds.push(
      sql`s.job_id in (select id from job_postings where job_number in (${sql.join(
        plan.jobNumbers.map((n) => sql`${n}`),
        sql`, `,
      )}))`,
    );
  }
  return sql.join(conds, sql` and `);
}

function orderBy(plan: SearchPlan, forWalk: boolean): SQL {
  // In the collect strategy the sort key is wrapped (+ 0) so the planner cannot walk its index.
  const k = (column: string) => (forWalk ? sql.raw(`s.${column}`) : sql.raw(`(s.${column} + 0)`));
  switch (plan.sort) {
    case 'deadline':
      return sql`${k('referral_deadline')} asc, s.job_id asc`;
    case 'wage':
      return sql`${k('wage_monthly')} desc, s.job_id desc`;
    default:
      return sql`${k('accepted_on')} desc, s.job_id desc`;
  }
}

export async function searchJobs(db: Database, plan: SearchPlan): Promise<SearchHits> {
  const where = whereClause(plan);
  return db.transaction(async (tx) => {
    const [counted] = await queryRows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from (select 1 from job_search s where ${where} limit ${MAX_RESULTS + 1}) c`,
    );
    const total = Number(counted?.n ?? 0);
    if (total === 0) return { total, capped: false, jobIds: [], strategy: 'none' as const };
    const walk = total > FREQUENT_MATCHES;
    await tx.execute(walk ? sql`set local enable_bitmapscan = off` : sql`set local enable_indexscan = off`);
    const rows = await queryRows<{ job_id: number }>(
      tx,
      sql`select s.job_id from job_search s where ${where} order by ${orderBy(plan, walk)} limit ${plan.limit} offset ${plan.offset}`,
    );
    return {
      total: Math.min(total, MAX_RESULTS + 1),
      capped: total > MAX_RESULTS,
      jobIds: rows.map((r) => Number(r.job_id)),
      strategy: walk ? ('walk' as const) : ('collect' as const),
    };
  });
}
