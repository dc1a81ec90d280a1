/**
 * 無効 / 取下げ (SPEC ST-3): staff end an open job with a reason. closedOn = today (it starts the
 * document retention of DR-1) and the job leaves search in the same transaction.
 */
import type { Ports } from '../../deps.ts';
import { tokyoDate } from '../../platform/dates.ts';
import { reindexJob } from '../search/reindex-job.ts';
import { updateJobWhere } from './jobs.repository.ts';

export async function closeJob(
  deps: Ports<'db' | 'clock' | 'logger'>,
  input: { jobId: number; kind: 'invalid' | 'withdrawn'; reason: string; staffId: string },
): Promise<boolean> {
  const now = deps.clock.now();
  const closed = await deps.db.transaction(async (tx) => {
    const row = await updateJobWhere(tx, input.jobId, ['open'], {
      status: input.kind,
      closedOn: tokyoDate(now),
      closedReason: input.reason,
      closedCause: input.kind,
      updatedAt: now,
    });
    if (!row) return false;
    await reindexJob(tx, row.id, now);
    return true;
  });
  if (closed)
    deps.logger.info('job closed', {
      jobId: input.jobId,
      kind: input.kind,
      reason: input.reason,
      staffId: input.staffId,
    });
  return closed;
}
