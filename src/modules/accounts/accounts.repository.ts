import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { accounts, type Role } from '../../db/schema/index.ts';
import type { Locale } from '../../i18n/index.ts';

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

/** Counts a failure; returns the new consecutive-failure count. */
export async function recordLoginFailure(
  db: Executor,
  id: string,
  lockedUntil: (failures: number) => Date | null,
): Promise<number> {
  const [row] = await db
    .update(accounts)
    .set({ failedLoginCount: sql`${accounts.failedLoginCount} + 1` })
    .where(eq(accounts.id, id))
    .returning({ failures: accounts.failedLoginCount });
  const failures = row?.failures ?? 0;
  const until = lockedUntil(failures);
  if (until) await db.update(accounts).set({ lockedUntil: until }).where(eq(accounts.id, id));
  return failures;
}

export async function setMfa(db: Executor, id: string, enabled: boolean, now: Date): Promise<void> {
  await db.update(accounts).set({ mfaEnabled: enabled, updatedAt: now }).where(eq(accounts.id, id));
}
