/** SR-2: a seeker keeps up to 3 named search-condition patterns. */
import type { Deps } from '../../deps.ts';
import { countSavedSearches, insertSavedSearch, lockSeekerLists } from './seeker-lists.repository.ts';
import { type ListAddOutcome, listOutcome, MAX_SAVED_SEARCHES } from './seeker-lists.rules.ts';

export async function saveSearch(
  deps: Deps,
  input: { seekerId: string; name: string; query: string },
): Promise<Exclude<ListAddOutcome, 'already'>> {
  return deps.db.transaction(async (tx) => {
    await lockSeekerLists(tx, input.seekerId);
    const outcome = listOutcome(await countSavedSearches(tx, input.seekerId), MAX_SAVED_SEARCHES);
    if (outcome === 'added') {
      await insertSavedSearch(tx, { ...input, now: deps.clock.now() });
    }
    return outcome === 'already' ? 'added' : outcome;
  });
}
