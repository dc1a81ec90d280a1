import { lt, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client.ts';
import { rateLimits } from '../../db/schema/index.ts';

/**
 * Counts one hit for `key` in a fixed window of `windowMs` and returns the count in the current
 * window (atomic: concurrent requests get distinct counts).
 */
export async function countHit(db: Executor, key: string, windowMs: number, now: Date): Promise<number> {
  const windowStartBefore = new Date(now.getTime() - windowMs).toISOString();
  const rows = await queryRows<{ count: number }>(
    db,
    sql`insert into rate_limits (key, window_start, count) values (${key}, ${now.toISOString()}, 1)
        on conflict (key) do update set
          count = case when rate_limits.window_start <= ${windowStartBefore}::timestamptz then 1 else rate_limits.count + 1 end,
          window_start = case when rate_limits.window_start <= ${windowStartBefore}::timestamptz then excluded.window_start else rate_limits.window_start end
        returning count`,
  );
  return Number(rows[0]?.count ?? 0);
}

/** Takes one hit back from the current window (never below zero). */
export async function uncountHit(db: Executor, key: string, windowMs: number, now: Date): Promise<void> {
  await db.execute(
    sql`update rate_limits set count = greatest(count - 1, 0)
        where key = ${key} and window_start > ${new Date(now.getTime() - windowMs).toISOString()}::timestamptz`,
  );
}

export async function deleteOldRateLimits(db: Executor, before: Date): Promise<void> {
  await db.delete(rateLimits).where(lt(rateLimits.windowStart, before));
}
