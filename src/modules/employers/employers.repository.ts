import { desc, eq, ilike, or, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client.ts';
import { accounts, employers } from '../../db/schema/index.ts';
import { likeEscape } from '../../db/sql-helpers.ts';
import { foldDashes, isUuid, toKatakana } from '../../platform/text.ts';

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

/** The employer's row, locked until the transaction ends. */
export async function lockEmployer(db: Executor, id: string): Promise<Employer | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db.select().from(employers).where(eq(employers.id, id)).for('update');
  return row;
}

export async function setEmployerAccount(
  db: Executor,
  id: string,
  accountId: string,
  now: Date,
): Promise<void> {
  await db.update(employers).set({ accountId, updatedAt: now }).where(eq(employers.id, id));
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

/** The staff console's view of one employer (with its login e-mail); undefined for an unknown id. */
export async function findEmployerForStaff(db: Executor, id: string) {
  if (!isUuid(id)) return undefined;
  return findEmployerWithEmail(db, id);
}

/**
 * Staff list: by 事業所名, カナ (spaces ignored, hiragana accepted), 事業所番号 (prefix, hyphens
 * optional) or login e-mail; newest first. Returns at most `limit` rows.
 */
export async function listEmployers(db: Executor, query: string, limit = 50) {
  const q = query.normalize('NFKC').trim();
  const compact = q.replace(/\s+/g, '');
  const digits = foldDashes(q).replace(/[-\s]/g, '');
  return db
    .select({ employer: employers, email: accounts.email })
    .from(employers)
    .leftJoin(accounts, eq(accounts.id, employers.accountId))
    .where(
      q
        ? or(
            sql`replace(${employers.name}, ' ', '') ilike ${`%${likeEscape(compact)}%`}`,
            sql`replace(${employers.nameKana}, ' ', '') ilike ${`%${likeEscape(toKatakana(compact))}%`}`,
            /^\d+$/.test(digits)
              ? sql`replace(${employers.establishmentNumber}, '-', '') like ${`${digits}%`}`
              : undefined,
            ilike(accounts.email, `%${likeEscape(q.toLowerCase())}%`),
          )
        : undefined,
    )
    .orderBy(desc(employers.createdAt), desc(employers.establishmentNumber))
    .limit(limit);
}

/**
 * The smallest free 6-digit serial under a 4-digit 事業所番号 prefix (see establishment-number.ts),
 * or null when all 999,999 are taken. Run it in the registering transaction; the unique index on
 * establishment_number settles a race between two registrations.
 */
export async function nextEstablishmentSerial(db: Executor, prefix: string): Promise<number | null> {
  const rows = await queryRows<{ next: number | null }>(
    db,
    sql`
      with used as (
        select substring(establishment_number from 6 for 6)::int as n
        from employers
        where establishment_number like ${`${prefix}-%`} and establishment_number ~ ${'^[0-9]{4}-[0-9]{6}-[0-9]$'}
      )
      select case
        when not exists (select 1 from used where n = 1) then 1
        else (
          select min(u.n + 1) from used u
          where u.n < 999999 and not exists (select 1 from used v where v.n = u.n + 1)
        )
      end as next`,
  );
  const next = rows[0]?.next;
  return next === null || next === undefined ? null : Number(next);
}
