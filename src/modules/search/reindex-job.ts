/**
 * Keeps one job's search row in step with the job: call it in the same transaction as any change
 * to a job (acceptance, edit, 無効, 取下げ, 公開範囲). A job is searchable while it is open, public
 * (公開範囲 not 「公開しない」) and its 紹介期限日 has not passed.
 */
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { employers, jobPostings } from '../../db/schema/index.ts';
import { tokyoDate } from '../../platform/dates.ts';
import { deleteSearchRows, upsertSearchRows } from './search.repository.ts';
import { searchRow } from './search-index.ts';

export function isSearchable(
  job: { status: string; publicationScope: string; referralDeadline: string | null },
  today: string,
): boolean {
  return (
    job.status === 'open' &&
    job.publicationScope !== 'private' &&
    job.referralDeadline !== null &&
    job.referralDeadline >= today
  );
}

export async function reindexJob(db: Executor, jobId: number, now: Date): Promise<'indexed' | 'removed'> {
  const [row] = await db
    .select({ job: jobPostings, employerName: employers.name, employeesTotal: employers.employeesTotal })
    .from(jobPostings)
    .innerJoin(employers, eq(employers.id, jobPostings.employerId))
    .where(eq(jobPostings.id, jobId));
  if (!row || !isSearchable(row.job, tokyoDate(now))) {
    await deleteSearchRows(db, [jobId]);
    return 'removed';
  }
  const { job } = row;
  await upsertSearchRows(db, [
    searchRow({
      ...job,
      acceptedOn: job.acceptedOn!,
      referralDeadline: job.referralDeadline!,
      employerName: row.employerName,
      employeesTotal: row.employeesTotal,
    }),
  ]);
  return 'indexed';
}
