import type { LocalDate } from '../../platform/dates.ts';
import {
  type JobFacts,
  type JobRefusal,
  jobRefusal,
  type UnreachableSeeker,
  unreachableSeeker,
} from '../referrals/referral.rules.ts';

export const MAX_INFORMATION_JOBS = 10;

/** Why a seeker cannot receive information from Hello Work: the referral rule's base reasons. */
export type InformationSeekerRefusal = UnreachableSeeker;
export const informationSeekerRefusal = unreachableSeeker;

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
