/**
 * 求職登録 at an office (SPEC MP-1): pure checks that need today's date, so they live outside the
 * zod schema. Dates are Tokyo calendar dates.
 */
import { ageOn, type LocalDate } from '../../platform/dates.ts';

/**
 * The youngest age accepted. 中学3年生 register (through their school) in the year they finish
 * compulsory education, when many are still 14; nobody younger can take up work.
 */
export const MIN_REGISTRATION_AGE = 14;
/** Older than this is a typing mistake, not a job seeker. */
export const MAX_REGISTRATION_AGE = 110;

export type BirthDateProblem = 'future' | 'implausible';

/** Why a 生年月日 cannot be right for a job seeker registering today, or undefined when it can. */
export function birthDateProblem(birthDate: LocalDate, today: LocalDate): BirthDateProblem | undefined {
  if (birthDate > today) return 'future';
  const age = ageOn(birthDate, today);
  if (age < MIN_REGISTRATION_AGE || age > MAX_REGISTRATION_AGE) return 'implausible';
  return undefined;
}
