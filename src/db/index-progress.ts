/**
 * Progress of a CREATE INDEX on PostgreSQL (issue 13: the seed's index build took 8 minutes with no
 * sign of life). PostgreSQL reports it in pg_stat_progress_create_index; a watcher on a second
 * connection polls it and hands each phase's counters to a progress bar.
 */
import type pg from 'pg';

export interface IndexProgressRow {
  phase: string;
  blocks_done: string | number;
  blocks_total: string | number;
  tuples_done: string | number;
  tuples_total: string | number;
}

export interface IndexProgress {
  phase: string;
  done: number;
  total: number;
}

/** Pure: the counters worth showing for a phase — blocks while the table is scanned, else tuples. */
export function indexProgress(row: IndexProgressRow): IndexProgress {
  const blocksTotal = Number(row.blocks_total);
  if (blocksTotal > 0) return { phase: row.phase, done: Number(row.blocks_done), total: blocksTotal };
  return { phase: row.phase, done: Number(row.tuples_done), total: Number(row.tuples_total) };
}

/**
 * Polls every `intervalMs` until the returned stop is called; `onProgress` gets each sample of a
 * CREATE INDEX running in this database. Polling errors are ignored (the build is what matters).
 */
export function watchIndexBuild(
  pool: pg.Pool,
  onProgress: (p: IndexProgress) => void,
  intervalMs = 1000,
): () => Promise<void> {
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const poll = async () => {
    const result = await pool
      .query<IndexProgressRow>(
        `select phase, blocks_done, blocks_total, tuples_done, tuples_total
           from pg_stat_progress_create_index where datname = current_database()`,
      )
      .catch(() => null);
    for (const row of result?.rows ?? []) if (!stopped) onProgress(indexProgress(row));
  };
  const timer = setInterval(() => {
    running = running.then(poll);
  }, intervalMs);
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
