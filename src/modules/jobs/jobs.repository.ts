import { and, count, eq, getTableColumns, gte, ne, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client.ts';
import { rowsToJson, snakeCase } from '../../db/json-rows.ts';
import { jobPostings } from '../../db/schema/index.ts';
import { tokyoDate } from '../../platform/dates.ts';

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

const postingColumns = Object.keys(getTableColumns(jobPostings)).filter((k) => k !== 'id');
const postingColumnList = sql.raw(postingColumns.map(snakeCase).join(', '));

/** Inserts many postings in one statement; returns their ids with their 求人番号 (or null for drafts). */
export async function insertJobPostings(
  db: Executor,
  postings: readonly NewJobPosting[],
): Promise<{ id: number; jobNumber: string | null }[]> {
  if (postings.length === 0) return [];
  const rows = await queryRows<{ id: number; job_number: string | null }>(
    db,
    sql`
    insert into job_postings (${postingColumnList})
    select ${postingColumnList}
    from json_populate_recordset(null::job_postings, ${rowsToJson(postings as unknown as Record<string, unknown>[])}::json)
    returning id, job_number`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    jobNumber: r.job_number,
  }));
}
