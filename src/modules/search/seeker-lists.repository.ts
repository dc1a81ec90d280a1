import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { favorites, savedSearches, seekers } from '../../db/schema/index.ts';

export type SavedSearch = typeof savedSearches.$inferSelect;

/** Serialises list changes of one seeker (the limits hold under concurrent requests). */
export async function lockSeekerLists(db: Executor, seekerId: string): Promise<void> {
  await db.select({ id: seekers.id }).from(seekers).where(eq(seekers.id, seekerId)).for('update');
}

export function listSavedSearches(db: Executor, seekerId: string): Promise<SavedSearch[]> {
  return db
    .select()
    .from(savedSearches)
    .where(eq(savedSearches.seekerId, seekerId))
    .orderBy(asc(savedSearches.createdAt));
}

export async function countSavedSearches(db: Executor, seekerId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(savedSearches)
    .where(eq(savedSearches.seekerId, seekerId));
  return row?.n ?? 0;
}

export async function insertSavedSearch(
  db: Executor,
  row: { seekerId: string; name: string; query: string; now: Date },
): Promise<void> {
  await db
    .insert(savedSearches)
    .values({ seekerId: row.seekerId, name: row.name, query: row.query, createdAt: row.now });
}

/** Deletes one of the seeker's own saved searches (someone else's id deletes nothing). */
export async function deleteSavedSearch(db: Executor, seekerId: string, id: string): Promise<void> {
  await db.delete(savedSearches).where(and(eq(savedSearches.id, id), eq(savedSearches.seekerId, seekerId)));
}

export async function countFavorites(db: Executor, seekerId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(favorites).where(eq(favorites.seekerId, seekerId));
  return row?.n ?? 0;
}

export async function hasFavorite(db: Executor, seekerId: string, jobId: number): Promise<boolean> {
  const [row] = await db
    .select({ jobId: favorites.jobId })
    .from(favorites)
    .where(and(eq(favorites.seekerId, seekerId), eq(favorites.jobId, jobId)));
  return Boolean(row);
}

export async function insertFavorite(
  db: Executor,
  seekerId: string,
  jobId: number,
  now: Date,
): Promise<void> {
  await db.insert(favorites).values({ seekerId, jobId, createdAt: now }).onConflictDoNothing();
}

export async function deleteFavorite(db: Executor, seekerId: string, jobId: number): Promise<void> {
  await db.delete(favorites).where(and(eq(favorites.seekerId, seekerId), eq(favorites.jobId, jobId)));
}

/** The seeker's favourite job ids, newest first. */
export async function listFavoriteJobIds(db: Executor, seekerId: string): Promise<number[]> {
  const rows = await db
    .select({ jobId: favorites.jobId })
    .from(favorites)
    .where(eq(favorites.seekerId, seekerId))
    .orderBy(desc(favorites.createdAt), desc(favorites.jobId));
  return rows.map((r) => r.jobId);
}

/** Which of these jobs the seeker already keeps. */
export async function favoriteJobIdsAmong(
  db: Executor,
  seekerId: string,
  jobIds: number[],
): Promise<Set<number>> {
  if (jobIds.length === 0) return new Set();
  const rows = await db
    .select({ jobId: favorites.jobId })
    .from(favorites)
    .where(and(eq(favorites.seekerId, seekerId), inArray(favorites.jobId, jobIds)));
  return new Set(rows.map((r) => r.jobId));
}
