/**
 * One's own history to take away (issue 16, ADR 0026): what the downloads of 求職者情報・設定 hold,
 * read for the signed-in seeker only (every query is scoped by their id).
 */
import type { Ports } from '../../deps.ts';
import { listSavedSearches, type SavedSearch } from '../search/seeker-lists.repository.ts';
import {
  type BookedInterviewRow,
  type FavoriteJobRow,
  listBookedInterviews,
  listFavoriteJobs,
  listHistoryApplications,
  listHistoryReferrals,
} from './history.repository.ts';
import { type ActivityRecord, activityRecords } from './history.rules.ts';

/** HI-1..HI-3: applications and referral targets, oldest first. */
export async function readActivity(deps: Ports<'db' | 'clock'>, seekerId: string): Promise<ActivityRecord[]> {
  const apps = await listHistoryApplications(deps.db, seekerId);
  const targets = await listHistoryReferrals(deps.db, seekerId);
  return activityRecords(apps, targets, deps.clock.now());
}

/** HI-4: the interviews the seeker booked and that are still booked, in time order. */
export function readBookedInterviews(deps: Ports<'db'>, seekerId: string): Promise<BookedInterviewRow[]> {
  return listBookedInterviews(deps.db, seekerId);
}

/** HI-5: お気に入り (newest first) and the saved search conditions (in the order saved). */
export async function readSeekerLists(
  deps: Ports<'db'>,
  seekerId: string,
): Promise<{ favorites: FavoriteJobRow[]; searches: SavedSearch[] }> {
  const favorites = await listFavoriteJobs(deps.db, seekerId);
  const searches = await listSavedSearches(deps.db, seekerId);
  return { favorites, searches };
}
