/** Changing the password while signed in: the current one is required; other sessions end. */
import { and, eq, ne } from 'drizzle-orm';
import { sessions } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import { type Locale, messages } from '../../i18n/index.ts';
import { queueMail } from '../notifications/mail.job.ts';
import { findAccount, setPassword } from './accounts.repository.ts';
import type { PasswordProblem } from './password.rules.ts';
import { hashPassword, verifyPassword } from './password-hash.ts';
import { forgetTrustedDevices } from './sign-in.ts';

export type ChangePasswordResult =
  | { ok: true }
  | { ok: false; field: 'currentPassword'; problem: 'wrong' }
  | { ok: false; field: 'password'; problems: PasswordProblem[] };

export async function changePassword(
  deps: Deps,
  req: { accountId: string; sessionId: string; current: string; password: string; locale: Locale },
): Promise<ChangePasswordResult> {
  const { db, clock, passwords, queue, config } = deps;
  const account = await findAccount(db, req.accountId);
  if (!account?.passwordHash || !(await verifyPassword(account.passwordHash, req.current))) {
    return { ok: false, field: 'currentPassword', problem: 'wrong' };
  }
  const problems = passwords.check(req.password, account.email);
  if (problems.length) return { ok: false, field: 'password', problems };
  const now = clock.now();
  const hash = await hashPassword(req.password);
  const t = messages(req.locale);
  await db.transaction(async (tx) => {
    await setPassword(tx, account.id, hash, now);
    await tx.delete(sessions).where(and(eq(sessions.accountId, account.id), ne(sessions.id, req.sessionId)));
    await forgetTrustedDevices(tx, account.id);
    await queueMail(
      queue,
      {
        to: account.email,
        subject: t.accounts.mail.passwordChangedSubject,
        text: t.accounts.mail.passwordChangedBody({ at: now, baseUrl: config.baseUrl }),
      },
      tx,
    );
  });
  return { ok: true };
}
