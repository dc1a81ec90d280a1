/**
 * PostgreSQL settings the app asks for (issue 13; docs/operations.md "PostgreSQL settings"), as a
 * pure decision from what the server reports. The keyword search reads the job_search table, its
 * TOAST and its indexes on every query; when they do not fit in shared_buffers each search reads
 * from the operating system's cache or the disk, and the query classes miss their p95 (stock
 * shared_buffers 128 MB against 5 GB at 1.3 M postings: docs/benchmarks.md). A small database fits
 * wherever it is, so below SMALL_WORKING_SET_BYTES nothing is asked for.
 */

const MiB = 1024 * 1024;
export const SMALL_WORKING_SET_BYTES = 256 * MiB;
/** Recommendations are rounded up to this, as an operator would write them. */
const STEP_BYTES = 256 * MiB;

export interface ServerSettingsFacts {
  sharedBuffersBytes: number;
  /** job_search with its TOAST and indexes (pg_total_relation_size). */
  searchWorkingSetBytes: number;
}

export interface SettingAdvice {
  setting: 'shared_buffers';
  currentBytes: number;
  recommendedBytes: number;
}

export function settingsAdvice(facts: ServerSettingsFacts): SettingAdvice[] {
  const { sharedBuffersBytes, searchWorkingSetBytes } = facts;
  if (searchWorkingSetBytes < SMALL_WORKING_SET_BYTES || sharedBuffersBytes >= searchWorkingSetBytes)
    return [];
  return [
    {
      setting: 'shared_buffers',
      currentBytes: sharedBuffersBytes,
      recommendedBytes: Math.ceil(searchWorkingSetBytes / STEP_BYTES) * STEP_BYTES,
    },
  ];
}

/** 4GB, 1536MB: how postgresql.conf writes a size. */
export function settingSize(bytes: number): string {
  const gib = bytes / (1024 * MiB);
  return Number.isInteger(gib) ? `${gib}GB` : `${Math.ceil(bytes / MiB)}MB`;
}
