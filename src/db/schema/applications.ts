import { sql } from 'drizzle-orm';
import {
  boolean,
  char,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  APPLICATION_ROUTES,
  APPLICATION_STATES,
  CANCEL_REASONS,
  DOCUMENT_ERASE_CAUSES,
  DOCUMENT_KINDS,
  SCAN_STATES,
  sqlList,
} from '../../domain/vocabulary.ts';
import type { JobSnapshot, ReferralLetterData } from '../../modules/applications/application.types.ts';
import { instant } from './columns.ts';
import { employers } from './employers.ts';
import { jobPostings } from './jobs.ts';
import { offices } from './offices.ts';
import { referrals } from './referrals.ts';
import { seekers } from './seekers.ts';

/**
 * A form on its way to 「応募」 (SPEC AP-1, ADR 0021): what the seeker typed and the files they
 * uploaded, kept between 「次へ進む」, the confirmation page and the back button. Keyed by the form's
 * own key, which becomes the application's `submit_key` (AP-8). Housekeeping removes drafts that
 * were abandoned, with their files.
 */
export const applicationDrafts = pgTable(
  'application_drafts',
  {
    seekerId: uuid()
      .notNull()
      .references(() => seekers.id),
    key: uuid().notNull(),
    /** What is applied to: a live referral target (AP-6), or a job directly (AP-7). */
    referralId: uuid().references(() => referrals.id),
    jobId: integer()
      .notNull()
      .references(() => jobPostings.id),
    motivation: text().notNull().default(''),
    remarks: text().notNull().default(''),
    consented: boolean().notNull().default(false),
    updatedAt: instant().notNull(),
  },
  (t) => [
    uniqueIndex('application_drafts_key').on(t.seekerId, t.key),
    index('application_drafts_updated_idx').on(t.updatedAt),
  ],
);

/** 応募: one seeker's application to one job, by referral or directly (SPEC AP, AL, CX, EM). */
export const applications = pgTable(
  'applications',
  {
    id: uuid().primaryKey().defaultRandom(),
    seekerId: uuid()
      .notNull()
      .references(() => seekers.id),
    jobId: integer()
      .notNull()
      .references(() => jobPostings.id),
    /** The job's employer when applied: what the employer's MyPage lists and may open (EM-1). */
    employerId: uuid()
      .notNull()
      .references(() => employers.id),
    route: text({ enum: APPLICATION_ROUTES }).notNull(),
    /** The referral target it establishes (職業紹介が成立, AP-6); null for オンライン自主応募. */
    referralId: uuid().references(() => referrals.id),
    /** The draft's key: the same form sent twice finds this row (AP-8). */
    submitKey: uuid().notNull(),
    motivation: text().notNull(),
    remarks: text().notNull(),
    /** 紹介・応募時の求人票: the job exactly as shown when 「応募」 was pressed. */
    jobSnapshot: jsonb().$type<JobSnapshot>().notNull(),
    /** Whether the job took documents through MyPage (AP-4) when applied. */
    documentsByMypage: boolean().notNull(),
    state: text({ enum: APPLICATION_STATES }).notNull().default('applied'),
    appliedAt: instant().notNull(),
    /** 応募の取り消し (CX). */
    cancelledAt: instant(),
    cancelReason: text({ enum: CANCEL_REASONS }),
    cancelNote: text(),
    /** 選考結果 (EM-3). */
    decidedAt: instant(),
    /** 「求人票の労働条件と採用条件の相違」 (EM-3): null until a result is registered. */
    conditionsDiffer: boolean(),
    /** What differs, as the employer wrote it (required when 相違 あり). */
    conditionsNote: text(),
    /** DR-2: when and why the documents were erased (the record stays). */
    documentsErasedAt: instant(),
    documentsErasedCause: text({ enum: DOCUMENT_ERASE_CAUSES }),
    /**
     * 回答予定日 (the reply promise, ADR 0023): the Tokyo date of 「応募」 plus the 求人票's 選考結果通知
     * days as applied (replyDueOn in reply.rules.ts); null when the 求人票 promised no days.
     */
    replyDueOn: date({ mode: 'string' }),
    /** When the employer was reminded that the 回答予定日 passed without a result (once, ever). */
    replyRemindedAt: instant(),
  },
  (t) => [
    uniqueIndex('applications_submit_key').on(t.seekerId, t.submitKey),
    uniqueIndex('applications_referral_key').on(t.referralId),
    // One application in progress per seeker and job; a cancelled one may be followed by another.
    uniqueIndex('applications_active_key').on(t.seekerId, t.jobId).where(sql`${t.state} = 'applied'`),
    index('applications_seeker_idx').on(t.seekerId, t.appliedAt),
    index('applications_employer_idx').on(t.employerId, t.appliedAt),
    index('applications_job_idx').on(t.jobId, t.appliedAt),
    // DR-1: the daily retention run walks only applications whose documents are not yet erased.
    index('applications_retention_idx').on(t.jobId).where(sql`${t.documentsErasedAt} is null`),
    // The reply promise: the daily reminder and the staff list read only applications still 応募中.
    index('applications_reply_due_idx')
      .on(t.replyDueOn)
      .where(sql`${t.state} = 'applied' and ${t.replyDueOn} is not null`),
    check('applications_route_check', sql`${t.route} in (${sql.raw(sqlList(APPLICATION_ROUTES))})`),
    check('applications_state_check', sql`${t.state} in (${sql.raw(sqlList(APPLICATION_STATES))})`),
    check('applications_referral_check', sql`(${t.route} = 'referral') = (${t.referralId} is not null)`),
    check(
      'applications_cancel_reason_check',
      sql`${t.cancelReason} is null or ${t.cancelReason} in (${sql.raw(sqlList(CANCEL_REASONS))})`,
    ),
    check(
      'applications_erase_cause_check',
      sql`${t.documentsErasedCause} is null or ${t.documentsErasedCause} in (${sql.raw(sqlList(DOCUMENT_ERASE_CAUSES))})`,
    ),
  ],
);

/**
 * One uploaded file (SPEC AP-2..AP-5, DR). While its form is a draft it belongs to the draft
 * (`draft_key`); 「応募」 moves it to the application in the same transaction. The bytes live in the
 * storage port under `storage_key` (a generated id, never the user's name); `storage_key` is null
 * once they were deleted (withheld by the scan, or erased by DR).
 */
export const applicationDocuments = pgTable(
  'application_documents',
  {
    id: uuid().primaryKey().defaultRandom(),
    seekerId: uuid()
      .notNull()
      .references(() => seekers.id),
    draftKey: uuid(),
    applicationId: uuid().references(() => applications.id),
    kind: text({ enum: DOCUMENT_KINDS }).notNull(),
    /** The seeker's file name, normalised for display (never used as a path). */
    originalName: text().notNull(),
    /** The type the bytes were found to be (AP-2): pdf, docx, png … */
    fileType: text().notNull(),
    contentType: text().notNull(),
    size: integer().notNull(),
    sha256: char({ length: 64 }).notNull(),
    storageKey: text(),
    position: integer().notNull(),
    scanState: text({ enum: SCAN_STATES }).notNull().default('pending'),
    scanAttempts: integer().notNull().default(0),
    /** The scanner's finding for a withheld file (shown to staff only). */
    scanFinding: text(),
    scannedAt: instant(),
    createdAt: instant().notNull(),
  },
  (t) => [
    index('application_documents_application_idx').on(t.applicationId, t.position),
    index('application_documents_draft_idx').on(t.seekerId, t.draftKey),
    index('application_documents_scan_idx').on(t.scanState),
    check(
      'application_documents_owner_check',
      sql`${t.draftKey} is not null or ${t.applicationId} is not null`,
    ),
    check('application_documents_kind_check', sql`${t.kind} in (${sql.raw(sqlList(DOCUMENT_KINDS))})`),
    check('application_documents_scan_check', sql`${t.scanState} in (${sql.raw(sqlList(SCAN_STATES))})`),
  ],
);

/** 紹介状 (SPEC AP-6): issued on 「応募」 of a referral target, frozen as issued. */
export const referralLetters = pgTable(
  'referral_letters',
  {
    id: uuid().primaryKey().defaultRandom(),
    applicationId: uuid()
      .notNull()
      .unique()
      .references(() => applications.id),
    /** 紹介状番号: the issuing office and its serial. */
    letterNumber: text().notNull().unique(),
    officeCode: char({ length: 5 })
      .notNull()
      .references(() => offices.code),
    issuedOn: date({ mode: 'string' }).notNull(),
    data: jsonb().$type<ReferralLetterData>().notNull(),
  },
  (t) => [index('referral_letters_office_idx').on(t.officeCode, t.issuedOn)],
);
