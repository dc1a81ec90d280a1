import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readServerSettings, reportServerSettings } from '../../src/db/server-settings.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

describe('the start-up check of PostgreSQL settings (issue 13)', () => {
  it('reads shared_buffers and the size of job_search with its indexes from the server', async () => {
    const facts = await readServerSettings(ctx.deps.db);
    expect(facts.sharedBuffersBytes).toBeGreaterThan(0);
    // After migrations job_search exists and has its indexes, each at least one page.
    expect(facts.searchWorkingSetBytes).toBeGreaterThanOrEqual(8192);
  });

  it('is silent for a test-sized database', async () => {
    const before = ctx.logs.length;
    await reportServerSettings(ctx.deps.db, ctx.deps.logger);
    expect(ctx.logs.slice(before).filter((l) => l.level === 'warn')).toEqual([]);
  });

  it('warns once, naming the setting, its value and the value to set, when the search does not fit', async () => {
    const before = ctx.logs.length;
    await reportServerSettings(ctx.deps.db, ctx.deps.logger, async () => ({
      sharedBuffersBytes: 128 * 1024 * 1024,
      searchWorkingSetBytes: 5085 * 1024 * 1024,
    }));
    const warnings = ctx.logs.slice(before).filter((l) => l.level === 'warn');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ setting: 'shared_buffers', current: '128MB', recommended: '5GB' });
    expect(String(warnings[0]?.msg)).toContain('docs/operations.md');
  });
});
