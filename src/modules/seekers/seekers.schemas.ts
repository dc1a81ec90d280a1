/** Input schemas for 求職情報 (MP-8, MP-10): shared by the settings page, the wizard and staff registration. */
import { z } from 'zod';
import { choice, choices, integer, text } from '../../platform/fields.ts';
import { PREFECTURE_CODES } from '../geo/geo.data.ts';
import { EMPLOYMENT_TYPES, OCCUPATION_GROUPS, WAGE_TYPES } from '../jobs/job.types.ts';
import type { DesiredConditions } from './seeker.types.ts';

export const SEEKER_WORK_STYLES = ['full_time', 'part_time', 'either'] as const;

/** 希望職種・時間等 and 希望勤務地・賃金 together. */
export const desiredConditionsSchema = z.object({
  occupation: text({ max: 100 }),
  occupationCodes: choices(OCCUPATION_GROUPS, { max: 3 }),
  prefectureCodes: choices(PREFECTURE_CODES, { max: 3 }),
  cities: text({ max: 100, optional: true }),
  workStyle: choice(SEEKER_WORK_STYLES),
  employmentTypes: choices(EMPLOYMENT_TYPES),
  wageType: choice(WAGE_TYPES),
  wageMin: integer({ min: 0, max: 10_000_000, optional: true }),
  hours: text({ max: 100, optional: true }),
  holidays: text({ max: 100, optional: true }),
  notes: text({ max: 400, optional: true, multiline: true }),
});

export function toDesiredConditions(d: z.output<typeof desiredConditionsSchema>): DesiredConditions {
  return {
    occupation: d.occupation,
    occupationCodes: d.occupationCodes,
    prefectureCodes: d.prefectureCodes,
    cities: d.cities,
    workStyle: d.workStyle ?? 'either',
    employmentTypes: d.employmentTypes,
    wageType: d.wageType ?? 'monthly',
    wageMin: d.wageMin,
    hours: d.hours,
    holidays: d.holidays,
    notes: d.notes,
  };
}

/** Form values (strings) for a stored DesiredConditions, to pre-fill the form. */
export function desiredConditionsValues(d: DesiredConditions): Record<string, string | string[]> {
  return {
    occupation: d.occupation,
    occupationCodes: d.occupationCodes,
    prefectureCodes: d.prefectureCodes,
    cities: d.cities,
    workStyle: d.workStyle,
    employmentTypes: d.employmentTypes,
    wageType: d.wageType,
    wageMin: d.wageMin === null ? '' : String(d.wageMin),
    hours: d.hours,
    holidays: d.holidays,
    notes: d.notes,
  };
}
