/**
 * The seeker a piece of information or a notice is for, locked for the sending transaction: 404
 * when unknown, 403 for staff of another office (ADR 0014), and the IP-1 refusal when the seeker
 * is not fully registered, lapsed, 無効 or has no MyPage. Shared by 情報提供 and お知らせ.
 */
import type { Executor } from '../../db/client.ts';
import type { LocalDate } from '../../platform/dates.ts';
import { AppError } from '../../platform/errors.ts';
import { findAccount } from '../accounts/accounts.repository.ts';
import { mayChangeAsOffice } from '../offices/office-scope.rules.ts';
import { lockSeeker } from '../seekers/seekers-admin.repository.ts';
import { type InformationSeekerRefusal, informationSeekerRefusal } from './information.rules.ts';

type LockedSeeker = NonNullable<Awaited<ReturnType<typeof lockSeeker>>>;

export async function lockReachableSeeker(
  tx: Executor,
  req: { seekerId: string; staffOfficeCode: string },
  today: LocalDate,
): Promise<{ ok: true; seeker: LockedSeeker } | { ok: false; refusal: InformationSeekerRefusal }> {
  const seeker = await lockSeeker(tx, req.seekerId);
  if (!seeker) throw new AppError('not_found', 'seeker');
  if (!mayChangeAsOffice(req.staffOfficeCode, seeker.officeCode)) {
    throw new AppError(
      'forbidden',
      `office ${req.staffOfficeCode} informing a seeker of ${seeker.officeCode}`,
    );
  }
  const account = await findAccount(tx, seeker.accountId);
  const refusal = informationSeekerRefusal(
    {
      kind: seeker.kind,
      active: seeker.active,
      validUntil: seeker.validUntil,
      mypageOpened: Boolean(account?.openedAt),
    },
    today,
  );
  return refusal ? { ok: false, refusal } : { ok: true, seeker };
}
