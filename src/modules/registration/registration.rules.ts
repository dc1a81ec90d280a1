/**
 * Rules of the internet registration wizard (SPEC MP-6, MP-10). Pure: the order of the steps, how
 * far a user may jump, what a draft keeps, and the checks a schema cannot make alone.
 */
import { cutText } from '../../platform/text.ts';

/** The wizard's steps in order (MP-10); `confirm` is the summary with 「登録する」. */
export const REGISTRATION_STEPS = [
  'basic',
  'info',
  'work',
  'place',
  'education',
  'career',
  'disability',
  'pr',
  'confirm',
] as const;
export type RegistrationStep = (typeof REGISTRATION_STEPS)[number];
/** The steps that have a form. */
export type FormStep = Exclude<RegistrationStep, 'confirm'>;
export const FORM_STEPS = REGISTRATION_STEPS.filter((s): s is FormStep => s !== 'confirm');
export const FIRST_STEP: RegistrationStep = 'basic';

export function isRegistrationStep(value: string | undefined): value is RegistrationStep {
  return (REGISTRATION_STEPS as readonly string[]).includes(value ?? '');
}

export function isFormStep(value: string | undefined): value is FormStep {
  return isRegistrationStep(value) && value !== 'confirm';
}

export const stepIndex = (step: RegistrationStep) => REGISTRATION_STEPS.indexOf(step);

export function nextStep(step: FormStep): RegistrationStep {
  return REGISTRATION_STEPS[stepIndex(step) + 1] ?? 'confirm';
}

export function previousStep(step: RegistrationStep): RegistrationStep | undefined {
  const i = stepIndex(step);
  return i > 0 ? REGISTRATION_STEPS[i - 1] : undefined;
}

/** The later of two steps: a draft remembers the furthest step ever reached. */
export function furthestStep(a: RegistrationStep, b: RegistrationStep): RegistrationStep {
  return stepIndex(a) >= stepIndex(b) ? a : b;
}

/** Where an unfinished registration resumes: the furthest step reached, or the first one. */
export function resumeStep(stored: string | undefined): RegistrationStep {
  return isRegistrationStep(stored) ? stored : FIRST_STEP;
}

/** A step can be opened once it was reached; later ones only through the steps before them. */
export function canOpenStep(step: RegistrationStep, furthest: RegistrationStep): boolean {
  return stepIndex(step) <= stepIndex(furthest);
}

/**
 * A draft keeps what was typed, as typed, but only the step's own fields, and within a generous
 * bound (far above every field's limit) so a draft cannot be used to store arbitrary data.
 */
export const DRAFT_TEXT_MAX = 10_000;
export const DRAFT_LIST_MAX = 100;

export type DraftValues = Record<string, string | string[]>;

export function draftValues(
  fields: readonly string[],
  values: Record<string, string | string[] | undefined>,
): DraftValues {
  const kept: DraftValues = {};
  for (const field of fields) {
    const v = values[field];
    if (v === undefined) continue;
    kept[field] = Array.isArray(v)
      ? v.slice(0, DRAFT_LIST_MAX).map((s) => cutText(s, DRAFT_TEXT_MAX))
      : cutText(v, DRAFT_TEXT_MAX);
  }
  return kept;
}
