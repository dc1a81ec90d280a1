/**
 * The public API's rate limit (issue 16, ADR 0027, OD-4): a fixed window per client address, counted
 * in the database so every web server sees the same count.
 */
export interface ApiLimit {
  name: string;
  max: number;
  windowMs: number;
}

/** 60 requests a minute per client. */
export const API_LIMIT: ApiLimit = { name: 'api-ip', max: 60, windowMs: 60_000 };

export interface ApiLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Whole seconds until the window ends (at least 1). */
  resetSeconds: number;
}

/** OD-4: the decision for the `count`-th request of a window that began at `windowStart`. */
export function decideApiLimit(
  limit: ApiLimit,
  count: number,
  windowStart: Date,
  now: Date,
): ApiLimitDecision {
  const left = windowStart.getTime() + limit.windowMs - now.getTime();
  return {
    allowed: count <= limit.max,
    limit: limit.max,
    remaining: Math.max(limit.max - count, 0),
    resetSeconds: Math.max(1, Math.ceil(left / 1000)),
  };
}
