import { and, eq, gte, isNotNull, isNull, lte, ne, or } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { accounts, seekers } from '../../db/schema/index.ts';
import type { LocalDate } from '../../platform/dates.ts';
import { normalizeEmail } from '../accounts/accounts.repository.ts';

export type Seeker = typeof seekers.$inferSelect;
export type NewSeeker = typeof seekers.$inferInsert;

export async function insertSeeker(db: Executor, row: NewSeeker): Promise<Seeker> {
  const [seeker] = await db.insert(seekers).values(row).returning();
  return seeker!;
}

export async function findSeeker(db: Executor, id: string): Promise<Seeker | undefined> {
  const [row] = await db.select().from(seekers).where(eq(seekers.id, id));
  return row;
}

export async function findSeekerByAccount(db: Executor, accountId: string): Promise<Seeker | undefined> {
  const [row] = await db.select().from(seekers).where(eq(seekers.accountId, accountId));
  return row;
}

/** The seeker with their login e-mail. */
export async function findSeekerWithEmail(db: Executor, id: string) {
  const [row] = await db
    .select({ seeker: seekers, email: accounts.email, openedAt: accounts.openedAt })
    .from(seekers)
    .innerJoin(accounts, eq(accounts.id, seekers.accountId))
    .where(eq(seekers.id, id));
  return row;
}

/** The seeker whose login is this e-mail address (compared normalised), if any. */
export async function findSeekerByEmail(db: Executor, email: string): Promise<Seeker | undefined> {
  const [row] = await db
    .select({ seeker: seekers })
    .from(seekers)
    .innerJoin(accounts, eq(accounts.id, seekers.accountId))
    .where(and(eq(accounts.role, 'seeker'), eq(accounts.email, normalizeEmail(email))));
  return row?.seeker;
}

/** MP-8: the seeker's own 有効/無効 switch. */
export async function setSeekerActive(db: Executor, id: string, active: boolean, now: Date): Promise<void> {
  await db.update(seekers).set({ active, updatedAt: now }).where(eq(seekers.id, id));
}

/** MP-8: the seeker's 求職情報. */
export async function updateSeekerDesired(
  db: Executor,
  id: string,
  desired: Seeker['desired'],
  now: Date,
): Promise<void> {
  await db.update(seekers).set({ desired, updatedAt: now }).where(eq(seekers.id, id));
}

/**
 * MP-9: active seekers whose MyPage is open and whose registration ends between today and
 * `windowEnd`, not yet warned for that end date.
 */
export function listExpiryWarningCandidates(db: Executor, today: LocalDate, windowEnd: LocalDate) {
  return db
    .select({
      id: seekers.id,
      accountId: seekers.accountId,
      name: seekers.name,
      active: seekers.active,
      validUntil: seekers.validUntil,
      expiryWarnedFor: seekers.expiryWarnedFor,
    })
    .from(seekers)
    .innerJoin(accounts, eq(accounts.id, seekers.accountId))
    .where(
      and(
        eq(seekers.active, true),
        gte(seekers.validUntil, today),
        lte(seekers.validUntil, windowEnd),
        or(isNull(seekers.expiryWarnedFor), ne(seekers.expiryWarnedFor, seekers.validUntil)),
        isNotNull(accounts.openedAt),
      ),
    );
}

/** MP-9: the lapse warning was sent for this end date (an extension re-arms it). */
export async function markExpiryWarned(db: Executor, id: string, validUntil: LocalDate): Promise<void> {
  await db.update(seekers).set({ expiryWarnedFor: validUntil }).where(eq(seekers.id, id));
}
