/**
 * 情報提供 and お知らせ (SPEC IP-1, IP-2, MP-7; ADR 0017): who may receive them and which jobs can be
 * sent as information. Pure: facts in, a refusal (or undefined) out.
 */
import type { SeekerKind } from '../../domain/vocabulary.ts';
import type { LocalDate } from '../../platform/dates.ts';
import { type JobFacts, type JobRefusal, jobRefusal } from '../referrals/referral.rules.ts';

export const MAX_INFORMATION_JOBS = 10;

/** Why a seeker cannot receive information from Hello Work (the referral reasons' wording). */
export type InformationSeekerRefusal =
  | 'internet_only'
  | 'mypage_not_opened'
  | 'registration_lapsed'
  | 'registration_inactive';

/** Fully registered: registered at an office, MyPage open, registration neither lapsed nor 無効. */
export function informationSeekerRefusal(
  s: { kind: SeekerKind; active: boolean; validUntil: LocalDate; mypageOpened: boolean },
  today: LocalDate,
): InformationSeekerRefusal | undefined {
  if (s.kind === 'internet') return 'internet_only';
  if (!s.mypageOpened) return 'mypage_not_opened';
  if (s.validUntil < today) return 'registration_lapsed';
  if (!s.active) return 'registration_inactive';
  return undefined;
}

export type InformationJobRefusal = Exclude<JobRefusal, 'employer_mypage_not_opened' | 'already_live'>;

/**
 * A job can be sent as information when it is open and valid, and public or of the staff's own
 * office. Unlike a referral it needs no employer MyPage (nothing is applied to online from it).
 */
export function informationJobRefusal(
  job: Omit<JobFacts, 'employerMypageOpened' | 'alreadyLive'> | undefined,
  staffOffice: string,
  today: LocalDate,
): InformationJobRefusal | undefined {
  return jobRefusal(job && { ...job, employerMypageOpened: true, alreadyLive: false }, staffOffice, today) as
    | InformationJobRefusal
    | undefined;
}
