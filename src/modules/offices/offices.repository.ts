import { asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { numberSequences, offices } from '../../db/schema/index.ts';

export type Office = typeof offices.$inferSelect;

export function listOffices(db: Executor): Promise<Office[]> {
  return db.select().from(offices).orderBy(asc(offices.code));
}

export async function findOffice(db: Executor, code: string): Promise<Office | undefined> {
  const [row] = await db.select().from(offices).where(eq(offices.code, code));
  return row;
}

export async function insertOffices(db: Executor, rows: (typeof offices.$inferInsert)[]): Promise<void> {
  if (rows.length) await db.insert(offices).values(rows).onConflictDoNothing();
}

/** 求人番号, 求職番号, and 紹介状番号 (AP-6). */
export type NumberKind = 'job' | 'seeker' | 'letter';

/**
 * The next serial for 求人番号 or 求職番号 of an office, atomically (one row per kind and office;
 * concurrent callers get distinct values).
 */
export async function nextSerial(db: Executor, kind: NumberKind, officeCode: string): Promise<number> {
  const scope = `${kind}:${officeCode}`;
  const [row] = await db
    .insert(numberSequences)
    .values({ scope, lastValue: 1 })
    .onConflictDoUpdate({
      target: numberSequences.scope,
      set: { lastValue: sql`${numberSequences.lastValue} + 1` },
    })
    .returning({ value: numberSequences.lastValue });
  return row!.value;
}

/** Raises a counter to at least `value` (after bulk-loading numbered rows). */
export async function raiseSerial(
  db: Executor,
  kind: NumberKind,
  officeCode: string,
  value: number,
): Promise<void> {
  await db
    .insert(numberSequences)
    .values({ scope: `${kind}:${officeCode}`, lastValue: value })
    .onConflictDoUpdate({
      target: numberSequences.scope,
      set: { lastValue: sql`greatest(${numberSequences.lastValue}, excluded.last_value)` },
    });
}

/** NNNNN-NNNNNNNN (SPEC SR-5): office code and an 8-digit serial. */
export function formatNumber(officeCode: string, serial: number): string {
  return `${officeCode}-${String(serial).padStart(8, '0')}`;
}
