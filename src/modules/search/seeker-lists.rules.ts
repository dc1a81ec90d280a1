/** Limits of a seeker's lists (SPEC SR-2, SR-3). Pure. */
export const MAX_SAVED_SEARCHES = 3;
export const MAX_FAVORITES = 300;
export const SAVED_SEARCH_NAME_MAX = 30;

export type ListAddOutcome = 'added' | 'already' | 'full';

/** Whether one more item fits: `count` is how many the seeker has now. */
export function listOutcome(count: number, max: number): Exclude<ListAddOutcome, 'already'>;
export function listOutcome(count: number, max: number, alreadyThere: boolean): ListAddOutcome;
export function listOutcome(count: number, max: number, alreadyThere = false): ListAddOutcome {
  if (alreadyThere) return 'already';
  return count >= max ? 'full' : 'added';
}
