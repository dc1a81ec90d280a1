/**
 * Internet-only opening, step ④ (SPEC MP-6, MP-3, MP-4): with the right 認証キー the seeker
 * account is created, password set and MyPage opened, in the same transaction that uses up the
 * key. The seeker's details follow in the registration wizard (MP-10).
 */
import type { Ports } from '../../deps.ts';
import type { Locale } from '../../i18n/index.ts';
import { findAccountByEmail, insertAccount } from '../accounts/accounts.repository.ts';
import { type PasswordWithCodeResult, prepareNewPassword } from '../accounts/new-password.ts';
import { shownKeyOutcome } from '../accounts/verification.rules.ts';
import { consumeCode } from '../accounts/verification.ts';

export type SignupResult = PasswordWithCodeResult<{ accountId: string }>;

export async function completeSignup(
  deps: Ports<'db' | 'clock' | 'secret' | 'passwords'>,
  req: { email: string; password: string; code: string; ip: string; locale: Locale },
): Promise<SignupResult> {
  const { db, clock, secret } = deps;
  const now = clock.now();
  const prepared = await prepareNewPassword(deps, req);
  if (!prepared.ok) return prepared;
  const { email, hash: passwordHash } = prepared;
  return db.transaction(async (tx): Promise<SignupResult> => {
    const outcome = await consumeCode({ db: tx, secret, now }, 'signup', email, req.code);
    if (outcome !== 'ok') return { ok: false, code: shownKeyOutcome(outcome) };
    // Someone opened this address meanwhile (another tab): the key is spent, nothing is created.
    if (await findAccountByEmail(tx, 'seeker', email)) return { ok: false, code: 'missing' };
    const account = await insertAccount(tx, {
      role: 'seeker',
      email,
      passwordHash,
      openedAt: now,
      locale: req.locale,
      now,
    });
    return { ok: true, accountId: account.id };
  });
}
