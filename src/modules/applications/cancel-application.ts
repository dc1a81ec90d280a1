/**
 * 「完了」 of 求人応募取り消し (SPEC CX-1..CX-3, DR-1, DR-2, EM-2; ADR 0022). In one transaction,
 * with the application row locked and the clock read once: the 24-hour window and the input are
 * checked again, the application becomes 取消 with its reason, its documents are marked erased,
 * a referral becomes 辞退, and the employer is notified with the reason (MyPage and mail). Then the
 * documents' bytes are deleted. A second 「完了」 — a double click, a replay, posts racing each
 * other or the 24-hour edge — waits on the lock and finds the first one's result: one cancel, one
 * notice.
 */
import type { Ports } from '../../deps.ts';
import type { CancelReason } from '../../domain/vocabulary.ts';
import { notify } from '../notifications/notify.ts';
import type { Application } from './applications.repository.ts';
import {
  findApplicationParties,
  lockSeekerApplication,
  markCancelled,
  markDocumentsErased,
  markReferralDeclined,
} from './applications.repository.ts';
import { type CancelRefusal, cancelInputProblems, cancelRefusal, isCancelReason } from './cancel.rules.ts';
import { eraseAfterCommit, type FileErasePorts } from './erase-documents.ts';

export interface CancelRequest {
  reason: string;
  note: string;
  consented: boolean;
}

export type CancelOutcome =
  | { ok: true; application: Application; repeated: boolean }
  | { ok: false; refusal: CancelRefusal | 'invalid' };

/** Null when the application is not this seeker's (404). */
export async function cancelApplication(
  deps: Ports<'db' | 'clock' | 'queue' | 'logger'> & FileErasePorts,
  seekerId: string,
  applicationId: string,
  input: CancelRequest,
): Promise<CancelOutcome | null> {
  const now = deps.clock.now();
  const outcome = await deps.db.transaction(async (tx): Promise<CancelOutcome | null> => {
    const app = await lockSeekerApplication(tx, seekerId, applicationId);
    if (!app) return null;
    if (app.state === 'cancelled') return { ok: true, application: app, repeated: true };
    const refusal = cancelRefusal(app, now);
    if (refusal) return { ok: false, refusal };
    const problems = cancelInputProblems(input);
    if (Object.keys(problems).length > 0 || !isCancelReason(input.reason)) {
      return { ok: false, refusal: 'invalid' };
    }
    const reason: CancelReason = input.reason;
    const note = input.note.trim();
    const cancelled = await markCancelled(tx, app.id, { reason, note, at: now });
    if (!cancelled) return { ok: false, refusal: 'decided' };
    await markDocumentsErased(tx, app.id, 'cancelled', now);
    if (app.referralId) await markReferralDeclined(tx, app.referralId, now);
    const parties = await findApplicationParties(tx, app.id);
    if (parties?.employerAccountId) {
      await notify(deps, tx, {
        recipient: { accountId: parties.employerAccountId },
        kind: 'application.cancelled',
        data: {
          applicationId: app.id,
          jobNumber: parties.jobNumber ?? '',
          title: parties.title,
          reason,
          note,
        },
        dedupeKey: `application.cancelled:${app.id}`,
      });
    }
    return { ok: true, application: cancelled, repeated: false };
  });
  // Once, by the 「完了」 that cancelled; what it could not delete the next retention run finishes.
  if (outcome?.ok && !outcome.repeated) await eraseAfterCommit(deps, applicationId, 'cancelled');
  return outcome;
}
