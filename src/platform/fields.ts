/**
 * Zod field builders shared by forms and use cases. Input is forgiving: full-width digits and
 * letters are folded (NFKC) where a number, date, code or address is expected, and text is trimmed.
 * Messages are keys of the `validation` dictionary in src/i18n; the web layer turns them into
 * sentences with the field's label.
 */
import { z } from 'zod';
import { isLocalDate } from './dates.ts';
import { foldDashes, hasForbiddenChars, toKatakana } from './text.ts';

export type ValidationKey =
  | 'required'
  | 'requiredSelect'
  | 'requiredCheck'
  | 'tooLong'
  | 'tooShort'
  | 'email'
  | 'date'
  | 'integer'
  | 'min'
  | 'max'
  | 'tooMany'
  | 'invalidChoice'
  | 'pattern'
  | 'kana'
  | 'phone'
  | 'postalCode'
  | 'jobNumber'
  | 'invalid'
  | 'invalidChars'
  | 'passwordMismatch';

const graphemes = new Intl.Segmenter('ja', { granularity: 'grapheme' });
/**
 * Number of characters as people count them: grapheme clusters, so a half-width kana with its
 * dakuten (ｶﾞ), a kana with a combining mark and an emoji sequence each count once (SR-1, AP-1).
 */
export const charCount = (s: string) => {
  let n = 0;
  for (const _ of graphemes.segment(s)) n++;
  return n;
};

/** NFKC folds full-width ＡＢＣ１２３ to ABC123 and half-width ｶﾅ to カナ. */
export const nfkc = (s: string) => s.normalize('NFKC');

const asString = (v: unknown) =>
  typeof v === 'string' ? v : Array.isArray(v) ? String(v[0] ?? '') : v === undefined ? '' : String(v);

/** Text, trimmed; `max` counts characters. Required unless `optional`. Line breaks normalised to \n. */
export function text(opts: { max: number; min?: number; optional?: boolean; multiline?: boolean }) {
  return z.preprocess(
    (v) => {
      const s = asString(v).replace(/\r\n?/g, '\n');
      return opts.multiline ? s.replace(/^\s+|\s+$/g, '') : s.replace(/\s+/g, ' ').trim();
    },
    z
      .string()
      .refine((s) => opts.optional || s.length > 0, { message: 'required', abort: true })
      .refine((s) => !hasForbiddenChars(s), { message: 'invalidChars', abort: true })
      .refine((s) => charCount(s) <= opts.max, { message: 'tooLong', params: { max: opts.max } })
      .refine((s) => !opts.min || s.length === 0 || charCount(s) >= opts.min, {
        message: 'tooShort',
        params: { min: opts.min },
      }),
  );
}

/**
 * A password or other secret, exactly as typed: never trimmed, never with white space collapsed, never
 * cut (ASVS 5.0 V6.2: verified exactly as received; SPEC MP-4 decides on what was typed). Required;
 * NUL, control characters and broken Unicode are refused (they are never typed); `max` counts characters.
 */
export function secret(opts: { max: number }) {
  return z.preprocess(
    (v) => asString(v),
    z
      .string()
      .refine((s) => s.length > 0, { message: 'required', abort: true })
      .refine((s) => !hasForbiddenChars(s), { message: 'invalidChars', abort: true })
      .refine((s) => charCount(s) <= opts.max, { message: 'tooLong', params: { max: opts.max } }),
  );
}

export function email() {
  return z.preprocess(
    (v) => nfkc(asString(v)).trim().toLowerCase(),
    z
      .string()
      .refine((s) => s.length > 0, { message: 'required', abort: true })
      .refine((s) => s.length <= 254 && !hasForbiddenChars(s) && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), {
        message: 'email',
      }),
  );
}

/** An ISO date; also accepts 2000/1/31 and full-width digits. */
export function date(opts: { optional?: boolean } = {}) {
  return z.preprocess(
    (v) => {
      const s = nfkc(asString(v)).trim();
      const m = /^(\d{4})[-/年.](\d{1,2})[-/月.](\d{1,2})日?$/.exec(s);
      return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : s;
    },
    z
      .string()
      .refine((s) => opts.optional || s.length > 0, { message: 'required', abort: true })
      .refine((s) => s.length === 0 || isLocalDate(s), { message: 'date' }),
  );
}

/** A whole number typed as text (full-width digits and thousands separators accepted); '' → null when optional. */
export function integer(opts: { min?: number; max?: number; optional?: boolean } = {}) {
  const NOT_A_NUMBER = 'not-a-number';
  return z.preprocess(
    (v) => {
      const s = nfkc(asString(v)).replace(/[,，\s円]/g, '');
      if (s === '') return null;
      return /^-?\d+$/.test(s) ? Number(s) : NOT_A_NUMBER;
    },
    z
      .union([z.number(), z.null(), z.literal(NOT_A_NUMBER)])
      .refine((n) => opts.optional || n !== null, { message: 'required', abort: true })
      .refine((n) => n !== NOT_A_NUMBER, { message: 'integer', abort: true })
      .transform((n) => n as number | null)
      .refine((n) => n === null || opts.min === undefined || n >= opts.min, {
        message: 'min',
        params: { min: opts.min },
      })
      .refine((n) => n === null || opts.max === undefined || n <= opts.max, {
        message: 'max',
        params: { max: opts.max },
      }),
  );
}

/** One of the given codes. */
export function choice<T extends string>(values: readonly T[], opts: { optional?: boolean } = {}) {
  return z.preprocess(
    (v) => asString(v),
    z
      .string()
      .refine((s) => opts.optional || s.length > 0, { message: 'requiredSelect', abort: true })
      .refine((s) => s.length === 0 || (values as readonly string[]).includes(s), {
        message: 'invalidChoice',
      })
      .transform((s) => (s.length === 0 ? undefined : (s as T))),
  );
}

/** Several of the given codes (checkboxes or a multi-select), at most `max`. */
export function choices<T extends string>(values: readonly T[], opts: { max?: number; min?: number } = {}) {
  return z.preprocess(
    (v) =>
      v === undefined
        ? []
        : Array.isArray(v)
          ? v.map(asString).filter(Boolean)
          : asString(v)
            ? [asString(v)]
            : [],
    z
      .array(z.string())
      .refine((a) => !opts.min || a.length >= opts.min, { message: 'requiredSelect', abort: true })
      .refine((a) => a.every((s) => (values as readonly string[]).includes(s)), {
        message: 'invalidChoice',
        abort: true,
      })
      .refine((a) => opts.max === undefined || new Set(a).size <= opts.max, {
        message: 'tooMany',
        params: { max: opts.max },
      })
      .transform((a) => [...new Set(a)] as T[]),
  );
}

/** A ticked checkbox (consent). */
export function consent() {
  return z.preprocess(
    (v) => asString(v),
    z.string().refine((s) => s.length > 0, { message: 'requiredCheck' }),
  );
}

/**
 * カタカナ (full-width after NFKC), spaces allowed. Hiragana is forgiven everywhere the same way:
 * folded to katakana (ひらがな → ヒラガナ), as the signup wizard, staff 求職登録 and employers' forms all ask.
 */
export function kana(opts: { max: number; optional?: boolean }) {
  return z.preprocess(
    (v) =>
      toKatakana(nfkc(asString(v)))
        .replace(/\s+/g, ' ')
        .trim(),
    z
      .string()
      .refine((s) => opts.optional || s.length > 0, { message: 'required', abort: true })
      .refine((s) => s.length === 0 || /^[\u30A0-\u30FF\s]+$/.test(s), { message: 'kana', abort: true })
      .refine((s) => charCount(s) <= opts.max, { message: 'tooLong', params: { max: opts.max } }),
  );
}

export function phone(opts: { optional?: boolean } = {}) {
  return z.preprocess(
    (v) => foldDashes(nfkc(asString(v))).replace(/\s+/g, ''),
    z
      .string()
      .refine((s) => opts.optional || s.length > 0, { message: 'required', abort: true })
      .refine((s) => s.length === 0 || /^0\d{1,4}-?\d{1,4}-?\d{3,4}$/.test(s), { message: 'phone' }),
  );
}

export function postalCode(opts: { optional?: boolean } = {}) {
  return z.preprocess(
    (v) => foldDashes(nfkc(asString(v))).replace(/[〒\s]/g, ''),
    z
      .string()
      .refine((s) => opts.optional || s.length > 0, { message: 'required', abort: true })
      .refine((s) => s.length === 0 || /^\d{3}-?\d{4}$/.test(s), { message: 'postalCode' })
      .transform((s) => (s.length === 7 ? `${s.slice(0, 3)}-${s.slice(3)}` : s)),
  );
}
