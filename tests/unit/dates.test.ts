import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  ageOn,
  daysBetween,
  endOfMonth,
  endOfTokyoDay,
  formatEnglishDate,
  formatJapaneseDate,
  formatTokyoDateTime,
  isLocalDate,
  sameMonth,
  startOfTokyoDay,
  tokyoDate,
} from '../../src/platform/dates.ts';

describe('Tokyo calendar (SPEC: every date rule in Asia/Tokyo)', () => {
  it('maps an instant to its Tokyo date across the UTC midnight', () => {
    expect(tokyoDate(new Date('2026-11-21T14:59:59Z'))).toBe('2026-11-21');
    expect(tokyoDate(new Date('2026-11-21T15:00:00Z'))).toBe('2026-11-22');
  });
  it('begins and ends a Tokyo day at 00:00 JST', () => {
    expect(startOfTokyoDay('2026-11-22').toISOString()).toBe('2026-11-21T15:00:00.000Z');
    expect(endOfTokyoDay('2026-11-22').toISOString()).toBe('2026-11-22T15:00:00.000Z');
  });
  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
  it('finds the end of this month and of months ahead (翌月末, 翌々月末, 翌々々月末)', () => {
    expect(endOfMonth('2026-11-21')).toBe('2026-11-30');
    expect(endOfMonth('2026-11-21', 1)).toBe('2026-12-31');
    expect(endOfMonth('2026-11-21', 2)).toBe('2027-01-31');
    expect(endOfMonth('2026-12-01', 2)).toBe('2027-02-28');
    expect(endOfMonth('2027-12-31', 2)).toBe('2028-02-29');
    expect(endOfMonth('2026-01-31', 3)).toBe('2026-04-30');
  });
  it('adds months clamping to the shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-21', 2)).toBe('2027-01-21');
  });
  it('counts days and ages', () => {
    expect(daysBetween('2026-11-21', '2026-11-28')).toBe(7);
    expect(ageOn('1998-04-01', '2026-03-31')).toBe(27);
    expect(ageOn('1998-04-01', '2026-04-01')).toBe(28);
  });
  it('recognises real ISO dates only', () => {
    expect(isLocalDate('2026-02-28')).toBe(true);
    expect(isLocalDate('2026-02-30')).toBe(false);
    expect(isLocalDate('2026-2-3')).toBe(false);
  });
});

describe('Tokyo calendar: formatting and refusals (SPEC: every date rule in Asia/Tokyo)', () => {
  it('writes a date in Japanese as 年月日 without leading zeros', () => {
    expect(formatJapaneseDate('2026-01-05')).toBe('2026年1月5日');
    expect(formatJapaneseDate('2026-11-21')).toBe('2026年11月21日');
  });
  it('writes a date in English with every month’s short name', () => {
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    months.forEach((name, i) => {
      const mm = String(i + 1).padStart(2, '0');
      expect(formatEnglishDate(`2026-${mm}-07`)).toBe(`7 ${name} 2026`);
    });
  });
  it('shows an instant as Tokyo wall-clock time, the next day from 15:00 UTC', () => {
    expect(formatTokyoDateTime(new Date('2026-11-21T05:05:00Z'))).toBe('2026-11-21 14:05');
    expect(formatTokyoDateTime(new Date('2026-11-21T15:30:59Z'))).toBe('2026-11-22 00:30');
  });
  it('tells whether two dates are in the same calendar month', () => {
    expect(sameMonth('2026-11-01', '2026-11-30')).toBe(true);
    expect(sameMonth('2026-11-30', '2026-12-01')).toBe(false);
    expect(sameMonth('2026-11-30', '2027-11-30')).toBe(false);
  });
  it('refuses text that is not an ISO date instead of computing with it', () => {
    expect(() => addDays('2026-2-3', 1)).toThrow(new RangeError('not an ISO date: 2026-2-3'));
    expect(() => endOfMonth('20261121')).toThrow(RangeError);
    expect(() => ageOn('1990-01-01', 'today')).toThrow(RangeError);
  });
});
