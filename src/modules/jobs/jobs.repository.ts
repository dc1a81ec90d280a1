import { and, asc, count, desc, eq, getTableColumns, gte, inArray, lt, ne, type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client.ts';
import { rowsToJson, snakeCase } from '../../db/json-rows.ts';
import { employers, jobPostings, offices } from '../../db/schema/index.ts';
import { tokyoDate } from '../../platform/dates.ts';
import type { Employer } from '../employers/employers.repository.ts';
import type { JobStatus } from './job.types.ts';

/** Open, public jobs whose 紹介期限日 has not passed. */
export async function countSearchableJobs(db: Executor, now: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(jobPostings)
    .where(
      and(
        eq(jobPostings.status, 'open'),
        ne(jobPostings.publicationScope, 'private'),
        gte(jobPostings.referralDeadline, tokyoDate(now)),
      ),
    );
  return row?.n ?? 0;
}

export type NewJobPosting = Omit<typeof jobPostings.$inferInsert, 'id'>;

const postingColumns = new Set(Object.keys(getTableColumns(jobPostings)).filter((k) => k !== 'id'));

/** Inserts many postings in one statement; returns their ids with their 求人番号 (or null for drafts). */
export async function insertJobPostings(
  db: Executor,
  postings: readonly NewJobPosting[],
): Promise<{ id: number; jobNumber: string | null }[]> {
  if (postings.length === 0) return [];
  // Only the columns the rows carry: the others keep their defaults.
  const columns = sql.raw(
    Object.keys(postings[0]!)
      .filter((k) => postingColumns.has(k))
      .map(snakeCase)
      .join(', '),
  );
  const rows = await queryRows<{ id: number; job_number: string | null }>(
    db,
    sql`
    insert into job_postings (${columns})
    select ${columns}
    from json_populate_recordset(null::job_postings, ${rowsToJson(postings as unknown as Record<string, unknown>[])}::json)
    returning id, job_number`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    jobNumber: r.job_number,
  }));
}

export type JobPosting = typeof jobPostings.$inferSelect;

/** A job with its employer (事業所) and the name of its 受理安定所. */
export interface JobRecord {
  job: JobPosting;
  employer: Employer;
  officeName: string;
}

const recordColumns = { job: jobPostings, employer: employers, officeName: offices.name };

async function findRecord(db: Executor, where: SQL | undefined): Promise<JobRecord | undefined> {
  const [row] = await db
    .select(recordColumns)
    .from(jobPostings)
    .innerJoin(employers, eq(employers.id, jobPostings.employerId))
    .innerJoin(offices, eq(offices.code, jobPostings.officeCode))
    .where(where);
  return row;
}

/** By 求人番号 (accepted jobs only have one). */
export function findJobByNumber(db: Executor, jobNumber: string): Promise<JobRecord | undefined> {
  return findRecord(db, eq(jobPostings.jobNumber, jobNumber));
}

export function findJobById(db: Executor, id: number): Promise<JobRecord | undefined> {
  return findRecord(db, eq(jobPostings.id, id));
}

/** One of this employer's jobs; another employer's job is simply not found. */
export function findEmployerJob(
  db: Executor,
  employerId: string,
  id: number,
): Promise<JobRecord | undefined> {
  return findRecord(db, and(eq(jobPostings.id, id), eq(jobPostings.employerId, employerId)));
}

export function listEmployerJobs(db: Executor, employerId: string): Promise<JobPosting[]> {
  return db
    .select()
    .from(jobPostings)
    .where(eq(jobPostings.employerId, employerId))
    .orderBy(desc(jobPostings.updatedAt), desc(jobPostings.id));
}

export interface StaffJobRow {
  job: JobPosting;
  employerName: string;
  establishmentNumber: string;
}

/** Jobs in one status for the staff console, oldest change first (the order staff work through them). */
export function listJobsByStatus(
  db: Executor,
  status: JobStatus,
  options: { officeCode?: string; limit?: number } = {},
): Promise<StaffJobRow[]> {
  return db
    .select({
      job: jobPostings,
      employerName: employers.name,
      establishmentNumber: employers.establishmentNumber,
    })
    .from(jobPostings)
    .innerJoin(employers, eq(employers.id, jobPostings.employerId))
    .where(
      and(
        eq(jobPostings.status, status),
        options.officeCode ? eq(jobPostings.officeCode, options.officeCode) : undefined,
      ),
    )
    .orderBy(asc(jobPostings.updatedAt), asc(jobPostings.id))
    .limit(options.limit ?? 100);
}

export async function insertJob(db: Executor, row: NewJobPosting): Promise<number> {
  const [inserted] = await db.insert(jobPostings).values(row).returning({ id: jobPostings.id });
  return inserted!.id;
}

/**
 * Inserts the job of a form key once: when the employer already has a job from this form (sent
 * twice, even at the same moment), nothing is inserted and that job is returned.
 */
export async function insertJobOnce(
  db: Executor,
  row: NewJobPosting & { formKey: string },
): Promise<{ id: number; created: boolean; status: JobStatus }> {
  const [inserted] = await db
    .insert(jobPostings)
    .values(row)
    .onConflictDoNothing({ target: [jobPostings.employerId, jobPostings.formKey] })
    .returning({ id: jobPostings.id, status: jobPostings.status });
  if (inserted) return { ...inserted, created: true };
  const [existing] = await db
    .select({ id: jobPostings.id, status: jobPostings.status })
    .from(jobPostings)
    .where(and(eq(jobPostings.employerId, row.employerId), eq(jobPostings.formKey, row.formKey)));
  return { ...existing!, created: false };
}

/**
 * Changes a job only while it is in one of `statuses` (and belongs to `employerId` when given), so
 * two concurrent changes cannot both win. Returns the updated row, or nothing when it did not apply.
 */
export async function updateJobWhere(
  db: Executor,
  id: number,
  statuses: readonly JobStatus[],
  patch: Partial<NewJobPosting>,
  employerId?: string,
): Promise<JobPosting | undefined> {
  const [row] = await db
    .update(jobPostings)
    .set(patch)
    .where(
      and(
        eq(jobPostings.id, id),
        inArray(jobPostings.status, [...statuses]),
        employerId ? eq(jobPostings.employerId, employerId) : undefined,
      ),
    )
    .returning();
  return row;
}

/**
 * ST-3, DR-1 (ADR 0012): up to `limit` open jobs whose 紹介期限日 is before `today` become 無効 with
 * cause `expired`, closed on the day after their 紹介期限日 (the first day they were no longer
 * valid, whenever this runs). Rows another transaction holds are skipped, not waited for. Returns
 * the ids closed.
 */
export async function closeExpiredJobs(
  db: Executor,
  today: string,
  now: Date,
  limit: number,
): Promise<number[]> {
  const due = db
    .select({ id: jobPostings.id })
    .from(jobPostings)
    .where(and(eq(jobPostings.status, 'open'), lt(jobPostings.referralDeadline, today)))
    .orderBy(asc(jobPostings.id))
    .limit(limit)
    .for('update', { skipLocked: true });
  const rows = await db
    .update(jobPostings)
    .set({
      status: 'invalid',
      closedOn: sql`${jobPostings.referralDeadline} + 1`,
      closedCause: 'expired',
      updatedAt: now,
    })
    .where(and(inArray(jobPostings.id, due), eq(jobPostings.status, 'open')))
    .returning({ id: jobPostings.id });
  return rows.map((r) => r.id);
}

/** Jobs with their employer's name, in the order of `ids` (search hits); unknown ids are skipped. */
export async function listJobsWithEmployerName(
  db: Executor,
  ids: readonly number[],
): Promise<{ job: JobPosting; employerName: string }[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ job: jobPostings, employerName: employers.name })
    .from(jobPostings)
    .innerJoin(employers, eq(employers.id, jobPostings.employerId))
    .where(inArray(jobPostings.id, [...ids]));
  const byId = new Map(rows.map((r) => [r.job.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [row] : [];
  });
}
