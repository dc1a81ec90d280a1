import { describe, expect, it } from 'vitest';
import {
  expiryWarningDue,
  extendedValidUntil,
  registrationStatus,
  registrationValidUntil,
  renewalRefusal,
  renewalValidUntil,
} from '../../src/modules/seekers/registration.rules.ts';
import { tokyoDate } from '../../src/platform/dates.ts';

/** The Tokyo date of a UTC instant, as every use case derives "today". */
const on = (utc: string) => tokyoDate(new Date(utc));

describe('MP-9 registration validity', () => {
  it.each([
    ['2026-11-21', '2027-01-31'],
    ['2026-11-01', '2027-01-31'],
    ['2026-11-30', '2027-01-31'],
    ['2026-12-31', '2027-02-28'],
    ['2027-12-15', '2028-02-29'],
    ['2026-01-31', '2026-03-31'],
  ])('MP-9 a 求職申込み on %s is valid until 翌々月末 %s', (applied, until) => {
    expect(registrationValidUntil(applied)).toBe(until);
  });

  it('MP-9 activity in the final month extends by one month', () => {
    expect(extendedValidUntil('2027-01-31', '2027-01-01', '2027-01-01')).toBe('2027-02-28');
    expect(extendedValidUntil('2027-01-31', '2027-01-31', '2027-01-31')).toBe('2027-02-28');
    // Recorded a few days later, still before the end date.
    expect(extendedValidUntil('2027-01-31', '2027-01-05', '2027-01-20')).toBe('2027-02-28');
  });

  it('MP-9 activity before the final month does not extend', () => {
    expect(extendedValidUntil('2027-01-31', '2026-12-31', '2026-12-31')).toBe('2027-01-31');
    expect(extendedValidUntil('2027-01-31', '2026-11-21', '2027-01-10')).toBe('2027-01-31');
  });

  it('MP-9 activity after the registration lapsed does not revive it', () => {
    expect(extendedValidUntil('2027-01-31', '2027-02-01', '2027-02-01')).toBe('2027-01-31');
  });

  it('MP-9 activity in the final month recorded after the lapse does not revive it', () => {
    expect(extendedValidUntil('2027-01-31', '2027-01-28', '2027-02-01')).toBe('2027-01-31');
    expect(extendedValidUntil('2027-01-31', '2027-01-31', '2027-03-15')).toBe('2027-01-31');
  });

  it('MP-9 a second extension in the new final month extends again', () => {
    const once = extendedValidUntil('2027-01-31', '2027-01-20', '2027-01-20');
    expect(extendedValidUntil(once, '2027-02-10', '2027-02-10')).toBe('2027-03-31');
  });

  it('MP-8 status: active, switched off by the seeker, or lapsed after the end date', () => {
    expect(registrationStatus({ active: true, validUntil: '2027-01-31' }, '2027-01-31')).toBe('active');
    expect(registrationStatus({ active: false, validUntil: '2027-01-31' }, '2027-01-31')).toBe('inactive');
    expect(registrationStatus({ active: true, validUntil: '2027-01-31' }, '2027-02-01')).toBe('lapsed');
    expect(registrationStatus({ active: false, validUntil: '2027-01-31' }, '2027-02-01')).toBe('lapsed');
  });

  describe('MP-9 expiry warning seven days ahead', () => {
    const s = { active: true, validUntil: '2027-01-31', expiryWarnedFor: null };
    it('is not due eight days before', () => expect(expiryWarningDue(s, '2027-01-23', 7)).toBe(false));
    it('is due seven days before', () => expect(expiryWarningDue(s, '2027-01-24', 7)).toBe(true));
    it('is still due on the last day if missed', () =>
      expect(expiryWarningDue(s, '2027-01-31', 7)).toBe(true));
    it('is not due after the end date', () => expect(expiryWarningDue(s, '2027-02-01', 7)).toBe(false));
    it('is sent once per end date', () =>
      expect(expiryWarningDue({ ...s, expiryWarnedFor: '2027-01-31' }, '2027-01-25', 7)).toBe(false));
    it('is due again after an extension moved the end date', () =>
      expect(
        expiryWarningDue({ ...s, validUntil: '2027-02-28', expiryWarnedFor: '2027-01-31' }, '2027-02-21', 7),
      ).toBe(true));
    it('is not sent to a seeker who switched the registration off', () =>
      expect(expiryWarningDue({ ...s, active: false }, '2027-01-25', 7)).toBe(false));
  });
});

describe('MP-9 across the Tokyo day boundary (15:00–23:59 UTC is the next day in Tokyo)', () => {
  it('MP-9 lapses the day after 翌々月末 in Tokyo: at 15:00 UTC on the last UTC day', () => {
    const s = { active: true, validUntil: '2026-11-30' };
    expect(registrationStatus(s, on('2026-11-30T14:59:59Z'))).toBe('active');
    expect(registrationStatus(s, on('2026-11-30T15:00:00Z'))).toBe('lapsed');
    expect(registrationStatus(s, on('2026-11-30T23:59:59Z'))).toBe('lapsed');
  });

  it('MP-9 a 求職申込み at 15:00 UTC on the last day of a month counts from the first of the next', () => {
    expect(registrationValidUntil(on('2026-10-31T15:00:00Z'))).toBe('2027-01-31');
    expect(registrationValidUntil(on('2026-10-31T14:59:00Z'))).toBe('2026-12-31');
  });

  it('MP-9 an activity at 15:00 UTC of the previous UTC day is on the first day of the final month and extends', () => {
    const today = on('2026-10-31T15:00:00Z');
    expect(extendedValidUntil('2026-11-30', today, today)).toBe('2026-12-31');
    const before = on('2026-10-31T14:59:00Z');
    expect(extendedValidUntil('2026-11-30', before, before)).toBe('2026-11-30');
  });

  it('MP-9 recorded at 15:00 UTC on the last UTC day of the final month, it is the day after in Tokyo: no revival', () => {
    expect(extendedValidUntil('2026-11-30', '2026-11-30', on('2026-11-30T15:00:00Z'))).toBe('2026-11-30');
    expect(extendedValidUntil('2026-11-30', '2026-11-30', on('2026-11-30T14:59:00Z'))).toBe('2026-12-31');
  });

  it('MP-9 the warning is due 7 Tokyo days before, from 15:00 UTC of the day before in UTC', () => {
    const s = { active: true, validUntil: '2027-01-31', expiryWarnedFor: null };
    expect(expiryWarningDue(s, on('2027-01-23T14:59:00Z'), 7)).toBe(false);
    expect(expiryWarningDue(s, on('2027-01-23T15:00:00Z'), 7)).toBe(true);
    expect(expiryWarningDue(s, on('2027-01-31T15:00:00Z'), 7)).toBe(false);
  });

  it('MP-9 renewal from 15:00 UTC on 30 November counts from 1 December in Tokyo', () => {
    expect(renewalValidUntil(on('2026-11-30T15:00:00Z'))).toBe('2027-02-28');
    expect(renewalValidUntil(on('2026-11-30T14:59:00Z'))).toBe('2027-01-31');
  });
});

describe('MP-9 再開 (renewal) rule', () => {
  const reg = { kind: 'registered' as const, validUntil: '2026-11-30' };
  it('MP-9 renewal is possible once lapsed and in the final month, not before', () => {
    expect(renewalRefusal(reg, '2026-12-01')).toBeUndefined();
    expect(renewalRefusal(reg, '2026-11-01')).toBeUndefined();
    expect(renewalRefusal(reg, '2026-11-30')).toBeUndefined();
    expect(renewalRefusal(reg, '2026-10-31')).toBe('not_due');
  });
  it('MP-9 internet-only seekers are registered at the counter instead', () => {
    expect(renewalRefusal({ ...reg, kind: 'internet' }, '2026-12-01')).toBe('internet_only');
  });
  it('MP-9 a renewal runs to 翌々月末 from the renewal date', () => {
    expect(renewalValidUntil('2026-12-02')).toBe('2027-02-28');
    expect(renewalValidUntil('2026-11-15')).toBe('2027-01-31');
  });
});
