/**
 * 紹介・応募時の求人票 (AL): which items of the 求人票 changed between the snapshot taken at 「応募」
 * and the job now, so the page can highlight them. Pure; values compared as JSON.
 */
import type { JobDetailView } from '../jobs/job-view.ts';

/** The 求人票 items a seeker reads, in the order of the page (keys of the job row). */
export const COMPARED_JOB_FIELDS = [
  'title',
  'description',
  'employmentType',
  'employmentPeriod',
  'workplaceAddress',
  'city',
  'nearestStation',
  'education',
  'experience',
  'license',
  'trialPeriod',
  'wageType',
  'wageMin',
  'wageMax',
  'basePayMin',
  'basePayMax',
  'fixedAllowances',
  'fixedOvertime',
  'commuteAllowance',
  'hasBonus',
  'bonusDetail',
  'workHours',
  'workHoursNote',
  'hasOvertime',
  'overtimeMonthlyHours',
  'breakMinutes',
  'annualHolidays',
  'holidays',
  'insurances',
  'retirementAge',
  'openings',
  'selectionMethods',
  'applicationDocuments',
  'documentMethods',
  'referralDeadline',
  'specialNotes',
] as const satisfies readonly (keyof JobDetailView['job'])[];
export type ComparedJobField = (typeof COMPARED_JOB_FIELDS)[number];

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The items whose value differs now from the snapshot, in page order. */
export function changedJobFields(
  then: Pick<JobDetailView['job'], ComparedJobField>,
  now: Pick<JobDetailView['job'], ComparedJobField>,
): ComparedJobField[] {
  return COMPARED_JOB_FIELDS.filter((k) => !same(then[k], now[k]));
}
