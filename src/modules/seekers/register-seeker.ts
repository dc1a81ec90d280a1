/**
 * 求職登録 by staff at the office (SPEC MP-1, MP-9). In one transaction: the login account (role
 * seeker, no password: the seeker sets one when opening MyPage, MP-2), the seeker with a 求職番号 of
 * the staff's office, and the 求職登録完了 mail to the registered address. An address that opened
 * MyPage on the internet but never finished the registration wizard keeps its account and password.
 */

import { isUniqueViolation } from '../../db/sql-helpers.ts';
import type { Ports } from '../../deps.ts';
import { tokyoDate } from '../../platform/dates.ts';
import { findAccountByEmail, insertAccount } from '../accounts/accounts.repository.ts';
import { notify } from '../notifications/notify.ts';
import { formatNumber, nextSerial } from '../offices/offices.repository.ts';
import { deleteDraft } from '../registration/registration.repository.ts';
import { registrationValidUntil } from './registration.rules.ts';
import { emptyProfile } from './seeker.types.ts';
import { type BirthDateProblem, birthDateProblem } from './seeker-registration.rules.ts';
import type { SeekerRegistrationInput } from './seeker-registration.schemas.ts';
import { findSeekerByAccount, findSeekerByEmail, insertSeeker } from './seekers.repository.ts';
import { toDesiredConditions } from './seekers.schemas.ts';
import { changeValidUntil } from './validity.repository.ts';

export type RegisterSeekerResult =
  | { ok: true; seekerId: string; seekerNumber: string }
  | { ok: false; field: 'email'; problem: 'taken' | 'internet_only' }
  | { ok: false; field: 'birthDate'; problem: BirthDateProblem };

class EmailTaken extends Error {}

export async function registerSeeker(
  deps: Ports<'db' | 'clock' | 'queue'>,
  input: { officeCode: string; staffAccountId: string; data: SeekerRegistrationInput },
): Promise<RegisterSeekerResult> {
  const { db, clock } = deps;
  const { data, officeCode } = input;
  const now = clock.now();
  const appliedOn = tokyoDate(now);
  const birth = birthDateProblem(data.birthDate, appliedOn);
  if (birth) return { ok: false, field: 'birthDate', problem: birth };
  try {
    return await db.transaction(async (tx) => {
      // An account opened on the internet whose registration wizard was never finished is completed
      // by this registration (its half-filled wizard is no longer needed); any other account is taken.
      const existing = await findAccountByEmail(tx, 'seeker', data.email);
      if (existing && (await findSeekerByAccount(tx, existing.id))) throw new EmailTaken();
      if (existing) await deleteDraft(tx, existing.id);
      const account = existing ?? (await insertAccount(tx, { role: 'seeker', email: data.email, now }));
      const seekerNumber = formatNumber(officeCode, await nextSerial(tx, 'seeker', officeCode));
      const validUntil = registrationValidUntil(appliedOn);
      const seeker = await insertSeeker(tx, {
        accountId: account.id,
        kind: 'registered',
        seekerNumber,
        officeCode,
        name: data.name,
        nameKana: data.nameKana,
        birthDate: data.birthDate,
        postalCode: data.postalCode,
        address: data.address,
        phone: data.phone,
        appliedOn,
        validUntil,
        active: true,
        desired: toDesiredConditions(data),
        profile: emptyProfile(),
        createdAt: now,
        updatedAt: now,
      });
      await changeValidUntil(tx, {
        seekerId: seeker.id,
        from: null,
        to: validUntil,
        cause: 'application',
        byAccountId: input.staffAccountId,
        now,
      });
      // In the account's stored language: Japanese for a new account, the seeker's own for one
      // opened on the internet.
      await notify(deps, tx, {
        recipient: { accountId: account.id },
        kind: 'seeker.registered',
        data: { name: seeker.name, seekerNumber, validUntil, opened: account.openedAt !== null },
      });
      return { ok: true as const, seekerId: seeker.id, seekerNumber };
    });
  } catch (error) {
    if (
      error instanceof EmailTaken ||
      isUniqueViolation(error, 'accounts_role_email_key') ||
      isUniqueViolation(error, 'seekers_accountId_unique')
    ) {
      // Somebody who registered on the internet is converted from their own record, not registered twice.
      const existing = await findSeekerByEmail(db, data.email);
      return {
        ok: false,
        field: 'email',
        problem: existing?.kind === 'internet' ? 'internet_only' : 'taken',
      };
    }
    throw error;
  }
}
