/**
 * 再開 (SPEC MP-9, ADR 0012): staff at the counter renew a lapsed registration, or one in its final
 * month. The end date becomes 翌々月末 from today in Tokyo, the registration is switched back on (the
 * seeker came to the counter to go on looking for work), the lapse warning re-arms, and the change
 * is kept in the validity history — one transaction, the seeker row locked.
 */
import type { Ports } from '../../deps.ts';
import { tokyoDate } from '../../platform/dates.ts';
import { AppError } from '../../platform/errors.ts';
import { type RenewalRefusal, renewalRefusal, renewalValidUntil } from './registration.rules.ts';
import { lockSeeker } from './seekers-admin.repository.ts';
import { changeValidUntil } from './validity.repository.ts';

export type RenewRegistrationResult =
  | { ok: true; validUntil: string }
  | { ok: false; refusal: RenewalRefusal };

export async function renewRegistration(
  deps: Ports<'db' | 'clock'>,
  input: { seekerId: string; staffAccountId: string },
): Promise<RenewRegistrationResult> {
  const now = deps.clock.now();
  const today = tokyoDate(now);
  return deps.db.transaction(async (tx) => {
    const seeker = await lockSeeker(tx, input.seekerId);
    if (!seeker) throw new AppError('not_found', 'seeker');
    const refusal = renewalRefusal(seeker, today);
    if (refusal) return { ok: false as const, refusal };
    const validUntil = renewalValidUntil(today);
    await changeValidUntil(tx, {
      seekerId: seeker.id,
      from: seeker.validUntil,
      to: validUntil,
      cause: 'renewal',
      byAccountId: input.staffAccountId,
      now,
      alsoSet: { active: true, expiryWarnedFor: null },
    });
    return { ok: true as const, validUntil };
  });
}
