/**
 * Input schemas for the 求人票 (SPEC SR-7, EM-4, ST-3), shared by the job form (employer and staff)
 * and the use cases. The form is flat (one name per input); `toJobContent` turns the parsed form into
 * the stored shape and `jobFormValues` turns a stored job back into form values.
 *
 * Two ways to read the form:
 * - `jobSchema` — the full check for 「受理を申し込む」 / 受理: every required field and the
 *   cross-field rules (ranges, reasons, pairs).
 * - `parseDraft` — 「一時保存」: keeps every field that parses on its own, skips blanks, and reports the
 *   fields that were typed but could not be read, so the draft stays type-safe and nothing valid is lost.
 */
import { z } from 'zod';
import { choice, choices, date, integer, nfkc, text } from '../../platform/fields.ts';
import { foldDashes } from '../../platform/text.ts';
import { establishmentNumberField } from '../employers/establishment-number.ts';
import { PREFECTURE_CODES } from '../geo/geo.data.ts';
import {
  APPLICATION_DOCUMENTS,
  DOCUMENT_METHODS,
  EMPLOYMENT_TYPES,
  FEATURE_TAGS,
  INDUSTRY_CODES,
  INSURANCES,
  JOB_CATEGORIES,
  OCCUPATION_GROUPS,
  PUBLICATION_SCOPES,
  SELECTION_METHODS,
  WAGE_TYPES,
  WEEKLY_TWO_DAYS_OFF,
  WORK_STYLES,
} from './job.types.ts';
import type { JobPosting } from './jobs.repository.ts';

const YES_NO = ['yes', 'no'] as const;
type FormInput = Record<string, string | string[] | undefined>;

const asString = (v: unknown) =>
  typeof v === 'string' ? v : Array.isArray(v) ? String(v[0] ?? '') : v === undefined ? '' : String(v);

/** A time of day HH:MM; also accepts 9:00, ９：００ and 9時00分. */
export function time(opts: { optional?: boolean } = {}) {
  return z.preprocess(
    (v) => {
      const s = nfkc(asString(v)).replace(/\s+/g, '');
      const m = /^(\d{1,2})[:時](\d{2})分?$/.exec(s);
      return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : s;
    },
    z
      .string()
      .refine((s) => opts.optional || s.length > 0, { message: 'required', abort: true })
      .refine((s) => s.length === 0 || /^([01]\d|2[0-3]):[0-5]\d$/.test(s), { message: 'pattern' }),
  );
}

/** 求人番号 NNNNN-NNNNNNNN (SR-5); full-width digits and dashes accepted. */
export const JOB_NUMBER = /^\d{5}-\d{8}$/;
export function normalizeJobNumber(value: string): string {
  return foldDashes(nfkc(value)).replace(/\s+/g, '');
}
export function jobNumber() {
  return z.preprocess(
    (v) => normalizeJobNumber(asString(v)),
    z
      .string()
      .refine((s) => s.length > 0, { message: 'required', abort: true })
      .refine((s) => JOB_NUMBER.test(s), { message: 'jobNumber' }),
  );
}

export const MAX_HOURS_PATTERNS = 3;
export const MAX_ALLOWANCES = 3;
export const DESCRIPTION_MAX = 1000;
export const CARD_EXCERPT = 120;

const numbered = (prefix: string, n: number) => `${prefix}${n}`;

/** Every input of the 求人票 form, each parsable on its own (the draft relies on that). */
export const jobFieldShape = {
  title: text({ max: 60 }),
  category: choice(JOB_CATEGORIES),
  workStyle: choice(WORK_STYLES),
  occupationCode: choice(OCCUPATION_GROUPS),
  industryCode: choice(INDUSTRY_CODES),
  employmentType: choice(EMPLOYMENT_TYPES),
  periodFixed: choice(YES_NO),
  periodMonths: integer({ min: 1, max: 60, optional: true }),
  periodRenewal: text({ max: 200, optional: true }),
  description: text({ max: DESCRIPTION_MAX, multiline: true }),

  prefectureCode: choice(PREFECTURE_CODES),
  city: text({ max: 50 }),
  workplaceAddress: text({ max: 200 }),
  nearestStation: text({ max: 50, optional: true }),
  stationWalkMinutes: integer({ min: 0, max: 999, optional: true }),

  ageMin: integer({ min: 15, max: 99, optional: true }),
  ageMax: integer({ min: 15, max: 99, optional: true }),
  ageLimitReason: text({ max: 300, optional: true, multiline: true }),
  education: text({ max: 100, optional: true }),
  experience: text({ max: 200, optional: true }),
  license: text({ max: 200, optional: true }),
  trialPeriod: text({ max: 200, optional: true }),

  wageType: choice(WAGE_TYPES),
  basePayMin: integer({ min: 1, max: 99_999_999 }),
  basePayMax: integer({ min: 1, max: 99_999_999 }),
  allowanceName1: text({ max: 30, optional: true }),
  allowanceAmount1: integer({ min: 1, max: 9_999_999, optional: true }),
  allowanceName2: text({ max: 30, optional: true }),
  allowanceAmount2: integer({ min: 1, max: 9_999_999, optional: true }),
  allowanceName3: text({ max: 30, optional: true }),
  allowanceAmount3: integer({ min: 1, max: 9_999_999, optional: true }),
  fixedOvertimeAmount: integer({ min: 1, max: 9_999_999, optional: true }),
  fixedOvertimeHours: integer({ min: 1, max: 200, optional: true }),
  wageMin: integer({ min: 1, max: 99_999_999 }),
  wageMax: integer({ min: 1, max: 99_999_999 }),
  commuteAllowance: text({ max: 200, optional: true }),
  hasBonus: choice(YES_NO),
  bonusDetail: text({ max: 200, optional: true }),

  hoursStart1: time(),
  hoursEnd1: time(),
  hoursStart2: time({ optional: true }),
  hoursEnd2: time({ optional: true }),
  hoursStart3: time({ optional: true }),
  hoursEnd3: time({ optional: true }),
  workHoursNote: text({ max: 300, optional: true, multiline: true }),
  hasOvertime: choice(YES_NO),
  overtimeMonthlyHours: integer({ min: 1, max: 100, optional: true }),
  breakMinutes: integer({ min: 0, max: 600 }),
  annualHolidays: integer({ min: 1, max: 366 }),
  holidays: text({ max: 200 }),
  weeklyTwoDaysOff: choice(WEEKLY_TWO_DAYS_OFF),

  insurances: choices(INSURANCES),
  retirementAge: integer({ min: 60, max: 99, optional: true }),

  openings: integer({ min: 1, max: 999 }),
  selectionMethods: choices(SELECTION_METHODS, { min: 1 }),
  resultNoticeDays: integer({ min: 1, max: 60 }),
  applicationDocuments: choices(APPLICATION_DOCUMENTS),
  documentMethods: choices(DOCUMENT_METHODS, { min: 1 }),
  acceptsOnlineApplication: choice(YES_NO),
  publicationScope: choice(PUBLICATION_SCOPES),
  features: choices(FEATURE_TAGS),
  specialNotes: text({ max: 1000, optional: true, multiline: true }),
};

export type JobFieldName = keyof typeof jobFieldShape;
export const JOB_FIELD_NAMES = Object.keys(jobFieldShape) as JobFieldName[];

export const jobFieldsSchema = z.object(jobFieldShape);
export type JobFields = z.output<typeof jobFieldsSchema>;

export interface FieldIssue {
  field: JobFieldName;
  message: 'required' | 'min' | 'invalid';
  params?: { min: number };
}

const present = <T>(v: T | null | undefined): v is T => v !== null && v !== undefined && v !== '';

/**
 * Rules between fields. `complete` adds the "B is needed when A is given" rules, which a draft
 * (一時保存) does not need; the ordering rules (下限 ≤ 上限) always apply, since the table checks them.
 */
export function crossFieldIssues(d: Partial<JobFields>, complete: boolean): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const atLeast = (field: JobFieldName, value: number | null | undefined, min: number | null | undefined) => {
    if (present(value) && present(min) && value < min)
      issues.push({ field, message: 'min', params: { min } });
  };
  atLeast('wageMax', d.wageMax, d.wageMin);
  atLeast('basePayMax', d.basePayMax, d.basePayMin);
  atLeast('wageMin', d.wageMin, d.basePayMin);
  atLeast('ageMax', d.ageMax, d.ageMin);
  for (let n = 1; n <= MAX_HOURS_PATTERNS; n++) {
    const start = d[`hoursStart${n}` as JobFieldName] as string | undefined;
    const end = d[`hoursEnd${n}` as JobFieldName] as string | undefined;
    if (present(start) && present(end) && start === end)
      issues.push({ field: numbered('hoursEnd', n) as JobFieldName, message: 'invalid' });
  }
  if (!complete) return issues;

  const needs = (field: JobFieldName, when: boolean, value: unknown) => {
    if (when && !present(value)) issues.push({ field, message: 'required' });
  };
  needs('ageLimitReason', present(d.ageMin) || present(d.ageMax), d.ageLimitReason);
  needs('periodMonths', d.periodFixed === 'yes', d.periodMonths);
  needs('overtimeMonthlyHours', d.hasOvertime === 'yes', d.overtimeMonthlyHours);
  needs('fixedOvertimeHours', present(d.fixedOvertimeAmount), d.fixedOvertimeHours);
  needs('fixedOvertimeAmount', present(d.fixedOvertimeHours), d.fixedOvertimeAmount);
  for (let n = 1; n <= MAX_ALLOWANCES; n++) {
    const name = d[`allowanceName${n}` as JobFieldName];
    const amount = d[`allowanceAmount${n}` as JobFieldName];
    needs(numbered('allowanceAmount', n) as JobFieldName, present(name), amount);
    needs(numbered('allowanceName', n) as JobFieldName, present(amount), name);
  }
  for (let n = 2; n <= MAX_HOURS_PATTERNS; n++) {
    const start = d[`hoursStart${n}` as JobFieldName];
    const end = d[`hoursEnd${n}` as JobFieldName];
    needs(numbered('hoursEnd', n) as JobFieldName, present(start), end);
    needs(numbered('hoursStart', n) as JobFieldName, present(end), start);
  }
  return issues;
}

const addCrossIssues = (d: Partial<JobFields>, complete: boolean, ctx: z.RefinementCtx) => {
  for (const issue of crossFieldIssues(d, complete)) {
    ctx.addIssue({
      code: 'custom',
      path: [issue.field],
      message: issue.message,
      ...(issue.params ? { params: issue.params } : {}),
    });
  }
};

/** The full check (「受理を申し込む」, 受理). */
export const jobSchema = jobFieldsSchema.superRefine((d, ctx) => addCrossIssues(d, true, ctx));

const isBlank = (v: unknown) =>
  v === undefined ||
  v === null ||
  (Array.isArray(v) ? v.every((s) => String(s).trim() === '') : String(v).trim() === '');

/**
 * The messages of 「一時保存」: blanks are fine, anything typed must parse, ranges must be in order.
 * (What is stored is decided by parseDraft; this schema only explains what was left out.)
 */
export const jobDraftSchema = z
  .object(
    Object.fromEntries(
      JOB_FIELD_NAMES.map((name) => [
        name,
        z.preprocess((v) => (isBlank(v) ? undefined : v), jobFieldShape[name].optional()),
      ]),
    ),
  )
  .superRefine((d, ctx) => addCrossIssues(d as Partial<JobFields>, false, ctx));

/**
 * 「一時保存」: every field that parses on its own is kept; blanks are simply not filled in yet;
 * fields typed but unreadable (and the later field of an inverted range) are listed in `invalid`.
 */
export function parseDraft(values: FormInput): { data: Partial<JobFields>; invalid: JobFieldName[] } {
  const data: Record<string, unknown> = {};
  const invalid: JobFieldName[] = [];
  for (const name of JOB_FIELD_NAMES) {
    const raw = values[name];
    if (isBlank(raw)) continue;
    const parsed = jobFieldShape[name].safeParse(raw);
    if (parsed.success) data[name] = parsed.data;
    else invalid.push(name);
  }
  const partial = data as Partial<JobFields>;
  for (const issue of crossFieldIssues(partial, false)) {
    delete data[issue.field];
    if (!invalid.includes(issue.field)) invalid.push(issue.field);
  }
  return { data: partial, invalid };
}

/** The columns a 求人票's content fills (everything but identity, status and dates). */
export type JobContent = Omit<
  JobPosting,
  | 'id'
  | 'formKey'
  | 'jobNumber'
  | 'employerId'
  | 'officeCode'
  | 'status'
  | 'acceptedOn'
  | 'referralDeadline'
  | 'closedOn'
  | 'closedReason'
  | 'closedCause'
  | 'createdAt'
  | 'updatedAt'
>;

const orNull = (s: string | undefined): string | null => (s ? s : null);

/** Parsed form → stored content. Missing fields (drafts only) get neutral defaults the table accepts. */
export function toJobContent(d: Partial<JobFields>): JobContent {
  const allowances = [];
  for (let n = 1; n <= MAX_ALLOWANCES; n++) {
    const name = d[`allowanceName${n}` as 'allowanceName1'];
    const amount = d[`allowanceAmount${n}` as 'allowanceAmount1'];
    // A draft may hold half a row (shown again as typed); the full check requires both halves.
    if (name || present(amount)) allowances.push({ name: name ?? '', amount: amount ?? 0 });
  }
  const hours = [];
  for (let n = 1; n <= MAX_HOURS_PATTERNS; n++) {
    const start = d[`hoursStart${n}` as 'hoursStart1'];
    const end = d[`hoursEnd${n}` as 'hoursEnd1'];
    if (start || end) hours.push({ start: start ?? '', end: end ?? '' });
  }
  const wageMin = d.wageMin ?? 0;
  const basePayMin = d.basePayMin ?? 0;
  const fixed = d.periodFixed === 'yes';
  const overtime = d.hasOvertime === 'yes';
  return {
    title: d.title ?? '',
    category: d.category ?? 'general',
    workStyle: d.workStyle ?? 'full_time',
    employmentType: d.employmentType ?? 'regular',
    employmentPeriod: {
      fixed,
      months: fixed ? (d.periodMonths ?? null) : null,
      renewal: fixed ? (d.periodRenewal ?? '') : '',
    },
    description: d.description ?? '',
    occupationCode: d.occupationCode ?? '',
    industryCode: d.industryCode ?? '',
    prefectureCode: d.prefectureCode ?? '',
    city: d.city ?? '',
    workplaceAddress: d.workplaceAddress ?? '',
    nearestStation: d.nearestStation ?? '',
    stationWalkMinutes: d.stationWalkMinutes ?? null,
    ageMin: d.ageMin ?? null,
    ageMax: d.ageMax ?? null,
    ageLimitReason: present(d.ageMin) || present(d.ageMax) ? (d.ageLimitReason ?? '') : '',
    education: orNull(d.education),
    experience: orNull(d.experience),
    license: orNull(d.license),
    trialPeriod: d.trialPeriod ?? '',
    wageType: d.wageType ?? 'monthly',
    wageMin,
    // The table requires 下限 ≤ 上限; a draft with only the lower bound keeps it as both.
    wageMax: Math.max(d.wageMax ?? 0, wageMin),
    basePayMin,
    basePayMax: Math.max(d.basePayMax ?? 0, basePayMin),
    fixedAllowances: allowances,
    fixedOvertime:
      present(d.fixedOvertimeAmount) || present(d.fixedOvertimeHours)
        ? { amount: d.fixedOvertimeAmount ?? 0, hours: d.fixedOvertimeHours ?? 0 }
        : null,
    commuteAllowance: d.commuteAllowance ?? '',
    hasBonus: d.hasBonus === 'yes',
    bonusDetail: d.hasBonus === 'yes' ? (d.bonusDetail ?? '') : '',
    workHours: hours,
    workHoursNote: d.workHoursNote ?? '',
    hasOvertime: overtime,
    overtimeMonthlyHours: overtime ? (d.overtimeMonthlyHours ?? null) : null,
    breakMinutes: d.breakMinutes ?? 0,
    annualHolidays: d.annualHolidays ?? 0,
    holidays: d.holidays ?? '',
    weeklyTwoDaysOff: d.weeklyTwoDaysOff ?? 'none',
    insurances: d.insurances ?? [],
    retirementAge: d.retirementAge ?? null,
    openings: d.openings ?? 0,
    selectionMethods: d.selectionMethods ?? [],
    resultNoticeDays: d.resultNoticeDays ?? 0,
    applicationDocuments: d.applicationDocuments ?? [],
    documentMethods: d.documentMethods ?? [],
    acceptsOnlineApplication: d.acceptsOnlineApplication === 'yes',
    publicationScope: d.publicationScope ?? 'full',
    features: d.features ?? [],
    specialNotes: d.specialNotes ?? '',
  };
}

const num = (n: number | null) => (n === null ? '' : String(n));
const yesNo = (b: boolean) => (b ? 'yes' : 'no');

/**
 * Stored content → form values. For a draft, values that would not pass their field (the defaults
 * of fields not filled in yet, such as 0 yen) are shown blank rather than as if someone had typed them.
 */
export function jobFormValues(job: JobContent, draft: boolean): Record<string, string | string[]> {
  const v: Record<string, string | string[]> = {
    title: job.title,
    category: job.category,
    workStyle: job.workStyle,
    occupationCode: job.occupationCode.trim(),
    industryCode: job.industryCode.trim(),
    employmentType: job.employmentType,
    periodFixed: yesNo(job.employmentPeriod.fixed),
    periodMonths: num(job.employmentPeriod.months),
    periodRenewal: job.employmentPeriod.renewal,
    description: job.description,
    prefectureCode: job.prefectureCode.trim(),
    city: job.city,
    workplaceAddress: job.workplaceAddress,
    nearestStation: job.nearestStation,
    stationWalkMinutes: num(job.stationWalkMinutes),
    ageMin: num(job.ageMin),
    ageMax: num(job.ageMax),
    ageLimitReason: job.ageLimitReason,
    education: job.education ?? '',
    experience: job.experience ?? '',
    license: job.license ?? '',
    trialPeriod: job.trialPeriod,
    wageType: job.wageType,
    basePayMin: num(job.basePayMin),
    basePayMax: num(job.basePayMax),
    fixedOvertimeAmount: num(job.fixedOvertime?.amount ?? null),
    fixedOvertimeHours: num(job.fixedOvertime?.hours ?? null),
    wageMin: num(job.wageMin),
    wageMax: num(job.wageMax),
    commuteAllowance: job.commuteAllowance,
    hasBonus: yesNo(job.hasBonus),
    bonusDetail: job.bonusDetail,
    workHoursNote: job.workHoursNote,
    hasOvertime: yesNo(job.hasOvertime),
    overtimeMonthlyHours: num(job.overtimeMonthlyHours),
    breakMinutes: num(job.breakMinutes),
    annualHolidays: num(job.annualHolidays),
    holidays: job.holidays,
    weeklyTwoDaysOff: job.weeklyTwoDaysOff,
    insurances: job.insurances,
    retirementAge: num(job.retirementAge),
    openings: num(job.openings),
    selectionMethods: job.selectionMethods,
    resultNoticeDays: num(job.resultNoticeDays),
    applicationDocuments: job.applicationDocuments,
    documentMethods: job.documentMethods,
    acceptsOnlineApplication: yesNo(job.acceptsOnlineApplication),
    publicationScope: job.publicationScope,
    features: job.features,
    specialNotes: job.specialNotes,
  };
  for (let n = 1; n <= MAX_ALLOWANCES; n++) {
    const a = job.fixedAllowances[n - 1];
    v[numbered('allowanceName', n)] = a?.name ?? '';
    v[numbered('allowanceAmount', n)] = a ? String(a.amount) : '';
  }
  for (let n = 1; n <= MAX_HOURS_PATTERNS; n++) {
    const h = job.workHours[n - 1];
    v[numbered('hoursStart', n)] = h?.start ?? '';
    v[numbered('hoursEnd', n)] = h?.end ?? '';
  }
  if (draft) {
    for (const name of JOB_FIELD_NAMES) {
      const value = v[name];
      if (value === undefined || isBlank(value)) continue;
      if (!jobFieldShape[name].safeParse(value).success) v[name] = '';
    }
  }
  return v;
}

/** Whether stored content would pass the full check (staff may accept a draft only then). */
export function isCompleteJob(job: JobContent): boolean {
  return jobSchema.safeParse(jobFormValues(job, false)).success;
}

/** EM-4: what an employer may change on an open job. */
export const jobSettingsSchema = z.object({
  documentMethods: jobFieldShape.documentMethods,
  acceptsOnlineApplication: jobFieldShape.acceptsOnlineApplication,
  publicationScope: jobFieldShape.publicationScope,
});
export type JobSettingsInput = z.output<typeof jobSettingsSchema>;

/** ST-3: 受理 with an optional 紹介期限日 (blank = the default). */
export const acceptJobSchema = z.object({ referralDeadline: date({ optional: true }) });

/** ST-3: 無効にする / 取り下げる, with a required reason. */
export const closeJobSchema = z.object({
  kind: choice(['invalid', 'withdrawn'] as const),
  reason: text({ max: 200, multiline: true }),
});

/** ST-3: staff look a job up by 求人番号. */
export const jobLookupSchema = z.object({ number: jobNumber() });

/** ST-3: staff creating a job choose the employer by 事業所番号. */
export const staffJobSchema = z.object({ establishmentNumber: establishmentNumberField() });
