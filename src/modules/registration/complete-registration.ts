/**
 * 「登録する」 (SPEC MP-6, MP-7, MP-10): every step of the draft is checked again; if one is not
 * acceptable the user is sent back to it. Otherwise the internet-only seeker is created (no 求職番号,
 * no office) and the draft removed, in one transaction.
 */
import type { Ports } from '../../deps.ts';
import { tokyoDate } from '../../platform/dates.ts';
import { registrationValidUntil } from '../seekers/registration.rules.ts';
import { findSeekerByAccount, insertSeeker } from '../seekers/seekers.repository.ts';
import { changeValidUntil } from '../seekers/validity.repository.ts';
import { deleteDraft, findDraftForUpdate } from './registration.repository.ts';
import type { FormStep } from './registration.rules.ts';
import { readRegistration } from './registration.schemas.ts';

export type CompleteRegistrationResult = { ok: true } | { ok: false; step: FormStep };

export async function completeRegistration(
  deps: Ports<'db' | 'clock'>,
  accountId: string,
): Promise<CompleteRegistrationResult> {
  const { db, clock } = deps;
  const now = clock.now();
  const appliedOn = tokyoDate(now);
  return db.transaction(async (tx): Promise<CompleteRegistrationResult> => {
    const draft = await findDraftForUpdate(tx, accountId);
    // Already registered (a second click of 「登録する」): nothing more to do.
    if (await findSeekerByAccount(tx, accountId)) {
      await deleteDraft(tx, accountId);
      return { ok: true };
    }
    const read = readRegistration(draft?.data ?? {}, appliedOn);
    if (!read.ok) return read;
    const { basic, desired, profile } = read.registration;
    const validUntil = registrationValidUntil(appliedOn);
    const seeker = await insertSeeker(tx, {
      accountId,
      kind: 'internet',
      seekerNumber: null,
      officeCode: null,
      name: basic.name,
      nameKana: basic.nameKana,
      birthDate: basic.birthDate,
      postalCode: basic.postalCode,
      address: basic.address,
      phone: basic.phone,
      appliedOn,
      validUntil,
      desired,
      profile,
      createdAt: now,
      updatedAt: now,
    });
    await changeValidUntil(tx, {
      seekerId: seeker.id,
      from: null,
      to: validUntil,
      cause: 'application',
      byAccountId: accountId,
      now,
    });
    await deleteDraft(tx, accountId);
    return { ok: true };
  });
}
