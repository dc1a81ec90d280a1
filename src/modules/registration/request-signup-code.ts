/**
 * Internet-only opening, step ② (SPEC MP-6, MP-3): mails a 認証キー to a new address. An address
 * that already has a seeker account gets a different mail instead and no key; the screen is the
 * same either way, so the form cannot be used to find out who has an account.
 */
import type { Ports } from '../../deps.ts';
import type { Locale } from '../../i18n/index.ts';
import { findAccountByEmail, normalizeEmail } from '../accounts/accounts.repository.ts';
import { hitLimit, LIMITS, withinLimit } from '../accounts/throttle.ts';
import { CODE_TTL_MINUTES } from '../accounts/verification.rules.ts';
import { mailNewCode } from '../accounts/verification.ts';
import { notify } from '../notifications/notify.ts';
import { findSeekerByAccount } from '../seekers/seekers.repository.ts';

export async function requestSignupCode(
  deps: Ports<'db' | 'clock' | 'queue' | 'secret'>,
  req: { email: string; locale: Locale; ip: string },
): Promise<void> {
  const { db, clock, queue, secret } = deps;
  const now = clock.now();
  await hitLimit(db, LIMITS.codeRequestsPerIp, req.ip, now);
  const email = normalizeEmail(req.email);
  if (!(await withinLimit(db, LIMITS.codeMailsPerTarget, email, now))) return;
  const account = await findAccountByEmail(db, 'seeker', email);
  const seeker = account ? await findSeekerByAccount(db, account.id) : undefined;
  await db.transaction(async (tx) => {
    if (account && seeker && !account.openedAt) {
      // Registered at an office, MyPage not opened yet: point to the opening for them (MP-2).
      await notify(deps, tx, {
        recipient: { accountId: account.id, locale: req.locale },
        kind: 'account.office_registered',
        data: {},
      });
      return;
    }
    if (account) {
      await notify(deps, tx, {
        recipient: { accountId: account.id, locale: req.locale },
        kind: 'account.already_open',
        data: { portal: 'seeker' },
      });
      return;
    }
    await mailNewCode(
      { db: tx, secret, now, queue, clock },
      {
        purpose: 'signup',
        target: email,
        ttlMinutes: CODE_TTL_MINUTES,
        // No account yet: the address and the language of this request.
        recipient: { email, locale: req.locale },
        kind: 'account.signup_key',
      },
    );
  });
}
