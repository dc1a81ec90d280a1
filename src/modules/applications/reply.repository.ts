/**
 * The reply promise's queries (ADR 0023): applications still 応募中 whose 回答予定日 has passed —
 * for the daily reminder to their employer, and for the staff list of one office's seekers. The
 * bound `dueBefore` comes from `overdueIfDueBefore` (reply.rules.ts), so both ask the one rule.
 */
import { and, count, desc, eq, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { applications, employers, jobPostings, seekers } from '../../db/schema/index.ts';
import type { LocalDate } from '../../platform/dates.ts';

const overdue = (dueBefore: LocalDate) =>
  and(
    eq(applications.state, 'applied'),
    isNotNull(applications.replyDueOn),
    lt(applications.replyDueOn, dueBefore),
  );

/**
 * Up to `limit` overdue applications not yet reminded whose employer has a 求人者マイページ login,
 * locked for this transaction (another run skips them), oldest 回答予定日 first.
 */
export function lockRemindersDue(db: Executor, dueBefore: LocalDate, limit: number) {
  return db
    .select({
      id: applications.id,
      state: applications.state,
      replyDueOn: applications.replyDueOn,
      employerAccountId: employers.accountId,
      jobNumber: jobPostings.jobNumber,
      title: jobPostings.title,
    })
    .from(applications)
    .innerJoin(employers, eq(employers.id, applications.employerId))
    .innerJoin(jobPostings, eq(jobPostings.id, applications.jobId))
    .where(and(overdue(dueBefore), isNull(applications.replyRemindedAt), isNotNull(employers.accountId)))
    .orderBy(applications.replyDueOn, applications.id)
    .limit(limit)
    .for('update', { of: applications, skipLocked: true });
}
export type ReminderDue = Awaited<ReturnType<typeof lockRemindersDue>>[number];

/** Notes the reminder on each application (only once: a reminded one keeps its first time). */
export async function markReminded(db: Executor, ids: string[], at: Date): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .update(applications)
    .set({ replyRemindedAt: at })
    .where(and(inArray(applications.id, ids), isNull(applications.replyRemindedAt)))
    .returning({ id: applications.id });
  return rows.map((r) => r.id);
}

const byOffice = (officeCode: string, dueBefore: LocalDate) =>
  and(overdue(dueBefore), eq(seekers.officeCode, officeCode));

/**
 * Staff: the overdue applications of the seekers whose 管轄 is this office (internet-only seekers
 * have none and are never listed), newest 回答予定日 first.
 */
export function listOverdueForOffice(
  db: Executor,
  officeCode: string,
  dueBefore: LocalDate,
  opts: { limit: number; offset: number },
) {
  return db
    .select({
      application: {
        id: applications.id,
        state: applications.state,
        appliedAt: applications.appliedAt,
        replyDueOn: applications.replyDueOn,
        replyRemindedAt: applications.replyRemindedAt,
      },
      job: { id: jobPostings.id, jobNumber: jobPostings.jobNumber, title: jobPostings.title },
      employerName: employers.name,
      /** Whether the employer has a 求人者マイページ login the reminder goes to. */
      employerHasLogin: sql<boolean>`${employers.accountId} is not null`,
      seeker: { id: seekers.id, name: seekers.name },
    })
    .from(applications)
    .innerJoin(seekers, eq(seekers.id, applications.seekerId))
    .innerJoin(employers, eq(employers.id, applications.employerId))
    .innerJoin(jobPostings, eq(jobPostings.id, applications.jobId))
    .where(byOffice(officeCode, dueBefore))
    .orderBy(desc(applications.replyDueOn), desc(applications.appliedAt), desc(applications.id))
    .limit(opts.limit)
    .offset(opts.offset);
}
export type OverdueRow = Awaited<ReturnType<typeof listOverdueForOffice>>[number];

export async function countOverdueForOffice(
  db: Executor,
  officeCode: string,
  dueBefore: LocalDate,
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(applications)
    .innerJoin(seekers, eq(seekers.id, applications.seekerId))
    .where(byOffice(officeCode, dueBefore));
  return row?.n ?? 0;
}
