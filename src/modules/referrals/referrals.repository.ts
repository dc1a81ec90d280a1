/**
 * オンラインハローワーク紹介 targets (ADR 0016). The live condition (liveWhere) is referral.rules.ts's
 * isReferralLive in SQL: stored `sent`, 応募期限日 not before today (Tokyo) and the job 有効 — so a
 * target past its day, or whose job was withdrawn, is never read as live, whatever the page.
 */
import { and, count, desc, eq, gte, inArray, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { employers, jobPostings, offices, referrals, seekers, staffMembers } from '../../db/schema/index.ts';
import type { ReferralStoredState } from '../../domain/vocabulary.ts';
import type { LocalDate } from '../../platform/dates.ts';

export type Referral = typeof referrals.$inferSelect;
export type NewReferral = typeof referrals.$inferInsert;

/** Live on `today` (Tokyo): the one SQL form of isReferralLive. */
export function liveWhere(today: LocalDate): SQL {
  return and(
    eq(referrals.state, 'sent'),
    gte(referrals.applyBy, today),
    eq(jobPostings.status, 'open'),
    gte(jobPostings.referralDeadline, today),
  )!;
}

/** Accepted jobs by 求人番号, with whether their employer opened 求人者マイページ. */
export function findJobsByNumbers(db: Executor, jobNumbers: string[]) {
  if (jobNumbers.length === 0) return Promise.resolve([]);
  return db
    .select({
      id: jobPostings.id,
      jobNumber: jobPostings.jobNumber,
      title: jobPostings.title,
      status: jobPostings.status,
      referralDeadline: jobPostings.referralDeadline,
      closedOn: jobPostings.closedOn,
      publicationScope: jobPostings.publicationScope,
      officeCode: jobPostings.officeCode,
      employerMypageOpenedAt: employers.mypageOpenedAt,
    })
    .from(jobPostings)
    .innerJoin(employers, eq(employers.id, jobPostings.employerId))
    .where(inArray(jobPostings.jobNumber, jobNumbers));
}

/** The seeker's stored `sent` targets of these jobs, with their job (live or not: the caller decides). */
export function listSentTargets(db: Executor, seekerId: string, jobIds: number[]) {
  if (jobIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      id: referrals.id,
      jobId: referrals.jobId,
      state: referrals.state,
      applyBy: referrals.applyBy,
      job: {
        status: jobPostings.status,
        referralDeadline: jobPostings.referralDeadline,
        closedOn: jobPostings.closedOn,
      },
    })
    .from(referrals)
    .innerJoin(jobPostings, eq(jobPostings.id, referrals.jobId))
    .where(
      and(eq(referrals.seekerId, seekerId), eq(referrals.state, 'sent'), inArray(referrals.jobId, jobIds)),
    );
}

/** Records the derived 期限切れ / 取下げ of a target a new send of the same job supersedes. */
export async function closeTarget(
  db: Executor,
  id: string,
  state: Extract<ReferralStoredState, 'expired' | 'withdrawn'>,
  now: Date,
): Promise<void> {
  await db
    .update(referrals)
    .set({ state, closedAt: now })
    .where(and(eq(referrals.id, id), eq(referrals.state, 'sent')));
}

export async function insertReferrals(db: Executor, rows: NewReferral[]): Promise<Referral[]> {
  if (rows.length === 0) return [];
  return db.insert(referrals).values(rows).returning();
}

/** The targets of one send (its form key), with their 求人番号 and 職種. */
export function listBatch(db: Executor, batchId: string) {
  return db
    .select({
      id: referrals.id,
      seekerId: referrals.seekerId,
      applyBy: referrals.applyBy,
      jobNumber: jobPostings.jobNumber,
      title: jobPostings.title,
    })
    .from(referrals)
    .innerJoin(jobPostings, eq(jobPostings.id, referrals.jobId))
    .where(eq(referrals.batchId, batchId))
    .orderBy(referrals.sentAt, jobPostings.jobNumber);
}

const staffColumns = {
  id: referrals.id,
  state: referrals.state,
  applyBy: referrals.applyBy,
  sentAt: referrals.sentAt,
  job: {
    id: jobPostings.id,
    jobNumber: jobPostings.jobNumber,
    title: jobPostings.title,
    status: jobPostings.status,
    referralDeadline: jobPostings.referralDeadline,
    closedOn: jobPostings.closedOn,
  },
  staffName: staffMembers.name,
};

/** ST-2: everything sent to a seeker, newest first (states are derived by the caller). */
export function listReferralsForSeeker(db: Executor, seekerId: string, limit = 100) {
  return db
    .select(staffColumns)
    .from(referrals)
    .innerJoin(jobPostings, eq(jobPostings.id, referrals.jobId))
    .innerJoin(staffMembers, eq(staffMembers.id, referrals.sentBy))
    .where(eq(referrals.seekerId, seekerId))
    .orderBy(desc(referrals.sentAt), jobPostings.jobNumber)
    .limit(limit);
}
export type StaffReferralRow = Awaited<ReturnType<typeof listReferralsForSeeker>>[number];

/** ST-2: to whom a job was sent, newest first. */
export function listReferralsForJob(db: Executor, jobId: number, limit = 100) {
  return db
    .select({
      ...staffColumns,
      seeker: { id: seekers.id, name: seekers.name, seekerNumber: seekers.seekerNumber },
    })
    .from(referrals)
    .innerJoin(jobPostings, eq(jobPostings.id, referrals.jobId))
    .innerJoin(staffMembers, eq(staffMembers.id, referrals.sentBy))
    .innerJoin(seekers, eq(seekers.id, referrals.seekerId))
    .where(eq(referrals.jobId, jobId))
    .orderBy(desc(referrals.sentAt))
    .limit(limit);
}
export type JobReferralRow = Awaited<ReturnType<typeof listReferralsForJob>>[number];

/** OR-3: how many live targets the seeker has on `today`. */
export async function countLiveReferrals(db: Executor, seekerId: string, today: LocalDate): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(referrals)
    .innerJoin(jobPostings, eq(jobPostings.id, referrals.jobId))
    .where(and(eq(referrals.seekerId, seekerId), liveWhere(today)));
  return row?.n ?? 0;
}

/** OR-3: the seeker's live targets, newest first, each with its whole job row and employer name. */
export function listLiveReferrals(db: Executor, seekerId: string, today: LocalDate, limit = 100) {
  return db
    .select({
      id: referrals.id,
      applyBy: referrals.applyBy,
      sentAt: referrals.sentAt,
      job: jobPostings,
      employerName: employers.name,
    })
    .from(referrals)
    .innerJoin(jobPostings, eq(jobPostings.id, referrals.jobId))
    .innerJoin(employers, eq(employers.id, jobPostings.employerId))
    .where(and(eq(referrals.seekerId, seekerId), liveWhere(today)))
    .orderBy(desc(referrals.sentAt), desc(jobPostings.jobNumber))
    .limit(limit);
}

/** Not live on `today`: every target liveWhere does not read (a NULL from the job counts as not live). */
function pastWhere(today: LocalDate): SQL {
  return sql`not coalesce(${liveWhere(today)}, false)`;
}

/**
 * OR-5: one of the seeker's own targets, live or not, with its whole job, the employer and the
 * 受理安定所's name (the shape the 求人票 view reads). Another seeker's target is simply not found.
 */
export async function findSeekerReferral(db: Executor, seekerId: string, referralId: string) {
  const [row] = await db
    .select({
      referral: {
        id: referrals.id,
        state: referrals.state,
        applyBy: referrals.applyBy,
        sentAt: referrals.sentAt,
        appliedAt: referrals.appliedAt,
        declinedAt: referrals.declinedAt,
        closedAt: referrals.closedAt,
      },
      job: jobPostings,
      employer: employers,
      officeName: offices.name,
    })
    .from(referrals)
    .innerJoin(jobPostings, eq(jobPostings.id, referrals.jobId))
    .innerJoin(employers, eq(employers.id, jobPostings.employerId))
    .innerJoin(offices, eq(offices.code, jobPostings.officeCode))
    .where(and(eq(referrals.id, referralId), eq(referrals.seekerId, seekerId)));
  return row;
}
export type SeekerReferralRecord = NonNullable<Awaited<ReturnType<typeof findSeekerReferral>>>;

/** OR-5: how many of the seeker's targets are no longer live on `today`. */
export async function countPastReferrals(db: Executor, seekerId: string, today: LocalDate): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(referrals)
    .innerJoin(jobPostings, eq(jobPostings.id, referrals.jobId))
    .where(and(eq(referrals.seekerId, seekerId), pastWhere(today)));
  return Number(row?.n ?? 0);
}

/** OR-5: the seeker's targets that are no longer live on `today`, newest sent first (states are derived by the caller). */
export function listPastReferrals(
  db: Executor,
  seekerId: string,
  today: LocalDate,
  page: { limit: number; offset: number },
) {
  return db
    .select({
      id: referrals.id,
      state: referrals.state,
      applyBy: referrals.applyBy,
      sentAt: referrals.sentAt,
      job: {
        id: jobPostings.id,
        jobNumber: jobPostings.jobNumber,
        title: jobPostings.title,
        status: jobPostings.status,
        referralDeadline: jobPostings.referralDeadline,
        closedOn: jobPostings.closedOn,
      },
    })
    .from(referrals)
    .innerJoin(jobPostings, eq(jobPostings.id, referrals.jobId))
    .where(and(eq(referrals.seekerId, seekerId), pastWhere(today)))
    .orderBy(desc(referrals.sentAt), desc(referrals.id))
    .limit(page.limit)
    .offset(page.offset);
}
export type PastReferralRow = Awaited<ReturnType<typeof listPastReferrals>>[number];
