/**
 * The top page's 「現在 N 件の求人を公開しています」 without a whole-table count per view (issue 13):
 * one count per process and minute (the new Tokyo day's recount is in tests/unit/open-job-count.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJob } from '../support/factories.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

const shown = async () => {
  const page = await ctx.client().get('/');
  const m = /現在 ([\d,]+) 件の求人を公開しています/.exec(page.text('main'));
  if (!m) throw new Error('no job count on the top page');
  return Number(m[1]!.replace(/,/g, ''));
};

describe('issue 13 the open-job count of the top page', () => {
  it('is counted once a minute: a job opened meanwhile shows after the minute, not before', async () => {
    const before = await shown();
    await createJob(ctx.deps);
    expect(await shown()).toBe(before);
    ctx.clock.advance(59_000);
    expect(await shown()).toBe(before);
    ctx.clock.advance(1_000);
    expect(await shown()).toBe(before + 1);
  });
});
