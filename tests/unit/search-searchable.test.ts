import { describe, expect, it } from 'vitest';
import { isSearchable } from '../../src/modules/search/reindex-job.ts';
import { tokyoDate } from '../../src/platform/dates.ts';

const job = (o: Partial<Parameters<typeof isSearchable>[0]> = {}) => ({
  status: 'open',
  publicationScope: 'full',
  referralDeadline: '2026-11-30',
  ...o,
});

describe('SR-1 SR-4 ST-3 which jobs are in search', () => {
  it('SR-1 an open, public job is searchable up to and including its 紹介期限日', () => {
    expect(isSearchable(job(), '2026-11-21')).toBe(true);
    expect(isSearchable(job(), '2026-11-30')).toBe(true);
    expect(isSearchable(job(), '2026-12-01')).toBe(false);
  });

  it('SR-1 the day is Tokyo’s: at 15:00 UTC on the 紹介期限日 it is already the next day', () => {
    expect(isSearchable(job(), tokyoDate(new Date('2026-11-30T14:59:59Z')))).toBe(true);
    expect(isSearchable(job(), tokyoDate(new Date('2026-11-30T15:00:00Z')))).toBe(false);
    expect(isSearchable(job(), tokyoDate(new Date('2026-11-30T23:59:00Z')))).toBe(false);
  });

  it('SR-4 公開範囲 2 (anonymous) stays searchable; 公開範囲 3 (private) never is', () => {
    expect(isSearchable(job({ publicationScope: 'anonymous' }), '2026-11-21')).toBe(true);
    expect(isSearchable(job({ publicationScope: 'private' }), '2026-11-21')).toBe(false);
  });

  it('ST-3 a 無効, 取下げ or not yet accepted job is not searchable', () => {
    for (const status of ['invalid', 'withdrawn', 'draft', 'submitted'])
      expect(isSearchable(job({ status }), '2026-11-21')).toBe(false);
  });

  it('SR-1 a job without a 紹介期限日 (not accepted) is not searchable', () => {
    expect(isSearchable(job({ referralDeadline: null }), '2026-11-21')).toBe(false);
  });
});
