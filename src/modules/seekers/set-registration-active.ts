import type { Ports } from '../../deps.ts';
import { tokyoDate } from '../../platform/dates.ts';
import { AppError } from '../../platform/errors.ts';
import { registrationStatus } from './registration.rules.ts';
import { findSeeker, setSeekerActive } from './seekers.repository.ts';

/**
 * MP-8: the seeker switches their registration 有効/無効. A lapsed registration cannot be switched
 * back on from MyPage (the office renews it); switching off is always possible.
 */
export async function setRegistrationActive(
  deps: Ports<'db' | 'clock'>,
  seekerId: string,
  active: boolean,
): Promise<{ ok: true } | { ok: false; reason: 'lapsed' }> {
  const seeker = await findSeeker(deps.db, seekerId);
  if (!seeker) throw new AppError('not_found', 'seeker');
  const now = deps.clock.now();
  if (active && registrationStatus(seeker, tokyoDate(now)) === 'lapsed')
    return { ok: false, reason: 'lapsed' };
  await setSeekerActive(deps.db, seekerId, active, now);
  return { ok: true };
}
