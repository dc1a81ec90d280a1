import { describe, expect, it } from 'vitest';
import { establishmentNumberField as establishmentNumber } from '../../src/modules/employers/establishment-number.ts';
import {
  isCompleteJob,
  jobFormValues,
  jobNumber,
  jobSchema,
  parseDraft,
  time,
  toJobContent,
} from '../../src/modules/jobs/job.schemas.ts';
import { leafletJobForm } from '../integration/jobs-fixtures.ts';

const messages = (values: Record<string, string | string[] | undefined>) => {
  const r = jobSchema.safeParse(values);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('SR-7 the 求人票 form', () => {
  it('SR-7 the leaflet job parses and survives the round trip form → stored → form', () => {
    const parsed = jobSchema.parse(leafletJobForm());
    const content = toJobContent(parsed);
    expect(content.wageMin).toBe(205000);
    expect(content.fixedAllowances).toEqual([{ name: '処遇改善手当', amount: 20000 }]);
    expect(content.workHours).toEqual([{ start: '09:00', end: '17:00' }]);
    expect(content.education).toBeNull();
    expect(content.acceptsOnlineApplication).toBe(true);
    const again = toJobContent(jobSchema.parse(jobFormValues(content, false)));
    expect(again).toEqual(content);
    expect(isCompleteJob(content)).toBe(true);
  });

  it('G-1 numbers and times accept full-width digits and separators', () => {
    const parsed = jobSchema.parse(
      leafletJobForm({
        wageMin: '２０５，０００円',
        hoursStart1: '９：００',
        hoursEnd1: '17時30分',
        openings: '２',
      }),
    );
    expect(parsed.wageMin).toBe(205000);
    expect(parsed.hoursStart1).toBe('09:00');
    expect(parsed.hoursEnd1).toBe('17:30');
    expect(parsed.openings).toBe(2);
  });

  it('G-1 hours must be real HH:MM times', () => {
    const t = time();
    expect(t.safeParse('24:00').success).toBe(false);
    expect(t.safeParse('09:60').success).toBe(false);
    expect(t.safeParse('9').success).toBe(false);
    expect(t.safeParse('23:59').success).toBe(true);
  });

  it('SR-7 wage and base pay ranges are in order, and the wage is at least the base pay', () => {
    expect(messages(leafletJobForm({ wageMax: '200000' }))).toEqual({ wageMax: 'min' });
    expect(messages(leafletJobForm({ basePayMax: '100000' }))).toEqual({ basePayMax: 'min' });
    expect(messages(leafletJobForm({ wageMin: '180000' }))).toEqual({ wageMin: 'min' });
  });

  it('SR-7 ages are 15–99, in order, and an age limit needs its reason', () => {
    expect(messages(leafletJobForm({ ageMax: '14' }))).toEqual({ ageMax: 'min' });
    expect(messages(leafletJobForm({ ageMax: '100' }))).toEqual({ ageMax: 'max' });
    expect(messages(leafletJobForm({ ageMin: '35', ageMax: '29' }))).toEqual({ ageMax: 'min' });
    expect(messages(leafletJobForm({ ageLimitReason: '' }))).toEqual({ ageLimitReason: 'required' });
    expect(messages(leafletJobForm({ ageMax: '', ageLimitReason: '' }))).toEqual({});
  });

  it('SR-7 pairs go together: 手当 name and amount, 固定残業代 amount and hours, a second 就業時間 pattern', () => {
    expect(messages(leafletJobForm({ allowanceAmount1: '' }))).toEqual({ allowanceAmount1: 'required' });
    expect(messages(leafletJobForm({ fixedOvertimeAmount: '30000' }))).toEqual({
      fixedOvertimeHours: 'required',
    });
    expect(messages(leafletJobForm({ hoursStart2: '13:00' }))).toEqual({ hoursEnd2: 'required' });
    expect(messages(leafletJobForm({ hoursEnd1: '09:00' }))).toEqual({ hoursEnd1: 'invalid' });
    expect(messages(leafletJobForm({ periodFixed: 'yes' }))).toEqual({ periodMonths: 'required' });
    expect(messages(leafletJobForm({ hasOvertime: 'yes', overtimeMonthlyHours: '' }))).toEqual({
      overtimeMonthlyHours: 'required',
    });
  });

  it('SR-7 up to 3 hours patterns and 3 allowances are stored in order', () => {
    const content = toJobContent(
      jobSchema.parse(
        leafletJobForm({
          hoursStart2: '13:00',
          hoursEnd2: '21:00',
          hoursStart3: '22:00',
          hoursEnd3: '07:00',
          allowanceName2: '資格手当',
          allowanceAmount2: '10000',
          allowanceName3: '夜勤手当',
          allowanceAmount3: '5000',
        }),
      ),
    );
    expect(content.workHours.map((h) => `${h.start}-${h.end}`)).toEqual([
      '09:00-17:00',
      '13:00-21:00',
      '22:00-07:00',
    ]);
    expect(content.fixedAllowances.map((a) => a.name)).toEqual(['処遇改善手当', '資格手当', '夜勤手当']);
  });
});

describe('EM-4 一時保存', () => {
  it('EM-4 keeps every field that parses, skips blanks, and lists what was typed but unreadable', () => {
    const { data, invalid } = parseDraft({
      title: '介護福祉士',
      wageMin: '２０５０００',
      wageMax: '１０００',
      annualHolidays: '400',
      hoursStart1: '９：００',
      holidays: '',
      documentMethods: ['mypage', 'fax'],
    });
    expect(data.title).toBe('介護福祉士');
    expect(data.wageMin).toBe(205000);
    expect(data.hoursStart1).toBe('09:00');
    expect(data.wageMax).toBeUndefined();
    expect(data.annualHolidays).toBeUndefined();
    expect(invalid.sort()).toEqual(['annualHolidays', 'documentMethods', 'wageMax']);
  });

  it('EM-4 a draft stores safe defaults, and shows them blank again rather than as typed values', () => {
    const content = toJobContent(parseDraft({ title: '調理補助', hoursStart1: '10:00' }).data);
    expect(content.wageMin).toBe(0);
    expect(content.wageMax).toBe(0);
    expect(content.workHours).toEqual([{ start: '10:00', end: '' }]);
    expect(isCompleteJob(content)).toBe(false);
    const values = jobFormValues(content, true);
    expect(values.title).toBe('調理補助');
    expect(values.hoursStart1).toBe('10:00');
    expect(values.wageMin).toBe('');
    expect(values.openings).toBe('');
    expect(values.occupationCode).toBe('');
  });
});

describe('SR-5 numbers', () => {
  it('SR-5 a 求人番号 is NNNNN-NNNNNNNN; full-width digits and long dashes are folded', () => {
    expect(jobNumber().parse('１３０１０ー０９９９９９９９')).toBe('13010-09999999');
    expect(jobNumber().safeParse('13010-0999999').success).toBe(false);
    expect(jobNumber().safeParse('1301009999999').success).toBe(false);
  });

  it('ST-3 a 事業所番号 is NNNN-NNNNNN-N, with or without hyphens', () => {
    expect(establishmentNumber().parse('13019999999')).toBe('1301-999999-9');
    expect(establishmentNumber().parse('１３０１－９９９９９９－９')).toBe('1301-999999-9');
    expect(establishmentNumber().safeParse('1301-99999-9').success).toBe(false);
  });
});
