import { describe, expect, it } from 'vitest';
import { isUniqueViolation, likeEscape } from '../../src/db/sql-helpers.ts';
import {
  counsellingDateProblem,
  counsellingRefusal,
} from '../../src/modules/counselling/counselling.rules.ts';
import { employerRegistrationSchema } from '../../src/modules/employers/employer-registration.schemas.ts';
import {
  establishmentCheckDigit,
  formatEstablishmentNumber,
  isValidEstablishmentNumber,
} from '../../src/modules/employers/establishment-number.ts';
import { extendedValidUntil } from '../../src/modules/seekers/registration.rules.ts';
import { birthDateProblem } from '../../src/modules/seekers/seeker-registration.rules.ts';
import { toKatakana } from '../../src/platform/text.ts';

describe('ST-1 事業所番号 (4-6-1 digits, SR-7)', () => {
  it('ST-1 takes the office code’s first four digits, a zero-padded serial and the digit-sum check digit', () => {
    // 1+3+0+1 + 0+0+0+1+2+3 = 11 → 1
    expect(formatEstablishmentNumber('13010', 123)).toBe('1301-000123-1');
    expect(formatEstablishmentNumber('27050', 999_999)).toBe(`2705-999999-${(2 + 7 + 0 + 5 + 54) % 10}`);
    expect(establishmentCheckDigit('1301000123')).toBe(1);
  });
  it('ST-1 refuses serials outside 1..999999 and malformed office codes', () => {
    expect(() => formatEstablishmentNumber('13010', 0)).toThrow(RangeError);
    expect(() => formatEstablishmentNumber('13010', 1_000_000)).toThrow(RangeError);
    expect(() => formatEstablishmentNumber('1301', 1)).toThrow(RangeError);
  });
  it('ST-1 validates the check digit, catching a single mistyped digit', () => {
    expect(isValidEstablishmentNumber('1301-000123-1')).toBe(true);
    expect(isValidEstablishmentNumber('1301-000124-1')).toBe(false);
    expect(isValidEstablishmentNumber('1301000123-1')).toBe(false);
  });
});

describe('MP-1 生年月日 at 求職登録', () => {
  it('MP-1 refuses a future date and ages below 14 or above 110', () => {
    expect(birthDateProblem('2026-11-22', '2026-11-21')).toBe('future');
    expect(birthDateProblem('2012-11-22', '2026-11-21')).toBe('implausible'); // 13 until tomorrow
    expect(birthDateProblem('2012-11-21', '2026-11-21')).toBeUndefined(); // 14 today
    expect(birthDateProblem('1916-11-21', '2026-11-21')).toBeUndefined(); // 110 today: the oldest accepted
    expect(birthDateProblem('1915-11-21', '2026-11-21')).toBe('implausible'); // 111
    expect(birthDateProblem('1990-05-20', '2026-11-21')).toBeUndefined();
  });
  it('MP-1 MP-10 the limits: born today or in 2023 is refused; a 29 February birthday turns 14 on 1 March', () => {
    expect(birthDateProblem('2026-11-21', '2026-11-21')).toBe('implausible');
    expect(birthDateProblem('2023-05-01', '2026-11-21')).toBe('implausible');
    expect(birthDateProblem('2012-02-29', '2026-02-28')).toBe('implausible');
    expect(birthDateProblem('2012-02-29', '2026-03-01')).toBeUndefined();
    expect(birthDateProblem('2026-02-30', '2026-11-21')).toBeUndefined(); // not a date: the format check says so
  });
});

describe('ST-1 職業相談 rules and MP-9', () => {
  it('ST-1 internet-only seekers cannot have counselling recorded', () => {
    expect(counsellingRefusal({ kind: 'internet' })).toBe('internet_only');
    expect(counsellingRefusal({ kind: 'registered' })).toBeUndefined();
  });
  it('ST-1 a session is dated between the 求職申込日 and today', () => {
    const seeker = { appliedOn: '2026-10-01' };
    expect(counsellingDateProblem('2026-11-22', seeker, '2026-11-21')).toBe('future');
    expect(counsellingDateProblem('2026-09-30', seeker, '2026-11-21')).toBe('before_registration');
    expect(counsellingDateProblem('2026-10-01', seeker, '2026-11-21')).toBeUndefined();
    expect(counsellingDateProblem('2026-11-21', seeker, '2026-11-21')).toBeUndefined();
  });
  it('MP-9 only a session in the final month extends, by one month', () => {
    expect(extendedValidUntil('2026-11-30', '2026-11-01', '2026-11-01')).toBe('2026-12-31');
    expect(extendedValidUntil('2026-11-30', '2026-10-31', '2026-10-31')).toBe('2026-11-30');
  });
});

describe('ST-1 staff search and registration helpers', () => {
  it('ST-1 folds hiragana to katakana and escapes LIKE wildcards', () => {
    expect(toKatakana('やまだ ハナコ')).toBe('ヤマダ ハナコ');
    expect(likeEscape('50%_off\\')).toBe('50\\%\\_off\\\\');
  });
  it('ST-1 recognises a unique violation through a wrapped error', () => {
    const pgError = Object.assign(new Error('duplicate key'), {
      code: '23505',
      constraint: 'accounts_role_email_key',
    });
    const wrapped = new Error('Failed query', { cause: pgError });
    expect(isUniqueViolation(wrapped, 'accounts_role_email_key')).toBe(true);
    expect(isUniqueViolation(wrapped, 'other')).toBe(false);
    expect(isUniqueViolation(new Error('x'))).toBe(false);
  });
  it('ST-1 reads head counts with full-width digits and 人, and leaves the login e-mail optional', () => {
    const base = {
      name: '株式会社テスト',
      nameKana: 'カブシキガイシャテスト',
      postalCode: '1000001',
      prefectureCode: '13',
      city: '千代田区',
      address: '千代田1-1',
      phone: '03-0000-0000',
      industryCode: 'P',
      businessDescription: '介護',
    };
    const ok = employerRegistrationSchema.safeParse({
      ...base,
      employeesTotal: '１，２００人',
      employeesAtWorkplace: '35',
      loginEmail: ' ',
    });
    expect(ok.success && ok.data).toMatchObject({
      employeesTotal: 1200,
      employeesAtWorkplace: 35,
      loginEmail: '',
    });
    const bad = employerRegistrationSchema.safeParse({
      ...base,
      employeesTotal: '十',
      employeesAtWorkplace: '',
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['employeesTotal', 'integer'],
      ['employeesAtWorkplace', 'required'],
    ]);
  });
});
