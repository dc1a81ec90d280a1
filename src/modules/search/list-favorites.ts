/** SR-3: the seeker's お気に入り as result cards (SR-6), newest first, as the public sees them. */
import type { Ports } from '../../deps.ts';
import { tokyoDate } from '../../platform/dates.ts';
import { type JobCardView, loadJobCards } from '../jobs/job-view.ts';
import { listFavoriteJobIds } from './seeker-lists.repository.ts';

export async function listFavorites(deps: Ports<'db' | 'clock'>, seekerId: string): Promise<JobCardView[]> {
  const ids = await listFavoriteJobIds(deps.db, seekerId);
  return loadJobCards(deps.db, ids, 'public', tokyoDate(deps.clock.now()));
}
