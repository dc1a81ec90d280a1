import { describe, expect, it } from 'vitest';
import { SCAN_STATES } from '../../src/domain/vocabulary.ts';
import {
  decideScan,
  isDeliverable,
  needsScan,
  nextScanAt,
  SCAN_RETRY,
  scanRetryDelay,
  UNREADABLE_FINDING_PREFIX,
  withheldReason,
} from '../../src/modules/documents/scan.rules.ts';
import { FixedClock } from '../../src/platform/clock.ts';
import { tokyoDate } from '../../src/platform/dates.ts';

describe('AP-5 retry backoff when clamd cannot be reached (pure)', () => {
  it('AP-5 doubles from 30 s and is capped at one hour', () => {
    const delays = Array.from({ length: 10 }, (_, i) => scanRetryDelay(i + 1));
    expect(delays).toEqual([30, 60, 120, 240, 480, 960, 1920, 3600, 3600, 3600]);
  });

  it('AP-5 stays at the cap for very many attempts (no overflow to Infinity or NaN)', () => {
    for (const attempt of [11, 50, 1_024, 1_025, 5_000, Number.MAX_SAFE_INTEGER]) {
      expect(scanRetryDelay(attempt)).toBe(SCAN_RETRY.maxDelaySeconds);
    }
  });

  it('AP-5 never decreases from one attempt to the next', () => {
    let previous = 0;
    for (let attempt = 1; attempt <= 40; attempt++) {
      const delay = scanRetryDelay(attempt);
      expect(delay).toBeGreaterThanOrEqual(previous);
      previous = delay;
    }
  });

  it('AP-5 jitter shortens the wait by at most 20 % and never goes past the cap', () => {
    expect(scanRetryDelay(1, 0.5)).toBe(27);
    expect(scanRetryDelay(1, 0.999)).toBe(24);
    expect(scanRetryDelay(8, 0.999)).toBe(2881);
    expect(scanRetryDelay(20, 0.25)).toBe(3420);
    for (let attempt = 1; attempt <= 30; attempt++) {
      for (const jitter of [0, 0.1, 0.5, 0.9, 0.999_999]) {
        const delay = scanRetryDelay(attempt, jitter);
        const plain = scanRetryDelay(attempt);
        expect(delay).toBeLessThanOrEqual(plain);
        expect(delay).toBeGreaterThanOrEqual(Math.floor(plain * 0.8));
        expect(delay).toBeLessThanOrEqual(SCAN_RETRY.maxDelaySeconds);
      }
    }
  });

  it('AP-5 refuses attempts that are not whole numbers ≥ 1 and jitter outside [0, 1)', () => {
    for (const attempt of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => scanRetryDelay(attempt)).toThrow(RangeError);
    }
    for (const jitter of [-0.01, 1, 1.5, Number.NaN]) {
      expect(() => scanRetryDelay(1, jitter)).toThrow(RangeError);
    }
  });

  it.each([
    // [now (UTC), attempt, next attempt (UTC), its Tokyo date]
    ['2026-11-21T01:00:00.000Z', 1, '2026-11-21T01:00:30.000Z', '2026-11-21'],
    ['2026-11-21T15:00:00.000Z', 3, '2026-11-21T15:02:00.000Z', '2026-11-22'], // 00:00 in Tokyo, the next day
    ['2026-11-21T14:59:50.000Z', 1, '2026-11-21T15:00:20.000Z', '2026-11-22'], // crosses midnight in Tokyo
    ['2026-11-21T23:59:45.000Z', 2, '2026-11-22T00:00:45.000Z', '2026-11-22'], // crosses midnight in UTC
    ['2026-12-31T14:30:00.000Z', 12, '2026-12-31T15:30:00.000Z', '2027-01-01'], // the cap, into the new year in Tokyo
  ])('AP-5 at %s after attempt %i the next try is at %s', (now, attempt, next, tokyoDay) => {
    const clock = new FixedClock(now);
    const at = nextScanAt(clock.now(), attempt);
    expect(at.toISOString()).toBe(next);
    expect(tokyoDate(at)).toBe(tokyoDay);
  });

  it('AP-5 nextScanAt applies the jitter too', () => {
    const clock = new FixedClock('2026-11-21T18:00:00Z');
    expect(nextScanAt(clock.now(), 1, 0.5).toISOString()).toBe('2026-11-21T18:00:27.000Z');
  });
});

describe('AP-5 what a scan makes of a document (pure)', () => {
  it('AP-5 clean → clean, infected → withheld with the signature, no verdict → pending with a retry', () => {
    expect(decideScan({ kind: 'clean' }, 1)).toEqual({ state: 'clean' });
    expect(decideScan({ kind: 'infected', signature: 'Eicar-Test-Signature' }, 1)).toEqual({
      state: 'withheld',
      signature: 'Eicar-Test-Signature',
    });
    expect(decideScan({ kind: 'unavailable', reason: 'unreachable' }, 1)).toEqual({
      state: 'pending',
      retryAfterSeconds: 30,
    });
    expect(decideScan({ kind: 'unavailable', reason: 'refused' }, 4, 0.5)).toEqual({
      state: 'pending',
      retryAfterSeconds: 216,
    });
    expect(decideScan({ kind: 'unavailable', reason: 'not_configured' }, 99)).toEqual({
      state: 'pending',
      retryAfterSeconds: 3600,
    });
  });

  it('AP-5 a clean or infected outcome is final whatever the attempt number', () => {
    for (const attempt of [1, 2, 10, 1_000]) {
      expect(decideScan({ kind: 'clean' }, attempt).state).toBe('clean');
      expect(decideScan({ kind: 'infected', signature: 'X' }, attempt).state).toBe('withheld');
    }
  });

  it('AP-5 only a clean document is delivered; only a pending one is scanned', () => {
    const delivered = SCAN_STATES.filter(isDeliverable);
    const scanned = SCAN_STATES.filter(needsScan);
    expect(SCAN_STATES).toEqual(['pending', 'clean', 'withheld']);
    expect(delivered).toEqual(['clean']);
    expect(scanned).toEqual(['pending']);
  });
});

describe('AP-5 a document whose stored bytes cannot be read back (pure)', () => {
  it('AP-5 unreadable → withheld at once with an unreadable finding, whatever the attempt', () => {
    for (const attempt of [1, 2, 9, 99]) {
      expect(decideScan({ kind: 'unreadable', reason: 'missing' }, attempt)).toEqual({
        state: 'withheld',
        signature: 'unreadable:missing',
      });
    }
  });

  it('AP-5 the finding tells an unreadable document from a suspect one; older rows are suspect', () => {
    expect(withheldReason(`${UNREADABLE_FINDING_PREFIX}sha256_mismatch`)).toBe('unreadable');
    expect(withheldReason('Eicar-Test-Signature')).toBe('suspect');
    expect(withheldReason('Win.Test.unreadable:x')).toBe('suspect');
    expect(withheldReason(null)).toBe('suspect');
  });
});
