/**
 * Codes shared by the database schema and the modules: stable identifiers stored in rows and
 * compared in code. This file imports nothing, so both src/db/schema and src/modules depend on it
 * and neither re-declares a list. Labels for people live in src/i18n.
 * (The codes of a 求人票 itself are in modules/jobs/job.types.ts, likewise import-free.)
 */

/** Who signs in (SPEC Roles). */
export const ROLES = ['seeker', 'employer', 'staff'] as const;
export type Role = (typeof ROLES)[number];

/** `registered` = 求職登録 at an office; `internet` = MyPage opened on the web only (MP-6, MP-7). */
export const SEEKER_KINDS = ['registered', 'internet'] as const;
export type SeekerKind = (typeof SEEKER_KINDS)[number];

/**
 * What set or moved a registration's end date (MP-9, ADR 0012): 求職申込 (at the office, on the
 * internet, or at the counter for an internet-only seeker), 職業相談, 再開 (renewal by staff), and
 * — for the referral and applying features — 紹介 and オンライン自主応募.
 */
export const VALIDITY_CAUSES = [
  'application',
  'counselling',
  'renewal',
  'referral',
  'direct_application',
] as const;
export type ValidityCause = (typeof VALIDITY_CAUSES)[number];

/** Why a job stopped being open (ST-3, DR-1): 無効 and 取下げ by staff, or its 紹介期限日 passed. */
export const JOB_CLOSE_CAUSES = ['invalid', 'withdrawn', 'expired'] as const;
export type JobCloseCause = (typeof JOB_CLOSE_CAUSES)[number];

/**
 * Stored states of an オンラインハローワーク紹介 target (ADR 0016): `sent` (未応募 while live), `applied`
 * (応募済), `declined` (辞退), and `expired` / `withdrawn` written only when a later send supersedes a
 * target whose 期限切れ / 取下げ was derived. What staff see (REFERRAL_STATES) adds the derived ones.
 */
export const REFERRAL_STORED_STATES = ['sent', 'applied', 'declined', 'expired', 'withdrawn'] as const;
export type ReferralStoredState = (typeof REFERRAL_STORED_STATES)[number];
/** 未応募 · 応募済 · 期限切れ · 取下げ · 辞退 (ST-2). */
export const REFERRAL_STATES = ['open', 'applied', 'expired', 'withdrawn', 'declined'] as const;
export type ReferralState = (typeof REFERRAL_STATES)[number];

/** SQL text of a code list for CHECK constraints: 'a', 'b'. */
export const sqlList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/** How an application came: 応募（ハローワーク紹介） on a referral target, or オンライン自主応募 (AP-6, AP-7). */
export const APPLICATION_ROUTES = ['referral', 'direct'] as const;
export type ApplicationRoute = (typeof APPLICATION_ROUTES)[number];

/** 応募中 · 取消 (CX) · 採用 · 不採用 (EM-3). */
export const APPLICATION_STATES = ['applied', 'cancelled', 'hired', 'not_hired'] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

/** 履歴書 · 職務経歴書 · ジョブ・カード · その他 (AP-2). */
export const DOCUMENT_KINDS = ['resume', 'work_history', 'job_card', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/**
 * A document's virus scan (AP-5): `pending` (確認中, also while the scanner cannot be reached),
 * `clean` (the employer may download it), `withheld` (suspect: bytes deleted, never delivered).
 */
export const SCAN_STATES = ['pending', 'clean', 'withheld'] as const;
export type ScanState = (typeof SCAN_STATES)[number];

/** Why an application's documents were erased (DR-1): 取消, 選考結果, or the retention end. */
export const DOCUMENT_ERASE_CAUSES = ['cancelled', 'decided', 'retention'] as const;
export type DocumentEraseCause = (typeof DOCUMENT_ERASE_CAUSES)[number];

/**
 * 応募取り消し理由 (CX-2 ①), ADR 0022: 他の求人に就職が決まった · 応募条件を再確認した · 家庭の事情 ·
 * 健康上の理由 · その他 (with a required 備考). Stored as these codes; shown in the reader's language.
 */
export const CANCEL_REASONS = ['found_job', 'rechecked_conditions', 'family', 'health', 'other'] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];

/** 選考結果 (EM-3): 採用 · 不採用, the two states a registered result leaves an application in. */
export const SELECTION_RESULTS = ['hired', 'not_hired'] as const;
export type SelectionResult = (typeof SELECTION_RESULTS)[number];

/** Who writes in an application's thread (MS-1): the seeker or the employer. */
export const THREAD_AUTHORS = ['seeker', 'employer'] as const;
export type ThreadAuthor = (typeof THREAD_AUTHORS)[number];

/**
 * What one entry of an application's thread is (MS-1, ADR 0023): a written message, or a step of
 * arranging an interview — slots offered (employer), a slot booked or re-booked (seeker), other dates
 * asked for (seeker), a booking cancelled (either side). Every entry may carry the writer's text.
 */
export const THREAD_ENTRY_KINDS = [
  'text',
  'slots_offered',
  'slot_booked',
  'slots_declined',
  'booking_cancelled',
] as const;
export type ThreadEntryKind = (typeof THREAD_ENTRY_KINDS)[number];

/** 対面 (a place) or オンライン (a meeting link or how to join). */
export const INTERVIEW_MODES = ['in_person', 'online'] as const;
export type InterviewMode = (typeof INTERVIEW_MODES)[number];

/**
 * An interview offer (ADR 0023): `open` (the seeker may pick), `booked` (a slot picked), `declined`
 * (the seeker asked for other dates), `cancelled` (a booking cancelled by either side), `superseded`
 * (the employer offered new slots instead).
 */
export const OFFER_STATES = ['open', 'booked', 'declined', 'cancelled', 'superseded'] as const;
export type OfferState = (typeof OFFER_STATES)[number];
