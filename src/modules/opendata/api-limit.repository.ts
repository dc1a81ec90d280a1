import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client.ts';

/**
 * Counts one hit for `key` in a fixed window of `windowMs` in one statement (concurrent requests
 * on any web server get distinct counts) and returns the count and when the window began. Same
 * table and window rule as the sign-in limiter (src/modules/accounts/rate-limits.repository.ts).
 */
export async function countWindowHit(
  db: Executor,
  key: string,
  windowMs: number,
  now: Date,
): Promise<{ count: number; windowStart: Date }> {
  const expired = new Date(now.getTime() - windowMs).toISOString();
  const rows = await queryRows<{ count: number; window_start: Date | string }>(
    db,
    sql`insert into rate_limits (key, window_start, count) values (${key}, ${now.toISOString()}, 1)
        on conflict (key) do update set
          count = case when rate_limits.window_start <= ${expired}::timestamptz then 1 else rate_limits.count + 1 end,
          window_start = case when rate_limits.window_start <= ${expired}::timestamptz then excluded.window_start else rate_limits.window_start end
        returning count, window_start`,
  );
  const row = rows[0];
  return { count: Number(row?.count ?? 0), windowStart: row ? new Date(row.window_start) : now };
}
