/**
 * 事業所 registration by staff (SPEC ST-1). In one transaction: the employer with a 事業所番号 under
 * the staff's office (establishment-number.ts) and, when a login e-mail is given, the 求人者マイページ
 * account (role employer, no password: opened later with the e-mail and the 事業所番号) and its
 * invitation mail. A race for the same 事業所番号 is retried once with a fresh number. A login can
 * also be added later (addEmployerLogin).
 */

import type { Transaction } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/sql-helpers.ts';
import type { Ports } from '../../deps.ts';
import { AppError } from '../../platform/errors.ts';
import { emailTaken, insertAccount } from '../accounts/accounts.repository.ts';
import { type NotifyPorts, notify } from '../notifications/notify.ts';
import type { EmployerRegistrationInput } from './employer-registration.schemas.ts';
import {
  type Employer,
  insertEmployer,
  lockEmployer,
  nextEstablishmentSerial,
  setEmployerAccount,
} from './employers.repository.ts';
import { establishmentPrefix, formatEstablishmentNumber } from './establishment-number.ts';

export type RegisterEmployerResult =
  | { ok: true; employerId: string; establishmentNumber: string }
  | { ok: false; field: 'loginEmail'; problem: 'taken' }
  | { ok: false; field: 'employeesAtWorkplace'; problem: 'over_total' };

class EmailTaken extends Error {}

/** Registering an employer writes it, its login and the invitation through notify. */
type RegisterPorts = Ports<'db' | 'clock' | 'queue'>;

const NUMBER_CONSTRAINT = 'employers_establishmentNumber_unique';

export async function registerEmployer(
  deps: RegisterPorts,
  input: { officeCode: string; data: EmployerRegistrationInput },
): Promise<RegisterEmployerResult> {
  const { data } = input;
  if (data.employeesAtWorkplace > data.employeesTotal)
    return { ok: false, field: 'employeesAtWorkplace', problem: 'over_total' };
  for (let attempt = 0; ; attempt++) {
    try {
      return await attemptRegistration(deps, input.officeCode, data);
    } catch (error) {
      if (error instanceof EmailTaken || isUniqueViolation(error, 'accounts_role_email_key'))
        return { ok: false, field: 'loginEmail', problem: 'taken' };
      if (attempt === 0 && isUniqueViolation(error, NUMBER_CONSTRAINT)) continue;
      throw error;
    }
  }
}

async function attemptRegistration(
  deps: RegisterPorts,
  officeCode: string,
  data: EmployerRegistrationInput,
): Promise<RegisterEmployerResult> {
  const { db, clock } = deps;
  const now = clock.now();
  return db.transaction(async (tx) => {
    const loginEmail = data.loginEmail;
    if (loginEmail && (await emailTaken(tx, 'employer', loginEmail))) throw new EmailTaken();
    const account = loginEmail ? await insertAccount(tx, { role: 'employer', email: loginEmail, now }) : null;
    const serial = await nextEstablishmentSerial(tx, establishmentPrefix(officeCode));
    if (serial === null) throw new AppError('conflict', `no free 事業所番号 under ${officeCode}`);
    const establishmentNumber = formatEstablishmentNumber(officeCode, serial);
    const employer = await insertEmployer(tx, {
      establishmentNumber,
      officeCode,
      name: data.name,
      nameKana: data.nameKana,
      postalCode: data.postalCode,
      prefectureCode: required(data.prefectureCode),
      city: data.city,
      address: data.address,
      phone: data.phone,
      industryCode: required(data.industryCode),
      employeesTotal: data.employeesTotal,
      employeesAtWorkplace: data.employeesAtWorkplace,
      businessDescription: data.businessDescription,
      accountId: account?.id ?? null,
      createdAt: now,
      updatedAt: now,
    });
    if (account) await queueInvitation(deps, tx, { accountId: account.id, employer });
    return { ok: true as const, employerId: employer.id, establishmentNumber };
  });
}

/**
 * A login e-mail for an employer registered without one (the registration form says it can be added
 * later): the account, the link to the 事業所 and the same invitation mail, in one transaction.
 */
export type AddEmployerLoginResult =
  | { ok: true; email: string }
  | { ok: false; problem: 'taken' | 'has_login' };

export async function addEmployerLogin(
  deps: RegisterPorts,
  input: { employerId: string; email: string },
): Promise<AddEmployerLoginResult> {
  const { db, clock } = deps;
  const now = clock.now();
  try {
    return await db.transaction(async (tx) => {
      const employer = await lockEmployer(tx, input.employerId);
      if (!employer) throw new AppError('not_found', 'employer');
      if (employer.accountId) return { ok: false, problem: 'has_login' } as const;
      if (await emailTaken(tx, 'employer', input.email)) throw new EmailTaken();
      const account = await insertAccount(tx, { role: 'employer', email: input.email, now });
      await setEmployerAccount(tx, employer.id, account.id, now);
      await queueInvitation(deps, tx, { accountId: account.id, employer });
      return { ok: true, email: account.email } as const;
    });
  } catch (error) {
    if (error instanceof EmailTaken || isUniqueViolation(error, 'accounts_role_email_key'))
      return { ok: false, problem: 'taken' };
    throw error;
  }
}

/** 「求人者マイページ開設のご案内」: in the account's language, Japanese for a new account (ADR 0013). */
async function queueInvitation(
  deps: NotifyPorts,
  tx: Transaction,
  to: { accountId: string; employer: Pick<Employer, 'name' | 'establishmentNumber'> },
): Promise<void> {
  await notify(deps, tx, {
    recipient: { accountId: to.accountId },
    kind: 'employer.invitation',
    data: { name: to.employer.name, establishmentNumber: to.employer.establishmentNumber },
  });
}

/** A value the schema already required; its type still allows the empty case. */
function required<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new AppError('bad_request', 'missing required value');
  return value;
}
