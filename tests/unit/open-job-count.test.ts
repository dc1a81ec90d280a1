import { describe, expect, it } from 'vitest';
import { countIsFresh, OPEN_JOB_COUNT_MAX_AGE_MS } from '../../src/modules/jobs/open-job-count.ts';

const at = (iso: string) => new Date(iso);

describe('issue 13 the top page’s open-job count is kept for a bounded time: countIsFresh', () => {
  const taken = { day: '2026-12-03', at: at('2026-12-03T01:00:00Z').getTime() };

  it('is fresh within the bound and stale from the bound on', () => {
    expect(countIsFresh(taken, at('2026-12-03T01:00:00Z'), OPEN_JOB_COUNT_MAX_AGE_MS)).toBe(true);
    expect(countIsFresh(taken, at('2026-12-03T01:00:59.999Z'), OPEN_JOB_COUNT_MAX_AGE_MS)).toBe(true);
    expect(countIsFresh(taken, at('2026-12-03T01:01:00Z'), OPEN_JOB_COUNT_MAX_AGE_MS)).toBe(false);
  });

  it('is stale on a new Tokyo day, even seconds later (14:59:30 UTC is 23:59:30 in Tokyo)', () => {
    const beforeMidnight = { day: '2026-12-03', at: at('2026-12-03T14:59:30Z').getTime() };
    expect(countIsFresh(beforeMidnight, at('2026-12-03T14:59:59Z'), OPEN_JOB_COUNT_MAX_AGE_MS)).toBe(true);
    expect(countIsFresh(beforeMidnight, at('2026-12-03T15:00:00Z'), OPEN_JOB_COUNT_MAX_AGE_MS)).toBe(false);
  });

  it('is stale when there is no count, or the clock went back past it', () => {
    expect(countIsFresh(undefined, at('2026-12-03T01:00:00Z'), OPEN_JOB_COUNT_MAX_AGE_MS)).toBe(false);
    expect(countIsFresh(taken, at('2026-12-03T00:59:00Z'), OPEN_JOB_COUNT_MAX_AGE_MS)).toBe(false);
  });
});
