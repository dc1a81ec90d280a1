/**
 * 受理 (SPEC ST-3, SR-5): staff accept a submitted job (or a draft they completed). The job gets its
 * 求人番号 from the accepting office's counter, 受付年月日 = today in Tokyo, its 紹介期限日 (翌々月末 unless
 * staff chose an earlier date), status open, and enters search in the same transaction.
 */
import type { Ports } from '../../deps.ts';
import { tokyoDate } from '../../platform/dates.ts';
import { formatNumber, nextSerial } from '../offices/offices.repository.ts';
import { reindexJob } from '../search/reindex-job.ts';
import {
  type DeadlineProblem,
  defaultReferralDeadline,
  mayAccept,
  referralDeadlineProblem,
} from './job.rules.ts';
import { isCompleteJob } from './job.schemas.ts';
import { findJobById, updateJobWhere } from './jobs.repository.ts';

export type AcceptResult =
  | { ok: true; jobNumber: string; referralDeadline: string }
  | { ok: false; reason: 'not_found' | 'not_acceptable' | 'incomplete' | DeadlineProblem };

export async function acceptJob(
  deps: Ports<'db' | 'clock'>,
  input: { jobId: number; officeCode: string; referralDeadline?: string | undefined },
): Promise<AcceptResult> {
  const now = deps.clock.now();
  const today = tokyoDate(now);
  const found = await findJobById(deps.db, input.jobId);
  if (!found) return { ok: false, reason: 'not_found' };
  const { job } = found;
  if (!mayAccept(job.status)) return { ok: false, reason: 'not_acceptable' };
  if (!isCompleteJob(job)) return { ok: false, reason: 'incomplete' };
  const deadline = input.referralDeadline || defaultReferralDeadline(today);
  const problem = referralDeadlineProblem(deadline, today);
  if (problem) return { ok: false, reason: problem };

  const accepted = await deps.db
    .transaction(async (tx) => {
      const jobNumber = formatNumber(input.officeCode, await nextSerial(tx, 'job', input.officeCode));
      const row = await updateJobWhere(tx, job.id, ['draft', 'submitted'], {
        jobNumber,
        officeCode: input.officeCode,
        status: 'open',
        acceptedOn: today,
        referralDeadline: deadline,
        closedOn: null,
        closedCause: null,
        updatedAt: now,
      });
      // Someone else accepted it first: roll back, so the serial is not spent.
      if (!row) throw new AlreadyAccepted();
      await reindexJob(tx, row.id, now);
      return jobNumber;
    })
    .catch((e: unknown) => {
      if (e instanceof AlreadyAccepted) return null;
      throw e;
    });
  if (!accepted) return { ok: false, reason: 'not_acceptable' };
  return { ok: true, jobNumber: accepted, referralDeadline: deadline };
}

class AlreadyAccepted extends Error {}
