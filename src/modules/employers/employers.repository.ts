import { asc, desc, eq, ilike, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { accounts, employers } from '../../db/schema/index.ts';

export type Employer = typeof employers.$inferSelect;
export type NewEmployer = typeof employers.$inferInsert;

export async function insertEmployer(db: Executor, row: NewEmployer): Promise<Employer> {
  const [employer] = await db.insert(employers).values(row).returning();
  return employer!;
}

export async function findEmployer(db: Executor, id: string): Promise<Employer | undefined> {
  const [row] = await db.select().from(employers).where(eq(employers.id, id));
  return row;
}

export async function findEmployerByAccount(db: Executor, accountId: string): Promise<Employer | undefined> {
  const [row] = await db.select().from(employers).where(eq(employers.accountId, accountId));
  return row;
}

export async function findEmployerByNumber(
  db: Executor,
  establishmentNumber: string,
): Promise<Employer | undefined> {
  const [row] = await db
    .select()
    .from(employers)
    .where(eq(employers.establishmentNumber, establishmentNumber));
  return row;
}

export async function markEmployerMyPageOpened(db: Executor, accountId: string, now: Date): Promise<void> {
  await db
    .update(employers)
    .set({
      mypageOpenedAt: sql`coalesce(${employers.mypageOpenedAt}, ${now.toISOString()}::timestamptz)`,
      updatedAt: now,
    })
    .where(eq(employers.accountId, accountId));
}

export async function findEmployerWithEmail(db: Executor, id: string) {
  const [row] = await db
    .select({ employer: employers, email: accounts.email, openedAt: accounts.openedAt })
    .from(employers)
    .leftJoin(accounts, eq(accounts.id, employers.accountId))
    .where(eq(employers.id, id));
  return row;
}

/** Staff list: by name, kana or number, newest first when no query. */
export async function listEmployers(db: Executor, query: string, limit = 50) {
  const q = query.trim();
  return db
    .select({ employer: employers, email: accounts.email })
    .from(employers)
    .leftJoin(accounts, eq(accounts.id, employers.accountId))
    .where(
      q
        ? or(
            ilike(employers.name, `%${q}%`),
            ilike(employers.nameKana, `%${q}%`),
            eq(employers.establishmentNumber, q),
            eq(accounts.email, q.toLowerCase()),
          )
        : undefined,
    )
    .orderBy(q ? asc(employers.name) : desc(employers.createdAt))
    .limit(limit);
}
