/** Session lifetime rules (SPEC MP-5; issue: idle 30 min, absolute 12 h). Pure. */
export const SESSION_IDLE_MS = 30 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/**
 * An ended session's row stays (dead: it signs nobody in) this long, so a form sent afterwards from
 * any tab of that browser is still recognised as the session's own and kept (SPEC MP-10).
 */
export const ENDED_SESSION_KEPT_MS = 12 * 60 * 60 * 1000;
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

/** A form sent just after its session ended is held this long for its account (SPEC MP-10). */
export const KEPT_FORM_MS = 24 * 60 * 60 * 1000;
/** Bounds on what is held: enough for the longest form (自己PR, 仕事の内容 …), not a storage service. */
export const KEPT_FORM_MAX_FIELDS = 400;
export const KEPT_FORM_MAX_CHARS = 100_000;

/**
 * The fields worth holding from a form body: text values only, without the CSRF token (a new one
 * is issued when it is sent again) or the marker of a previous resend. Null when there is nothing
 * the user typed or chose, or when the body is beyond the bounds above.
 */
export function fieldsToKeep(
  body: readonly (readonly [string, string])[],
  omit: readonly string[],
): [string, string][] | null {
  const pairs = body.filter(([name]) => !omit.includes(name)).map(([n, v]): [string, string] => [n, v]);
  const chars = pairs.reduce((sum, [name, value]) => sum + name.length + value.length, 0);
  if (pairs.length === 0 || pairs.length > KEPT_FORM_MAX_FIELDS || chars > KEPT_FORM_MAX_CHARS) return null;
  return pairs;
}
