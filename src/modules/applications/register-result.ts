/**
 * 選考結果の登録 (SPEC EM-3, DR-1, DR-2; ADR 0022): the employer registers 採用 or 不採用 with
 * 「求人票の労働条件と採用条件の相違」 あり/なし (and what differs). In one transaction, with the
 * application locked: refused when cancelled, decided already, or past the retention end; otherwise
 * the result is kept, the documents are marked erased, and the seeker gets a Hello Work 選考結果通知
 * (メッセージ and mail). Then the documents' bytes are deleted. The same result sent twice is
 * registered once.
 */
import type { Ports } from '../../deps.ts';
import type { SelectionResult } from '../../domain/vocabulary.ts';
import { tokyoDate } from '../../platform/dates.ts';
import { notify } from '../notifications/notify.ts';
import {
  type Application,
  findApplicationParties,
  lockEmployerApplication,
  markDecided,
  markDocumentsErased,
} from './applications.repository.ts';
import { eraseAfterCommit, type FileErasePorts } from './erase-documents.ts';
import { isSelectionResult, type ResultRefusal, resultInputProblems, resultRefusal } from './result.rules.ts';

export interface ResultRequest {
  result: string;
  conditionsDiffer: string;
  conditionsNote: string;
}

export type ResultOutcome =
  | { ok: true; application: Application; repeated: boolean }
  | { ok: false; refusal: ResultRefusal | 'invalid' };

/** Null when the application is not one of this employer's (404). */
export async function registerResult(
  deps: Ports<'db' | 'clock' | 'queue' | 'logger' | 'config'> & FileErasePorts,
  employerId: string,
  applicationId: string,
  input: ResultRequest,
): Promise<ResultOutcome | null> {
  const now = deps.clock.now();
  const months = deps.config.documentRetentionMonths;
  const outcome = await deps.db.transaction(async (tx): Promise<ResultOutcome | null> => {
    const row = await lockEmployerApplication(tx, employerId, applicationId);
    if (!row) return null;
    const app = row.application;
    if (app.state === input.result) return { ok: true, application: app, repeated: true };
    const refusal = resultRefusal(app, { closedOn: row.closedOn }, months, tokyoDate(now));
    if (refusal) return { ok: false, refusal };
    if (Object.keys(resultInputProblems(input)).length > 0 || !isSelectionResult(input.result)) {
      return { ok: false, refusal: 'invalid' };
    }
    const result: SelectionResult = input.result;
    const differ = input.conditionsDiffer === 'yes';
    const decided = await markDecided(tx, app.id, {
      result,
      conditionsDiffer: differ,
      conditionsNote: differ ? input.conditionsNote.trim() : '',
      at: now,
    });
    if (!decided) return { ok: false, refusal: 'decided' };
    await markDocumentsErased(tx, app.id, 'decided', now);
    const parties = await findApplicationParties(tx, app.id);
    if (parties) {
      await notify(deps, tx, {
        recipient: { accountId: parties.seekerAccountId },
        kind: 'application.decided',
        data: {
          applicationId: app.id,
          jobNumber: parties.jobNumber ?? '',
          title: parties.title,
          employerName: parties.employerName,
          result,
        },
        dedupeKey: `application.decided:${app.id}`,
      });
    }
    return { ok: true, application: decided, repeated: false };
  });
  if (outcome?.ok && !outcome.repeated) await eraseAfterCommit(deps, applicationId, 'decided');
  return outcome;
}
