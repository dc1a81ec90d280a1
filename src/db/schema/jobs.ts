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
import { JOB_CLOSE_CAUSES } from '../../domain/vocabulary.ts';
import {
  EMPLOYMENT_TYPES,
  type EmploymentPeriod,
  type FixedAllowance,
  type FixedOvertime,
  JOB_CATEGORIES,
  JOB_STATUSES,
  PUBLICATION_SCOPES,
  WAGE_TYPES,
  WEEKLY_TWO_DAYS_OFF,
  WORK_STYLES,
  type WorkHoursPattern,
} from '../../modules/jobs/job.types.ts';
import { timestamps } from './columns.ts';
import { employers } from './employers.ts';
import { offices } from './offices.ts';

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/**
 * 求人票. A draft belongs to its employer; staff accept (受理) it, which assigns 求人番号,
 * 受付年月日 and 紹介期限日 and makes it searchable (status open). 無効 and 取下げ end it.
 */
export const jobPostings = pgTable(
  'job_postings',
  {
    // BY DEFAULT (not ALWAYS) so the bulk loader can COPY rows with ids it reserved from the sequence.
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    /** 求人番号 NNNNN-NNNNNNNN (SR-5); null until accepted. */
    jobNumber: text().unique(),
    employerId: uuid()
      .notNull()
      .references(() => employers.id),
    /** 受理安定所. */
    officeCode: char({ length: 5 })
      .notNull()
      .references(() => offices.code),
    status: text({ enum: JOB_STATUSES }).notNull(),
    /** 受付年月日. */
    acceptedOn: date({ mode: 'string' }),
    /** 紹介期限日: the job's own deadline (distinct from a referral's 応募期限日). */
    referralDeadline: date({ mode: 'string' }),
    /** The date the job stopped being valid (無効 or 取下げ), which starts document retention (DR-1). */
    closedOn: date({ mode: 'string' }),
    /** Why staff made the job 無効 or withdrew it (ST-3), shown to staff. */
    closedReason: text().notNull().default(''),
    /** What closed it: 無効 or 取下げ by staff, or `expired` when its 紹介期限日 passed (ADR 0012). */
    closedCause: text({ enum: JOB_CLOSE_CAUSES }),

    title: text().notNull(),
    category: text({ enum: JOB_CATEGORIES }).notNull(),
    workStyle: text({ enum: WORK_STYLES }).notNull(),
    employmentType: text({ enum: EMPLOYMENT_TYPES }).notNull(),
    employmentPeriod: jsonb().$type<EmploymentPeriod>().notNull(),
    description: text().notNull(),
    occupationCode: char({ length: 2 }).notNull(),
    industryCode: char({ length: 1 }).notNull(),

    prefectureCode: char({ length: 2 }).notNull(),
    city: text().notNull(),
    workplaceAddress: text().notNull(),
    nearestStation: text().notNull().default(''),
    /** Minutes on foot from the nearest station; null when unknown. */
    stationWalkMinutes: integer(),

    ageMin: integer(),
    ageMax: integer(),
    ageLimitReason: text().notNull().default(''),
    /** 学歴 / 必要な経験 / 必要な免許: null = 不問. */
    education: text(),
    experience: text(),
    license: text(),
    trialPeriod: text().notNull().default(''),

    wageType: text({ enum: WAGE_TYPES }).notNull(),
    /** 賃金 (手当等を含む), yen. */
    wageMin: integer().notNull(),
    wageMax: integer().notNull(),
    basePayMin: integer().notNull(),
    basePayMax: integer().notNull(),
    fixedAllowances: jsonb().$type<FixedAllowance[]>().notNull(),
    fixedOvertime: jsonb().$type<FixedOvertime | null>(),
    commuteAllowance: text().notNull().default(''),
    hasBonus: boolean().notNull(),
    bonusDetail: text().notNull().default(''),

    workHours: jsonb().$type<WorkHoursPattern[]>().notNull(),
    workHoursNote: text().notNull().default(''),
    hasOvertime: boolean().notNull(),
    overtimeMonthlyHours: integer(),
    breakMinutes: integer().notNull(),
    annualHolidays: integer().notNull(),
    holidays: text().notNull(),
    weeklyTwoDaysOff: text({ enum: WEEKLY_TWO_DAYS_OFF }).notNull(),
    insurances: text().array().notNull(),
    retirementAge: integer(),

    /** 求人数 / 採用人数. */
    openings: integer().notNull(),
    selectionMethods: text().array().notNull(),
    /** 選考結果通知: within this many days. */
    resultNoticeDays: integer().notNull(),
    applicationDocuments: text().array().notNull(),
    /** 応募書類の送付方法; 'mypage' = 「求職者マイページからの登録」 (AP-4). */
    documentMethods: text().array().notNull(),
    /** オンライン自主応募可 (AP-7). */
    acceptsOnlineApplication: boolean().notNull(),
    publicationScope: text({ enum: PUBLICATION_SCOPES }).notNull(),
    features: text().array().notNull(),
    specialNotes: text().notNull().default(''),
    /**
     * The key of the 「新しい求人票」 form that created this job: a form sent twice (a double click,
     * or again after a refusal) updates its draft instead of making another.
     */
    formKey: uuid(),
    ...timestamps,
  },
  (t) => [
    index('job_postings_employer_idx').on(t.employerId),
    index('job_postings_status_idx').on(t.status),
    uniqueIndex('job_postings_form_key_idx').on(t.employerId, t.formKey),
    check('job_postings_status_check', sql`${t.status} in (${inList(JOB_STATUSES)})`),
    check('job_postings_category_check', sql`${t.category} in (${inList(JOB_CATEGORIES)})`),
    check('job_postings_work_style_check', sql`${t.workStyle} in (${inList(WORK_STYLES)})`),
    check('job_postings_employment_type_check', sql`${t.employmentType} in (${inList(EMPLOYMENT_TYPES)})`),
    check('job_postings_wage_type_check', sql`${t.wageType} in (${inList(WAGE_TYPES)})`),
    check('job_postings_wage_range_check', sql`${t.wageMin} <= ${t.wageMax}`),
    check(
      'job_postings_closed_cause_check',
      sql`${t.closedCause} is null or ${t.closedCause} in (${inList(JOB_CLOSE_CAUSES)})`,
    ),
    check('job_postings_scope_check', sql`${t.publicationScope} in (${inList(PUBLICATION_SCOPES)})`),
    check(
      'job_postings_accepted_check',
      sql`${t.status} in ('draft', 'submitted') or (${t.jobNumber} is not null and ${t.acceptedOn} is not null and ${t.referralDeadline} is not null)`,
    ),
  ],
);

/** Atomic counters for 求人番号 and 求職番号 serials, one row per (kind, office). */
export const numberSequences = pgTable('number_sequences', {
  scope: text().primaryKey(),
  lastValue: integer().notNull(),
});
