import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { accounts, seekers } from '../../db/schema/index.ts';
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
