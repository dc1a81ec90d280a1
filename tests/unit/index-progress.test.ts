import { describe, expect, it } from 'vitest';
import { indexProgress } from '../../src/db/index-progress.ts';

describe('indexProgress (issue 13: the seed index build shows progress)', () => {
  it('counts blocks while the table is scanned', () => {
    expect(
      indexProgress({
        phase: 'building index: scanning table',
        blocks_done: '1200',
        blocks_total: '210000',
        tuples_done: '0',
        tuples_total: '0',
      }),
    ).toEqual({ phase: 'building index: scanning table', done: 1200, total: 210_000 });
  });

  it('counts tuples in the phases that have no block count', () => {
    expect(
      indexProgress({
        phase: 'building index: loading tuples in tree',
        blocks_done: 0,
        blocks_total: 0,
        tuples_done: 500_000,
        tuples_total: 1_261_061,
      }),
    ).toEqual({ phase: 'building index: loading tuples in tree', done: 500_000, total: 1_261_061 });
  });
});
