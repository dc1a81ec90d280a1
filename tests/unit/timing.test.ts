import { describe, expect, it } from 'vitest';
import { noSoonerThan } from '../../src/platform/timing.ts';

const elapsed = async (work: () => Promise<unknown>) => {
  const started = performance.now();
  await work().catch(() => {});
  return performance.now() - started;
};

describe('noSoonerThan (issue 15 A4: steps that must not tell whether an address has an account)', () => {
  it('waits out the rest of the time when the work is quick', async () => {
    const t = await elapsed(() => noSoonerThan(60, async () => 'fast'));
    expect(t).toBeGreaterThanOrEqual(59);
  });

  it('gives back what the work returned', async () => {
    await expect(noSoonerThan(5, async () => 42)).resolves.toBe(42);
  });

  it('waits before passing on an error too, so a refusal takes as long as a success', async () => {
    const started = performance.now();
    await expect(
      noSoonerThan(60, async () => {
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(performance.now() - started).toBeGreaterThanOrEqual(59);
  });

  it('adds nothing once the work took longer than the floor', async () => {
    const t = await elapsed(() => noSoonerThan(10, () => new Promise((r) => setTimeout(r, 80))));
    expect(t).toBeLessThan(80 + 40);
  });
});
