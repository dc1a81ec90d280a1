/** Session lifetime rules (SPEC MP-5; issue: idle 30 min, absolute 12 h). Pure. */
export const SESSION_IDLE_MS = 30 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** last_seen_at is written at most this often, so reading a page is not a write each time. */
export const SESSION_TOUCH_MS = 60 * 1000;

export type SessionState = 'live' | 'idle_expired' | 'absolute_expired';

export function sessionState(s: { createdAt: Date; lastSeenAt: Date }, now: Date): SessionState {
  if (now.getTime() - s.createdAt.getTime() >= SESSION_ABSOLUTE_MS) return 'absolute_expired';
  if (now.getTime() - s.lastSeenAt.getTime() >= SESSION_IDLE_MS) return 'idle_expired';
  return 'live';
}

export function needsTouch(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= SESSION_TOUCH_MS;
}
