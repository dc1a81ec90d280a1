/** The cluster proxy's choice of web server (ADR 0030): round-robin, skipping one that is down. */
import { describe, expect, it } from 'vitest';
import { type Backend, pickBackend } from '../../scripts/cluster/proxy.ts';

const backends = (...downUntil: number[]): Backend[] =>
  downUntil.map((d, i) => ({ host: '127.0.0.1', port: 3081 + i, downUntil: d }));

describe('pickBackend', () => {
  it('goes round from the start index', () => {
    const b = backends(0, 0, 0);
    expect([0, 1, 2, 3].map((s) => pickBackend(b, s, 100))).toEqual([0, 1, 2, 0]);
  });

  it('skips a backend marked down until its time is over', () => {
    const b = backends(0, 500);
    expect(pickBackend(b, 1, 100)).toBe(0);
    expect(pickBackend(b, 1, 500)).toBe(1);
  });

  it('tries each backend once per request, the ones marked down last, then gives up', () => {
    const b = backends(500, 500);
    expect(pickBackend(b, 0, 100)).toBe(0);
    expect(pickBackend(b, 0, 100, new Set([0]))).toBe(1);
    expect(pickBackend(b, 0, 100, new Set([0, 1]))).toBeNull();
    expect(pickBackend(backends(0, 500), 1, 100, new Set([0]))).toBe(1);
  });
});
