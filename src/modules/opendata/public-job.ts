/**
 * What the public API serves of a job (issue 16, ADR 0027): a whitelist over the view models the
 * pages render (toJobCardView, toJobDetailView), so 公開範囲 is applied once and in one place, and
 * no internal or personal column (ids, the employer's account, staff notes) can slip out. The zod
 * schemas here describe the answers in the OpenAPI document.
 */
import { z } from '@hono/zod-openapi';
import {
  EMPLOYMENT_TYPES,
  JOB_CATEGORIES,
  PUBLICATION_SCOPES,
  WAGE_TYPES,
  WEEKLY_TWO_DAYS_OFF,
  WORK_STYLES,
} from '../jobs/job.types.ts';
import type { JobCardView, JobDetailView } from '../jobs/job-view.ts';

const hours = z.object({ start: z.string(), end: z.string() });

export const publicJobCardSchema = z
  .object({
    jobNumber: z.string().openapi({ example: '13010-00000001', description: '求人番号' }),
    title: z.string().openapi({ description: '職種' }),
    valid: z.boolean(),
    acceptedOn: z.string().nullable().openapi({ description: '受付年月日 (YYYY-MM-DD)' }),
    referralDeadline: z.string().nullable().openapi({ description: '紹介期限日 (YYYY-MM-DD)' }),
    category: z.enum(JOB_CATEGORIES),
    workStyle: z.enum(WORK_STYLES),
    employmentType: z.enum(EMPLOYMENT_TYPES),
    publicationScope: z.enum(PUBLICATION_SCOPES),
    employerName: z.string().nullable().openapi({ description: '事業所名 (null: 公開範囲により非公開)' }),
    prefectureCode: z.string(),
    city: z.string(),
    workHours: z.array(hours),
    holidays: z.string(),
    weeklyTwoDaysOff: z.enum(WEEKLY_TWO_DAYS_OFF),
    annualHolidays: z.number().int(),
    ageMin: z.number().int().nullable(),
    ageMax: z.number().int().nullable(),
    wageType: z.enum(WAGE_TYPES),
    wageMin: z.number().int(),
    wageMax: z.number().int(),
    features: z.array(z.string()),
    openings: z.number().int(),
    descriptionExcerpt: z.string(),
    url: z.string(),
  })
  .openapi('JobCard');
export type PublicJobCard = z.infer<typeof publicJobCardSchema>;

/** A search result: the card, and how its keywords matched (ADR 0035). */
export const publicJobHitSchema = publicJobCardSchema
  .extend({
    matchedBy: z.enum(['text', 'reading']).openapi({
      description:
        'reading: キーワードの一部が求人の文字ではなく漢字の読みで一致 (かいご → 介護)。text: すべて文字で一致、またはキーワードなし' +
        ' / reading: some keyword matched only the reading of the kanji; text: all in the text, or no keyword',
    }),
    readingMatches: z.array(z.string()).openapi({
      description:
        '読みだけで一致したキーワード (正規化済み、カタカナ) / the keywords matched only by reading, normalised',
    }),
  })
  .openapi('JobSearchHit');
export type PublicJobHit = z.infer<typeof publicJobHitSchema>;

export const publicJobSearchSchema = z
  .object({
    total: z.number().int().openapi({ description: '件数 (capped のとき MAX_RESULTS を超える)' }),
    capped: z.boolean(),
    page: z.number().int(),
    per: z.number().int(),
    pages: z.number().int(),
    jobs: z.array(publicJobHitSchema),
  })
  .openapi('JobSearchResult');
export type PublicJobSearch = z.infer<typeof publicJobSearchSchema>;

const employerSchema = z.object({
  establishmentNumber: z.string().nullable(),
  name: z.string().nullable(),
  nameKana: z.string().nullable(),
  postalCode: z.string().nullable(),
  prefectureCode: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable().openapi({ description: '事業所の代表電話 (公開範囲1のみ)' }),
  industryCode: z.string(),
  employeesTotal: z.number().int(),
  employeesAtWorkplace: z.number().int(),
  businessDescription: z.string(),
});

export const publicJobDetailSchema = z
  .object({
    jobNumber: z.string(),
    valid: z.boolean(),
    officeName: z.string().openapi({ description: '受理安定所' }),
    acceptedOn: z.string().nullable(),
    referralDeadline: z.string().nullable(),
    title: z.string(),
    category: z.enum(JOB_CATEGORIES),
    workStyle: z.enum(WORK_STYLES),
    employmentType: z.enum(EMPLOYMENT_TYPES),
    employmentPeriod: z.object({
      fixed: z.boolean(),
      months: z.number().int().nullable(),
      renewal: z.string(),
    }),
    description: z.string(),
    occupationCode: z.string(),
    industryCode: z.string(),
    prefectureCode: z.string(),
    city: z.string(),
    workplaceAddress: z.string().nullable(),
    nearestStation: z.string(),
    stationWalkMinutes: z.number().int().nullable(),
    ageMin: z.number().int().nullable(),
    ageMax: z.number().int().nullable(),
    ageLimitReason: z.string(),
    education: z.string().nullable(),
    experience: z.string().nullable(),
    license: z.string().nullable(),
    trialPeriod: z.string(),
    wageType: z.enum(WAGE_TYPES),
    wageMin: z.number().int(),
    wageMax: z.number().int(),
    basePayMin: z.number().int(),
    basePayMax: z.number().int(),
    fixedAllowances: z.array(z.object({ name: z.string(), amount: z.number().int() })),
    fixedOvertime: z.object({ amount: z.number().int(), hours: z.number().int() }).nullable(),
    commuteAllowance: z.string(),
    hasBonus: z.boolean(),
    bonusDetail: z.string(),
    workHours: z.array(hours),
    workHoursNote: z.string(),
    hasOvertime: z.boolean(),
    overtimeMonthlyHours: z.number().int().nullable(),
    breakMinutes: z.number().int(),
    annualHolidays: z.number().int(),
    holidays: z.string(),
    weeklyTwoDaysOff: z.enum(WEEKLY_TWO_DAYS_OFF),
    insurances: z.array(z.string()),
    retirementAge: z.number().int().nullable(),
    openings: z.number().int(),
    selectionMethods: z.array(z.string()),
    resultNoticeDays: z.number().int(),
    applicationDocuments: z.array(z.string()),
    documentMethods: z.array(z.string()),
    acceptsOnlineApplication: z.boolean(),
    publicationScope: z.enum(PUBLICATION_SCOPES),
    features: z.array(z.string()),
    specialNotes: z.string(),
    employer: employerSchema,
    url: z.string(),
  })
  .openapi('Job');
export type PublicJobDetail = z.infer<typeof publicJobDetailSchema>;

export const apiErrorSchema = z
  .object({ error: z.string(), issues: z.record(z.string(), z.string()).optional() })
  .openapi('Error');

const jobUrl = (baseUrl: string, jobNumber: string) => `${baseUrl}/jobs/${jobNumber}`;

export function toPublicJobCard(card: JobCardView, baseUrl: string): PublicJobCard {
  return {
    jobNumber: card.jobNumber,
    title: card.title,
    valid: card.valid,
    acceptedOn: card.acceptedOn,
    referralDeadline: card.referralDeadline,
    category: card.category,
    workStyle: card.workStyle,
    employmentType: card.employmentType,
    publicationScope: card.publicationScope,
    employerName: card.employerName,
    prefectureCode: card.prefectureCode,
    city: card.city,
    workHours: card.workHours.map(({ start, end }) => ({ start, end })),
    holidays: card.holidays,
    weeklyTwoDaysOff: card.weeklyTwoDaysOff,
    annualHolidays: card.annualHolidays,
    ageMin: card.ageMin,
    ageMax: card.ageMax,
    wageType: card.wageType,
    wageMin: card.wageMin,
    wageMax: card.wageMax,
    features: [...card.features],
    openings: card.openings,
    descriptionExcerpt: card.descriptionExcerpt,
    url: jobUrl(baseUrl, card.jobNumber),
  };
}

/** A search result card with the keywords it matched only by reading (none: matched by text). */
export function toPublicJobHit(
  card: JobCardView,
  readingMatches: string[] | undefined,
  baseUrl: string,
): PublicJobHit {
  return {
    ...toPublicJobCard(card, baseUrl),
    matchedBy: readingMatches?.length ? 'reading' : 'text',
    readingMatches: readingMatches ?? [],
  };
}

/** The 求人票 as the public page shows it: `view` must be built for the public viewer. */
export function toPublicJobDetail(view: JobDetailView, baseUrl: string): PublicJobDetail {
  const { job, employer } = view;
  const jobNumber = job.jobNumber ?? '';
  return {
    jobNumber,
    valid: view.valid,
    officeName: view.officeName,
    acceptedOn: job.acceptedOn,
    referralDeadline: job.referralDeadline,
    title: job.title,
    category: job.category,
    workStyle: job.workStyle,
    employmentType: job.employmentType,
    employmentPeriod: {
      fixed: job.employmentPeriod.fixed,
      months: job.employmentPeriod.months,
      renewal: job.employmentPeriod.renewal,
    },
    description: job.description,
    occupationCode: job.occupationCode.trim(),
    industryCode: job.industryCode.trim(),
    prefectureCode: job.prefectureCode,
    city: job.city,
    workplaceAddress: job.workplaceAddress,
    nearestStation: job.nearestStation,
    stationWalkMinutes: job.stationWalkMinutes,
    ageMin: job.ageMin,
    ageMax: job.ageMax,
    ageLimitReason: job.ageLimitReason,
    education: job.education,
    experience: job.experience,
    license: job.license,
    trialPeriod: job.trialPeriod,
    wageType: job.wageType,
    wageMin: job.wageMin,
    wageMax: job.wageMax,
    basePayMin: job.basePayMin,
    basePayMax: job.basePayMax,
    fixedAllowances: job.fixedAllowances.map(({ name, amount }) => ({ name, amount })),
    fixedOvertime: job.fixedOvertime
      ? { amount: job.fixedOvertime.amount, hours: job.fixedOvertime.hours }
      : null,
    commuteAllowance: job.commuteAllowance,
    hasBonus: job.hasBonus,
    bonusDetail: job.bonusDetail,
    workHours: job.workHours.map(({ start, end }) => ({ start, end })),
    workHoursNote: job.workHoursNote,
    hasOvertime: job.hasOvertime,
    overtimeMonthlyHours: job.overtimeMonthlyHours,
    breakMinutes: job.breakMinutes,
    annualHolidays: job.annualHolidays,
    holidays: job.holidays,
    weeklyTwoDaysOff: job.weeklyTwoDaysOff,
    insurances: [...job.insurances],
    retirementAge: job.retirementAge,
    openings: job.openings,
    selectionMethods: [...job.selectionMethods],
    resultNoticeDays: job.resultNoticeDays,
    applicationDocuments: [...job.applicationDocuments],
    documentMethods: [...job.documentMethods],
    acceptsOnlineApplication: job.acceptsOnlineApplication,
    publicationScope: job.publicationScope,
    features: [...job.features],
    specialNotes: job.specialNotes,
    employer: { ...employer },
    url: jobUrl(baseUrl, jobNumber),
  };
}
