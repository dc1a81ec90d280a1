/**
 * Password reset by mail (issue: "Password reset by mail"). The request answers the same whether
 * or not the address is known; completing it ends every session and trusted browser of the account.
 */

import type { Role } from '../../db/schema/index.ts';
import type { Ports } from '../../deps.ts';
import type { Locale } from '../../i18n/index.ts';
import { noSoonerThan } from '../../platform/timing.ts';
import { findAccountByEmail } from './accounts.repository.ts';
import { type PasswordWithCodeResult, prepareNewPassword, replacePassword } from './new-password.ts';
import { hitLimit, LIMITS, withinLimit } from './throttle.ts';
import { CODE_REQUEST_MIN_MS, CODE_TTL_MINUTES, shownKeyOutcome } from './verification.rules.ts';
import { consumeCode, mailNewCode } from './verification.ts';

export async function requestPasswordReset(
  deps: Ports<'db' | 'clock' | 'queue' | 'secret'>,
  req: { role: Role; email: string; locale: Locale; ip: string },
): Promise<void> {
  // The same time for every address, known or not (issue 15 A4).
  return noSoonerThan(CODE_REQUEST_MIN_MS, async () => {
    const { db, clock, queue, secret } = deps;
    const now = clock.now();
    await hitLimit(db, LIMITS.codeRequestsPerIp, req.ip, now);
    const account = await findAccountByEmail(db, req.role, req.email);
    if (!account?.openedAt) return;
    if (!(await withinLimit(db, LIMITS.codeMailsPerTarget, account.email, now))) return;
    await db.transaction((tx) =>
      mailNewCode(
        { db: tx, secret, now, queue, clock },
        {
          purpose: 'password_reset',
          target: account.id,
          ttlMinutes: CODE_TTL_MINUTES,
          recipient: { accountId: account.id, locale: req.locale },
          kind: 'account.reset_key',
        },
      ),
    );
  });
}

export type ResetResult = PasswordWithCodeResult;

export async function completePasswordReset(
  deps: Ports<'db' | 'clock' | 'secret' | 'passwords' | 'queue'>,
  req: { role: Role; email: string; password: string; code: string; ip: string; locale: Locale },
): Promise<ResetResult> {
  const { db, clock, secret } = deps;
  const now = clock.now();
  const prepared = await prepareNewPassword(deps, req);
  if (!prepared.ok) return prepared;
  const account = await findAccountByEmail(db, req.role, prepared.email);
  if (!account?.openedAt) return { ok: false, code: shownKeyOutcome('missing') };
  const outcome = await db.transaction(async (tx) => {
    const result = await consumeCode({ db: tx, secret, now }, 'password_reset', account.id, req.code);
    if (result === 'ok')
      await replacePassword(deps, tx, { account, hash: prepared.hash, now, locale: req.locale });
    return result;
  });
  return outcome === 'ok' ? { ok: true } : { ok: false, code: shownKeyOutcome(outcome) };
}
