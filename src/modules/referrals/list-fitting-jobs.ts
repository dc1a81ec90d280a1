/**
 * The fit list (SPEC OR-1, ST-2; ADR 0016): the open jobs that fit a seeker's recorded 求職情報, best
 * first, each with the reasons it fits and where it does not, and — from the same check the send
 * makes (planReferrals) — the OR-2 reason a job cannot be sent. Candidates come from the search
 * module (planSearch → searchJobs, the executor 求人検索 uses) for the queries fitQueries makes, so
 * what staff see is what a search would find (jobs 「求人情報を公開しない」 are not searchable and so
 * not listed; staff send them by 求人番号).
 */
import type { Ports } from '../../deps.ts';
import { tokyoDate } from '../../platform/dates.ts';
import { AppError } from '../../platform/errors.ts';
import { type JobCardView, toJobCardView } from '../jobs/job-view.ts';
import { listJobsWithEmployerName } from '../jobs/jobs.repository.ts';
import { planSearch } from '../search/search.plan.ts';
import { searchJobs } from '../search/search.query.ts';
import type { DesiredConditions } from '../seekers/seeker.types.ts';
import { findSeeker } from '../seekers/seekers.repository.ts';
import { type FitReason, fitQueries, fitReasons, fitScore, hasDesired, rankFits } from './fit.rules.ts';
import type { JobRefusal, SeekerRefusal } from './referral.rules.ts';
import { planReferrals, type ReferralRequest } from './send-referrals.ts';

/** Jobs shown, at most. */
export const FIT_LIST_SIZE = 20;

export interface FittingJob {
  card: JobCardView;
  reasons: FitReason[];
  score: number;
  /** Set when the job cannot be sent to this seeker (OR-2), e.g. already a live target. */
  refusal?: JobRefusal;
}

export type FitList =
  | { ok: false; refusal: SeekerRefusal }
  | { ok: true; desired: DesiredConditions; asked: boolean; jobs: FittingJob[] };

export async function listFittingJobs(
  deps: Ports<'db' | 'clock' | 'config'>,
  req: Omit<ReferralRequest, 'jobNumbers' | 'applyBy'>,
  size = FIT_LIST_SIZE,
): Promise<FitList> {
  const seeker = await findSeeker(deps.db, req.seekerId);
  if (!seeker) throw new AppError('not_found', 'seeker');
  const desired = seeker.desired;
  const today = tokyoDate(deps.clock.now());
  const asked = hasDesired(desired);

  const ids: number[] = [];
  if (asked) {
    for (const conditions of fitQueries(desired)) {
      const hits = await searchJobs(deps.db, planSearch(conditions, today));
      for (const id of hits.jobIds) if (!ids.includes(id)) ids.push(id);
    }
  }
  const rows = await listJobsWithEmployerName(deps.db, ids);
  const ranked = rankFits(
    rows.map((r) => ({
      ...r,
      id: r.job.id,
      acceptedOn: r.job.acceptedOn,
      reasons: fitReasons(desired, r.job),
    })),
  ).slice(0, size);

  // The send's own checks (seeker and each job), so the list never offers what the send refuses.
  const plan = await planReferrals(deps, { ...req, jobNumbers: ranked.map((r) => r.job.jobNumber ?? '') });
  if (!plan.ok) {
    if (plan.problem === 'seeker') return { ok: false, refusal: plan.refusal };
    // No 応募期限日 is asked for here, so no 応募期限日 can be refused.
    throw new Error(`fit list: unexpected plan problem ${plan.problem}`);
  }
  const refusals = new Map(plan.targets.map((t) => [t.jobNumber, t.refusal]));
  const jobs = ranked.map((r): FittingJob => {
    const refusal = refusals.get(r.job.jobNumber ?? '');
    return {
      card: toJobCardView(r.job, r.employerName, today, 'staff'),
      reasons: r.reasons,
      score: fitScore(r.reasons),
      ...(refusal && refusal !== 'job_not_found' ? { refusal: refusal as JobRefusal } : {}),
    };
  });
  return { ok: true, desired, asked, jobs };
}
