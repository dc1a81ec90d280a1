import { and, eq, gt, lt } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { keptForms } from '../../db/schema/index.ts';
import { KEPT_FORM_MS } from './session.rules.ts';

export interface KeptForm {
  path: string;
  fields: [string, string][];
  expiresAt: Date;
}

/** Holds a form for the account; a newer one replaces an older one. */
export async function keepForm(
  db: Executor,
  row: { accountId: string; path: string; fields: [string, string][]; now: Date },
): Promise<void> {
  const values = {
    path: row.path,
    fields: row.fields,
    createdAt: row.now,
    expiresAt: new Date(row.now.getTime() + KEPT_FORM_MS),
  };
  await db
    .insert(keptForms)
    .values({ accountId: row.accountId, ...values })
    .onConflictDoUpdate({ target: keptForms.accountId, set: values });
}

export async function findKeptForm(
  db: Executor,
  accountId: string,
  now: Date,
): Promise<KeptForm | undefined> {
  const [row] = await db
    .select({ path: keptForms.path, fields: keptForms.fields, expiresAt: keptForms.expiresAt })
    .from(keptForms)
    .where(and(eq(keptForms.accountId, accountId), gt(keptForms.expiresAt, now)));
  return row;
}

export async function deleteKeptForm(db: Executor, accountId: string): Promise<void> {
  await db.delete(keptForms).where(eq(keptForms.accountId, accountId));
}

export async function deleteExpiredKeptForms(db: Executor, now: Date): Promise<number> {
  const removed = await db
    .delete(keptForms)
    .where(lt(keptForms.expiresAt, now))
    .returning({ accountId: keptForms.accountId });
  return removed.length;
}
