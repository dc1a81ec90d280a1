/**
 * The lookups of opening MyPage (SPEC MP-2..MP-4): an account registered by staff, found by its
 * e-mail address (already normalised) together with its proof, and the unopened account of step ④.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { accounts, employers, seekers } from '../../db/schema/index.ts';

export interface Openable {
  accountId: string;
  openedAt: Date | null;
  name: string;
}

/** A seeker registered at an office with this address and 生年月日. */
export async function findOpenableSeeker(
  db: Executor,
  email: string,
  birthDate: string,
): Promise<Openable | undefined> {
  const [row] = await db
    .select({ accountId: accounts.id, openedAt: accounts.openedAt, name: seekers.name })
    .from(accounts)
    .innerJoin(seekers, eq(seekers.accountId, accounts.id))
    .where(
      and(
        eq(accounts.role, 'seeker'),
        eq(accounts.email, email),
        eq(seekers.kind, 'registered'),
        eq(seekers.birthDate, birthDate),
      ),
    );
  return row;
}

/** An employer registered by staff with this login address and 事業所番号. */
export async function findOpenableEmployer(
  db: Executor,
  email: string,
  establishmentNumber: string,
): Promise<Openable | undefined> {
  const [row] = await db
    .select({ accountId: accounts.id, openedAt: accounts.openedAt, name: employers.name })
    .from(accounts)
    .innerJoin(employers, eq(employers.accountId, accounts.id))
    .where(
      and(
        eq(accounts.role, 'employer'),
        eq(accounts.email, email),
        eq(employers.establishmentNumber, establishmentNumber),
      ),
    );
  return row;
}

/** The id of the account of this role and address whose MyPage is not open yet. */
export async function findUnopenedAccountId(
  db: Executor,
  role: 'seeker' | 'employer',
  email: string,
): Promise<string | undefined> {
  const [row] = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.role, role), eq(accounts.email, email), isNull(accounts.openedAt)));
  return row?.id;
}
