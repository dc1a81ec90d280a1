/**
 * Queue.drain() (src/platform/queue.ts), used by the tests and the CLI: a failing job must not
 * stop the others. Found by E2 (issue 15): with clamd down the scan job failed and drain() threw at
 * once, leaving the rest of the fetched batch active (never run, never released) until pg-boss
 * expired them, so mail queued in the same batch was not sent.
 */

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type DbHandle, queryRows } from '../../src/db/client.ts';
import { createMemoryLogger } from '../../src/platform/logger.ts';
import { createQueue, defineJob, type JobSpec, type Queue } from '../../src/platform/queue.ts';
import { openTestDatabase } from '../support/database.ts';

const spec: JobSpec<{ n: number }> = {
  name: 'test.drain-batch',
  version: 1,
  schema: z.object({ n: z.number().int() }),
  retryLimit: 2,
  retryDelaySeconds: 30,
};
const later: JobSpec<{ n: number }> = { ...spec, name: 'test.drain-later' };

let handle: DbHandle;
let queue: Queue;
const ran: string[] = [];

beforeAll(async () => {
  handle = await openTestDatabase();
  const fail = (n: number) => n % 3 === 1;
  queue = await createQueue(
    handle,
    [
      defineJob(spec, async ({ n }) => {
        ran.push(`a${n}`);
        if (fail(n)) throw new Error(`job ${n} failed`);
      }),
      defineJob(later, async ({ n }) => {
        ran.push(`b${n}`);
      }),
    ],
    createMemoryLogger(),
  );
});
afterAll(async () => {
  await queue?.stop({ timeoutMs: 1000 });
  await handle?.close();
});

describe('Queue.drain', () => {
  it('runs the whole batch and every other due job, then throws the first error', async () => {
    await queue.enqueueMany(
      spec,
      Array.from({ length: 7 }, (_, n) => ({ n })),
    );
    await queue.enqueueMany(later, [{ n: 0 }, { n: 1 }]);
    await expect(queue.drain()).rejects.toThrow(/job (1|4) failed/);
    expect(ran.filter((r) => r.startsWith('a')).sort()).toEqual(['a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6']);
    expect(ran.filter((r) => r.startsWith('b')).sort()).toEqual(['b0', 'b1']);
    // The failed ones were released for their retry (not left active), due after the retry delay.
    const rows = await queryRows<{ state: string; n: number }>(
      handle.db,
      sql`select state::text as state, count(*)::int as n from pgboss.job where name = ${spec.name} group by state`,
    );
    expect(rows.map((r) => `${r.state}:${r.n}`).sort()).toEqual(['completed:5', 'retry:2']);
    ran.length = 0;
    expect(await queue.drain()).toBe(0);
  });
});
