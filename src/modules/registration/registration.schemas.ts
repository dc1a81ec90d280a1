/**
 * Input schemas of the internet registration wizard (SPEC MP-10), one per step, shared by the
 * pages and the use case that registers. Full-width and half-width input are both accepted.
 */
import { z } from 'zod';
import type { LocalDate } from '../../platform/dates.ts';
import { choice, date, kana, phone, postalCode, text } from '../../platform/fields.ts';
import type { DesiredConditions, SeekerProfile } from '../seekers/seeker.types.ts';
import { type BirthDateProblem, birthDateProblem } from '../seekers/seeker-registration.rules.ts';
import { desiredConditionsSchema, toDesiredConditions } from '../seekers/seekers.schemas.ts';
import { type DraftValues, FORM_STEPS, type FormStep } from './registration.rules.ts';

/** Character limits of the free-text fields. */
export const REGISTRATION_LIMITS = {
  name: 50,
  nameKana: 50,
  address: 200,
  education: 1000,
  licenses: 1000,
  career: 2000,
  disability: 1000,
  selfPr: 1000,
} as const;
const L = REGISTRATION_LIMITS;

export const YES_NO = ['yes', 'no'] as const;

export const basicSchema = z.object({
  name: text({ max: L.name }),
  nameKana: kana({ max: L.nameKana }),
  birthDate: date(),
  postalCode: postalCode(),
  address: text({ max: L.address }),
  phone: phone(),
});

export const infoSchema = z.object({
  publishToEmployers: choice(YES_NO),
  receiveJobInformation: choice(YES_NO),
});

export const workSchema = desiredConditionsSchema.pick({
  occupation: true,
  occupationCodes: true,
  workStyle: true,
  employmentTypes: true,
  hours: true,
  holidays: true,
});

export const placeSchema = desiredConditionsSchema.pick({
  prefectureCodes: true,
  cities: true,
  wageType: true,
  wageMin: true,
  notes: true,
});

export const educationSchema = z.object({
  education: text({ max: L.education, multiline: true }),
  licenses: text({ max: L.licenses, optional: true, multiline: true }),
});

export const careerSchema = z.object({
  career: text({ max: L.career, optional: true, multiline: true }),
});

export const disabilitySchema = z.object({
  disability: text({ max: L.disability, optional: true, multiline: true }),
});

export const prSchema = z.object({
  selfPr: text({ max: L.selfPr, optional: true, multiline: true }),
});

export const STEP_SCHEMAS = {
  basic: basicSchema,
  info: infoSchema,
  work: workSchema,
  place: placeSchema,
  education: educationSchema,
  career: careerSchema,
  disability: disabilitySchema,
  pr: prSchema,
} satisfies Record<FormStep, z.ZodObject>;

export type StepData = { [S in FormStep]: z.output<(typeof STEP_SCHEMAS)[S]> };

/** The form fields of each step (what a draft keeps for it). */
export const STEP_FIELDS = Object.fromEntries(
  FORM_STEPS.map((s) => [s, Object.keys(STEP_SCHEMAS[s].shape)]),
) as unknown as Record<FormStep, readonly string[]>;

export type RuleProblem = BirthDateProblem;

/** Checks beyond the field formats (they need today's date). Field → problem; empty when fine. */
export function stepRuleProblems(
  step: FormStep,
  data: StepData[FormStep],
  today: LocalDate,
): Partial<Record<string, RuleProblem>> {
  if (step !== 'basic') return {};
  const problem = birthDateProblem((data as StepData['basic']).birthDate, today);
  return problem ? { birthDate: problem } : {};
}

/** One step's input, checked: the typed data, or nothing when it is not acceptable. */
export function parseStep<S extends FormStep>(
  step: S,
  values: DraftValues,
  today: LocalDate,
): StepData[S] | undefined {
  const result = STEP_SCHEMAS[step].safeParse(values);
  if (!result.success) return undefined;
  const data = result.data as StepData[S];
  return Object.keys(stepRuleProblems(step, data, today)).length ? undefined : data;
}

export interface Registration {
  basic: StepData['basic'];
  desired: DesiredConditions;
  profile: SeekerProfile;
}

/**
 * Reads a whole draft for 「登録する」: every step again, in order. The first step that is not
 * acceptable (missing or invalid) is named so the user can be sent back to it.
 */
export function readRegistration(
  data: Record<string, DraftValues>,
  today: LocalDate,
): { ok: true; registration: Registration } | { ok: false; step: FormStep } {
  const parsed: Partial<StepData> = {};
  for (const step of FORM_STEPS) {
    const stepData = parseStep(step, data[step] ?? {}, today);
    if (!stepData) return { ok: false, step };
    (parsed as Record<FormStep, unknown>)[step] = stepData;
  }
  const p = parsed as StepData;
  const desired = toDesiredConditions(desiredConditionsSchema.parse({ ...data.work, ...data.place }));
  return {
    ok: true,
    registration: {
      basic: p.basic,
      desired,
      profile: {
        publishToEmployers: p.info.publishToEmployers === 'yes',
        receiveJobInformation: p.info.receiveJobInformation === 'yes',
        education: p.education.education,
        licenses: p.education.licenses,
        career: p.career.career,
        disability: p.disability.disability,
        selfPr: p.pr.selfPr,
      },
    },
  };
}
