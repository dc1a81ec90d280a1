/**
 * Database round trips per public page (issue 13: "a page's data in as few round trips as its
 * content needs"). Counted at the PostgreSQL client, so PostgreSQL only: the results page used to
 * spend 7–10 of its 11–14 round trips on one SET LOCAL each.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobsInBulk } from '../support/factories.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
let jobNumber: string;
beforeAll(async () => {
  if (!process.env.DATABASE_URL) return;
  ctx = await createTestContext();
  [jobNumber] = (await createJobsInBulk(ctx.deps, 40)) as [string];
});
afterAll(() => ctx?.close());

/** The statements sent while `path` is served (after one warm-up request, so cached statistics are warm). */
async function statementsOf(path: string): Promise<string[]> {
  await (await ctx.app.request(path)).text();
  const sent: string[] = [];
  const query = pg.Client.prototype.query;
  const counting = function (this: pg.Client, ...args: unknown[]) {
    const q = args[0] as string | { text?: string };
    sent.push(typeof q === 'string' ? q : (q.text ?? ''));
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  };
  pg.Client.prototype.query = counting as typeof query;
  try {
    const res = await ctx.app.request(path);
    expect(res.status).toBe(200);
    await res.text();
  } finally {
    pg.Client.prototype.query = query;
  }
  return sent;
}

const kw = encodeURIComponent('東京');

describe.skipIf(!process.env.DATABASE_URL)('round trips per page', () => {
  it('a results page: one transaction with its settings in one statement, then the cards', async () => {
    for (const path of ['/jobs', `/jobs?kw=${kw}`, `/jobs?kw=${kw}&pref=13&emp=regular`]) {
      const sent = await statementsOf(path);
      expect(
        sent.filter((s) => /^\s*set\s/i.test(s)),
        path,
      ).toEqual([]);
      expect(
        sent.filter((s) => s.includes('set_config')),
        path,
      ).toHaveLength(1);
      expect(sent.length, `${path}: ${sent.join(' | ')}`).toBeLessThanOrEqual(6);
    }
  });

  it('the top page none while its count is kept (a minute), a job page one', async () => {
    expect(await statementsOf('/')).toEqual([]);
    expect(await statementsOf(`/jobs/${jobNumber}`)).toHaveLength(1);
  });
});
