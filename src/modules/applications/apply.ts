/**
 * Applying (SPEC AP-1, AP-4, AP-6, AP-7, AP-8, MP-9, EM-2; ADR 0021). One form serves both ways in:
 * 「応募（ハローワーク紹介）」 on a live referral target and 「オンライン自主応募」 on a job that takes it.
 *
 * - `openTarget` reads what is applied to and decides, on the server, whether it may be applied to
 *   now; the form page, 「次へ進む」 and 「応募」 all call it.
 * - `saveDraft` keeps what was typed and the files that passed their checks (already in storage)
 *   as the seeker's draft, so the back button and a refused field lose nothing.
 * - `submitApplication` is 「応募」: in one transaction, with the draft row locked, it creates the
 *   application, its 求人票 snapshot, the 紹介状 of a referral, moves the files to it, marks the
 *   referral 応募済, extends a registration in its final month, notifies the employer and queues the
 *   scan, and sets its 回答予定日 from the snapshot (the reply promise, ADR 0023). The same form
 *   sent again — a double click, a replay, 50 at once — finds the first result.
 */
import type { Executor, Transaction } from '../../db/client.ts';
import type { Ports } from '../../deps.ts';
import type { DocumentKind } from '../../domain/vocabulary.ts';
import { tokyoDate } from '../../platform/dates.ts';
import { AppError } from '../../platform/errors.ts';
import { jobVisibility } from '../jobs/job.rules.ts';
import { publicShowsEmployer, toJobDetailView } from '../jobs/job-view.ts';
import { findJobById, findJobByNumber, type JobRecord } from '../jobs/jobs.repository.ts';
import { notify } from '../notifications/notify.ts';
import { findOffice, formatNumber, nextSerial } from '../offices/offices.repository.ts';
import { extendedValidUntil } from '../seekers/registration.rules.ts';
import { findSeeker, type Seeker } from '../seekers/seekers.repository.ts';
import { lockSeeker } from '../seekers/seekers-admin.repository.ts';
import { changeValidUntil } from '../seekers/validity.repository.ts';
import {
  type ApplyRefusal,
  directApplyRefusal,
  draftProblem,
  referralApplyRefusal,
  takesDocumentsByMypage,
} from './application.rules.ts';
import type { JobSnapshot, ReferralLetterData } from './application.types.ts';
import {
  type Application,
  type ApplicationDocument,
  type ApplicationDraft,
  attachDraftDocuments,
  deleteDraft,
  deleteDraftDocuments,
  findActiveApplication,
  findApplicationBySubmitKey,
  findDraft,
  findReferralTarget,
  insertApplication,
  insertDocuments,
  insertReferralLetter,
  listDraftDocuments,
  markReferralApplied,
  namedStorageKeys,
  saveDraft as saveDraftRow,
} from './applications.repository.ts';
import { eraseStoredFiles, type FileErasePorts } from './erase-documents.ts';
import { replyDueOn } from './reply.rules.ts';
import { scanDocumentsJob } from './scan-documents.job.ts';

/** What the form applies to, as named in its address. */
export type TargetRef = { route: 'referral'; referralId: string } | { route: 'direct'; jobNumber: string };

export interface Target {
  ref: TargetRef;
  seeker: Seeker;
  record: JobRecord;
  referralId: string | null;
  applyBy: string | null;
  takesDocuments: boolean;
  refusal: ApplyRefusal | undefined;
}

/** The target, or null when it does not exist for this seeker (another seeker's referral: 404). */
export async function openTarget(
  deps: Ports<'clock'>,
  db: Executor,
  seekerId: string,
  ref: TargetRef,
): Promise<Target | null> {
  const seeker = await findSeeker(db, seekerId);
  if (!seeker) return null;
  const now = deps.clock.now();
  let record: JobRecord | undefined;
  let refusal: ApplyRefusal | undefined;
  let referralId: string | null = null;
  let applyBy: string | null = null;
  if (ref.route === 'referral') {
    const target = await findReferralTarget(db, seekerId, ref.referralId);
    if (!target) return null;
    record = await findJobById(db, target.jobId);
    if (!record) return null;
    referralId = target.id;
    applyBy = target.applyBy;
    refusal = referralApplyRefusal(seeker, target, record.job, now);
  } else {
    record = await findJobByNumber(db, ref.jobNumber);
    // A job a seeker may not see (not accepted, 公開しない) does not exist for a direct application.
    if (!record || jobVisibility(record.job, { role: 'seeker' }) === 'hidden') return null;
    refusal = directApplyRefusal(
      seeker,
      {
        ...record.job,
        employerMypageOpened: record.employer.mypageOpenedAt !== null,
      },
      now,
    );
  }
  if (!refusal && (await findActiveApplication(db, seekerId, record.job.id))) refusal = 'already_applied';
  return {
    ref,
    seeker,
    record,
    referralId,
    applyBy,
    takesDocuments: takesDocumentsByMypage(record.job),
    refusal,
  };
}

/** A file that passed every check of AP-2/AP-3 and whose bytes are already in storage. */
export interface StoredUpload {
  kind: DocumentKind;
  originalName: string;
  fileType: string;
  contentType: string;
  size: number;
  sha256: string;
  storageKey: string;
}

export interface DraftInput {
  key: string;
  motivation: string;
  remarks: string;
  consented: boolean;
  /** New files to keep with the draft (only when the job takes documents through MyPage). */
  uploads: StoredUpload[];
  /** Draft documents the seeker removed (「削除」). */
  removeIds: string[];
}

export interface DraftState {
  draft: ApplicationDraft | undefined;
  documents: ApplicationDocument[];
}

export const MAX_DOCUMENTS = 4;

/**
 * Keeps the form as a draft of this target. Files beyond the fourth are not kept: their storage
 * keys come back in `dropped` for the caller to delete, with nothing of them in the database.
 * When the draft cannot be saved (the database went away), the new files are deleted again before
 * the error goes on, so that no file stays on storage without a row (reliability row F2).
 */
export async function saveDraft(
  deps: Ports<'db' | 'clock' | 'logger'> & FileErasePorts,
  target: Target,
  input: DraftInput,
): Promise<DraftState & { dropped: StoredUpload[] }> {
  const now = deps.clock.now();
  const seekerId = target.seeker.id;
  // Set once the transaction's work is done: a failure before it (the database gone mid-way) is
  // certain to have committed nothing, and the new files, which no row names, are deleted again.
  // A failure after it (during COMMIT) may or may not have committed: once the database answers
  // again, the files no row names are deleted (settleUnknownCommit).
  let committing = false;
  const asBytes = (documentId: string | null, f: { storageKey: string; sha256: string }) => ({
    documentId,
    applicationId: null,
    storageKey: f.storageKey,
    sha256: f.sha256,
  });
  const saved = deps.db.transaction(async (tx) => {
    const existing = await findDraft(tx, seekerId, input.key, true);
    if (existing && existing.jobId !== target.record.job.id) {
      throw new AppError('bad_request', 'draft key belongs to another job');
    }
    await saveDraftRow(tx, {
      seekerId,
      key: input.key,
      referralId: target.referralId,
      jobId: target.record.job.id,
      motivation: input.motivation,
      remarks: input.remarks,
      consented: input.consented,
      updatedAt: now,
    });
    const removed = await deleteDraftDocuments(tx, seekerId, input.key, input.removeIds);
    const kept = await listDraftDocuments(tx, seekerId, input.key);
    const room = target.takesDocuments ? Math.max(0, MAX_DOCUMENTS - kept.length) : 0;
    const accepted = input.uploads.slice(0, room);
    const nextPosition = kept.reduce((m, d) => Math.max(m, d.position), -1) + 1;
    await insertDocuments(
      tx,
      accepted.map((u, i) => ({
        ...u,
        seekerId,
        draftKey: input.key,
        position: nextPosition + i,
        createdAt: now,
      })),
    );
    committing = true;
    return { removed, dropped: input.uploads.slice(room) };
  });
  const { removed, dropped } = await saved.catch(async (error: unknown) => {
    const files = input.uploads.map((f) => asBytes(null, f));
    // The request fails with the database's error (a 503) whatever happens here.
    if (!committing) {
      await eraseStoredFiles(deps, files, 'upload-not-saved').catch((cleanup: unknown) =>
        deps.logger.error('files of an unsaved draft not deleted', { error: cleanup, files: files.length }),
      );
    } else if (files.length > 0) {
      void settleUnknownCommit(deps, seekerId, files);
    }
    throw error;
  });
  // The draft is saved: a storage that cannot delete now does not undo that (nor fail the page).
  // The erasure is in the deletion ledger once its append succeeded, so `reapply-erasures` ends it.
  const notDeleted = (files: { storageKey: string }[]) => (cleanup: unknown) =>
    deps.logger.error('files of a draft not deleted', {
      error: cleanup,
      storageKeys: files.map((f) => f.storageKey),
    });
  await eraseStoredFiles(
    deps,
    removed.map((f) => asBytes(f.id, f)),
    'draft-removed',
  ).catch(notDeleted(removed));
  await eraseStoredFiles(
    deps,
    dropped.map((f) => asBytes(null, f)),
    'draft-over-limit',
  ).catch(notDeleted(dropped));
  const state = await readDraft(deps, seekerId, input.key);
  return { ...state, dropped };
}

/** How long, and how often, settleUnknownCommit asks a database that is away. */
const SETTLE_FOR_MS = 5 * 60 * 1000;
const SETTLE_EVERY_MS = 500;

/**
 * After a draft's COMMIT failed with its outcome unknown (the connection lost while committing):
 * asks again until the database answers (it has recovered by then: the commit happened or not),
 * and deletes the new files no row names. In the background: the request has answered its 503.
 */
async function settleUnknownCommit(
  deps: Ports<'db' | 'clock' | 'logger'> & FileErasePorts,
  seekerId: string,
  files: { documentId: string | null; applicationId: null; storageKey: string; sha256: string }[],
): Promise<void> {
  const until = Date.now() + SETTLE_FOR_MS;
  for (;;) {
    try {
      const named = await namedStorageKeys(
        deps.db,
        seekerId,
        files.map((f) => f.storageKey),
      );
      const unnamed = files.filter((f) => !named.has(f.storageKey));
      await eraseStoredFiles(deps, unnamed, 'upload-not-saved');
      deps.logger.info('files of a draft whose commit was unknown settled', {
        kept: files.length - unnamed.length,
        deleted: unnamed.length,
      });
      return;
    } catch (error) {
      if (Date.now() > until) {
        deps.logger.error('files of a draft whose commit was unknown not settled', {
          error,
          storageKeys: files.map((f) => f.storageKey),
        });
        return;
      }
      await new Promise((r) => setTimeout(r, SETTLE_EVERY_MS));
    }
  }
}

export async function readDraft(deps: Ports<'db'>, seekerId: string, key: string): Promise<DraftState> {
  const [draft, documents] = await Promise.all([
    findDraft(deps.db, seekerId, key),
    listDraftDocuments(deps.db, seekerId, key),
  ]);
  return { draft, documents };
}

export type SubmitOutcome =
  | { ok: true; application: Application; repeated: boolean }
  | { ok: false; refusal: ApplyRefusal | 'no_draft' };

/** 「応募」 (AP-6, AP-7, AP-8). */
export async function submitApplication(
  deps: Ports<'db' | 'clock' | 'queue'>,
  seekerId: string,
  ref: TargetRef,
  key: string,
): Promise<SubmitOutcome> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    // Every submit of one form queues here; the ones after the first find its application.
    const draft = await findDraft(tx, seekerId, key, true);
    const done = await findApplicationBySubmitKey(tx, seekerId, key);
    if (done) return { ok: true, application: done, repeated: true } as const;
    if (!draft) return { ok: false, refusal: 'no_draft' } as const;
    // The seeker row is locked too, so that two different forms for one job cannot both pass.
    const seeker = await lockSeeker(tx, seekerId);
    if (!seeker) return { ok: false, refusal: 'no_draft' } as const;
    const target = await openTarget(deps, tx, seekerId, ref);
    if (!target || target.record.job.id !== draft.jobId) return { ok: false, refusal: 'no_draft' } as const;
    if (target.refusal) return { ok: false, refusal: target.refusal } as const;
    if (draftProblem(draft)) return { ok: false, refusal: 'no_draft' } as const;

    const { job, employer } = target.record;
    const today = tokyoDate(now);
    const snapshot: JobSnapshot = JSON.parse(
      JSON.stringify({
        takenAt: now.toISOString(),
        view: toJobDetailView(target.record, target.referralId !== null || publicShowsEmployer(job), today),
      }),
    );
    const application = await insertApplication(tx, {
      seekerId,
      jobId: job.id,
      employerId: employer.id,
      route: target.ref.route,
      referralId: target.referralId,
      submitKey: key,
      motivation: draft.motivation,
      remarks: draft.remarks,
      jobSnapshot: snapshot,
      documentsByMypage: target.takesDocuments,
      appliedAt: now,
      // The reply promise (ADR 0023): the 求人票's 選考結果通知 days as the seeker was shown them.
      replyDueOn: replyDueOn(now, snapshot.view.job.resultNoticeDays),
    });
    const documents = target.takesDocuments
      ? await attachDraftDocuments(tx, seekerId, key, application.id)
      : 0;
    await deleteDraft(tx, seekerId, key);

    if (target.referralId) {
      await markReferralApplied(tx, target.referralId, now);
      await issueLetter(tx, seeker, target, application.id, today);
    }
    await extendRegistration(tx, seeker, target, application.id, now);

    if (employer.accountId) {
      await notify(deps, tx, {
        recipient: { accountId: employer.accountId },
        kind: 'application.received',
        data: {
          applicationId: application.id,
          jobNumber: job.jobNumber ?? '',
          title: job.title,
          route: target.ref.route,
        },
      });
    }
    if (documents > 0) {
      await deps.queue.enqueue(scanDocumentsJob, { applicationId: application.id }, { tx });
    }
    return { ok: true, application, repeated: false } as const;
  });
}

/** 紹介状 (AP-6): numbered by the sending office, frozen as issued. */
async function issueLetter(
  tx: Transaction,
  seeker: Seeker,
  target: Target,
  applicationId: string,
  today: string,
) {
  const { job, employer } = target.record;
  const officeCode = seeker.officeCode ?? job.officeCode;
  const office = await findOffice(tx, officeCode);
  const serial = await nextSerial(tx, 'letter', officeCode);
  const data: ReferralLetterData = {
    seekerName: seeker.name,
    seekerNameKana: seeker.nameKana,
    seekerNumber: seeker.seekerNumber ?? '',
    jobNumber: job.jobNumber ?? '',
    employerName: employer.name,
    employerAddress: `${employer.city}${employer.address}`,
    occupation: job.title,
    selectionMethods: job.selectionMethods as ReferralLetterData['selectionMethods'],
    officeName: office?.name ?? '',
    officeAddress: office?.address ?? '',
    officePhone: office?.phone ?? '',
    issuedOn: today,
  };
  await insertReferralLetter(tx, {
    applicationId,
    letterNumber: formatNumber(officeCode, serial),
    officeCode,
    issuedOn: today,
    data,
  });
}

/** MP-9: a referral or an オンライン自主応募 in the final month extends the registration. */
async function extendRegistration(
  tx: Transaction,
  seeker: Seeker,
  target: Target,
  applicationId: string,
  now: Date,
) {
  const today = tokyoDate(now);
  const to = extendedValidUntil(seeker.validUntil, today, today);
  if (to === seeker.validUntil) return;
  await changeValidUntil(tx, {
    seekerId: seeker.id,
    from: seeker.validUntil,
    to,
    cause: target.ref.route === 'referral' ? 'referral' : 'direct_application',
    sourceId: applicationId,
    byAccountId: seeker.accountId,
    now,
  });
}
