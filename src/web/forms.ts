/**
 * One way to handle a form: read the body, validate with the shared zod schema, and either get
 * typed data or per-field messages (in the visitor's language, with the field's label).
 */
import type { Context } from 'hono';
import type { z } from 'zod';
import type { Messages } from '../i18n/index.ts';
import type { ValidationKey } from '../platform/fields.ts';
import { CSRF_FIELD, KEPT_FORM_FIELD } from './auth/csrf.ts';
import { formValuesOf } from './body.ts';
import type { FormErrors, FormValues } from './components/form.tsx';
import type { AppEnv } from './env.ts';

/** The fields of this request's form (read once, within the body limit, by src/web/body.ts). */
export async function readForm(c: Context<AppEnv>): Promise<FormValues> {
  return formValuesOf(c.var.form, [CSRF_FIELD, KEPT_FORM_FIELD]);
}

export type Validated<T> = { ok: true; data: T } | { ok: false; errors: FormErrors };

export function validate<S extends z.ZodType>(
  schema: S,
  values: FormValues,
  labels: Record<string, string>,
  t: Messages,
): Validated<z.output<S>> {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const errors: FormErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join('.') || 'form';
    if (errors[field]) continue;
    errors[field] = issueMessage(issue, labels[field] ?? field, t);
  }
  return { ok: false, errors };
}

const KEYS: readonly ValidationKey[] = [
  'required',
  'requiredSelect',
  'requiredCheck',
  'tooLong',
  'tooShort',
  'email',
  'date',
  'integer',
  'min',
  'max',
  'tooMany',
  'invalidChoice',
  'pattern',
  'kana',
  'phone',
  'postalCode',
  'jobNumber',
  'invalid',
  'invalidChars',
  'passwordMismatch',
];

function issueMessage(issue: z.core.$ZodIssue, label: string, t: Messages): string {
  const v = t.validation;
  const params = ('params' in issue ? issue.params : undefined) as Record<string, number> | undefined;
  const key = (KEYS as readonly string[]).includes(issue.message)
    ? (issue.message as ValidationKey)
    : undefined;
  switch (key) {
    case 'tooLong':
      return v.tooLong(label, params?.max ?? 0);
    case 'tooShort':
      return v.tooShort(label, params?.min ?? 0);
    case 'min':
      return v.min(label, params?.min ?? 0);
    case 'max':
      return v.max(label, params?.max ?? 0);
    case 'tooMany':
      return v.tooMany(label, params?.max ?? 0);
    case undefined:
      break;
    default:
      return v[key](label);
  }
  // Issues raised by plain zod checks rather than our field builders.
  if (issue.code === 'invalid_type') return v.required(label);
  if (issue.code === 'invalid_value') return v.invalidChoice(label);
  if (issue.code === 'too_big' && typeof issue.maximum === 'number') return v.tooLong(label, issue.maximum);
  if (issue.code === 'too_small' && typeof issue.minimum === 'number') return v.required(label);
  return v.invalid(label);
}

/** The first value of a form field as a string. */
export function one(values: FormValues, name: string): string {
  const v = values[name];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
}
