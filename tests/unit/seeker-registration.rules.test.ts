import { describe, expect, it } from 'vitest';
import {
  expiryWarningDue,
  extendedValidUntil,
  registrationStatus,
  registrationValidUntil,
} from '../../src/modules/seekers/registration.rules.ts';

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
