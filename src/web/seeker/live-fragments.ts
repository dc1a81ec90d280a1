/**
 * The parts of seeker pages the live-update script may replace (ADR 0018). An element carrying
 * `data-live-fragment` is swapped for the same element freshly rendered at that address when an
 * event of one of `data-live-kinds` arrives (every kind when the attribute is empty). The names are
 * the routes of /mypage/fragments/:name (live.routes.tsx); the script knows no URL of its own.
 */
import type { NotificationKind } from '../../modules/notifications/kinds.ts';

export const LIVE_FRAGMENTS = ['nav-unread', 'home-referrals', 'home-information', 'messages-list'] as const;
export type LiveFragmentName = (typeof LIVE_FRAGMENTS)[number];

export const isLiveFragmentName = (v: string): v is LiveFragmentName =>
  (LIVE_FRAGMENTS as readonly string[]).includes(v);

export function liveFragment(
  name: LiveFragmentName,
  kinds: readonly NotificationKind[] = [],
): { 'data-live-fragment': string; 'data-live-kinds'?: string } {
  return {
    'data-live-fragment': `/mypage/fragments/${name}`,
    ...(kinds.length > 0 ? { 'data-live-kinds': kinds.join(' ') } : {}),
  };
}
