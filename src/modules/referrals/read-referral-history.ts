/**
 * OR-5: past オンラインハローワーク紹介対象求人 stay readable under 求職活動状況 — every target of the
 * seeker that is no longer live (期限切れ · 取下げ · 辞退 · 応募済), newest sent first, paged. "No longer
 * live" is the complement of the live condition ホーム reads (liveWhere), so a target is on exactly
 * one of the two pages at any instant.
 */
import type { Ports } from '../../deps.ts';
import type { ReferralState } from '../../domain/vocabulary.ts';
import { tokyoDate } from '../../platform/dates.ts';
import { referralState } from './referral.rules.ts';
import { countPastReferrals, listPastReferrals, type PastReferralRow } from './referrals.repository.ts';

export const HISTORY_PAGE_SIZE = 20;

export interface ReferralHistoryPage {
  rows: (PastReferralRow & { shownState: ReferralState })[];
  total: number;
  /** The page shown (1-based, clamped to the pages there are). */
  page: number;
  pages: number;
}

export async function readReferralHistory(
  deps: Ports<'db' | 'clock'>,
  seekerId: string,
  requestedPage: number,
  size = HISTORY_PAGE_SIZE,
): Promise<ReferralHistoryPage> {
  const now = deps.clock.now();
  const today = tokyoDate(now);
  const total = await countPastReferrals(deps.db, seekerId, today);
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(1, requestedPage), pages);
  const rows = await listPastReferrals(deps.db, seekerId, today, { limit: size, offset: (page - 1) * size });
  return {
    rows: rows.map((r) => ({ ...r, shownState: referralState(r, r.job, now) })),
    total,
    page,
    pages,
  };
}
