/**
 * 求人検索 (SPEC SR-1, SR-6): runs the plan of valid conditions, loads the result cards the viewer
 * may see (staff see what 公開範囲 hides from the public), and for a seeker which of them are
 * already お気に入り (SR-3).
 */
import type { Ports } from '../../deps.ts';
import { tokyoDate } from '../../platform/dates.ts';
import { type CardAudience, type JobCardView, loadJobCards } from '../jobs/job-view.ts';
import { type AcceptedWindow, planSearch } from './search.plan.ts';
import { searchJobs } from './search.query.ts';
import type { SearchConditions } from './search.schemas.ts';
import { favoriteJobIdsAmong } from './seeker-lists.repository.ts';

export interface SearchResults {
  /** Matches counted, at most MAX_RESULTS + 1. */
  total: number;
  /** More than MAX_RESULTS matched. */
  capped: boolean;
  cards: JobCardView[];
  /** The ids among the cards that the seeker keeps in お気に入り (empty for anyone else). */
  favorites: Set<number>;
  page: number;
  per: number;
}

export async function runSearch(
  deps: Ports<'db' | 'clock'>,
  input: {
    conditions: SearchConditions;
    audience: CardAudience;
    seekerId?: string;
    /** Only jobs accepted within these days (新着求人 alerts, ADR 0025). */
    accepted?: AcceptedWindow;
  },
): Promise<SearchResults> {
  const { db, clock } = deps;
  const now = clock.now();
  const today = tokyoDate(now);
  const plan = planSearch(input.conditions, today, input.accepted);
  const hits = await searchJobs(db, plan, now.getTime());
  const cards = await loadJobCards(db, hits.jobIds, input.audience, today);
  const favorites = input.seekerId
    ? await favoriteJobIdsAmong(db, input.seekerId, hits.jobIds)
    : new Set<number>();
  return { total: hits.total, capped: hits.capped, cards, favorites, page: plan.page, per: plan.perPage };
}
