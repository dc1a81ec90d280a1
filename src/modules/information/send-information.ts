/**
 * 情報提供 (SPEC IP-1, G-3; ADR 0017): staff of the seeker's home office send one or more jobs as
 * information to a fully registered seeker. One transaction with the seeker locked: the seeker and
 * each job are checked, and the jobs that pass are told in one notice (inbox + mail in the seeker's
 * language). The form's key is the notice's dedupe key, so a repeated 送信 sends nothing more.
 */
import type { Ports } from '../../deps.ts';
import { tokyoDate } from '../../platform/dates.ts';
import { notify } from '../notifications/notify.ts';
import { findJobsByNumbers } from '../referrals/referrals.repository.ts';
import {
  type InformationJobRefusal,
  type InformationSeekerRefusal,
  informationJobRefusal,
} from './information.rules.ts';
import { lockReachableSeeker } from './reachable-seeker.ts';

export interface InformationRequest {
  seekerId: string;
  staffOfficeCode: string;
  /** Normalised 求人番号 without repeats, at most MAX_INFORMATION_JOBS. */
  jobNumbers: string[];
  /** The form's one-time key (a double click sends once). */
  key: string;
}

export type InformationResult =
  | { ok: false; refusal: InformationSeekerRefusal }
  | {
      ok: true;
      repeated: boolean;
      sent: { jobNumber: string; title: string }[];
      refused: { jobNumber: string; title?: string; refusal: InformationJobRefusal }[];
    };

export async function sendInformation(
  deps: Ports<'db' | 'clock' | 'queue'>,
  req: InformationRequest,
): Promise<InformationResult> {
  const today = tokyoDate(deps.clock.now());
  return deps.db.transaction(async (tx) => {
    const reachable = await lockReachableSeeker(tx, req, today);
    if (!reachable.ok) return reachable;
    const { seeker } = reachable;
    const jobs = await findJobsByNumbers(tx, req.jobNumbers);
    const sent: { jobNumber: string; title: string }[] = [];
    const refused: { jobNumber: string; title?: string; refusal: InformationJobRefusal }[] = [];
    for (const jobNumber of req.jobNumbers) {
      const job = jobs.find((j) => j.jobNumber === jobNumber);
      const why = informationJobRefusal(job, req.staffOfficeCode, today);
      if (why) refused.push({ jobNumber, ...(job ? { title: job.title } : {}), refusal: why });
      else sent.push({ jobNumber, title: job!.title });
    }
    if (sent.length === 0) return { ok: true as const, repeated: false, sent, refused };
    const notified = await notify(deps, tx, {
      recipient: { accountId: seeker.accountId },
      kind: 'information.jobs',
      data: { name: seeker.name, jobs: sent },
      dedupeKey: `information:${req.key}`,
    });
    if (!notified) return { ok: true as const, repeated: true, sent: [], refused: [] };
    return { ok: true as const, repeated: false, sent, refused };
  });
}
