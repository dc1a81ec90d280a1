/** SR-3: the seeker takes a job out of お気に入り, named by its 求人番号; an unknown number does nothing. */
import type { Ports } from '../../deps.ts';
import { JOB_NUMBER } from '../jobs/job.schemas.ts';
import { findJobByNumber } from '../jobs/jobs.repository.ts';
import { deleteFavorite } from './seeker-lists.repository.ts';

export async function removeFavorite(
  deps: Ports<'db'>,
  input: { seekerId: string; jobNumber: string },
): Promise<void> {
  const { db } = deps;
  const job = JOB_NUMBER.test(input.jobNumber)
    ? (await findJobByNumber(db, input.jobNumber))?.job
    : undefined;
  if (job) await deleteFavorite(db, input.seekerId, job.id);
}
