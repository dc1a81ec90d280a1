/**
 * Which of these sessions still sign someone in (MP-5): the row exists (not signed out, not ended
 * by a password reset) and neither the idle nor the absolute limit has passed. The live feed asks
 * this on every heartbeat and closes the event streams of the others (ADR 0018).
 */
import type { Ports } from '../../deps.ts';
import { sessionState } from './session.rules.ts';
import { listSessionTimes } from './sessions.repository.ts';

export async function liveSessionIds(
  deps: Ports<'db' | 'clock'>,
  ids: readonly string[],
): Promise<Set<string>> {
  const now = deps.clock.now();
  const live = new Set<string>();
  for (let i = 0; i < ids.length; i += 1000) {
    for (const s of await listSessionTimes(deps.db, ids.slice(i, i + 1000))) {
      if (sessionState(s, now) === 'live') live.add(s.id);
    }
  }
  return live;
}
