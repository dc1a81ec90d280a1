/**
 * Applications, their drafts, documents and 紹介状 (ADR 0021). Every read for a person is scoped in
 * the query: a seeker's by seeker id, an employer's by employer id, so another's row is simply not
 * found (SPEC G-2, EM-1).
 */
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  applicationDocuments,
  applicationDrafts,
  applications,
  employers,
  jobPostings,
  referralLetters,
  referrals,
  seekers,
} from '../../db/schema/index.ts';
import type { CancelReason, DocumentEraseCause, SelectionResult } from '../../domain/vocabulary.ts';
import type { LocalDate } from '../../platform/dates.ts';

export type Application = typeof applications.$inferSelect;
export type NewApplication = typeof applications.$inferInsert;
export type ApplicationDraft = typeof applicationDrafts.$inferSelect;
export type ApplicationDocument = typeof applicationDocuments.$inferSelect;
export type NewApplicationDocument = typeof applicationDocuments.$inferInsert;
export type ReferralLetter = typeof referralLetters.$inferSelect;

// ── drafts ───────────────────────────────────────────────────────────────────────────────────

/**
 * The seeker's draft of this key. `lock`: FOR UPDATE, for 「応募」 — concurrent submits of one form
 * wait here and then find the application.
 */
export async function findDraft(
  db: Executor,
  seekerId: string,
  key: string,
  lock = false,
): Promise<ApplicationDraft | undefined> {
  const query = db
    .select()
    .from(applicationDrafts)
    .where(and(eq(applicationDrafts.seekerId, seekerId), eq(applicationDrafts.key, key)));
  const [row] = await (lock ? query.for('update') : query);
  return row;
}

export async function saveDraft(db: Executor, row: ApplicationDraft): Promise<void> {
  await db
    .insert(applicationDrafts)
    .values(row)
    .onConflictDoUpdate({
      target: [applicationDrafts.seekerId, applicationDrafts.key],
      set: {
        motivation: row.motivation,
        remarks: row.remarks,
        consented: row.consented,
        updatedAt: row.updatedAt,
      },
    });
}

export async function deleteDraft(db: Executor, seekerId: string, key: string): Promise<void> {
  await db
    .delete(applicationDrafts)
    .where(and(eq(applicationDrafts.seekerId, seekerId), eq(applicationDrafts.key, key)));
}

/** Drafts not touched since `before` (abandoned forms), oldest first. */
export function listStaleDrafts(db: Executor, before: Date, limit: number) {
  return db
    .select({ seekerId: applicationDrafts.seekerId, key: applicationDrafts.key })
    .from(applicationDrafts)
    .where(lt(applicationDrafts.updatedAt, before))
    .orderBy(asc(applicationDrafts.updatedAt))
    .limit(limit);
}

// ── documents ────────────────────────────────────────────────────────────────────────────────

export function listDraftDocuments(db: Executor, seekerId: string, key: string) {
  return db
    .select()
    .from(applicationDocuments)
    .where(
      and(
        eq(applicationDocuments.seekerId, seekerId),
        eq(applicationDocuments.draftKey, key),
        isNull(applicationDocuments.applicationId),
      ),
    )
    .orderBy(asc(applicationDocuments.position), asc(applicationDocuments.createdAt));
}

export async function insertDocuments(db: Executor, rows: NewApplicationDocument[]): Promise<void> {
  if (rows.length) await db.insert(applicationDocuments).values(rows);
}

/** Removes draft documents (of this seeker and draft only); returns what to erase (eraseStoredFiles). */
export async function deleteDraftDocuments(
  db: Executor,
  seekerId: string,
  key: string,
  ids?: string[],
): Promise<{ id: string; storageKey: string; sha256: string }[]> {
  if (ids && ids.length === 0) return [];
  const rows = await db
    .delete(applicationDocuments)
    .where(
      and(
        eq(applicationDocuments.seekerId, seekerId),
        eq(applicationDocuments.draftKey, key),
        isNull(applicationDocuments.applicationId),
        ids ? inArray(applicationDocuments.id, ids) : undefined,
      ),
    )
    .returning({
      id: applicationDocuments.id,
      storageKey: applicationDocuments.storageKey,
      sha256: applicationDocuments.sha256,
    });
  return rows.flatMap((r) =>
    r.storageKey ? [{ id: r.id, storageKey: r.storageKey, sha256: r.sha256 }] : [],
  );
}

/** 「応募」: the draft's documents become the application's (their scan starts now). */
export async function attachDraftDocuments(
  db: Executor,
  seekerId: string,
  key: string,
  applicationId: string,
): Promise<number> {
  const rows = await db
    .update(applicationDocuments)
    .set({ applicationId, draftKey: null })
    .where(
      and(
        eq(applicationDocuments.seekerId, seekerId),
        eq(applicationDocuments.draftKey, key),
        isNull(applicationDocuments.applicationId),
      ),
    )
    .returning({ id: applicationDocuments.id });
  return rows.length;
}

export function listApplicationDocuments(db: Executor, applicationId: string) {
  return db
    .select()
    .from(applicationDocuments)
    .where(eq(applicationDocuments.applicationId, applicationId))
    .orderBy(asc(applicationDocuments.position));
}

/** The documents of an application still waiting for their scan, with bytes to scan. */
export function listDocumentsToScan(db: Executor, applicationId: string) {
  return db
    .select()
    .from(applicationDocuments)
    .where(
      and(
        eq(applicationDocuments.applicationId, applicationId),
        eq(applicationDocuments.scanState, 'pending'),
        isNotNull(applicationDocuments.storageKey),
      ),
    )
    .orderBy(asc(applicationDocuments.position));
}

export async function countScanAttempt(db: Executor, id: string): Promise<void> {
  await db
    .update(applicationDocuments)
    .set({ scanAttempts: sql`${applicationDocuments.scanAttempts} + 1` })
    .where(eq(applicationDocuments.id, id));
}

export async function markDocumentClean(db: Executor, id: string, at: Date): Promise<void> {
  await db
    .update(applicationDocuments)
    .set({ scanState: 'clean', scannedAt: at })
    .where(and(eq(applicationDocuments.id, id), eq(applicationDocuments.scanState, 'pending')));
}

/** AP-5: a suspect file is withheld and its bytes forgotten (the caller deletes them from storage). */
export async function markDocumentWithheld(
  db: Executor,
  id: string,
  finding: string,
  at: Date,
): Promise<boolean> {
  const rows = await db
    .update(applicationDocuments)
    .set({ scanState: 'withheld', scanFinding: finding, scannedAt: at, storageKey: null })
    .where(and(eq(applicationDocuments.id, id), eq(applicationDocuments.scanState, 'pending')))
    .returning({ id: applicationDocuments.id });
  return rows.length > 0;
}

/** One of the seeker's referral targets (another seeker's is not found). */
export async function findReferralTarget(db: Executor, seekerId: string, referralId: string) {
  const [row] = await db
    .select({ id: referrals.id, jobId: referrals.jobId, state: referrals.state, applyBy: referrals.applyBy })
    .from(referrals)
    .where(and(eq(referrals.id, referralId), eq(referrals.seekerId, seekerId)));
  return row;
}

// ── applications ─────────────────────────────────────────────────────────────────────────────

export async function findApplicationBySubmitKey(
  db: Executor,
  seekerId: string,
  submitKey: string,
): Promise<Application | undefined> {
  const [row] = await db
    .select()
    .from(applications)
    .where(and(eq(applications.seekerId, seekerId), eq(applications.submitKey, submitKey)));
  return row;
}

/** The seeker's application in progress to this job, if any. */
export async function findActiveApplication(
  db: Executor,
  seekerId: string,
  jobId: number,
): Promise<Application | undefined> {
  const [row] = await db
    .select()
    .from(applications)
    .where(
      and(
        eq(applications.seekerId, seekerId),
        eq(applications.jobId, jobId),
        eq(applications.state, 'applied'),
      ),
    );
  return row;
}

export async function insertApplication(db: Executor, row: NewApplication): Promise<Application> {
  const [created] = await db.insert(applications).values(row).returning();
  return created!;
}

export async function markReferralApplied(db: Executor, referralId: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(referrals)
    .set({ state: 'applied', appliedAt: at })
    .where(and(eq(referrals.id, referralId), eq(referrals.state, 'sent')))
    .returning({ id: referrals.id });
  return rows.length > 0;
}

export async function insertReferralLetter(
  db: Executor,
  row: typeof referralLetters.$inferInsert,
): Promise<ReferralLetter> {
  const [created] = await db.insert(referralLetters).values(row).returning();
  return created!;
}

export async function findLetter(db: Executor, applicationId: string): Promise<ReferralLetter | undefined> {
  const [row] = await db
    .select()
    .from(referralLetters)
    .where(eq(referralLetters.applicationId, applicationId));
  return row;
}

const listColumns = {
  application: applications,
  job: {
    id: jobPostings.id,
    jobNumber: jobPostings.jobNumber,
    title: jobPostings.title,
    status: jobPostings.status,
    referralDeadline: jobPostings.referralDeadline,
    /** When the job became 無効 / 取下げ / expired: the retention of DR-1 counts from here. */
    closedOn: jobPostings.closedOn,
  },
  letterNumber: referralLetters.letterNumber,
};

/** 応募中求人一覧 (AL): the seeker's applications, newest first, with their job's current state. */
export function listSeekerApplications(db: Executor, seekerId: string, limit: number, offset: number) {
  return db
    .select({ ...listColumns, employerName: employers.name })
    .from(applications)
    .innerJoin(jobPostings, eq(jobPostings.id, applications.jobId))
    .innerJoin(employers, eq(employers.id, applications.employerId))
    .leftJoin(referralLetters, eq(referralLetters.applicationId, applications.id))
    .where(eq(applications.seekerId, seekerId))
    .orderBy(desc(applications.appliedAt), desc(applications.id))
    .limit(limit)
    .offset(offset);
}
export type SeekerApplicationRow = Awaited<ReturnType<typeof listSeekerApplications>>[number];

export async function countSeekerApplications(db: Executor, seekerId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(applications).where(eq(applications.seekerId, seekerId));
  return row?.n ?? 0;
}

/** One of the seeker's applications; another seeker's is not found. */
export async function findSeekerApplication(db: Executor, seekerId: string, id: string) {
  const [row] = await db
    .select({ ...listColumns, employerName: employers.name })
    .from(applications)
    .innerJoin(jobPostings, eq(jobPostings.id, applications.jobId))
    .innerJoin(employers, eq(employers.id, applications.employerId))
    .leftJoin(referralLetters, eq(referralLetters.applicationId, applications.id))
    .where(and(eq(applications.id, id), eq(applications.seekerId, seekerId)));
  return row;
}

/** 応募者管理 (EM-1): applications to this employer's jobs (one job, or all), newest first. */
export function listEmployerApplications(
  db: Executor,
  employerId: string,
  opts: { jobId?: number; limit: number; offset: number },
) {
  return db
    .select({
      ...listColumns,
      seeker: { name: seekers.name, nameKana: seekers.nameKana },
      documents: sql<number>`(select count(*)::int from ${applicationDocuments} d where d.application_id = ${applications.id})`,
    })
    .from(applications)
    .innerJoin(jobPostings, eq(jobPostings.id, applications.jobId))
    .innerJoin(seekers, eq(seekers.id, applications.seekerId))
    .leftJoin(referralLetters, eq(referralLetters.applicationId, applications.id))
    .where(
      and(
        eq(applications.employerId, employerId),
        opts.jobId ? eq(applications.jobId, opts.jobId) : undefined,
      ),
    )
    .orderBy(desc(applications.appliedAt), desc(applications.id))
    .limit(opts.limit)
    .offset(opts.offset);
}
export type EmployerApplicationRow = Awaited<ReturnType<typeof listEmployerApplications>>[number];

export async function countEmployerApplications(
  db: Executor,
  employerId: string,
  jobId?: number,
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(applications)
    .where(and(eq(applications.employerId, employerId), jobId ? eq(applications.jobId, jobId) : undefined));
  return row?.n ?? 0;
}

/** One application to this employer's jobs, with the applicant; another employer's is not found. */
export async function findEmployerApplication(db: Executor, employerId: string, id: string) {
  const [row] = await db
    .select({
      ...listColumns,
      seeker: {
        name: seekers.name,
        nameKana: seekers.nameKana,
        birthDate: seekers.birthDate,
        phone: seekers.phone,
        address: seekers.address,
      },
    })
    .from(applications)
    .innerJoin(jobPostings, eq(jobPostings.id, applications.jobId))
    .innerJoin(seekers, eq(seekers.id, applications.seekerId))
    .leftJoin(referralLetters, eq(referralLetters.applicationId, applications.id))
    .where(and(eq(applications.id, id), eq(applications.employerId, employerId)));
  return row;
}

/** A document of one of this employer's applications that may be delivered: scanned clean, bytes kept. */
export async function findDeliverableDocument(
  db: Executor,
  employerId: string,
  applicationId: string,
  id: string,
) {
  const [row] = await db
    .select({ document: applicationDocuments })
    .from(applicationDocuments)
    .innerJoin(applications, eq(applications.id, applicationDocuments.applicationId))
    .where(
      and(
        eq(applicationDocuments.id, id),
        eq(applications.id, applicationId),
        eq(applications.employerId, employerId),
        // DR-2: once the application's documents are erased nothing is served, even bytes not yet deleted.
        isNull(applications.documentsErasedAt),
        eq(applicationDocuments.scanState, 'clean'),
        isNotNull(applicationDocuments.storageKey),
      ),
    );
  return row?.document;
}

/** What the withheld-file message needs about an application. */
export async function findApplicationForScan(db: Executor, id: string) {
  const [row] = await db
    .select({
      seekerAccountId: seekers.accountId,
      jobNumber: jobPostings.jobNumber,
      title: jobPostings.title,
    })
    .from(applications)
    .innerJoin(seekers, eq(seekers.id, applications.seekerId))
    .innerJoin(jobPostings, eq(jobPostings.id, applications.jobId))
    .where(eq(applications.id, id));
  return row;
}

/** Applications with a document still 確認中 (pending) and bytes to scan. */
export async function listApplicationsWithPendingDocuments(db: Executor, limit: number): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: applicationDocuments.applicationId })
    .from(applicationDocuments)
    .where(
      and(
        eq(applicationDocuments.scanState, 'pending'),
        isNotNull(applicationDocuments.applicationId),
        isNotNull(applicationDocuments.storageKey),
      ),
    )
    .limit(limit);
  return rows.flatMap((r) => (r.id ? [r.id] : []));
}

// ── after applying: cancel (CX), 選考結果 (EM-3), erasure (DR-1, DR-2) ────────────────────────────

/** The seeker's application, locked for 「完了」: concurrent posts of one cancel queue here. */
export async function lockSeekerApplication(
  db: Executor,
  seekerId: string,
  id: string,
): Promise<Application | undefined> {
  const [row] = await db
    .select()
    .from(applications)
    .where(and(eq(applications.id, id), eq(applications.seekerId, seekerId)))
    .for('update');
  return row;
}

/** One of this employer's applications with its job's closed_on, locked for the 選考結果. */
export async function lockEmployerApplication(db: Executor, employerId: string, id: string) {
  const [row] = await db
    .select({ application: applications, closedOn: jobPostings.closedOn })
    .from(applications)
    .innerJoin(jobPostings, eq(jobPostings.id, applications.jobId))
    .where(and(eq(applications.id, id), eq(applications.employerId, employerId)))
    .for('update', { of: applications });
  return row;
}

/** 取消 (CX): only an application still 応募中 changes; returns it, or nothing when it was not. */
export async function markCancelled(
  db: Executor,
  id: string,
  c: { reason: CancelReason; note: string; at: Date },
): Promise<Application | undefined> {
  const [row] = await db
    .update(applications)
    .set({ state: 'cancelled', cancelledAt: c.at, cancelReason: c.reason, cancelNote: c.note })
    .where(and(eq(applications.id, id), eq(applications.state, 'applied')))
    .returning();
  return row;
}

/** 採用 / 不採用 (EM-3): only an application still 応募中 changes. */
export async function markDecided(
  db: Executor,
  id: string,
  d: { result: SelectionResult; conditionsDiffer: boolean; conditionsNote: string; at: Date },
): Promise<Application | undefined> {
  const [row] = await db
    .update(applications)
    .set({
      state: d.result,
      decidedAt: d.at,
      conditionsDiffer: d.conditionsDiffer,
      conditionsNote: d.conditionsNote,
    })
    .where(and(eq(applications.id, id), eq(applications.state, 'applied')))
    .returning();
  return row;
}

/** 辞退: the referral of a cancelled application (CX). */
export async function markReferralDeclined(db: Executor, referralId: string, at: Date): Promise<void> {
  await db
    .update(referrals)
    .set({ state: 'declined', declinedAt: at })
    .where(and(eq(referrals.id, referralId), eq(referrals.state, 'applied')));
}

/**
 * DR-2: notes when and why the application's documents are erased (the first cause stays). From
 * this commit on neither MyPage shows or serves them; the bytes are deleted right after.
 */
export async function markDocumentsErased(
  db: Executor,
  id: string,
  cause: DocumentEraseCause,
  at: Date,
): Promise<boolean> {
  const rows = await db
    .update(applications)
    .set({ documentsErasedAt: at, documentsErasedCause: cause })
    .where(and(eq(applications.id, id), isNull(applications.documentsErasedAt)))
    .returning({ id: applications.id });
  return rows.length > 0;
}

/** DR-1: notes the retention end on up to `limit` due applications (job closed before `closedBefore`); returns their ids. */
export async function markRetentionDue(
  db: Executor,
  closedBefore: LocalDate,
  at: Date,
  limit: number,
): Promise<string[]> {
  const due = db
    .select({ id: applications.id })
    .from(applications)
    .innerJoin(jobPostings, eq(jobPostings.id, applications.jobId))
    .where(and(isNull(applications.documentsErasedAt), lt(jobPostings.closedOn, closedBefore)))
    .orderBy(asc(applications.appliedAt), asc(applications.id))
    .limit(limit)
    .for('update', { of: applications, skipLocked: true });
  const rows = await db
    .update(applications)
    .set({ documentsErasedAt: at, documentsErasedCause: 'retention' })
    .where(and(inArray(applications.id, due), isNull(applications.documentsErasedAt)))
    .returning({ id: applications.id });
  return rows.map((r) => r.id);
}

/** Documents of an application marked erased whose bytes are still in storage. */
export function listDocumentsToErase(db: Executor, applicationId: string) {
  return db
    .select({
      id: applicationDocuments.id,
      storageKey: applicationDocuments.storageKey,
      sha256: applicationDocuments.sha256,
      cause: applications.documentsErasedCause,
    })
    .from(applicationDocuments)
    .innerJoin(applications, eq(applications.id, applicationDocuments.applicationId))
    .where(
      and(
        eq(applicationDocuments.applicationId, applicationId),
        isNotNull(applications.documentsErasedAt),
        isNotNull(applicationDocuments.storageKey),
      ),
    )
    .orderBy(asc(applicationDocuments.position));
}

/** After its bytes were deleted: the document row keeps its name and kind, no longer a storage key. */
export async function forgetDocumentBytes(db: Executor, id: string, storageKey: string): Promise<void> {
  await db
    .update(applicationDocuments)
    .set({ storageKey: null })
    .where(and(eq(applicationDocuments.id, id), eq(applicationDocuments.storageKey, storageKey)));
}

/** Applications marked erased with bytes still kept: an erasure a crash or an outage left half-done. */
export async function listUnfinishedErasures(db: Executor, limit: number): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: applications.id })
    .from(applications)
    .innerJoin(applicationDocuments, eq(applicationDocuments.applicationId, applications.id))
    .where(and(isNotNull(applications.documentsErasedAt), isNotNull(applicationDocuments.storageKey)))
    .limit(limit);
  return rows.map((r) => r.id);
}

/** Who is told about an application, and what the notice names. */
export async function findApplicationParties(db: Executor, id: string) {
  const [row] = await db
    .select({
      seekerAccountId: seekers.accountId,
      employerAccountId: employers.accountId,
      employerName: employers.name,
      jobNumber: jobPostings.jobNumber,
      title: jobPostings.title,
    })
    .from(applications)
    .innerJoin(seekers, eq(seekers.id, applications.seekerId))
    .innerJoin(employers, eq(employers.id, applications.employerId))
    .innerJoin(jobPostings, eq(jobPostings.id, applications.jobId))
    .where(eq(applications.id, id));
  return row;
}

/** A seeker's applications for staff (ST-2: what happened to what was sent), newest first. */
export function listApplicationsForStaff(db: Executor, seekerId: string, limit: number) {
  return listSeekerApplications(db, seekerId, limit, 0);
}

/**
 * Which of `keys` a document row of the seeker names: after a draft's transaction failed during
 * its COMMIT (the outcome unknown), the files no row names are deleted (saveDraft).
 */
export async function namedStorageKeys(db: Executor, seekerId: string, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db
    .select({ key: applicationDocuments.storageKey })
    .from(applicationDocuments)
    .where(and(eq(applicationDocuments.seekerId, seekerId), inArray(applicationDocuments.storageKey, keys)));
  return new Set(rows.flatMap((r) => (r.key ? [r.key] : [])));
}
