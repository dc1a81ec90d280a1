/**
 * 生年月日 of a job seeker (SPEC MP-1, MP-6, MP-10): the one rule, used by staff registration, the
 * internet registration wizard and the counter registration of an internet-only seeker (which
 * checks the stored date again). Pure; it needs today's date, so it lives outside the zod schemas.
 * Dates are Tokyo calendar dates.
 */
import { ageOn, isLocalDate, type LocalDate } from '../../platform/dates.ts';

/**
 * The youngest age accepted. 中学3年生 register (through their school) in the year they finish
 * compulsory education, when many are still 14; nobody younger can take up work.
 */
export const MIN_REGISTRATION_AGE = 14;
/** Older than this is a typing mistake, not a job seeker. */
export const MAX_REGISTRATION_AGE = 110;

export type BirthDateProblem = 'future' | 'implausible';

/**
 * Why a 生年月日 cannot be right for a job seeker registering today, or undefined when it can (also
 * for text that is not a date at all: the field's format check reports that).
 */
export function birthDateProblem(birthDate: LocalDate, today: LocalDate): BirthDateProblem | undefined {
  if (!isLocalDate(birthDate)) return undefined;
  if (birthDate > today) return 'future';
  const age = ageOn(birthDate, today);
  if (age < MIN_REGISTRATION_AGE || age > MAX_REGISTRATION_AGE) return 'implausible';
  return undefined;
}
