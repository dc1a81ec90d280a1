/** The search index's writes, and the job rows they are built from. Searches live in search.query.ts. */
import { asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { rowsToJson } from '../../db/json-rows.ts';
import { employers, jobPostings, jobSearch } from '../../db/schema/index.ts';
import type { SearchRow } from './search-index.ts';

/** Inserts or replaces the index rows of these jobs. */
export async function upsertSearchRows(db: Executor, rows: readonly SearchRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.execute(sql`
    insert into job_search (job_id, prefecture_code, accepted_on, referral_deadline, wage_monthly, wage_hourly, annual_holidays,
      age_min, age_max, shifts, municipality_code, tokens, body, employer_name)
    select r.job_id, r.prefecture_code, r.accepted_on, r.referral_deadline, r.wage_monthly, r.wage_hourly, r.annual_holidays,
      r.age_min, r.age_max, r.shifts::int4range[], r.municipality_code, array_to_tsvector(r.lexemes), r.body, r.employer_name
    from json_to_recordset(${rowsToJson(rows as unknown as Record<string, unknown>[])}::json) as r(
      job_id int, prefecture_code text, accepted_on date, referral_deadline date, wage_monthly int, wage_hourly int,
      annual_holidays smallint, age_min smallint, age_max smallint, shifts text[], municipality_code text,
      lexemes text[], body text, employer_name text)
    on conflict (job_id) do update set
      prefecture_code = excluded.prefecture_code, accepted_on = excluded.accepted_on, referral_deadline = excluded.referral_deadline,
      wage_monthly = excluded.wage_monthly, wage_hourly = excluded.wage_hourly,
      annual_holidays = excluded.annual_holidays, age_min = excluded.age_min, age_max = excluded.age_max,
      shifts = excluded.shifts, municipality_code = excluded.municipality_code, tokens = excluded.tokens,
      body = excluded.body, employer_name = excluded.employer_name`);
}

/** The indexed bodies of these jobs (text and reading), by job id. */
export async function findIndexedBodies(
  db: Executor,
  jobIds: readonly number[],
): Promise<Map<number, string>> {
  if (jobIds.length === 0) return new Map();
  const rows = await db
    .select({ jobId: jobSearch.jobId, body: jobSearch.body })
    .from(jobSearch)
    .where(inArray(jobSearch.jobId, [...jobIds]));
  return new Map(rows.map((r) => [r.jobId, r.body]));
}

/** Removes jobs from search (無効, 取下げ, or no longer public). */
export async function deleteSearchRows(db: Executor, jobIds: readonly number[]): Promise<void> {
  if (jobIds.length === 0) return;
  await db.delete(jobSearch).where(inArray(jobSearch.jobId, [...jobIds]));
}

/** Daily housekeeping: rows whose 紹介期限日 has passed leave the index. */
export async function deleteExpiredSearchRows(db: Executor, today: string): Promise<number> {
  const removed = await db
    .delete(jobSearch)
    .where(sql`${jobSearch.referralDeadline} < ${today}`)
    .returning({ id: jobSearch.jobId });
  return removed.length;
}

/**
 * Building the keyword index once after a large load is much faster than updating it per row (on
 * PGlite too: the 2,000 demo jobs load in half the time). Callers drop it inside the transaction of
 * the load where they can, so a failed load leaves the index as it was.
 */
export async function dropSearchIndex(db: Executor): Promise<void> {
  await db.execute(sql`drop index if exists job_search_tokens_idx`);
}

/** (Re)creates the keyword index of migration 0005; `memory` raises maintenance_work_mem for the build. */
export async function createSearchIndex(db: Executor, memory?: '1GB'): Promise<void> {
  if (memory) await db.execute(sql`set maintenance_work_mem = '1GB'`);
  await db.execute(
    sql`create index if not exists job_search_tokens_idx on job_search using gin (tokens) with (fastupdate = off)`,
  );
}

const jobToIndex = {
  job: jobPostings,
  employerName: employers.name,
  employeesTotal: employers.employeesTotal,
};

/** One job with what indexing it needs (its employer's name and size). */
export async function findJobToIndex(db: Executor, jobId: number) {
  const [row] = await db
    .select(jobToIndex)
    .from(jobPostings)
    .innerJoin(employers, eq(employers.id, jobPostings.employerId))
    .where(eq(jobPostings.id, jobId));
  return row;
}

/** Jobs in id order after `afterId`, with what indexing them needs (for a full reindex). */
export async function listJobsToIndex(db: Executor, afterId: number, limit: number) {
  return db
    .select(jobToIndex)
    .from(jobPostings)
    .innerJoin(employers, eq(employers.id, jobPostings.employerId))
    .where(gt(jobPostings.id, afterId))
    .orderBy(asc(jobPostings.id))
    .limit(limit);
}
