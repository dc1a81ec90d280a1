/**
 * The index and list writes called with nothing to do ask the database nothing: reindexAllJobs
 * calls them once per batch of 1,000 jobs, mostly with an empty list of jobs to remove.
 */
import { describe, expect, it } from 'vitest';
import type { Executor } from '../../src/db/client.ts';
import { deleteSearchRows, upsertSearchRows } from '../../src/modules/search/search.repository.ts';
import { favoriteJobIdsAmong } from '../../src/modules/search/seeker-lists.repository.ts';

/** A database that fails the test on any use. */
const untouchable = new Proxy(
  {},
  {
    get(_, name) {
      throw new Error(`the database was asked for ${String(name)}`);
    },
  },
) as Executor;

describe('SR-1 SR-3 no round trip for an empty list', () => {
  it('SR-1 writing or removing no index rows', async () => {
    await expect(upsertSearchRows(untouchable, [])).resolves.toBeUndefined();
    await expect(deleteSearchRows(untouchable, [])).resolves.toBeUndefined();
  });
  it('SR-3 the お気に入り among no jobs', async () => {
    await expect(favoriteJobIdsAmong(untouchable, 'seeker', [])).resolves.toEqual(new Set());
  });
});
