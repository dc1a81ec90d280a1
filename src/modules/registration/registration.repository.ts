/** Half-finished internet registrations (SPEC MP-10): one draft per account, kept as typed. */
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { registrationDrafts } from '../../db/schema/index.ts';

export type RegistrationDraft = typeof registrationDrafts.$inferSelect;

export async function findDraft(db: Executor, accountId: string): Promise<RegistrationDraft | undefined> {
  const [row] = await db.select().from(registrationDrafts).where(eq(registrationDrafts.accountId, accountId));
  return row;
}

/** The draft, locked for the rest of the transaction (two tabs saving at once do not lose a step). */
export async function findDraftForUpdate(
  db: Executor,
  accountId: string,
): Promise<RegistrationDraft | undefined> {
  const [row] = await db
    .select()
    .from(registrationDrafts)
    .where(eq(registrationDrafts.accountId, accountId))
    .for('update');
  return row;
}

export async function saveDraft(
  db: Executor,
  row: { accountId: string; data: RegistrationDraft['data']; step: string; now: Date },
): Promise<void> {
  await db
    .insert(registrationDrafts)
    .values({ accountId: row.accountId, data: row.data, step: row.step, updatedAt: row.now })
    .onConflictDoUpdate({
      target: registrationDrafts.accountId,
      set: { data: row.data, step: row.step, updatedAt: row.now },
    });
}

export async function deleteDraft(db: Executor, accountId: string): Promise<void> {
  await db.delete(registrationDrafts).where(eq(registrationDrafts.accountId, accountId));
}
