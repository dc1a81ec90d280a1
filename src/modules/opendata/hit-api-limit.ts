/** OD-4: counts a request of one client to the public API and decides whether it may go on. */
import type { Ports } from '../../deps.ts';
import { countWindowHit } from './api-limit.repository.ts';
import { API_LIMIT, type ApiLimitDecision, decideApiLimit } from './api-limit.rules.ts';

export async function hitApiLimit(deps: Ports<'db' | 'clock'>, client: string): Promise<ApiLimitDecision> {
  const now = deps.clock.now();
  const { count, windowStart } = await countWindowHit(
    deps.db,
    `${API_LIMIT.name}:${client}`,
    API_LIMIT.windowMs,
    now,
  );
  return decideApiLimit(API_LIMIT, count, windowStart, now);
}
