import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Runs `work` and returns (or throws) no sooner than `ms` after it began. For steps whose work
 * depends on a secret — whether an address has an account — so they take the same time either
 * way (issue 15 A4). Real time, not the app's clock: it is about what a client can measure.
 */
export async function noSoonerThan<T>(ms: number, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const rest = async () => {
    const left = ms - (performance.now() - started);
    if (left > 0) await sleep(left);
  };
  try {
    const result = await work();
    await rest();
    return result;
  } catch (error) {
    await rest();
    throw error;
  }
}
