/** SR-2: the seeker deletes one of their own saved searches; someone else's id does nothing. */
import type { Ports } from '../../deps.ts';
import { deleteSavedSearch } from './seeker-lists.repository.ts';

export async function removeSavedSearch(
  deps: Ports<'db'>,
  input: { seekerId: string; id: string },
): Promise<void> {
  await deleteSavedSearch(deps.db, input.seekerId, input.id);
}
