/**
 * オンラインハローワーク紹介 (SPEC OR-1, OR-2, OR-4, ST-2; ADR 0016). Pure: dates are Tokyo calendar
 * dates ('YYYY-MM-DD'), instants come from the injected clock.
 *
 * - 応募期限日 by default: the Tokyo day of sending + REFERRAL_APPLY_DAYS (7). Staff may choose
 *   another day, not before today. Either way it is clamped to the job's own 紹介期限日 (a batch
 *   mixes jobs with different 紹介期限日; clamping sends them all and the confirmation step shows
 *   the clamped day next to each job).
 * - A target is live (未応募, shown, may be applied to) through 23:59:59 Tokyo of its 応募期限日 and
 *   while its job is 有効; at 00:00:00 Tokyo of the next day it is 期限切れ, and as soon as its job
 *   is 無効 / withdrawn / past 紹介期限日 it is 取下げ. Nothing has to run for that to happen.
 */

import type { ReferralState, ReferralStoredState, SeekerKind } from '../../domain/vocabulary.ts';
import { addDays, daysBetween, type LocalDate, tokyoDate } from '../../platform/dates.ts';
import { isJobValid } from '../jobs/job.rules.ts';
import { normalizeJobNumber } from '../jobs/job.schemas.ts';
import type { JobStatus, PublicationScope } from '../jobs/job.types.ts';
import { registrationStatus } from '../seekers/registration.rules.ts';

/** At most this many 求人番号 per send. */
export const MAX_JOBS_PER_SEND = 10;

/** Why a job cannot be sent to this seeker (OR-2), one reason per job, the first that applies. */
export type SeekerRefusal =
  | 'internet_only'
  | 'mypage_not_opened'
  | 'registration_inactive'
  | 'registration_lapsed'
  | 'no_counselling'
  | 'counselling_too_old';
export type JobRefusal =
  | 'job_not_found'
  | 'job_not_open'
  | 'job_withdrawn'
  | 'job_invalid'
  | 'job_deadline_passed'
  | 'job_private_other_office'
  | 'employer_mypage_not_opened'
  | 'already_live';
export type ReferralRefusal = SeekerRefusal | JobRefusal;

export interface SeekerFacts {
  kind: SeekerKind;
  active: boolean;
  validUntil: LocalDate;
  /** The seeker's MyPage was opened (password set). */
  mypageOpened: boolean;
  /** Date of the latest 職業相談, if any. */
  lastCounsellingOn: LocalDate | undefined;
}

/** Why a seeker cannot be reached by Hello Work online at all (referrals, 情報提供, お知らせ). */
export type UnreachableSeeker = Extract<
  SeekerRefusal,
  'internet_only' | 'mypage_not_opened' | 'registration_lapsed' | 'registration_inactive'
>;

/**
 * Fully registered (MP-7): registered at an office, MyPage opened, registration neither lapsed nor
 * 無効 (MP-8, MP-9: the one validity rule, registrationStatus). The base of every online send.
 */
export function unreachableSeeker(
  s: Omit<SeekerFacts, 'lastCounsellingOn'>,
  today: LocalDate,
): UnreachableSeeker | undefined {
  if (s.kind === 'internet') return 'internet_only';
  if (!s.mypageOpened) return 'mypage_not_opened';
  const status = registrationStatus(s, today);
  if (status === 'lapsed') return 'registration_lapsed';
  if (status === 'inactive') return 'registration_inactive';
  return undefined;
}

/** OR-2, reasons that concern the seeker (and so every job of the send). */
export function seekerRefusal(
  s: SeekerFacts,
  today: LocalDate,
  counsellingDays: number,
): SeekerRefusal | undefined {
  const unreachable = unreachableSeeker(s, today);
  if (unreachable) return unreachable;
  if (s.lastCounsellingOn === undefined) return 'no_counselling';
  if (daysBetween(s.lastCounsellingOn, today) > counsellingDays) return 'counselling_too_old';
  return undefined;
}

export interface JobFacts {
  status: JobStatus;
  referralDeadline: LocalDate | null;
  publicationScope: PublicationScope;
  /** 受理安定所. */
  officeCode: string;
  employerMypageOpened: boolean;
  /** The job is already a live target of this seeker. */
  alreadyLive: boolean;
}

/** OR-2, reasons that concern one job, for staff of `staffOffice`. `undefined` job = no such 求人番号. */
export function jobRefusal(
  job: JobFacts | undefined,
  staffOffice: string,
  today: LocalDate,
): JobRefusal | undefined {
  if (!job) return 'job_not_found';
  if (job.status === 'withdrawn') return 'job_withdrawn';
  if (job.status === 'invalid') return 'job_invalid';
  if (job.status !== 'open') return 'job_not_open';
  if (!isJobValid(job, today)) return 'job_deadline_passed';
  if (job.publicationScope === 'private' && job.officeCode !== staffOffice) return 'job_private_other_office';
  if (!job.employerMypageOpened) return 'employer_mypage_not_opened';
  if (job.alreadyLive) return 'already_live';
  return undefined;
}

export type ApplyByProblem = 'apply_by_past';

/** A 応募期限日 staff typed: not before today (today itself is allowed: live until its end). */
export function applyByProblem(chosen: LocalDate, today: LocalDate): ApplyByProblem | undefined {
  return chosen < today ? 'apply_by_past' : undefined;
}

/** The default 応募期限日 for a send at `now`: the Tokyo day + `days`. */
export function defaultApplyBy(now: Date, days: number): LocalDate {
  return addDays(tokyoDate(now), days);
}

/**
 * The 応募期限日 a target gets: the chosen (or default) day, clamped to the job's 紹介期限日.
 * `clamped` tells the confirmation step to say so next to the job.
 */
export function targetApplyBy(
  chosen: LocalDate,
  referralDeadline: LocalDate,
): { applyBy: LocalDate; clamped: boolean } {
  return chosen > referralDeadline
    ? { applyBy: referralDeadline, clamped: true }
    : { applyBy: chosen, clamped: false };
}

export interface TargetFacts {
  state: ReferralStoredState;
  applyBy: LocalDate;
}
export interface TargetJobFacts {
  status: JobStatus;
  referralDeadline: LocalDate | null;
  closedOn: LocalDate | null;
}

/**
 * What a target is now (ST-2): 未応募 (`open`) while live; otherwise 期限切れ, 取下げ, 応募済, 辞退.
 * A `sent` target whose job ended on or before its 応募期限日 is 取下げ; one whose 応募期限日 passed
 * first is 期限切れ. The repository's live condition is the same rule in SQL (liveWhere).
 */
export function referralState(t: TargetFacts, job: TargetJobFacts, now: Date): ReferralState {
  if (t.state === 'applied') return 'applied';
  if (t.state === 'declined') return 'declined';
  if (t.state === 'expired') return 'expired';
  if (t.state === 'withdrawn') return 'withdrawn';
  const today = tokyoDate(now);
  const jobValid = isJobValid(job, today);
  const expired = t.applyBy < today;
  if (jobValid && !expired) return 'open';
  if (!jobValid) {
    // When did the job end? A job closed by staff has closedOn; one past its 紹介期限日 ended the day after.
    const endedOn =
      job.status === 'open' && job.referralDeadline
        ? addDays(job.referralDeadline, 1)
        : (job.closedOn ?? today);
    if (!expired || endedOn <= t.applyBy) return 'withdrawn';
  }
  return 'expired';
}

/** Live (shown to the seeker, may be applied to): 未応募 and neither 期限切れ nor 取下げ. */
export function isReferralLive(t: TargetFacts, job: TargetJobFacts, now: Date): boolean {
  return referralState(t, job, now) === 'open';
}

export type ReferralClosedState = Exclude<ReferralState, 'open'>;

/**
 * May the seeker apply to this target now (OR-4, OR-5, AP-6)? The one decision behind the
 * 「応募（ハローワーク紹介）」 button on the target's page and the apply form (issue 11, which calls it
 * when the form opens and again when it is sent): open exactly while the target is live
 * (referralState `open`: through 23:59:59 Tokyo of its 応募期限日, the job 有効, not applied or
 * declined); otherwise the state says why (期限切れ · 取下げ · 応募済 · 辞退).
 */
export function referralOpenForApplying(
  t: TargetFacts,
  job: TargetJobFacts,
  now: Date,
): { open: true } | { open: false; state: ReferralClosedState } {
  const state = referralState(t, job, now);
  return state === 'open' ? { open: true } : { open: false, state };
}

/** Splits the 求人番号 typed by staff (one per line, or separated by spaces, commas, 、), folded like the 求人番号 field, without duplicates. */
export function splitJobNumbers(text: string): string[] {
  const seen = new Set<string>();
  for (const raw of text.normalize('NFKC').split(/[\s,、，]+/)) {
    const n = normalizeJobNumber(raw);
    if (n) seen.add(n);
  }
  return [...seen];
}
