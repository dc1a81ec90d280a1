/**
 * What every flow that sets a password shares (opening MyPage, internet signup, reset, change):
 * the rule MP-4 is checked before anything is spent, then the per-address limit on code entries,
 * then the hash; and after a password is replaced, the other sessions and trusted browsers end and
 * the owner is told by mail.
 */
import type { Transaction } from '../../db/client.ts';
import type { Ports } from '../../deps.ts';
import type { Locale } from '../../i18n/index.ts';
import { notify } from '../notifications/notify.ts';
import { normalizeEmail, setPassword } from './accounts.repository.ts';
import type { PasswordProblem } from './password.rules.ts';
import { hashPassword } from './password-hash.ts';
import { deleteSessionsOfAccount } from './sessions.repository.ts';
import { hitLimit, LIMITS } from './throttle.ts';
import { deleteTrustedDevicesOfAccount } from './trusted-devices.repository.ts';
import type { CodeOutcome } from './verification.rules.ts';

/** The answer of a step that sets a password with a mailed key (④ of opening, signup, reset). */
export type PasswordWithCodeResult<Done extends object = object> =
  | ({ ok: true } & Done)
  | { ok: false; passwordProblems: PasswordProblem[]; code?: undefined }
  | { ok: false; code: Exclude<CodeOutcome, 'ok'>; passwordProblems?: undefined };

export async function prepareNewPassword(
  deps: Ports<'db' | 'clock' | 'passwords'>,
  req: { email: string; password: string; ip: string },
): Promise<{ ok: true; email: string; hash: string } | { ok: false; passwordProblems: PasswordProblem[] }> {
  const email = normalizeEmail(req.email);
  const problems = deps.passwords.check(req.password, email);
  if (problems.length) return { ok: false, passwordProblems: problems };
  await hitLimit(deps.db, LIMITS.codeEntriesPerIp, req.ip, deps.clock.now());
  return { ok: true, email, hash: await hashPassword(req.password) };
}

/** Sets the new password of an account that had one; every other session (all, without `keepSessionId`) ends. */
export async function replacePassword(
  deps: Ports<'queue' | 'clock'>,
  tx: Transaction,
  req: {
    account: { id: string; email: string };
    hash: string;
    now: Date;
    locale: Locale;
    keepSessionId?: string;
  },
): Promise<void> {
  const { account, now } = req;
  await setPassword(tx, account.id, req.hash, now);
  await deleteSessionsOfAccount(tx, account.id, req.keepSessionId);
  await deleteTrustedDevicesOfAccount(tx, account.id);
  await notify(deps, tx, {
    recipient: { accountId: account.id, locale: req.locale },
    kind: 'account.password_changed',
    data: { at: now.toISOString() },
  });
}
