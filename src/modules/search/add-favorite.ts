/**
 * SR-3: a seeker keeps up to 300 jobs in お気に入り; the 301st is refused. Only a job that is in
 * search (open, public, before its 紹介期限日) can be added, named by its 求人番号.
 */
import type { Ports } from '../../deps.ts';
import { tokyoDate } from '../../platform/dates.ts';
import { JOB_NUMBER } from '../jobs/job.schemas.ts';
import { findJobByNumber } from '../jobs/jobs.repository.ts';
import { isSearchable } from './reindex-job.ts';
import { countFavorites, hasFavorite, insertFavorite, lockSeekerLists } from './seeker-lists.repository.ts';
import { type ListAddOutcome, listOutcome, MAX_FAVORITES } from './seeker-lists.rules.ts';

export type AddFavoriteOutcome = ListAddOutcome | 'unknown_job';

export async function addFavorite(
  deps: Ports<'db' | 'clock'>,
  input: { seekerId: string; jobNumber: string },
): Promise<AddFavoriteOutcome> {
  const { db, clock } = deps;
  const number = input.jobNumber.normalize('NFKC').trim();
  const job = JOB_NUMBER.test(number) ? (await findJobByNumber(db, number))?.job : undefined;
  if (!job || !isSearchable(job, tokyoDate(clock.now()))) return 'unknown_job';
  return db.transaction(async (tx) => {
    await lockSeekerLists(tx, input.seekerId);
    const outcome = listOutcome(
      await countFavorites(tx, input.seekerId),
      MAX_FAVORITES,
      await hasFavorite(tx, input.seekerId, job.id),
    );
    if (outcome === 'added') await insertFavorite(tx, input.seekerId, job.id, clock.now());
    return outcome;
  });
}
