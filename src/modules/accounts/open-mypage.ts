/**
 * Opening MyPage (SPEC MP-2, MP-3, MP-4) for a seeker registered at an office, and the same for an
 * employer registered by staff. Step ② never tells whether the address matched (no account
 * probing): mail goes out only when it did. Step ④ sets the password when the 認証キー is right.
 */

import type { Ports } from '../../deps.ts';
import type { Role } from '../../domain/vocabulary.ts';
import type { Locale } from '../../i18n/index.ts';
import { noSoonerThan } from '../../platform/timing.ts';
import { markEmployerMyPageOpened } from '../employers/employers.repository.ts';
import { setAccountLocale } from '../notifications/notifications.repository.ts';
import { notify } from '../notifications/notify.ts';
import { normalizeEmail, setPassword } from './accounts.repository.ts';
import { type PasswordWithCodeResult, prepareNewPassword } from './new-password.ts';
import { findOpenableEmployer, findOpenableSeeker, findUnopenedAccountId } from './opening.repository.ts';
import { hitLimit, LIMITS, withinLimit } from './throttle.ts';
import { CODE_REQUEST_MIN_MS, CODE_TTL_MINUTES, shownKeyOutcome } from './verification.rules.ts';
import { consumeCode, mailNewCode } from './verification.ts';

/** The roles that open a MyPage themselves (staff accounts are created by operators). */
export type OpeningRole = Exclude<Role, 'staff'>;

export interface OpenRequest {
  role: OpeningRole;
  email: string;
  /** 生年月日 for seekers, 事業所番号 for employers. */
  proof: string;
  locale: Locale;
  ip: string;
}

const purposeOf = (role: OpeningRole) =>
  role === 'seeker' ? ('open_mypage' as const) : ('employer_open' as const);

/** Step ②–③: mails a 認証キー when the address and proof match a registered, unopened account. */
export async function requestOpenCode(
  deps: Ports<'db' | 'clock' | 'queue' | 'secret'>,
  req: OpenRequest,
): Promise<void> {
  // The same time for every address, known or not (issue 15 A4).
  return noSoonerThan(CODE_REQUEST_MIN_MS, async () => {
    const { db, clock, queue, secret } = deps;
    const now = clock.now();
    await hitLimit(db, LIMITS.codeRequestsPerIp, req.ip, now);
    const email = normalizeEmail(req.email);
    const match =
      req.role === 'seeker'
        ? await findOpenableSeeker(db, email, req.proof)
        : await findOpenableEmployer(db, email, req.proof);
    if (!match) return;
    if (!(await withinLimit(db, LIMITS.codeMailsPerTarget, email, now))) return;
    // The mail answers what the person is doing now: in the language of this request.
    const recipient = { accountId: match.accountId, locale: req.locale };
    await db.transaction(async (tx) => {
      if (match.openedAt) {
        await notify(deps, tx, { recipient, kind: 'account.already_open', data: { portal: req.role } });
        return;
      }
      await mailNewCode(
        { db: tx, secret, now, queue, clock },
        {
          purpose: purposeOf(req.role),
          target: match.accountId,
          ttlMinutes: CODE_TTL_MINUTES,
          recipient,
          kind: 'account.open_key',
          data: { name: match.name, portal: req.role },
        },
      );
    });
  });
}

export type OpenResult = PasswordWithCodeResult;

/** Step ④: checks the 認証キー and sets the password, opening MyPage. */
export async function completeOpen(
  deps: Ports<'db' | 'clock' | 'secret' | 'passwords'>,
  req: { role: OpeningRole; email: string; password: string; code: string; ip: string; locale: Locale },
): Promise<OpenResult> {
  const { db, clock, secret } = deps;
  const now = clock.now();
  const prepared = await prepareNewPassword(deps, req);
  if (!prepared.ok) return prepared;
  const { email, hash: passwordHash } = prepared;
  const accountId = await findUnopenedAccountId(db, req.role, email);
  if (!accountId) return { ok: false, code: shownKeyOutcome('missing') };
  const outcome = await db.transaction(async (tx) => {
    const result = await consumeCode({ db: tx, secret, now }, purposeOf(req.role), accountId, req.code);
    if (result === 'ok') {
      await setPassword(tx, accountId, passwordHash, now);
      await setAccountLocale(tx, accountId, req.locale);
      if (req.role === 'employer') await markEmployerMyPageOpened(tx, accountId, now);
    }
    return result;
  });
  return outcome === 'ok' ? { ok: true } : { ok: false, code: shownKeyOutcome(outcome) };
}
