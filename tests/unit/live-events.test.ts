/** Reconnect backoff of the LISTEN connection (ADR 0018). */
import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../src/modules/notifications/live-events.ts';

describe('IP-1 the LISTEN reconnect backoff', () => {
  it('IP-1 doubles from the first delay up to the cap', () => {
    const mid = () => 0.5; // no jitter
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((n) => backoffDelay(n, 100, 5000, mid))).toEqual([
      100, 200, 400, 800, 1600, 3200, 5000, 5000,
    ]);
    expect(backoffDelay(1000, 100, 5000, mid)).toBe(5000);
  });

  it('IP-1 jitter stays within ±20 % so a fleet of servers does not reconnect in step', () => {
    expect(backoffDelay(0, 1000, 5000, () => 0)).toBe(800);
    expect(backoffDelay(0, 1000, 5000, () => 0.999999)).toBe(1200);
    expect(backoffDelay(3, 1000, 5000, () => 0)).toBe(4000);
  });
});
