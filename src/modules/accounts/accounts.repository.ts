import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { accounts, type Role } from '../../db/schema/index.ts';
import type { Locale } from '../../i18n/index.ts';
import { isLocked } from './login.rules.ts';

export type Account = typeof accounts.$inferSelect;

/** E-mail addresses are compared in one form: NFKC, trimmed, lower-case. */
export const normalizeEmail = (email: string) => email.normalize('NFKC').trim().toLowerCase();

export async function insertAccount(
  db: Executor,
  row: {
    role: Role;
    email: string;
    passwordHash?: string | null;
    openedAt?: Date | null;
    locale?: Locale;
    now: Date;
  },
): Promise<Account> {
  const [account] = await db
    .insert(accounts)
    .values({
      role: row.role,
      email: normalizeEmail(row.email),
      passwordHash: row.passwordHash ?? null,
      openedAt: row.openedAt ?? null,
      ...(row.locale ? { locale: row.locale } : {}),
      passwordChangedAt: row.passwordHash ? row.now : null,
      createdAt: row.now,
      updatedAt: row.now,
    })
    .returning();
  return account!;
}

export async function findAccountByEmail(
  db: Executor,
  role: Role,
  email: string,
): Promise<Account | undefined> {
  const [row] = await db
    .select()
    .from(accounts)
    .where(and(eq(accounts.role, role), eq(accounts.email, normalizeEmail(email))));
  return row;
}

export async function findAccount(db: Executor, id: string): Promise<Account | undefined> {
  const [row] = await db.select().from(accounts).where(eq(accounts.id, id));
  return row;
}

export async function emailTaken(db: Executor, role: Role, email: string): Promise<boolean> {
  return (await findAccountByEmail(db, role, email)) !== undefined;
}

/** Sets the password; the first time also opens MyPage. Clears any lock. */
export async function setPassword(db: Executor, id: string, passwordHash: string, now: Date): Promise<void> {
  await db
    .update(accounts)
    .set({
      passwordHash,
      passwordChangedAt: now,
      openedAt: sql`coalesce(${accounts.openedAt}, ${now.toISOString()}::timestamptz)`,
      failedLoginCount: 0,
      lockedUntil: null,
      updatedAt: now,
    })
    .where(eq(accounts.id, id));
}

export async function recordLoginSuccess(db: Executor, id: string, now: Date): Promise<void> {
  await db
    .update(accounts)
    .set({ failedLoginCount: 0, lockedUntil: null, lastLoginAt: now, updatedAt: now })
    .where(eq(accounts.id, id));
}

export type LoginAttempt =
  | { kind: 'locked' }
  /** `attempt` is this guess's number among the consecutive failures, counted before verifying. */
  | { kind: 'counted'; attempt: number };

/**
 * Counts a sign-in guess before the password is verified (SPEC MP-5), so that concurrent guesses
 * cannot all pass a check made before any of them was counted. The row is locked while it is
 * read and written; a guess that brings the count to the lock threshold sets the lock in the
 * same write. A locked account counts nothing and answers `locked`. A correct password clears the
 * count and the lock afterwards (recordLoginSuccess), so a failure counted before a success can
 * never lock the owner out later: failures write nothing after verification.
 */
export async function countLoginAttempt(
  db: Executor,
  id: string,
  now: Date,
  lockedUntilAfter: (failures: number, now: Date) => Date | null,
): Promise<LoginAttempt> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ failures: accounts.failedLoginCount, lockedUntil: accounts.lockedUntil })
      .from(accounts)
      .where(eq(accounts.id, id))
      .for('update');
    if (!row) return { kind: 'locked' };
    if (isLocked(row.lockedUntil, now)) return { kind: 'locked' };
    const attempt = row.failures + 1;
    await tx
      .update(accounts)
      .set({ failedLoginCount: attempt, lockedUntil: lockedUntilAfter(attempt, now) ?? row.lockedUntil })
      .where(eq(accounts.id, id));
    return { kind: 'counted', attempt };
  });
}

export async function setMfa(db: Executor, id: string, enabled: boolean, now: Date): Promise<void> {
  await db.update(accounts).set({ mfaEnabled: enabled, updatedAt: now }).where(eq(accounts.id, id));
}
