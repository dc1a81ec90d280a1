/**
 * Pure rules of the 求人票 lifecycle (SPEC SR-4, SR-7, EM-4, ST-3): who may see a job and how much,
 * when it counts as 有効, who may change what, and the 紹介期限日 staff may set at 受理.
 */
import { endOfMonth, type LocalDate } from '../../platform/dates.ts';
import type { JobStatus, PublicationScope } from './job.types.ts';

/** 紹介期限日 by default: the end of the month after next (翌々月末) from the day of 受理. */
export function defaultReferralDeadline(today: LocalDate): LocalDate {
  return endOfMonth(today, 2);
}

export type DeadlineProblem = 'deadline_past' | 'deadline_too_late';

/**
 * Staff may set another 紹介期限日 at 受理: not before today (the job would never be open) and not
 * after 翌々月末 (a longer period needs a new 受理, as at a real office).
 */
export function referralDeadlineProblem(deadline: LocalDate, today: LocalDate): DeadlineProblem | null {
  if (deadline < today) return 'deadline_past';
  if (deadline > defaultReferralDeadline(today)) return 'deadline_too_late';
  return null;
}

/** 有効: accepted, not ended, and its 紹介期限日 not passed. */
export function isJobValid(
  job: { status: JobStatus; referralDeadline: string | null },
  today: LocalDate,
): boolean {
  return job.status === 'open' && job.referralDeadline !== null && job.referralDeadline >= today;
}

export type JobViewer =
  | { role: 'staff' }
  | { role: 'employer'; employerId: string }
  /** `referralTarget`: the job was sent to this seeker as an オンラインハローワーク紹介 target (OR-5). */
  | { role: 'seeker'; referralTarget?: boolean }
  | { role: 'public' };

/**
 * How much of a job a viewer sees (SR-4, 公開範囲): staff and the owning employer see everything;
 * others see nothing of jobs not yet accepted or 「求人情報を公開しない」, and no 事業所名等 under
 * 「事業所名等を含まない求人情報を公開する」. A seeker the job was sent to as a referral target sees
 * the whole accepted 求人票 whatever its 公開範囲: staff judged it fit and sent it to them, as they
 * would show it at the counter, and applying names the employer on the 紹介状 (OR-5, ADR 0016).
 */
export function jobVisibility(
  job: { status: JobStatus; employerId: string; publicationScope: PublicationScope },
  viewer: JobViewer,
): 'full' | 'anonymous' | 'hidden' {
  if (viewer.role === 'staff') return 'full';
  if (viewer.role === 'employer' && viewer.employerId === job.employerId) return 'full';
  if (job.status === 'draft' || job.status === 'submitted') return 'hidden';
  if (viewer.role === 'seeker' && viewer.referralTarget) return 'full';
  if (job.publicationScope === 'private') return 'hidden';
  if (job.publicationScope === 'anonymous') return 'anonymous';
  return 'full';
}

/** The employer edits the whole 求人票 until it is accepted; after that only EM-4's settings. */
export function employerMayEdit(status: JobStatus): boolean {
  return status === 'draft' || status === 'submitted';
}

/** Staff may edit the whole 求人票 before and while it is open; ended jobs stay as they were. */
export function staffMayEdit(status: JobStatus): boolean {
  return status === 'draft' || status === 'submitted' || status === 'open';
}

/** 受理 applies to a submitted job, or a draft staff completed (the content must pass the full check). */
export function mayAccept(status: JobStatus): boolean {
  return status === 'draft' || status === 'submitted';
}

export type OnlineApplicationProblem = 'employer_mypage_not_opened';

/**
 * オンライン自主応募 (AP-7, EM-4) arrives in 求人者マイページ: a job may accept it only when its
 * employer has opened 求人者マイページ, or nobody would receive the application.
 */
export function onlineApplicationProblem(
  acceptsOnlineApplication: boolean,
  employer: { mypageOpenedAt: Date | null },
): OnlineApplicationProblem | undefined {
  if (acceptsOnlineApplication && employer.mypageOpenedAt === null) return 'employer_mypage_not_opened';
  return undefined;
}

/** 無効 and 取下げ end an open job. */
export function mayClose(status: JobStatus): boolean {
  return status === 'open';
}
