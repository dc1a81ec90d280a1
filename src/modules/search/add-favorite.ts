/** SR-3: a seeker keeps up to 300 jobs in お気に入り; the 301st is refused. */
import type { Deps } from '../../deps.ts';
import { countFavorites, hasFavorite, insertFavorite, lockSeekerLists } from './seeker-lists.repository.ts';
import { type ListAddOutcome, listOutcome, MAX_FAVORITES } from './seeker-lists.rules.ts';

export async function addFavorite(deps: Deps, seekerId: string, jobId: number): Promise<ListAddOutcome> {
  return deps.db.transaction(async (tx) => {
    await lockSeekerLists(tx, seekerId);
    const outcome = listOutcome(
      await countFavorites(tx, seekerId),
      MAX_FAVORITES,
      await hasFavorite(tx, seekerId, jobId),
    );
    if (outcome === 'added') await insertFavorite(tx, seekerId, jobId, deps.clock.now());
    return outcome;
  });
}
