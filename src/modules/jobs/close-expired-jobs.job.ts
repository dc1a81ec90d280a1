/**
 * ST-3, DR-1 (ADR 0012): every night just after midnight in Tokyo, open jobs whose 紹介期限日 has
 * passed become 無効 with cause `expired` and closed_on = the day after their 紹介期限日, and leave
 * search in the same transaction — as a job made 無効 by staff does — so that document retention
 * keyed on closed_on starts for them too. Idempotent: a closed job is never picked again, and a
 * late or repeated run gives the same dates.
 */
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { tokyoDate } from '../../platform/dates.ts';
import { defineJob, type JobSpec } from '../../platform/queue.ts';
import { deleteSearchRows } from '../search/search.repository.ts';
import { closeExpiredJobs } from './jobs.repository.ts';

export const closeExpiredJobsJob: JobSpec<Record<string, never>> = {
  name: 'jobs.close-expired',
  version: 1,
  schema: z.object({}).strict() as z.ZodType<Record<string, never>>,
  cron: '5 0 * * *',
  retryLimit: 3,
};

const BATCH = 500;

/** Closes every job past its 紹介期限日, in batches of one transaction each; returns how many. */
export async function runCloseExpiredJobs(deps: { db: Database; clock: Clock }): Promise<number> {
  const now = deps.clock.now();
  const today = tokyoDate(now);
  let closed = 0;
  for (;;) {
    const ids = await deps.db.transaction(async (tx) => {
      const batch = await closeExpiredJobs(tx, today, now, BATCH);
      await deleteSearchRows(tx, batch);
      return batch;
    });
    closed += ids.length;
    if (ids.length < BATCH) return closed;
  }
}

export const closeExpiredJobsDefinition = (deps: { db: Database; clock: Clock }) =>
  defineJob(closeExpiredJobsJob, async (_payload, { logger }) => {
    logger.info('expired jobs closed', { closed: await runCloseExpiredJobs(deps) });
  });
