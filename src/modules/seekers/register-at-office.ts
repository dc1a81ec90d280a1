/**
 * 求職登録 at the office for a seeker who so far registered on the internet only (SPEC MP-1, MP-6,
 * MP-7): the same account, login and wizard answers, now with a 求職番号 of the staff's office and a
 * 求職申込日 of today (so the validity of MP-9 starts again). In one transaction with the mail
 * that tells the seeker what changed.
 */
import type { Ports } from '../../deps.ts';
import { tokyoDate } from '../../platform/dates.ts';
import { AppError } from '../../platform/errors.ts';
import { notify } from '../notifications/notify.ts';
import { formatNumber, nextSerial } from '../offices/offices.repository.ts';
import { registrationValidUntil } from './registration.rules.ts';
import { type BirthDateProblem, birthDateProblem } from './seeker-registration.rules.ts';
import { lockSeeker, markRegisteredAtOffice } from './seekers-admin.repository.ts';
import { changeValidUntil } from './validity.repository.ts';

export type RegisterAtOfficeResult =
  | { ok: true; seekerNumber: string }
  | { ok: false; problem: 'already_registered' }
  | { ok: false; problem: 'birth_date'; birthDate: BirthDateProblem };

export async function registerAtOffice(
  deps: Ports<'db' | 'clock' | 'queue'>,
  input: { seekerId: string; officeCode: string; staffAccountId: string },
): Promise<RegisterAtOfficeResult> {
  const { db, clock } = deps;
  const now = clock.now();
  const appliedOn = tokyoDate(now);
  return db.transaction(async (tx) => {
    const seeker = await lockSeeker(tx, input.seekerId);
    if (!seeker) throw new AppError('not_found', 'seeker');
    if (seeker.kind === 'registered') return { ok: false, problem: 'already_registered' } as const;
    // The same 生年月日 rule as a new 求職登録: what the wizard once accepted is checked again.
    const birth = birthDateProblem(seeker.birthDate, appliedOn);
    if (birth) return { ok: false, problem: 'birth_date', birthDate: birth } as const;
    const seekerNumber = formatNumber(input.officeCode, await nextSerial(tx, 'seeker', input.officeCode));
    const validUntil = registrationValidUntil(appliedOn);
    await markRegisteredAtOffice(tx, seeker.id, {
      seekerNumber,
      officeCode: input.officeCode,
      appliedOn,
      now,
    });
    await changeValidUntil(tx, {
      seekerId: seeker.id,
      from: seeker.validUntil,
      to: validUntil,
      cause: 'application',
      byAccountId: input.staffAccountId,
      now,
    });
    // In the language the seeker last used on the site (stored on the account).
    await notify(deps, tx, {
      recipient: { accountId: seeker.accountId },
      kind: 'seeker.registered_at_office',
      data: { name: seeker.name, seekerNumber, validUntil },
    });
    return { ok: true, seekerNumber } as const;
  });
}
