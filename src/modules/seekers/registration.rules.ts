/**
 * How long a 求職登録 stays valid (SPEC MP-8, MP-9). Pure; dates are Tokyo calendar dates.
 *
 * - Valid until the end of the month after next from the 求職申込み (翌々月末).
 * - A 職業相談, a referral or an online direct application in the final month (the month of the
 *   current end date, on or before it) extends it by one month (to the end of the next month) —
 *   only while the registration is still 有効 both on the day of the activity and on the day it is
 *   recorded. A lapsed registration is never revived by an extension (ADR 0007); staff renew it
 *   (再開, renewalValidUntil).
 * This file is the one home of the validity rule; registration/registration.rules.ts is the wizard's.
 * - The seeker may switch it 無効 themselves; lapsed or 無効, they can still read their own data.
 */
import type { SeekerKind, ValidityCause } from '../../domain/vocabulary.ts';
import { addDays, endOfMonth, type LocalDate, sameMonth } from '../../platform/dates.ts';

export function registrationValidUntil(appliedOn: LocalDate): LocalDate {
  return endOfMonth(appliedOn, 2);
}

/** The activities that extend a registration in its final month (causes in domain/vocabulary.ts). */
export type ExtendingActivity = Extract<ValidityCause, 'counselling' | 'referral' | 'direct_application'>;

/**
 * The new end date after an activity held on `on` and recorded on `recordedOn` (both Tokyo dates);
 * unchanged unless the activity falls in the final month and the registration had not lapsed by
 * the day it is recorded (a session typed in after the lapse, dated before it, revives nothing).
 */
export function extendedValidUntil(validUntil: LocalDate, on: LocalDate, recordedOn: LocalDate): LocalDate {
  if (recordedOn > validUntil) return validUntil;
  if (on > validUntil || !sameMonth(on, validUntil)) return validUntil;
  return endOfMonth(validUntil, 1);
}

export type RenewalRefusal = 'internet_only' | 'not_due';

/**
 * 再開 at the counter (MP-9, ADR 0012): staff renew a registration that has lapsed or is in its
 * final month (about to lapse). Internet-only seekers are registered at the counter instead
 * (「窓口で求職登録する」); a registration with more than its final month left needs nothing.
 */
export function renewalRefusal(
  s: { kind: SeekerKind; validUntil: LocalDate },
  today: LocalDate,
): RenewalRefusal | undefined {
  if (s.kind !== 'registered') return 'internet_only';
  if (today <= s.validUntil && !sameMonth(today, s.validUntil)) return 'not_due';
  return undefined;
}

/** A renewal counts like a new 求職申込み on the renewal date: valid until 翌々月末 from it. */
export function renewalValidUntil(renewedOn: LocalDate): LocalDate {
  return registrationValidUntil(renewedOn);
}

export type RegistrationStatus = 'active' | 'inactive' | 'lapsed';

/** 有効 only when the seeker has not switched it off and the end date has not passed. */
export function registrationStatus(
  s: { active: boolean; validUntil: LocalDate },
  today: LocalDate,
): RegistrationStatus {
  if (today > s.validUntil) return 'lapsed';
  return s.active ? 'active' : 'inactive';
}

/**
 * Whether the lapse warning (sent `daysBefore` days ahead) is due today: within the window, the
 * registration still on, and not already sent for this end date.
 */
export function expiryWarningDue(
  s: { active: boolean; validUntil: LocalDate; expiryWarnedFor: LocalDate | null },
  today: LocalDate,
  daysBefore: number,
): boolean {
  if (!s.active || today > s.validUntil) return false;
  if (s.expiryWarnedFor === s.validUntil) return false;
  return today >= addDays(s.validUntil, -daysBefore);
}
