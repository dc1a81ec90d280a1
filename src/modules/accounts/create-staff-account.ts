/** Creates a staff account (operators, through `npm run cli -- staff:create`). No default passwords. */

import type { Ports } from '../../deps.ts';
import { findOffice } from '../offices/offices.repository.ts';
import { emailTaken, insertAccount, normalizeEmail } from './accounts.repository.ts';
import { hashPassword } from './password-hash.ts';
import { insertStaffMember } from './staff-members.repository.ts';

export type CreateStaffResult = { ok: true; accountId: string } | { ok: false; problems: string[] };

export async function createStaffAccount(
  deps: Ports<'db' | 'clock' | 'passwords'>,
  input: { email: string; name: string; officeCode: string; password: string },
): Promise<CreateStaffResult> {
  const { db, clock, passwords } = deps;
  const email = normalizeEmail(input.email);
  const problems: string[] = [];
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) problems.push('invalid e-mail address');
  if (!input.name.trim()) problems.push('name is empty');
  if (!(await findOffice(db, input.officeCode))) problems.push(`no office ${input.officeCode}`);
  if (await emailTaken(db, 'staff', email)) problems.push('a staff account with this e-mail exists');
  problems.push(...passwords.check(input.password, email).map((p) => `password: ${p}`));
  if (problems.length) return { ok: false, problems };
  const now = clock.now();
  const passwordHash = await hashPassword(input.password);
  const accountId = await db.transaction(async (tx) => {
    const account = await insertAccount(tx, { role: 'staff', email, passwordHash, openedAt: now, now });
    await insertStaffMember(tx, {
      accountId: account.id,
      officeCode: input.officeCode,
      name: input.name.trim(),
      now,
    });
    return account.id;
  });
  return { ok: true, accountId };
}
