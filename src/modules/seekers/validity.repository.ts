/**
 * The one way a registration's end date is set or moved (SPEC MP-9, ADR 0012): the seeker's
 * valid_until and a row of its history, written together in the caller's transaction. Every use
 * case that sets or extends validity (求職申込 at the office or on the internet, 職業相談, 再開, and
 * later 紹介 and オンライン自主応募) calls changeValidUntil; nothing else writes valid_until.
 */
import { desc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { registrationValidityHistory, seekers, staffMembers } from '../../db/schema/index.ts';
import type { ValidityCause } from '../../domain/vocabulary.ts';
import type { LocalDate } from '../../platform/dates.ts';

export interface ValidityChange {
  seekerId: string;
  /** The end date before the change; null when the registration is being created. */
  from: LocalDate | null;
  to: LocalDate;
  cause: ValidityCause;
  /** The record that caused it (a 職業相談, a referral, an application), if any. */
  sourceId?: string | null;
  /** The account of whoever made the change (staff, or the seeker); null for the system. */
  byAccountId: string | null;
  now: Date;
  /** Columns of the seeker row to set with it (a renewal switches the registration back on). */
  alsoSet?: Partial<Pick<typeof seekers.$inferInsert, 'active' | 'expiryWarnedFor'>>;
}

export async function changeValidUntil(db: Executor, change: ValidityChange): Promise<void> {
  await db
    .update(seekers)
    .set({ validUntil: change.to, ...change.alsoSet, updatedAt: change.now })
    .where(eq(seekers.id, change.seekerId));
  await db.insert(registrationValidityHistory).values({
    seekerId: change.seekerId,
    previousValidUntil: change.from,
    validUntil: change.to,
    cause: change.cause,
    sourceId: change.sourceId ?? null,
    changedAt: change.now,
    changedBy: change.byAccountId,
  });
}

export type ValidityHistoryRow = Awaited<ReturnType<typeof listValidityHistory>>[number];

/** A seeker's validity history, newest first, with the staff member's name when staff changed it. */
export function listValidityHistory(db: Executor, seekerId: string) {
  return db
    .select({
      id: registrationValidityHistory.id,
      previousValidUntil: registrationValidityHistory.previousValidUntil,
      validUntil: registrationValidityHistory.validUntil,
      cause: registrationValidityHistory.cause,
      sourceId: registrationValidityHistory.sourceId,
      changedAt: registrationValidityHistory.changedAt,
      changedBy: registrationValidityHistory.changedBy,
      staffName: staffMembers.name,
    })
    .from(registrationValidityHistory)
    .leftJoin(staffMembers, eq(staffMembers.accountId, registrationValidityHistory.changedBy))
    .where(eq(registrationValidityHistory.seekerId, seekerId))
    .orderBy(desc(registrationValidityHistory.changedAt), desc(registrationValidityHistory.validUntil));
}
