/**
 * OR-5: a seeker opens one of their own オンラインハローワーク紹介対象求人 — live, or past (history under
 * 求職活動状況). The target seeker reads the whole 求人票 whatever its 公開範囲 (jobVisibility with
 * `referralTarget`: staff sent it to them, as they would show it at the counter), and whether they
 * may apply now comes from the one rule, referralOpenForApplying.
 */
import type { Ports } from '../../deps.ts';
import type { ReferralState } from '../../domain/vocabulary.ts';
import { tokyoDate } from '../../platform/dates.ts';
import { jobVisibility } from '../jobs/job.rules.ts';
import { type JobDetailView, toJobDetailView } from '../jobs/job-view.ts';
import { referralOpenForApplying, referralState } from './referral.rules.ts';
import { findSeekerReferral, type SeekerReferralRecord } from './referrals.repository.ts';

export interface SeekerReferralView {
  referral: SeekerReferralRecord['referral'];
  state: ReferralState;
  apply: ReturnType<typeof referralOpenForApplying>;
  job: JobDetailView;
}

/** The seeker's own target, or undefined (unknown, or another seeker's). */
export async function readReferral(
  deps: Ports<'db' | 'clock'>,
  seekerId: string,
  referralId: string,
): Promise<SeekerReferralView | undefined> {
  const record = await findSeekerReferral(deps.db, seekerId, referralId);
  if (!record) return undefined;
  const now = deps.clock.now();
  const visibility = jobVisibility(record.job, { role: 'seeker', referralTarget: true });
  if (visibility === 'hidden') return undefined;
  return {
    referral: record.referral,
    state: referralState(record.referral, record.job, now),
    apply: referralOpenForApplying(record.referral, record.job, now),
    job: toJobDetailView(record, visibility === 'full', tokyoDate(now)),
  };
}
