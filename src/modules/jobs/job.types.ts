/**
 * The vocabulary of a 求人票 (SPEC SR-6, SR-7). Codes are stable identifiers stored in the database
 * and used in search URLs; their Japanese and English labels live in src/i18n.
 */
export const JOB_STATUSES = ['draft', 'submitted', 'open', 'invalid', 'withdrawn'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** 求人区分 (kind). */
export const JOB_CATEGORIES = ['general', 'new_graduate', 'seasonal', 'disability'] as const;
export type JobCategory = (typeof JOB_CATEGORIES)[number];

/** 求人区分 (フルタイム / パート). */
export const WORK_STYLES = ['full_time', 'part_time'] as const;
export type WorkStyle = (typeof WORK_STYLES)[number];

/** 雇用形態. */
export const EMPLOYMENT_TYPES = [
  'regular',
  'non_regular',
  'fixed_term_dispatch',
  'indefinite_dispatch',
] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];

export const WAGE_TYPES = ['monthly', 'daily', 'hourly'] as const;
export type WageType = (typeof WAGE_TYPES)[number];

/** 週休二日制. */
export const WEEKLY_TWO_DAYS_OFF = ['every_week', 'other', 'none'] as const;
export type WeeklyTwoDaysOff = (typeof WEEKLY_TWO_DAYS_OFF)[number];

/** 加入保険等. */
export const INSURANCES = [
  'employment',
  'workers_comp',
  'health',
  'pension',
  'public_servant',
  'asset_formation',
] as const;
export type Insurance = (typeof INSURANCES)[number];

/** 公開範囲: 1. 事業所名等を含む求人情報を公開する 2. 事業所名等を含まない求人情報を公開する 3. 求人情報を公開しない */
export const PUBLICATION_SCOPES = ['full', 'anonymous', 'private'] as const;
export type PublicationScope = (typeof PUBLICATION_SCOPES)[number];

/** 応募書類の送付方法. `mypage` is 「求職者マイページからの登録」 (AP-4). */
export const DOCUMENT_METHODS = ['mypage', 'post', 'bring', 'email'] as const;
export type DocumentMethod = (typeof DOCUMENT_METHODS)[number];

/** 応募書類等. */
export const APPLICATION_DOCUMENTS = [
  'resume',
  'career_history',
  'job_card',
  'referral_letter',
  'other',
] as const;
export type ApplicationDocument = (typeof APPLICATION_DOCUMENTS)[number];

/** 選考方法. */
export const SELECTION_METHODS = ['document', 'interview', 'written_test', 'other'] as const;
export type SelectionMethod = (typeof SELECTION_METHODS)[number];

/** Feature tags shown on job cards and searchable (SR-1, SR-6). */
export const FEATURE_TAGS = [
  'no_document_screening',
  'regular_conversion',
  'car_commute',
  'no_transfer',
  'remote_work',
  'near_station',
  'uij_turn',
  'commute_allowance',
  'weekend_off',
  'dormitory',
  'childcare',
  'senior_welcome',
] as const;
export type FeatureTag = (typeof FEATURE_TAGS)[number];

/** 厚生労働省編職業分類 major groups (大分類), the codes 職業分類 search uses. */
export const OCCUPATION_GROUPS = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11'] as const;
export type OccupationGroup = (typeof OCCUPATION_GROUPS)[number];

/** 日本標準産業分類 sections A–T. */
export const INDUSTRY_CODES = [
  'A',
  'B',
  'C',
  'D',
  'E',
  'F',
  'G',
  'H',
  'I',
  'J',
  'K',
  'L',
  'M',
  'N',
  'O',
  'P',
  'Q',
  'R',
  'S',
  'T',
] as const;
export type IndustryCode = (typeof INDUSTRY_CODES)[number];

/** One 就業時間 pattern, e.g. 09:00–17:00 (up to 3 per job). */
export interface WorkHoursPattern {
  start: string;
  end: string;
}

export interface FixedAllowance {
  name: string;
  amount: number;
}

/** 固定残業代: amount included in the wage for `hours` hours of overtime. */
export interface FixedOvertime {
  amount: number;
  hours: number;
}

/** 雇用期間: null months = 定めなし. */
export interface EmploymentPeriod {
  fixed: boolean;
  months: number | null;
  renewal: string;
}
