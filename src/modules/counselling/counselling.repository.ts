/** 職業相談 records (SPEC ST-1). Referrals read the latest one (OR-2). */
import { desc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { counsellingSessions, staffMembers } from '../../db/schema/index.ts';
import type { LocalDate } from '../../platform/dates.ts';

export type CounsellingSession = typeof counsellingSessions.$inferSelect;

export async function insertCounselling(
  db: Executor,
  row: {
    seekerId: string;
    staffId: string;
    heldOn: LocalDate;
    desiredConditions: string;
    notes: string;
    now: Date;
  },
): Promise<CounsellingSession> {
  const [session] = await db
    .insert(counsellingSessions)
    .values({
      seekerId: row.seekerId,
      staffId: row.staffId,
      heldOn: row.heldOn,
      desiredConditions: row.desiredConditions,
      notes: row.notes,
      createdAt: row.now,
    })
    .returning();
  return session!;
}

/** A seeker's sessions with the recording staff member's name, newest first. */
export function listCounselling(db: Executor, seekerId: string) {
  return db
    .select({
      id: counsellingSessions.id,
      heldOn: counsellingSessions.heldOn,
      desiredConditions: counsellingSessions.desiredConditions,
      notes: counsellingSessions.notes,
      createdAt: counsellingSessions.createdAt,
      staffName: staffMembers.name,
    })
    .from(counsellingSessions)
    .innerJoin(staffMembers, eq(staffMembers.id, counsellingSessions.staffId))
    .where(eq(counsellingSessions.seekerId, seekerId))
    .orderBy(desc(counsellingSessions.heldOn), desc(counsellingSessions.createdAt));
}

/** The date of the seeker's most recent session, if any (OR-2: fit can only be judged after a recent one). */
export async function latestCounsellingOn(db: Executor, seekerId: string): Promise<LocalDate | undefined> {
  const [row] = await db
    .select({ heldOn: counsellingSessions.heldOn })
    .from(counsellingSessions)
    .where(eq(counsellingSessions.seekerId, seekerId))
    .orderBy(desc(counsellingSessions.heldOn))
    .limit(1);
  return row?.heldOn;
}
