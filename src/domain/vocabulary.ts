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

/**
 * The kind a seeker gives each uploaded 応募書類 (SPEC AP-2): 履歴書, 職務経歴書, ジョブ・カード, その他.
 * Labels live in src/i18n.
 */
export const DOCUMENT_KINDS = ['rirekisho', 'shokumu_keirekisho', 'job_card', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
