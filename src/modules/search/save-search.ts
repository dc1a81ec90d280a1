/**
 * SR-2: a seeker keeps up to 3 named search-condition patterns. The query must be a valid search
 * (anything else is not saved); without a name the pattern is called by its number
 * (検索条件1, 検索条件2, … in the seeker's language, from `defaultName`).
 */
import type { Ports } from '../../deps.ts';
import { searchSchema, searchValues } from './search.schemas.ts';
import { countSavedSearches, insertSavedSearch, lockSeekerLists } from './seeker-lists.repository.ts';
import { type ListAddOutcome, listOutcome, MAX_SAVED_SEARCHES } from './seeker-lists.rules.ts';

export type SaveSearchOutcome = Exclude<ListAddOutcome, 'already'> | 'invalid_query';

export async function saveSearch(
  deps: Ports<'db' | 'clock'>,
  input: { seekerId: string; name?: string; query: string; defaultName: (n: number) => string },
): Promise<SaveSearchOutcome> {
  if (!searchSchema.safeParse(searchValues(new URLSearchParams(input.query))).success) return 'invalid_query';
  return deps.db.transaction(async (tx) => {
    await lockSeekerLists(tx, input.seekerId);
    const count = await countSavedSearches(tx, input.seekerId);
    const outcome = listOutcome(count, MAX_SAVED_SEARCHES);
    if (outcome === 'added') {
      await insertSavedSearch(tx, {
        seekerId: input.seekerId,
        name: input.name || input.defaultName(count + 1),
        query: input.query,
        now: deps.clock.now(),
      });
    }
    return outcome;
  });
}
