import { describe, expect, it } from 'vitest';
import { Random } from '../../src/demo/random.ts';

describe('Random (deterministic demo data)', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const a = new Random(42);
    const b = new Random(42);
    const c = new Random(43);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
  });
  it('keeps ints within bounds and reaches both ends', () => {
    const r = new Random(1);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) {
      const n = r.int(3, 6);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(6);
      seen.add(n);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });
  it('samples distinct items', () => {
    const r = new Random(7);
    const s = r.sample(['a', 'b', 'c', 'd'], 3);
    expect(new Set(s).size).toBe(3);
  });
  it('honours weights', () => {
    const r = new Random(9);
    let zero = 0;
    for (let i = 0; i < 1000; i++) if (r.weighted([9, 1]) === 0) zero++;
    expect(zero).toBeGreaterThan(850);
  });
});
