/**
 * Sending オンラインハローワーク紹介 targets (SPEC OR-1, OR-2, OR-4, ST-2, G-3; ADR 0016).
 *
 * `planReferrals` is the confirmation step: what would be sent, with each job's 応募期限日 (clamped
 * to its 紹介期限日) or its OR-2 refusal. `sendReferrals` checks everything again in one transaction
 * with the seeker row locked, sends the jobs that pass, and tells the seeker once for the batch
 * (inbox + mail through notify). A batch is keyed by the confirmation form's key: sent twice (double
 * click, 戻る and 送信 again), the second finds the first and sends nothing.
 */
import type { Executor } from '../../db/client.ts';
import type { Ports } from '../../deps.ts';
import { type LocalDate, tokyoDate } from '../../platform/dates.ts';
import { AppError } from '../../platform/errors.ts';
import { findAccount } from '../accounts/accounts.repository.ts';
import { latestCounsellingOn } from '../counselling/counselling.repository.ts';
import { notify } from '../notifications/notify.ts';
import { mayChangeAsOffice } from '../offices/office-scope.rules.ts';
import { extendedValidUntil } from '../seekers/registration.rules.ts';
import { findSeeker, type Seeker } from '../seekers/seekers.repository.ts';
import { lockSeeker } from '../seekers/seekers-admin.repository.ts';
import { changeValidUntil } from '../seekers/validity.repository.ts';
import {
  type ApplyByProblem,
  applyByProblem,
  defaultApplyBy,
  jobRefusal,
  type ReferralRefusal,
  referralState,
  type SeekerRefusal,
  seekerRefusal,
  targetApplyBy,
} from './referral.rules.ts';
import {
  closeTarget,
  findJobsByNumbers,
  insertReferrals,
  listBatch,
  listSentTargets,
} from './referrals.repository.ts';

export interface ReferralRequest {
  seekerId: string;
  staff: { id: string; officeCode: string; accountId: string };
  /** Normalised 求人番号, without repeats (splitJobNumbers). */
  jobNumbers: string[];
  /** The day staff chose; the default (sending day + REFERRAL_APPLY_DAYS) when absent. */
  applyBy?: LocalDate;
}

export interface PlannedTarget {
  jobNumber: string;
  jobId?: number;
  title?: string;
  /** Set when the job can be sent: its 応募期限日, and whether it was clamped to the 紹介期限日. */
  applyBy?: LocalDate;
  clamped?: boolean;
  refusal?: ReferralRefusal;
}

export type Plan =
  | { ok: true; seeker: Seeker; targets: PlannedTarget[] }
  | { ok: false; problem: ApplyByProblem }
  | { ok: false; problem: 'seeker'; refusal: SeekerRefusal };

type PlanPorts = Ports<'clock' | 'config'>;

async function assess(deps: PlanPorts, db: Executor, seeker: Seeker, req: ReferralRequest): Promise<Plan> {
  const now = deps.clock.now();
  const today = tokyoDate(now);
  if (req.applyBy) {
    const problem = applyByProblem(req.applyBy, today);
    if (problem) return { ok: false, problem };
  }
  const account = await findAccount(db, seeker.accountId);
  const refusal = seekerRefusal(
    {
      kind: seeker.kind,
      active: seeker.active,
      validUntil: seeker.validUntil,
      mypageOpened: Boolean(account?.openedAt),
      lastCounsellingOn: await latestCounsellingOn(db, seeker.id),
    },
    today,
    deps.config.referral.counsellingDays,
  );
  if (refusal) return { ok: false, problem: 'seeker', refusal };

  const jobs = await findJobsByNumbers(db, req.jobNumbers);
  const sent = await listSentTargets(
    db,
    seeker.id,
    jobs.map((j) => j.id),
  );
  const liveJobIds = new Set(sent.filter((r) => referralState(r, r.job, now) === 'open').map((r) => r.jobId));
  const chosen = req.applyBy ?? defaultApplyBy(now, deps.config.referral.applyDays);
  const targets = req.jobNumbers.map((jobNumber): PlannedTarget => {
    const job = jobs.find((j) => j.jobNumber === jobNumber);
    const refusal = jobRefusal(
      job && {
        status: job.status,
        referralDeadline: job.referralDeadline,
        publicationScope: job.publicationScope,
        officeCode: job.officeCode,
        employerMypageOpened: job.employerMypageOpenedAt !== null,
        alreadyLive: liveJobIds.has(job.id),
      },
      req.staff.officeCode,
      today,
    );
    if (!job) return { jobNumber, refusal };
    if (refusal) return { jobNumber, jobId: job.id, title: job.title, refusal };
    return { jobNumber, jobId: job.id, title: job.title, ...targetApplyBy(chosen, job.referralDeadline!) };
  });
  return { ok: true, seeker, targets };
}

function requireHome(seeker: Seeker, staffOffice: string) {
  if (!mayChangeAsOffice(staffOffice, seeker.officeCode)) {
    throw new AppError(
      'forbidden',
      `office ${staffOffice} sending referrals to a seeker of ${seeker.officeCode}`,
    );
  }
}

/** The confirmation step: nothing is written. */
export async function planReferrals(
  deps: Ports<'db' | 'clock' | 'config'>,
  req: ReferralRequest,
): Promise<Plan> {
  const seeker = await findSeeker(deps.db, req.seekerId);
  if (!seeker) throw new AppError('not_found', 'seeker');
  requireHome(seeker, req.staff.officeCode);
  return assess(deps, deps.db, seeker, req);
}

export type SendResult =
  | (Plan & { ok: false })
  | {
      ok: true;
      /** The batch had been sent already (a repeated 送信): these are its targets, nothing new. */
      repeated: boolean;
      sent: { jobNumber: string; title: string; applyBy: LocalDate }[];
      refused: PlannedTarget[];
    };

export async function sendReferrals(
  deps: Ports<'db' | 'clock' | 'config' | 'queue'>,
  req: ReferralRequest & { batchId: string },
): Promise<SendResult> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    // The lock orders concurrent sends to one seeker: a repeated batch sees the first one's rows.
    const seeker = await lockSeeker(tx, req.seekerId);
    if (!seeker) throw new AppError('not_found', 'seeker');
    requireHome(seeker, req.staff.officeCode);
    const before = await listBatch(tx, req.batchId);
    if (before.length > 0) {
      if (before.some((r) => r.seekerId !== seeker.id))
        throw new AppError('forbidden', 'batch of another seeker');
      return {
        ok: true as const,
        repeated: true,
        sent: before.map((r) => ({ jobNumber: r.jobNumber ?? '', title: r.title, applyBy: r.applyBy })),
        refused: [],
      };
    }
    const plan = await assess(deps, tx, seeker, req);
    if (!plan.ok) return plan;
    const toSend = plan.targets.filter((t) => !t.refusal);
    const refused = plan.targets.filter((t) => t.refusal);
    if (toSend.length === 0) return { ok: true as const, repeated: false, sent: [], refused };

    // A target of the same job that is no longer live keeps its history: its derived state is recorded.
    const stale = await listSentTargets(
      tx,
      seeker.id,
      toSend.map((t) => t.jobId!),
    );
    for (const r of stale) {
      const state = referralState(r, r.job, now);
      if (state === 'expired' || state === 'withdrawn') await closeTarget(tx, r.id, state, now);
    }
    const rows = await insertReferrals(
      tx,
      toSend.map((t) => ({
        seekerId: seeker.id,
        jobId: t.jobId!,
        officeCode: req.staff.officeCode,
        sentBy: req.staff.id,
        batchId: req.batchId,
        sentAt: now,
        applyBy: t.applyBy!,
      })),
    );
    const sent = toSend.map((t) => ({ jobNumber: t.jobNumber, title: t.title!, applyBy: t.applyBy! }));
    await notify(deps, tx, {
      recipient: { accountId: seeker.accountId },
      kind: 'referral.sent',
      data: { name: seeker.name, jobs: sent },
      dedupeKey: `referral:${req.batchId}`,
    });
    // MP-9: a referral in the registration's final month extends it by one month.
    const today = tokyoDate(now);
    const validUntil = extendedValidUntil(seeker.validUntil, today, today);
    if (validUntil !== seeker.validUntil) {
      await changeValidUntil(tx, {
        seekerId: seeker.id,
        from: seeker.validUntil,
        to: validUntil,
        cause: 'referral',
        sourceId: rows[0]!.id,
        byAccountId: req.staff.accountId,
        now,
      });
    }
    return { ok: true as const, repeated: false, sent, refused };
  });
}
