/**
 * Keeps one job's search row in step with the job: call it in the same transaction as any change
 * to a job (acceptance, edit, 無効, 取下げ, 公開範囲). A job is searchable while it is open, public
 * (公開範囲 not 「公開しない」) and its 紹介期限日 has not passed.
 */
import type { Database, Executor } from '../../db/client.ts';
import { tokyoDate } from '../../platform/dates.ts';
import { loadReadings } from './readings.ts';
import {
  createSearchIndex,
  deleteSearchRows,
  dropSearchIndex,
  findJobToIndex,
  listJobsToIndex,
  upsertSearchRows,
} from './search.repository.ts';
import { type SearchRow, searchRow } from './search-index.ts';

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
  const row = await findJobToIndex(db, jobId);
  if (!row || !isSearchable(row.job, tokyoDate(now))) {
    await deleteSearchRows(db, [jobId]);
    return 'removed';
  }
  const { job } = row;
  // The job is searchable by its reading as soon as it is indexed (ADR 0035); the first call in a
  // process loads the dictionary.
  const readingOf = await loadReadings();
  await upsertSearchRows(db, [
    searchRow(
      {
        ...job,
        acceptedOn: job.acceptedOn!,
        referralDeadline: job.referralDeadline!,
        employerName: row.employerName,
        employeesTotal: row.employeesTotal,
      },
      readingOf,
    ),
  ]);
  return 'indexed';
}

/**
 * Rebuilds every job's search row from the job (after a change to what the index holds: municipality
 * codes and shifts in migration 0008, the 公開範囲 rule of visibleJobText, readings in ADR 0035). The keyword index is
 * dropped and built once at the end. `npm run cli -- search:reindex`.
 */
export async function reindexAllJobs(
  db: Database,
  now: Date,
  onBatch: (done: number) => void = () => {},
): Promise<{ indexed: number; removed: number }> {
  const today = tokyoDate(now);
  let indexed = 0;
  let removed = 0;
  let after = 0;
  const readingOf = await loadReadings();
  await dropSearchIndex(db);
  try {
    for (;;) {
      const batch = await listJobsToIndex(db, after, 1000);
      if (batch.length === 0) break;
      after = batch[batch.length - 1]!.job.id;
      const rows: SearchRow[] = [];
      const gone: number[] = [];
      for (const { job, employerName, employeesTotal } of batch) {
        if (!isSearchable(job, today)) gone.push(job.id);
        else
          rows.push(
            searchRow(
              {
                ...job,
                acceptedOn: job.acceptedOn!,
                referralDeadline: job.referralDeadline!,
                employerName,
                employeesTotal,
              },
              readingOf,
            ),
          );
      }
      await db.transaction(async (tx) => {
        await upsertSearchRows(tx, rows);
        await deleteSearchRows(tx, gone);
      });
      indexed += rows.length;
      removed += gone.length;
      onBatch(indexed + removed);
    }
  } finally {
    await createSearchIndex(db);
  }
  return { indexed, removed };
}
