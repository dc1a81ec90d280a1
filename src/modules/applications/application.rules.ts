/**
 * Who may apply to what (SPEC AP-1, AP-4, AP-6, AP-7, OR-4, CX-1), decided without I/O. The
 * apply form asks these when it is opened and again when 「次へ進む」 and 「応募」 are sent, so a
 * target that expired or whose job was withdrawn in between is refused on the server, not only
 * hidden (ADR 0021).
 */
import type { SeekerKind } from '../../domain/vocabulary.ts';
import { type LocalDate, tokyoDate } from '../../platform/dates.ts';
import { charCount } from '../../platform/fields.ts';
import { isJobValid } from '../jobs/job.rules.ts';
import type { JobStatus } from '../jobs/job.types.ts';
import {
  referralOpenForApplying,
  type TargetFacts,
  type TargetJobFacts,
} from '../referrals/referral.rules.ts';
import { registrationStatus } from '../seekers/registration.rules.ts';

/** 志望動機 and 備考: at most 600 characters as a person counts them (AP-1). */
export const MOTIVATION_MAX = 600;
export const REMARKS_MAX = 600;

export type DraftProblem = 'motivation_missing' | 'motivation_too_long' | 'remarks_too_long' | 'no_consent';

/**
 * What keeps a draft from 「応募」 (AP-1): the confirmation page and the use case ask it again, so a
 * draft saved by 「アップロード」 with an over-long text never reaches the employer.
 */
export function draftProblem(d: {
  motivation: string;
  remarks: string;
  consented: boolean;
}): DraftProblem | undefined {
  if (d.motivation.trim() === '') return 'motivation_missing';
  if (charCount(d.motivation) > MOTIVATION_MAX) return 'motivation_too_long';
  if (charCount(d.remarks) > REMARKS_MAX) return 'remarks_too_long';
  if (!d.consented) return 'no_consent';
  return undefined;
}

export interface ApplicantFacts {
  kind: SeekerKind;
  active: boolean;
  validUntil: LocalDate;
}

export interface DirectJobFacts {
  status: JobStatus;
  referralDeadline: LocalDate | null;
  acceptsOnlineApplication: boolean;
  employerMypageOpened: boolean;
}

export type ApplyRefusal =
  /** The referral target is no longer live: 応募済, 辞退, 期限切れ or 取下げ (OR-4). */
  | 'target_closed'
  /** The job is 無効, withdrawn or past its 紹介期限日. */
  | 'job_closed'
  /** The job does not take オンライン自主応募 (AP-7). */
  | 'not_accepting'
  /** Nobody would receive it: the employer has not opened 求人者マイページ. */
  | 'employer_unreachable'
  /** The seeker's registration is 無効 or lapsed (MP-8, MP-9). */
  | 'registration_inactive'
  /** The seeker already has an application in progress to this job. */
  | 'already_applied';

function applicantRefusal(seeker: ApplicantFacts, today: LocalDate): ApplyRefusal | undefined {
  return registrationStatus(seeker, today) === 'active' ? undefined : 'registration_inactive';
}

/** 応募（ハローワーク紹介）: the target must be live and the seeker's registration 有効. */
export function referralApplyRefusal(
  seeker: ApplicantFacts,
  target: TargetFacts,
  job: TargetJobFacts,
  now: Date,
): ApplyRefusal | undefined {
  if (!referralOpenForApplying(target, job, now).open) return 'target_closed';
  return applicantRefusal(seeker, tokyoDate(now));
}

/**
 * オンライン自主応募 (AP-7): any seeker with MyPage, fully registered or internet-only, whose
 * registration is 有効, to a valid job that accepts it and whose employer can receive it.
 */
export function directApplyRefusal(
  seeker: ApplicantFacts,
  job: DirectJobFacts,
  now: Date,
): ApplyRefusal | undefined {
  const today = tokyoDate(now);
  if (!isJobValid(job, today)) return 'job_closed';
  if (!job.acceptsOnlineApplication) return 'not_accepting';
  if (!job.employerMypageOpened) return 'employer_unreachable';
  return applicantRefusal(seeker, today);
}

/** AP-4: documents go through MyPage only when the job's 応募書類の送付方法 includes it. */
export function takesDocumentsByMypage(job: { documentMethods: readonly string[] }): boolean {
  return job.documentMethods.includes('mypage');
}

/** CX-1: 応募を取消 is offered for 24 hours after 「応募」, to the second. */
export const CANCEL_WINDOW_MS = 24 * 60 * 60 * 1000;
export function mayCancel(app: { state: string; appliedAt: Date }, now: Date): boolean {
  return app.state === 'applied' && now.getTime() - app.appliedAt.getTime() < CANCEL_WINDOW_MS;
}
