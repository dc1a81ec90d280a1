/**
 * The top page's 「現在の求人数」 (issue 13 "no whole-table work per view"): counting the open jobs
 * scans the postings table, so a process counts at most once per OPEN_JOB_COUNT_MAX_AGE_MS and every
 * view in between shows that figure — a bound of one minute on a number that only informs. Views that
 * arrive while a count runs share it. A new Tokyo day counts again at once (the 紹介期限日 of
 * yesterday's jobs has passed). A failed count is not kept.
 */
import type { Executor } from '../../db/client.ts';
import { tokyoDate } from '../../platform/dates.ts';
import { countSearchableJobs } from './jobs.repository.ts';

export const OPEN_JOB_COUNT_MAX_AGE_MS = 60_000;

interface Entry {
  day: string;
  at: number;
  count: Promise<number>;
}

/** Pure: whether a count taken at `entry` may still be shown at `now`. */
export function countIsFresh(
  entry: { day: string; at: number } | undefined,
  now: Date,
  maxAgeMs: number,
): boolean {
  if (entry === undefined || entry.day !== tokyoDate(now)) return false;
  const age = now.getTime() - entry.at;
  // A clock set back counts again rather than keeping the figure until it catches up.
  return age >= 0 && age < maxAgeMs;
}

const counts = new WeakMap<Executor, Entry>();

export function openJobCount(db: Executor, now: Date, maxAgeMs = OPEN_JOB_COUNT_MAX_AGE_MS): Promise<number> {
  const entry = counts.get(db);
  if (entry && countIsFresh(entry, now, maxAgeMs)) return entry.count;
  const count = countSearchableJobs(db, now);
  const fresh: Entry = { day: tokyoDate(now), at: now.getTime(), count };
  counts.set(db, fresh);
  count.catch(() => {
    if (counts.get(db) === fresh) counts.delete(db);
  });
  return count;
}
