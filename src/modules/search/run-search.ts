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
import { findIndexedBodies } from './search.repository.ts';
import type { SearchConditions } from './search.schemas.ts';
import { readingOnlyWords } from './search-index.ts';
import { favoriteJobIdsAmong } from './seeker-lists.repository.ts';

export interface SearchResults {
  /** Matches counted, at most MAX_RESULTS + 1. */
  total: number;
  /** More than MAX_RESULTS matched. */
  capped: boolean;
  cards: JobCardView[];
  /** The ids among the cards that the seeker keeps in お気に入り (empty for anyone else). */
  favorites: Set<number>;
  /**
   * For a card found by the reading of its text (ADR 0035): the keywords (normalised, katakana) it
   * holds only in that reading, by job id. Cards whose keywords are all in their text are absent.
   */
  readingMatches: Map<number, string[]>;
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
  const readingMatches = await findReadingMatches(deps.db, hits.jobIds, plan.keywords.words);
  return {
    total: hits.total,
    capped: hits.capped,
    cards,
    favorites,
    readingMatches,
    page: plan.page,
    per: plan.perPage,
  };
}

async function findReadingMatches(
  db: Ports<'db'>['db'],
  jobIds: number[],
  words: string[],
): Promise<Map<number, string[]>> {
  const found = new Map<number, string[]>();
  if (words.length === 0) return found;
  for (const [jobId, body] of await findIndexedBodies(db, jobIds)) {
    const only = readingOnlyWords(body, words);
    if (only.length > 0) found.set(jobId, only);
  }
  return found;
}
