/** 事業所 registration by staff (SPEC ST-1): the form and the use case share this schema. */
import { z } from 'zod';
import { choice, kana, nfkc, phone, postalCode, text } from '../../platform/fields.ts';
import { PREFECTURE_CODES } from '../geo/geo.data.ts';
import { INDUSTRY_CODES } from '../jobs/job.types.ts';

export const MAX_EMPLOYEES = 1_000_000;

/** An e-mail address that may be left empty ('' = no login for 求人者マイページ). */
const optionalEmail = () =>
  z.preprocess(
    (v) =>
      nfkc(typeof v === 'string' ? v : '')
        .trim()
        .toLowerCase(),
    z.string().refine((s) => s === '' || (s.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s)), {
      message: 'email',
    }),
  );

/**
 * A number of people, typed as text (full-width digits, separators and a trailing 人 accepted).
 * Not fields.ts integer(): it reports non-digits such as 十 as "required" (zod refuses NaN as a type).
 */
const headcount = () =>
  z.preprocess(
    (v) => nfkc(typeof v === 'string' ? v : '').replace(/[,，\s人名]/g, ''),
    z
      .string()
      .refine((s) => s.length > 0, { message: 'required', abort: true })
      .refine((s) => /^\d+$/.test(s), { message: 'integer', abort: true })
      .transform(Number)
      .refine((n) => n <= MAX_EMPLOYEES, { message: 'max', params: { max: MAX_EMPLOYEES } }),
  );

export const employerRegistrationSchema = z.object({
  name: text({ max: 100 }),
  nameKana: kana({ max: 100 }),
  postalCode: postalCode(),
  prefectureCode: choice(PREFECTURE_CODES),
  city: text({ max: 50 }),
  address: text({ max: 200 }),
  phone: phone(),
  industryCode: choice(INDUSTRY_CODES),
  employeesTotal: headcount(),
  employeesAtWorkplace: headcount(),
  businessDescription: text({ max: 500, multiline: true }),
  loginEmail: optionalEmail(),
});

export type EmployerRegistrationInput = z.output<typeof employerRegistrationSchema>;
