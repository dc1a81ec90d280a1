import { and, eq, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { type VerificationPurpose, verifications } from '../../db/schema/index.ts';

export type Verification = typeof verifications.$inferSelect;

/** Stores a new code for (purpose, target), replacing any earlier one and its attempt count. */
export async function putVerification(
  db: Executor,
  row: { purpose: VerificationPurpose; target: string; codeHash: string; expiresAt: Date; now: Date },
): Promise<void> {
  await db
    .insert(verifications)
    .values({
      purpose: row.purpose,
      target: row.target,
      codeHash: row.codeHash,
      expiresAt: row.expiresAt,
      createdAt: row.now,
    })
    .onConflictDoUpdate({
      target: [verifications.purpose, verifications.target],
      set: { codeHash: row.codeHash, expiresAt: row.expiresAt, createdAt: row.now, attempts: 0 },
    });
}

/** The live code row, locked for this transaction so concurrent guesses are counted one by one. */
export async function findVerificationForUpdate(
  db: Executor,
  purpose: VerificationPurpose,
  target: string,
): Promise<Verification | undefined> {
  const [row] = await db
    .select()
    .from(verifications)
    .where(and(eq(verifications.purpose, purpose), eq(verifications.target, target)))
    .for('update');
  return row;
}

export async function countWrongAttempt(db: Executor, id: string): Promise<void> {
  await db
    .update(verifications)
    .set({ attempts: sql`${verifications.attempts} + 1` })
    .where(eq(verifications.id, id));
}

export async function deleteVerification(db: Executor, id: string): Promise<void> {
  await db.delete(verifications).where(eq(verifications.id, id));
}

export async function deleteExpiredVerifications(db: Executor, now: Date): Promise<number> {
  const removed = await db
    .delete(verifications)
    .where(lt(verifications.expiresAt, now))
    .returning({ id: verifications.id });
  return removed.length;
}
