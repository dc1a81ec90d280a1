/** Changing the password while signed in: the current one is required; other sessions end. */
import type { Ports } from '../../deps.ts';
import type { Locale } from '../../i18n/index.ts';
import { findAccount } from './accounts.repository.ts';
import { replacePassword } from './new-password.ts';
import type { PasswordProblem } from './password.rules.ts';
import { hashPassword, verifyPassword } from './password-hash.ts';

export type ChangePasswordResult =
  | { ok: true }
  | { ok: false; field: 'currentPassword'; problem: 'wrong' }
  | { ok: false; field: 'password'; problems: PasswordProblem[] };

export async function changePassword(
  deps: Ports<'db' | 'clock' | 'passwords' | 'queue'>,
  req: { accountId: string; sessionId: string; current: string; password: string; locale: Locale },
): Promise<ChangePasswordResult> {
  const { db, clock, passwords } = deps;
  const account = await findAccount(db, req.accountId);
  if (!account?.passwordHash || !(await verifyPassword(account.passwordHash, req.current))) {
    return { ok: false, field: 'currentPassword', problem: 'wrong' };
  }
  const problems = passwords.check(req.password, account.email);
  if (problems.length) return { ok: false, field: 'password', problems };
  const hash = await hashPassword(req.password);
  await db.transaction((tx) =>
    replacePassword(deps, tx, {
      account,
      hash,
      now: clock.now(),
      locale: req.locale,
      keepSessionId: req.sessionId,
    }),
  );
  return { ok: true };
}
