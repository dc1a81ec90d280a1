/**
 * Internet-only opening, step ② (SPEC MP-6, MP-3): mails a 認証キー to a new address. An address
 * that already has a seeker account gets a different mail instead and no key; the screen is the
 * same either way, so the form cannot be used to find out who has an account.
 */
import type { Deps } from '../../deps.ts';
import { type Locale, messages } from '../../i18n/index.ts';
import { findAccountByEmail, normalizeEmail } from '../accounts/accounts.repository.ts';
import { hitLimit, LIMITS, withinLimit } from '../accounts/throttle.ts';
import { CODE_TTL_MINUTES } from '../accounts/verification.rules.ts';
import { mailNewCode } from '../accounts/verification.ts';
import { queueMail } from '../notifications/mail.job.ts';
import { findSeekerByAccount } from '../seekers/seekers.repository.ts';

export async function requestSignupCode(
  deps: Deps,
  req: { email: string; locale: Locale; ip: string },
): Promise<void> {
  const { db, clock, queue, config, secret } = deps;
  const now = clock.now();
  await hitLimit(db, LIMITS.codeRequestsPerIp, req.ip, now);
  const email = normalizeEmail(req.email);
  if (!(await withinLimit(db, LIMITS.codeMailsPerTarget, email, now))) return;
  const t = messages(req.locale);
  const account = await findAccountByEmail(db, 'seeker', email);
  const seeker = account ? await findSeekerByAccount(db, account.id) : undefined;
  await db.transaction(async (tx) => {
    if (account && seeker && !account.openedAt) {
      // Registered at an office, MyPage not opened yet: point to the opening for them (MP-2).
      await queueMail(
        queue,
        {
          to: email,
          subject: t.registration.mail.officeRegisteredSubject,
          text: t.registration.mail.officeRegisteredBody({ baseUrl: config.baseUrl }),
        },
        tx,
      );
      return;
    }
    if (account) {
      await queueMail(
        queue,
        {
          to: email,
          subject: t.accounts.mail.alreadyOpenSubject,
          text: t.accounts.mail.alreadyOpenBody({ baseUrl: config.baseUrl, portal: t.site.seekerPortal }),
        },
        tx,
      );
      return;
    }
    await mailNewCode(
      { db: tx, secret, now, queue },
      {
        purpose: 'signup',
        target: email,
        ttlMinutes: CODE_TTL_MINUTES,
        to: email,
        subject: t.accounts.mail.openKeySubject,
        text: (code, expires) => t.accounts.mail.signupKeyBody({ code, expires, baseUrl: config.baseUrl }),
      },
    );
  });
}
