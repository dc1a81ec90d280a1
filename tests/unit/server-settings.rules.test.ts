import { describe, expect, it } from 'vitest';
import { SMALL_WORKING_SET_BYTES, settingSize, settingsAdvice } from '../../src/db/server-settings.rules.ts';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

describe('settingsAdvice (issue 13: the start-up warning about shared_buffers)', () => {
  it('asks for nothing while the search working set is small, whatever shared_buffers is', () => {
    expect(
      settingsAdvice({ sharedBuffersBytes: 16 * MiB, searchWorkingSetBytes: SMALL_WORKING_SET_BYTES - 1 }),
    ).toEqual([]);
  });

  it('asks for nothing when the working set fits, to the byte', () => {
    expect(settingsAdvice({ sharedBuffersBytes: 5 * GiB, searchWorkingSetBytes: 5 * GiB })).toEqual([]);
  });

  it('names shared_buffers, its value and the working set rounded up to 256 MB when it does not fit', () => {
    expect(settingsAdvice({ sharedBuffersBytes: 128 * MiB, searchWorkingSetBytes: 5085 * MiB })).toEqual([
      { setting: 'shared_buffers', currentBytes: 128 * MiB, recommendedBytes: 5120 * MiB },
    ]);
    expect(settingsAdvice({ sharedBuffersBytes: 4 * GiB - 1, searchWorkingSetBytes: 4 * GiB })).toEqual([
      { setting: 'shared_buffers', currentBytes: 4 * GiB - 1, recommendedBytes: 4 * GiB },
    ]);
  });

  it('asks as soon as the working set reaches the small bound', () => {
    expect(
      settingsAdvice({ sharedBuffersBytes: 128 * MiB, searchWorkingSetBytes: SMALL_WORKING_SET_BYTES }),
    ).toHaveLength(1);
  });
});

describe('settingSize', () => {
  it('writes whole gigabytes as GB and anything else as MB, rounded up', () => {
    expect(settingSize(4 * GiB)).toBe('4GB');
    expect(settingSize(5120 * MiB)).toBe('5GB');
    expect(settingSize(1536 * MiB)).toBe('1536MB');
    expect(settingSize(128 * MiB + 1)).toBe('129MB');
  });
});
